import { Match } from 'aws-cdk-lib/assertions';
import { ApplicationProtocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { build, minimalSpec } from '../helpers';

const ALB_PATH = '/Test/Topology/ApplicationLoadBalancers/public';

describe('warnings about risky ALB settings', () => {
  // GIVEN deletion protection and access logs off, and an HTTP listener that serves content
  const risky = build(minimalSpec({
    applicationLoadBalancers: {
      public: {
        deletionProtection: false,
        accessLogsEnabled: false,
        listeners: { http: { protocol: ApplicationProtocol.HTTP, defaultAction: { forward: { targetGroup: 'web' } } } },
      },
    },
  }));

  test('warns that deletion protection is off', () => {
    risky.annotations.hasWarning(ALB_PATH, Match.stringLikeRegexp("Deletion protection of load balancer 'public' is off.*cdk-elb-topology:alb.deletionProtectionOff"));
  });

  test('warns that access logs are off', () => {
    risky.annotations.hasWarning(ALB_PATH, Match.stringLikeRegexp("Access logs of load balancer 'public' are off.*cdk-elb-topology:alb.accessLogsOff"));
  });

  test('warns about an internet-facing HTTP listener that does not redirect', () => {
    risky.annotations.hasWarning(ALB_PATH, Match.stringLikeRegexp("Listener 'http' .* serves plain HTTP on port 80.*cdk-elb-topology:alb.httpWithoutRedirect"));
  });

  test('the default spec gives no warning', () => {
    const safe = build(minimalSpec());
    safe.annotations.hasNoWarning('*', Match.anyValue());
  });
});
