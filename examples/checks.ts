/**
 * The validators every example runs through at synthesis: aws-cdk-lib's CloudFormation
 * validation (findings are errors, through the context flag in cdk.json or set here),
 * cdk-nag's AwsSolutions pack and the Control Tower proactive controls.
 */
import { CfnGuardValidator } from '@cdklabs/cdk-validator-cfnguard';
import { App, AppProps, Validations } from 'aws-cdk-lib';
import { AwsSolutionsChecks } from 'cdk-nag';

/** Context that makes CloudFormation validation findings fail synthesis. */
export const STRICT_CONTEXT = { '@aws-cdk/core:validateAgainstDefaultRules': true };

/**
 * Guard rules of the Control Tower pack that do not apply to these topologies, each
 * with the reason, by rule file name. Acknowledging one guard finding would pass the
 * whole report, so rules are disabled here instead.
 */
export const DISABLED_GUARD_RULES: string[] = [
  // ELB access logs can only be delivered to buckets encrypted with S3-managed keys.
  'ct-s3-pr-10',
  // The access-log bucket is itself a log destination; logging it would need another.
  'ct-s3-pr-2',
  // Object Lock makes access logs undeletable for a retention period: a compliance
  // decision for the account owner, not a default for every topology.
  'ct-s3-pr-9',
  // Each fleet runs the one instance type its spec names, so every target has the
  // same capacity, which request-count target tracking assumes.
  'ct-autoscaling-pr-6',
];

/** Registers the validators on an app and returns it. */
export function addChecks(app: App): App {
  Validations.of(app).addPlugins(
    new AwsSolutionsChecks(app),
    new CfnGuardValidator({ controlTowerRulesEnabled: true, disabledRules: DISABLED_GUARD_RULES }),
  );
  return app;
}

/** An app with the strict context and every validator registered. */
export function checkedApp(props: AppProps = {}): App {
  return addChecks(new App({ ...props, context: { ...STRICT_CONTEXT, ...props.context } }));
}
