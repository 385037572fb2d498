/**
 * Target health: which states receive traffic, empty target groups, and the hint for
 * each reason code.
 */
import { DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import { BLUE_TARGETS, mockWebAlb, run, targetHealth, TG_BLUE, TG_GREEN } from './fixtures/aws';
import { targetHint } from '../../lib/verify/hints';
import { HealthCheckSettings } from '../../lib/verify/types';

describe('target groups without targets', () => {
  const emptyGreen = (aws: ReturnType<typeof mockWebAlb>) => aws.elbMock.on(DescribeTargetHealthCommand, { TargetGroupArn: TG_GREEN })
    .resolves({ TargetHealthDescriptions: [] });

  test('fail at the timeout, with a hint', async () => {
    const aws = mockWebAlb();
    emptyGreen(aws);
    const result = await run(aws, ['--timeout', '10']);
    expect(result.code).toBe(1);
    expect(result.stdout()).toContain('  FAIL  TopologyTargetGroupsgreenED1ACA69 (HTTP 8080) no targets');
    expect(result.stdout()).toContain('    No target is registered. For a fleet, check that its Auto Scaling group has a desired capacity above 0');
    expect(result.stdout()).toContain('Result: failed: 1 target group without targets after 10 s.');
  });

  test('pass with --allow-empty', async () => {
    const aws = mockWebAlb();
    emptyGreen(aws);
    const result = await run(aws, ['--allow-empty']);
    expect(result.code).toBe(0);
    expect(result.stdout()).toContain('  OK    TopologyTargetGroupsgreenED1ACA69 (HTTP 8080) no targets');
  });
});

describe('states', () => {
  test.each<[string, number, { State: any; Reason?: any; Description?: string }]>([
    ['healthy', 0, { State: 'healthy' }],
    ['unavailable because health checks are off (traffic flows)', 0, { State: 'unavailable', Reason: 'Target.HealthCheckDisabled', Description: 'Health checks are disabled' }],
    ['draining', 1, { State: 'draining', Reason: 'Target.DeregistrationInProgress', Description: 'Target deregistration is in progress' }],
    ['unused', 1, { State: 'unused', Reason: 'Target.NotInUse', Description: 'Target group is not configured to receive traffic from the load balancer' }],
    ['initial', 1, { State: 'initial', Reason: 'Elb.RegistrationInProgress', Description: 'Target registration is in progress' }],
  ])('a target that is %s gives exit code %i', async (_, expected, health) => {
    const aws = mockWebAlb();
    aws.elbMock.on(DescribeTargetHealthCommand, { TargetGroupArn: TG_BLUE }).resolves(targetHealth(BLUE_TARGETS, [health]));
    expect((await run(aws, ['--no-wait'])).code).toBe(expected);
  });
});

describe('hints', () => {
  const check: HealthCheckSettings = {
    enabled: true, protocol: 'HTTP', port: 'traffic-port', path: '/health', matcher: '200', intervalSeconds: 30, timeoutSeconds: 5, healthyThreshold: 3, unhealthyThreshold: 3,
  };

  test.each<[string, string, RegExp]>([
    ['Target.ResponseCodeMismatch', 'unhealthy', /^The health check HTTP \/health on port 8080 answered with a status code outside the matcher '200'\. .*a redirect to HTTPS answers 301 or 302/],
    ['Target.Timeout', 'unhealthy', /did not answer on port 8080 within the 5 s timeout\. Check that the target's security group lets the load balancer in on port 8080/],
    ['Target.FailedHealthChecks', 'unhealthy', /could not connect on port 8080.*listens on port 8080 on all interfaces.*finished its user data/],
    ['Elb.InitialHealthChecking', 'initial', /needs 3 passing checks 30 s apart \(about 90 s\)\..*user data/],
    ['Elb.RegistrationInProgress', 'initial', /being registered.*--timeout/],
    ['Elb.InternalError', 'unhealthy', /internal error.*AWS Support/],
    ['Target.NotRegistered', 'unused', /not registered with the target group\. Check that the Auto Scaling group lists this target group/],
    ['Target.NotInUse', 'unused', /No load balancer sends traffic to this target group.*Availability Zone/],
    ['Target.InvalidState', 'unused', /stopped or terminated/],
    ['Target.IpUnusable', 'unused', /reserved for use by a load balancer/],
    ['Target.DeregistrationInProgress', 'draining', /deregistered.*deregistration delay/],
    ['Target.HealthCheckDisabled', 'unavailable', /Health checks are turned off/],
    ['Target.SomethingNew', 'unhealthy', /^The target is unhealthy \(Target\.SomethingNew\)\. See the reason codes at https:\/\/docs\.aws\.amazon\.com/],
  ])('%s', (reason, state, expected) => {
    expect(targetHint({ reason, state, port: 8080 }, check)).toMatch(expected);
  });

  test('name the health check port when it is not the traffic port', () => {
    expect(targetHint({ reason: 'Target.Timeout', state: 'unhealthy', port: 8080 }, { ...check, port: '9000' })).toMatch(/on port 9000 within/);
  });
});
