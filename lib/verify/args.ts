/**
 * The command line: `cdk-elb-topology verify <stack-name> [options]`.
 */
import { VerifyError, VerifyOptions } from './types';
import { closestName } from '../validation/did-you-mean';

/** The text of `--help`. */
export const USAGE = `Usage: cdk-elb-topology verify <stack-name> [options]

Checks a deployed stack: waits until every target of every target group is healthy, and
compares the load balancers, listeners, rules and target groups that run with the
template (drift).

Options:
  --timeout <seconds>   how long to wait for healthy targets (default 600)
  --interval <seconds>  time between two health polls, at least 1 (default 10)
  --no-wait             poll target health once, do not wait
  --template <file>     the template to compare with (default: the stack's template in
                        the cloud assembly, else the deployed template from CloudFormation)
  --cdk-out <dir>       the cloud assembly directory (default cdk.out)
  --no-drift            do not compare with the template
  --allow-empty         accept target groups without targets
  --json                print one JSON document instead of text
  -h, --help            show this help

Region, credentials and endpoint come from the AWS environment: AWS_REGION (or
AWS_DEFAULT_REGION), AWS_PROFILE, and AWS_ENDPOINT_URL (e.g. http://localhost:4566
for LocalStack).

Exit codes: 0 every target healthy and no drift; 1 targets not healthy at the timeout,
or drift; 2 usage error, or the stack does not exist or cannot be read.
`;

/** The parsed command line: the options, or a request for help. */
export type ParsedArgs = { readonly help: true } | { readonly help: false; readonly options: VerifyOptions };

const FLAGS = ['--json', '--no-wait', '--no-drift', '--allow-empty', '--help', '-h'];
const VALUED = ['--timeout', '--interval', '--template', '--cdk-out'];

/** Parses `argv` (without `node` and the script); throws a VerifyError for a usage error. */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  if (argv.includes('--help') || argv.includes('-h')) return { help: true };
  const [command, ...rest] = argv;
  if (command === undefined) throw usage('No command given.');
  if (command !== 'verify') throw usage(`Unknown command '${command}'.`, command.startsWith('-') ? undefined : suggest(command, ['verify']));

  const positional: string[] = [];
  const flags = new Set<string>();
  const values = new Map<string, string>();
  for (let i = 0; i < rest.length; i++) {
    const arg = rest[i];
    if (!arg.startsWith('-')) {
      positional.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = eq > 0 ? arg.slice(0, eq) : arg;
    if (FLAGS.includes(name)) {
      if (eq > 0) throw usage(`Option ${name} takes no value.`);
      flags.add(name);
    } else if (VALUED.includes(name)) {
      const value = eq > 0 ? arg.slice(eq + 1) : rest[++i];
      if (value === undefined || value === '') throw usage(`Option ${name} needs a value.`);
      values.set(name, value);
    } else {
      throw usage(`Unknown option '${name}'.`, suggest(name, [...FLAGS, ...VALUED]));
    }
  }
  if (positional.length === 0) throw usage('No stack name given.');
  if (positional.length > 1) throw usage(`Give one stack name, got ${positional.length}: ${positional.join(', ')}.`);

  return {
    help: false,
    options: {
      stackName: positional[0],
      timeoutSeconds: seconds(values, '--timeout', 600, 0),
      intervalSeconds: seconds(values, '--interval', 10, 1),
      json: flags.has('--json'),
      templatePath: values.get('--template'),
      cdkOut: values.get('--cdk-out') ?? 'cdk.out',
      cdkOutGiven: values.has('--cdk-out'),
      wait: !flags.has('--no-wait'),
      drift: !flags.has('--no-drift'),
      allowEmpty: flags.has('--allow-empty'),
    },
  };
}

function seconds(values: Map<string, string>, name: string, fallback: number, min: number): number {
  const text = values.get(name);
  if (text === undefined) return fallback;
  const n = Number(text);
  if (!/^\d+(\.\d+)?$/.test(text) || !Number.isFinite(n) || n < min || n === 0) {
    throw usage(`Option ${name} must be a number of seconds${min > 0 ? ` of at least ${min}` : ' above 0'}, got '${text}'.`);
  }
  return n;
}

function suggest(wanted: string, known: string[]): string | undefined {
  const close = closestName(wanted, known);
  return close ? `Did you mean '${close}'?` : undefined;
}

function usage(message: string, hint?: string): VerifyError {
  return new VerifyError(message, `${hint ? `${hint} ` : ''}Run 'cdk-elb-topology verify --help' for the options.`);
}
