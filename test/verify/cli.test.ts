/**
 * The `verify` command end to end through `main(argv, deps)`: realistic AWS responses
 * (test/verify/fixtures), a clock that advances when the command sleeps, and captured
 * output. No child process, no real timer.
 */
import { CloudFormationClient, DescribeStacksCommand } from '@aws-sdk/client-cloudformation';
import { DescribeTargetGroupsCommand, DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  BLUE_TARGETS, CODE_404, GREEN_TARGETS, INITIAL, mockWebAlb, run, TG_BLUE, TG_GREEN, TIMED_OUT, cfnError, elbError, fakeEnv, targetHealth,
} from './fixtures/aws';
import { main } from '../../lib/verify/cli';

const ERASE = '\r\x1b[2K';

describe('every target healthy and no drift', () => {
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    result = await run(mockWebAlb());
  });

  test('exits with 0', () => {
    expect(result.code).toBe(0);
  });

  test('prints the stack, the health of each target group, the drift summary and the result', () => {
    expect(result.stdout()).toBe([
      'Stack WebAlb (CREATE_COMPLETE, eu-west-1): 1 load balancer, 2 listeners, 3 listener rules, 2 target groups',
      'Target health: 4 of 4 targets healthy (poll 1, 0 s of 600 s)',
      'Target health after 1 poll (0 s):',
      '  OK    TopologyTargetGroupsblue1F6E31F1 (HTTP 8080) 2 targets: 2 healthy',
      '  OK    TopologyTargetGroupsgreenED1ACA69 (HTTP 8080) 2 targets: 2 healthy',
      '',
      'Drift against cdk.out/WebAlb.template.json: 0 differences in 62 compared fields (1 not compared: intrinsic values)',
      '',
      'Result: passed. Every target is healthy; the deployed resources match the template.',
      '',
    ].join('\n'));
    expect(result.stderr()).toBe('');
  });

  test('does not sleep', () => {
    expect(result.sleeps).toEqual([]);
  });
});

describe('targets that turn healthy after a few polls', () => {
  let result: Awaited<ReturnType<typeof run>>;
  let aws: ReturnType<typeof mockWebAlb>;
  beforeAll(async () => {
    aws = mockWebAlb();
    aws.elbMock.on(DescribeTargetHealthCommand, { TargetGroupArn: TG_GREEN })
      .resolvesOnce(targetHealth(GREEN_TARGETS, [INITIAL, INITIAL]))
      .resolvesOnce(targetHealth(GREEN_TARGETS, [{ State: 'healthy' }, INITIAL]))
      .resolves(targetHealth(GREEN_TARGETS));
    result = await run(aws, ['--interval', '15']);
  });

  test('exits with 0 after the third poll', () => {
    expect(result.code).toBe(0);
    expect(aws.elbMock.commandCalls(DescribeTargetHealthCommand, { TargetGroupArn: TG_GREEN })).toHaveLength(3);
    expect(result.stdout()).toContain('Target health after 3 polls (30 s):');
  });

  test('sleeps the interval between polls', () => {
    expect(result.sleeps).toEqual([15_000, 15_000]);
  });

  test('prints one plain line per poll when the output is not a terminal', () => {
    const polls = result.stdout().split('\n').filter(l => l.startsWith('Target health:'));
    expect(polls).toEqual([
      'Target health: 2 of 4 targets healthy (2 initial) (poll 1, 0 s of 600 s)',
      'Target health: 3 of 4 targets healthy (1 initial) (poll 2, 15 s of 600 s)',
      'Target health: 4 of 4 targets healthy (poll 3, 30 s of 600 s)',
    ]);
    expect(result.stdout()).not.toContain('\x1b');
  });
});

describe('progress on a terminal', () => {
  test('rewrites one line per poll and clears it before the report', async () => {
    // GIVEN targets that are healthy at the second poll
    const aws = mockWebAlb();
    aws.elbMock.on(DescribeTargetHealthCommand, { TargetGroupArn: TG_BLUE })
      .resolvesOnce(targetHealth(BLUE_TARGETS, [INITIAL])).resolves(targetHealth(BLUE_TARGETS));

    // WHEN
    const result = await run(aws, [], { tty: true });

    // THEN
    expect(result.stdout()).toContain(
      `${ERASE}Waiting for healthy targets: 3 of 4 targets healthy (1 initial) (poll 1, 0 s of 600 s)`
      + `${ERASE}Waiting for healthy targets: 4 of 4 targets healthy (poll 2, 10 s of 600 s)${ERASE}Target health after 2 polls (10 s):`,
    );
    expect(result.stdout()).not.toContain('Target health: ');
  });
});

describe('a target that stays unhealthy', () => {
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    const aws = mockWebAlb();
    aws.elbMock.on(DescribeTargetHealthCommand, { TargetGroupArn: TG_GREEN }).resolves(targetHealth(GREEN_TARGETS, [{ State: 'healthy' }, CODE_404]));
    result = await run(aws, ['--timeout', '60', '--interval', '20']);
  });

  test('fails with exit code 1 at the timeout', () => {
    expect(result.code).toBe(1);
    expect(result.sleeps).toEqual([20_000, 20_000, 20_000]);
    expect(result.stdout()).toContain('Result: failed: 1 target not healthy after 60 s.');
  });

  test('prints the target, its reason code and description, the health check and a hint', () => {
    expect(result.stdout()).toContain([
      'Targets not receiving traffic:',
      '  TopologyTargetGroupsgreenED1ACA69 (WebAlb-Topol-9K8J7H6G5F4D)',
      '    health check: HTTP traffic-port /health, matcher 200, every 30 s, timeout 5 s, healthy after 3, unhealthy after 3',
      '    i-0fedcba9876543210 port 8080 in eu-west-1b: unhealthy, Target.ResponseCodeMismatch: Health checks failed with these codes: [404]',
      '      hint: The health check HTTP /health on port 8080 answered with a status code outside the matcher \'200\'.',
    ].join('\n'));
    expect(result.stdout()).toContain('  FAIL  TopologyTargetGroupsgreenED1ACA69 (HTTP 8080) 2 targets: 1 healthy, 1 unhealthy');
  });
});

describe('--no-wait', () => {
  test('fails after one poll when a target is not healthy yet, without sleeping', async () => {
    // GIVEN
    const aws = mockWebAlb();
    aws.elbMock.on(DescribeTargetHealthCommand, { TargetGroupArn: TG_BLUE }).resolves(targetHealth(BLUE_TARGETS, [TIMED_OUT]));

    // WHEN
    const result = await run(aws, ['--no-wait', '--json']);

    // THEN
    const report = JSON.parse(result.stdout());
    expect(result.code).toBe(1);
    expect(result.sleeps).toEqual([]);
    expect(report.health).toMatchObject({ ok: false, timedOut: false, polls: 1 });
    expect(report.health.targetGroups[0].targets[0]).toMatchObject({ id: 'i-0a1b2c3d4e5f60718', state: 'unhealthy', reason: 'Target.Timeout', description: 'Request timed out' });
  });
});

describe('a stack that does not exist', () => {
  let result: Awaited<ReturnType<typeof run>>;
  let aws: ReturnType<typeof mockWebAlb>;
  beforeAll(async () => {
    aws = mockWebAlb();
    aws.cfnMock.on(DescribeStacksCommand, { StackName: 'WebAbl' }).rejects(cfnError('ValidationError', 'Stack with id WebAbl does not exist'));
    result = await run(aws, [], { stack: 'WebAbl' });
  });

  test('fails with exit code 2 and says which stack and region', () => {
    expect(result.code).toBe(2);
    expect(result.stderr()).toMatch(/^Error: Stack 'WebAbl' does not exist in eu-west-1\.\n {2}Check the stack name \(`npx cdk list` shows the stacks of the app/);
    expect(result.stdout()).toBe('');
  });

  test('calls no Elastic Load Balancing API', () => {
    expect(aws.elbMock.calls()).toHaveLength(0);
  });

  test('puts the error in the JSON document with --json', async () => {
    const json = await run(aws, ['--json'], { stack: 'WebAbl' });
    expect(json.code).toBe(2);
    expect(JSON.parse(json.stdout())).toEqual({
      stack: { name: 'WebAbl', region: 'eu-west-1' },
      passed: false,
      exitCode: 2,
      error: 'Stack \'WebAbl\' does not exist in eu-west-1.',
      hint: expect.stringMatching(/^Check the stack name/),
    });
  });
});

describe('errors that stop the run', () => {
  test('fails with exit code 2 when the credentials may not describe target groups', async () => {
    // GIVEN
    const aws = mockWebAlb();
    aws.elbMock.on(DescribeTargetGroupsCommand).rejects(elbError('AccessDenied',
      'User: arn:aws:iam::123456789012:user/ci is not authorized to perform: elasticloadbalancing:DescribeTargetGroups', 403));

    // WHEN
    const result = await run(aws);

    // THEN
    expect(result.code).toBe(2);
    expect(result.stderr()).toBe('Error: Cannot read stack \'WebAlb\' in eu-west-1: AccessDenied: User: arn:aws:iam::123456789012:user/ci is not authorized '
      + 'to perform: elasticloadbalancing:DescribeTargetGroups\n  The credentials need cloudformation:DescribeStacks, ListStackResources and GetTemplate, '
      + 'and elasticloadbalancing:Describe*.\n');
  });

  test('fails with exit code 2 when no region is set', async () => {
    // GIVEN a client whose region provider finds nothing, as with no AWS_REGION and no profile
    const aws = mockWebAlb();
    const env = fakeEnv(aws);
    const cloudFormation = new CloudFormationClient({ region: async () => { throw new Error('Region is missing'); } });

    // WHEN
    const code = await main(['verify', 'WebAlb'], { ...env.deps, cloudFormation });

    // THEN
    expect(code).toBe(2);
    expect(env.stderr()).toBe('Error: No AWS region is set.\n  Set AWS_REGION (or AWS_DEFAULT_REGION), or a region in your AWS profile (AWS_PROFILE).\n');
  });
});

describe('--json', () => {
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    const aws = mockWebAlb();
    aws.elbMock.on(DescribeTargetHealthCommand, { TargetGroupArn: TG_GREEN }).resolves(targetHealth(GREEN_TARGETS, [CODE_404]));
    result = await run(aws, ['--json', '--timeout', '30', '--interval', '30']);
  });

  test('prints exactly one JSON document and no progress', () => {
    expect(() => JSON.parse(result.stdout())).not.toThrow();
    expect(result.stdout().trim().split('\n')[0]).toBe('{');
    expect(result.stderr()).toBe('');
  });

  test('holds the stack, the counts, the health of each target and the drift', () => {
    const report = JSON.parse(result.stdout());
    expect(report).toMatchObject({
      stack: { name: 'WebAlb', id: expect.stringMatching(/^arn:aws:cloudformation:eu-west-1:123456789012:stack\/WebAlb\//), status: 'CREATE_COMPLETE', region: 'eu-west-1' },
      passed: false,
      exitCode: 1,
      resources: { loadBalancers: 1, listeners: 2, listenerRules: 3, targetGroups: 2 },
      health: { ok: false, timedOut: true, polls: 2, elapsedSeconds: 30 },
      drift: { templateSources: ['cdk.out/WebAlb.template.json'], compared: 62, notCompared: 1, differences: [] },
    });
    expect(report.health.targetGroups[1]).toMatchObject({
      arn: TG_GREEN,
      logicalId: 'TopologyTargetGroupsgreenED1ACA69',
      ok: false,
      healthCheck: { enabled: true, protocol: 'HTTP', port: 'traffic-port', path: '/health', matcher: '200', intervalSeconds: 30, timeoutSeconds: 5 },
      targets: [
        { id: 'i-0123456789abcdef0', port: 8080, availabilityZone: 'eu-west-1a', state: 'unhealthy', reason: 'Target.ResponseCodeMismatch', ok: false, hint: expect.any(String) },
        { id: 'i-0fedcba9876543210', state: 'healthy', ok: true },
      ],
    });
  });
});

describe('the command line', () => {
  test('--help prints the usage and exits with 0', async () => {
    const env = fakeEnv(mockWebAlb());
    expect(await main(['--help'], env.deps)).toBe(0);
    expect(env.stdout()).toMatch(/^Usage: cdk-elb-topology verify <stack-name> \[options\]/);
  });

  test('fails with exit code 2 on a usage error, before calling AWS', async () => {
    const aws = mockWebAlb();
    const env = fakeEnv(aws);
    expect(await main(['verify', 'WebAlb', '--timout', '60'], env.deps)).toBe(2);
    expect(env.stderr()).toBe('Error: Unknown option \'--timout\'.\n  Did you mean \'--timeout\'? Run \'cdk-elb-topology verify --help\' for the options.\n');
    expect(aws.cfnMock.calls()).toHaveLength(0);
  });
});
