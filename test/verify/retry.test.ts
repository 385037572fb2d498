/**
 * Throttled AWS calls are retried with exponential backoff and jitter, bounded; other
 * errors surface at once.
 */
import { DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { BLUE_TARGETS, cfnError, elbError, mockWebAlb, run, targetHealth, TG_BLUE } from './fixtures/aws';
import { backoffDelay, DEFAULT_RETRY, isThrottling, RetryNotice, withRetry } from '../../lib/verify/retry';

describe('which errors are throttling', () => {
  test.each<[string, unknown, boolean]>([
    ['ELB\'s Throttling', elbError('Throttling', 'Rate exceeded'), true],
    ['CloudFormation\'s Throttling', cfnError('Throttling', 'Rate exceeded'), true],
    ['ThrottlingException', elbError('ThrottlingException', 'Rate exceeded'), true],
    ['TooManyRequestsException', elbError('TooManyRequestsException', 'Too many requests'), true],
    ['HTTP 429', elbError('UnknownError', 'Too Many Requests', 429), true],
    ['HTTP 503', elbError('ServiceUnavailable', 'Service Unavailable', 503), true],
    ['an error the SDK marks retryable', Object.assign(elbError('SomeError', 'retry me'), { $retryable: { throttling: true } }), true],
    ['AccessDenied', elbError('AccessDenied', 'not authorized', 403), false],
    ['a missing stack', cfnError('ValidationError', 'Stack with id X does not exist'), false],
    ['a plain Error', new Error('socket hang up'), false],
    ['a string', 'Throttling', false],
  ])('%s → %s', (_, error, expected) => {
    expect(isThrottling(error)).toBe(expected);
  });
});

describe('withRetry', () => {
  const policy = (sleeps: number[], notices: RetryNotice[] = [], random = 0.5) => ({
    ...DEFAULT_RETRY, random: () => random, sleep: async (ms: number) => { sleeps.push(ms); }, onRetry: (n: RetryNotice) => { notices.push(n); },
  });

  test('retries throttling with growing delays and returns the result', async () => {
    // GIVEN a call throttled three times
    const sleeps: number[] = [];
    const notices: RetryNotice[] = [];
    let calls = 0;
    const fn = async () => {
      calls++;
      if (calls <= 3) throw elbError('Throttling', 'Rate exceeded');
      return 'described';
    };

    // WHEN
    const result = await withRetry('DescribeTargetHealth', fn, policy(sleeps, notices));

    // THEN
    expect(result).toBe('described');
    expect(sleeps).toEqual([375, 750, 1500]);
    expect(notices.map(n => [n.operation, n.errorName, n.attempt, n.maxAttempts])).toEqual([
      ['DescribeTargetHealth', 'Throttling', 1, 6], ['DescribeTargetHealth', 'Throttling', 2, 6], ['DescribeTargetHealth', 'Throttling', 3, 6],
    ]);
  });

  test('gives up after the last attempt, surfacing the throttling error', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const fn = async () => {
      calls++;
      throw elbError('Throttling', 'Rate exceeded');
    };
    await expect(withRetry('DescribeRules', fn, policy(sleeps))).rejects.toMatchObject({ name: 'Throttling', message: 'Rate exceeded' });
    expect(calls).toBe(6);
    expect(sleeps).toEqual([375, 750, 1500, 3000, 6000]);
  });

  test('does not retry other errors', async () => {
    const sleeps: number[] = [];
    let calls = 0;
    const fn = async () => {
      calls++;
      throw elbError('AccessDenied', 'not authorized', 403);
    };
    await expect(withRetry('DescribeRules', fn, policy(sleeps))).rejects.toMatchObject({ name: 'AccessDenied' });
    expect(calls).toBe(1);
    expect(sleeps).toEqual([]);
  });

  test.each([
    [1, 0, 250], [1, 0.999, 500], [3, 0, 1000], [3, 0.999, 1999], [6, 0.5, 12_000], [10, 0.999, 19_990],
  ])('waits within the jittered, capped step: attempt %i, random %d → %i ms', (attempt, random, expected) => {
    expect(backoffDelay(attempt, { ...DEFAULT_RETRY, random: () => random })).toBe(expected);
  });
});

describe('throttling during a run', () => {
  test('retries DescribeTargetHealth, reports the retries on stderr and passes', async () => {
    // GIVEN DescribeTargetHealth throttled twice
    const aws = mockWebAlb();
    aws.elbMock.on(DescribeTargetHealthCommand, { TargetGroupArn: TG_BLUE })
      .rejectsOnce(elbError('Throttling', 'Rate exceeded'))
      .rejectsOnce(elbError('Throttling', 'Rate exceeded'))
      .resolves(targetHealth(BLUE_TARGETS));

    // WHEN
    const result = await run(aws);

    // THEN
    expect(result.code).toBe(0);
    expect(result.sleeps).toEqual([375, 750]);
    expect(result.stderr()).toBe([
      'DescribeTargetHealth was throttled (Throttling); retrying in 0.4 s (attempt 2 of 6).',
      'DescribeTargetHealth was throttled (Throttling); retrying in 0.8 s (attempt 3 of 6).',
      '',
    ].join('\n'));
  });

  test('stops with exit code 2 when the throttling outlasts the retries', async () => {
    const aws = mockWebAlb();
    aws.elbMock.on(DescribeTargetHealthCommand, { TargetGroupArn: TG_BLUE }).rejects(elbError('Throttling', 'Rate exceeded'));
    const result = await run(aws, ['--json']);
    expect(result.code).toBe(2);
    expect(aws.elbMock.commandCalls(DescribeTargetHealthCommand, { TargetGroupArn: TG_BLUE })).toHaveLength(6);
    expect(JSON.parse(result.stdout()).error).toBe('Cannot read stack \'WebAlb\' in eu-west-1: Throttling: Rate exceeded');
  });
});
