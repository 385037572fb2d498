/**
 * The command line of `verify`: defaults, each option, and usage errors.
 */
import { parseArgs } from '../../lib/verify/args';
import { VerifyError } from '../../lib/verify/types';

const options = (argv: string[]) => {
  const parsed = parseArgs(argv);
  if (parsed.help) throw new Error('expected options, got help');
  return parsed.options;
};

describe('parsing', () => {
  test('gives the defaults for a bare stack name', () => {
    expect(options(['verify', 'WebAlb'])).toEqual({
      stackName: 'WebAlb',
      timeoutSeconds: 600,
      intervalSeconds: 10,
      json: false,
      templatePath: undefined,
      cdkOut: 'cdk.out',
      cdkOutGiven: false,
      wait: true,
      drift: true,
      allowEmpty: false,
    });
  });

  test('reads every option, with values after a space or an equals sign', () => {
    expect(options(['verify', '--timeout=120', 'WebAlb', '--interval', '5', '--json', '--template', 'out/WebAlb.template.json',
      '--cdk-out=build/cdk.out', '--no-wait', '--no-drift', '--allow-empty'])).toEqual({
      stackName: 'WebAlb',
      timeoutSeconds: 120,
      intervalSeconds: 5,
      json: true,
      templatePath: 'out/WebAlb.template.json',
      cdkOut: 'build/cdk.out',
      cdkOutGiven: true,
      wait: false,
      drift: false,
      allowEmpty: true,
    });
  });

  test.each([[['--help']], [['verify', 'WebAlb', '-h']], [['verify', '--help']]])('asks for help with %j', argv => {
    expect(parseArgs(argv)).toEqual({ help: true });
  });
});

describe('usage errors', () => {
  test.each<[string, string[], string, RegExp]>([
    ['no command is given', [], 'No command given.', /^Run 'cdk-elb-topology verify --help'/],
    ['the command is misspelt', ['verfy', 'WebAlb'], 'Unknown command \'verfy\'.', /^Did you mean 'verify'\?/],
    ['no stack name is given', ['verify', '--json'], 'No stack name given.', /--help/],
    ['two stack names are given', ['verify', 'WebAlb', 'GameNlb'], 'Give one stack name, got 2: WebAlb, GameNlb.', /--help/],
    ['an option is misspelt', ['verify', 'WebAlb', '--intervall', '5'], 'Unknown option \'--intervall\'.', /^Did you mean '--interval'\?/],
    ['an option is unknown', ['verify', 'WebAlb', '--region', 'eu-west-1'], 'Unknown option \'--region\'.', /^Run 'cdk-elb-topology/],
    ['a value is missing', ['verify', 'WebAlb', '--timeout'], 'Option --timeout needs a value.', /--help/],
    ['a value is empty', ['verify', 'WebAlb', '--template='], 'Option --template needs a value.', /--help/],
    ['a flag is given a value', ['verify', 'WebAlb', '--json=true'], 'Option --json takes no value.', /--help/],
    ['the timeout is not a number', ['verify', 'WebAlb', '--timeout', '10m'], 'Option --timeout must be a number of seconds above 0, got \'10m\'.', /--help/],
    ['the timeout is 0', ['verify', 'WebAlb', '--timeout', '0'], 'Option --timeout must be a number of seconds above 0, got \'0\'.', /--help/],
    ['the interval is below a second', ['verify', 'WebAlb', '--interval', '0.5'], 'Option --interval must be a number of seconds of at least 1, got \'0.5\'.', /--help/],
    ['the interval is negative', ['verify', 'WebAlb', '--interval=-5'], 'Option --interval must be a number of seconds of at least 1, got \'-5\'.', /--help/],
  ])('fails when %s', (_, argv, message, hint) => {
    let error: unknown;
    try {
      parseArgs(argv);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(VerifyError);
    expect((error as VerifyError).message).toBe(message);
    expect((error as VerifyError).hint).toMatch(hint);
  });
});
