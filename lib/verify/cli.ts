#!/usr/bin/env node
/**
 * The `cdk-elb-topology` command (the package's `bin`): `cdk-elb-topology verify <stack>`
 * checks a deployed topology. It needs no AWS CDK at run time: it reads JSON templates
 * and calls AWS through the SDK, whose clients take the region, credentials and endpoint
 * from the environment.
 */
import { CloudFormationClient } from '@aws-sdk/client-cloudformation';
import { ElasticLoadBalancingV2Client } from '@aws-sdk/client-elastic-load-balancing-v2';
import { parseArgs, ParsedArgs, USAGE } from './args';
import { createProgress } from './progress';
import { renderError, renderJson, renderText } from './render';
import { VerifyDeps, VerifyError } from './types';
import { EXIT, verify } from './verify';

/**
 * Runs the command with `argv` (the arguments after the script name) and returns the
 * exit code. `deps` replaces the real clients, streams, clock and sleep (tests).
 */
export async function main(argv: readonly string[], deps: Partial<VerifyDeps> = {}): Promise<number> {
  const stdout = deps.stdout ?? process.stdout;
  const stderr = deps.stderr ?? process.stderr;
  let parsed: ParsedArgs;
  try {
    parsed = parseArgs(argv);
  } catch (error) {
    if (!(error instanceof VerifyError)) throw error;
    stderr.write(renderError(error.message, error.hint));
    return EXIT.error;
  }
  if (parsed.help) {
    stdout.write(USAGE);
    return EXIT.passed;
  }
  const options = parsed.options;
  const full: VerifyDeps = {
    cloudFormation: deps.cloudFormation ?? new CloudFormationClient(clientConfig()),
    elb: deps.elb ?? new ElasticLoadBalancingV2Client(clientConfig()),
    stdout,
    stderr,
    cwd: deps.cwd ?? process.cwd(),
    now: deps.now ?? (() => Date.now()),
    sleep: deps.sleep ?? (ms => new Promise(resolve => setTimeout(resolve, ms))),
    random: deps.random ?? (() => Math.random()),
  };
  const report = await verify(options, full, createProgress(options.json, stdout, stderr));
  if (options.json) {
    stdout.write(renderJson(report));
  } else if (report.error !== undefined) {
    stderr.write(renderError(report.error, report.hint));
  } else {
    stdout.write(renderText(report));
  }
  return report.exitCode;
}

/**
 * The SDK reads AWS_REGION, AWS_PROFILE and AWS_ENDPOINT_URL by itself; AWS_DEFAULT_REGION
 * (which the AWS CLI and the CDK CLI read, but the SDK does not) is passed on when
 * AWS_REGION is not set.
 */
function clientConfig(): { region?: string } {
  const region = process.env.AWS_REGION ?? process.env.AWS_DEFAULT_REGION;
  return region ? { region } : {};
}

if (require.main === module) {
  main(process.argv.slice(2)).then(
    code => { process.exitCode = code; },
    (error: unknown) => {
      process.stderr.write(renderError(String((error as Error)?.stack ?? error)));
      process.exitCode = EXIT.error;
    },
  );
}
