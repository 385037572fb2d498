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
  // Internet-facing Network Load Balancers exist to serve ports other than 80 and 443
  // (games, MQTT, SMTP) to the internet, and with client IP preservation their targets
  // admit the clients too. cdk-nag's AwsSolutions-EC23 still flags every rule open to
  // the internet, and each one it accepts is acknowledged in the code with its reason.
  'ct-ec2-pr-3',
  // Classic Load Balancers only (the `classic` example). A Classic Load Balancer cannot
  // redirect HTTP to HTTPS, so a legacy site that still serves http:// needs a plain
  // HTTP listener, which this rule forbids outright; the library warns about it
  // (cdk-elb-topology:clb.plainListener) and the example acknowledges that warning.
  'ct-elasticloadbalancing-pr-9',
  // Classic Load Balancers only. Stickiness is a listener policy beside the TLS policy,
  // and this rule's `some PolicyNames.* in %secure_policies` is evaluated by cfn-guard
  // 3.1 as "every policy", so a sticky HTTPS listener fails even with the required
  // ELBSecurityPolicy-TLS-1-2-2017-01. test/examples.test.ts asserts that policy on
  // every Classic HTTPS and SSL listener instead.
  'ct-elasticloadbalancing-pr-12',
  // The hybrid example's Lambda function answers its ALB route and reaches nothing in a
  // VPC; attaching it to one would add network interfaces and NAT traffic for no gain.
  'ct-lambda-pr-3',
  // A Lambda target's permission limits Elastic Load Balancing to the stack's account with
  // `SourceAccount: { Ref: AWS::AccountId }`, which this rule reads as missing unless the
  // account is a literal (the examples are account-agnostic). `SourceArn` of the target group
  // is no way out: the group registers the function only once the permission exists.
  'ct-lambda-pr-2',
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
