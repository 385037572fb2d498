import { Match } from 'aws-cdk-lib/assertions';
import { Protocol, TargetGroupLoadBalancingAlgorithmType } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { StickinessType } from '../../lib';
import { build, minimalSpec } from '../helpers';
import { getAtt, ingressRulesOf, refTo, resourceOf } from '../template-helpers';

describe('target groups', () => {
  // GIVEN target groups that each set one group of settings, all reached by the ALB
  const built = build(minimalSpec({
    fleets: { web: { port: 8080 }, api: { port: 3000, healthCheckPath: '/api/health' } },
    targetGroups: {
      'web': { fleet: 'web' },
      'api': { fleet: 'api' },
      'checked': {
        fleet: 'api',
        protocol: Protocol.HTTPS,
        port: 3443,
        healthCheck: {
          protocol: Protocol.HTTPS,
          path: '/ready',
          port: 9000,
          healthyHttpCodes: '200-299',
          intervalSeconds: 10,
          timeoutSeconds: 4,
          healthyThresholdCount: 2,
          unhealthyThresholdCount: 5,
        },
        deregistrationDelaySeconds: 30,
        slowStartSeconds: 60,
        algorithm: TargetGroupLoadBalancingAlgorithmType.LEAST_OUTSTANDING_REQUESTS,
      },
      'weighted': { fleet: 'web', algorithm: TargetGroupLoadBalancingAlgorithmType.WEIGHTED_RANDOM, anomalyMitigationEnabled: true },
      'lb-sticky': { fleet: 'web', stickinessType: StickinessType.LB_COOKIE, stickinessCookieDurationSeconds: 3600 },
      'lb-sticky-default': { fleet: 'web', stickinessType: StickinessType.LB_COOKIE },
      'app-sticky': { fleet: 'web', stickinessType: StickinessType.APP_COOKIE, stickinessCookieName: 'SESSIONID', stickinessCookieDurationSeconds: 600 },
    },
    applicationLoadBalancers: {
      public: {
        ...minimalSpec().applicationLoadBalancers!.public,
        rules: [
          { name: 'api', conditions: { pathPatterns: ['/api/*'] }, forward: { targetGroup: 'api' } },
          { name: 'checked', conditions: { pathPatterns: ['/checked/*'] }, forward: { targetGroup: 'checked' } },
          { name: 'weighted', conditions: { pathPatterns: ['/weighted/*'] }, forward: { targetGroup: 'weighted' } },
          { name: 'lb-sticky', conditions: { pathPatterns: ['/lb/*'] }, forward: { targetGroup: 'lb-sticky' } },
          { name: 'lb-sticky-default', conditions: { pathPatterns: ['/lb2/*'] }, forward: { targetGroup: 'lb-sticky-default' } },
          { name: 'app-sticky', conditions: { pathPatterns: ['/app/*'] }, forward: { targetGroup: 'app-sticky' } },
        ],
      },
    },
  }));
  const { template, topology } = built;
  const tg = (name: string) => resourceOf(template, topology.applicationTargetGroup(name)).Properties!;
  const attributes = (name: string) => Object.fromEntries(
    (tg(name).TargetGroupAttributes ?? []).map((a: { Key: string; Value: string }) => [a.Key, a.Value]));

  test('creates one target group per entry, holding instances', () => {
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::TargetGroup', 7);
    template.allResourcesProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { TargetType: 'instance', VpcId: refTo(topology.vpc) });
  });

  describe('ports', () => {
    test('translates the HTTPS listener port 443 to the fleet port 8080', () => {
      // THEN the listener on 443 forwards to a target group whose targets get port 8080
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
        Port: 443,
        Protocol: 'HTTPS',
        DefaultActions: [{ Type: 'forward', TargetGroupArn: refTo(topology.applicationTargetGroup('web')) }],
      });
      expect(tg('web')).toMatchObject({ Port: 8080, Protocol: 'HTTP' });
    });

    test('uses the target group own protocol and port over the fleet port', () => {
      expect(tg('checked')).toMatchObject({ Port: 3443, Protocol: 'HTTPS' });
    });

    test('registers the fleet instances through its Auto Scaling group', () => {
      const asg = resourceOf(template, topology.fleet('web')).Properties!;
      expect(asg.TargetGroupARNs).toEqual(expect.arrayContaining(
        ['web', 'weighted', 'lb-sticky', 'app-sticky'].map((n) => refTo(topology.applicationTargetGroup(n)))));
    });
  });

  describe('health checks', () => {
    test('check the fleet health path on the traffic port by default', () => {
      expect(tg('api')).toMatchObject({
        HealthCheckEnabled: true,
        HealthCheckProtocol: 'HTTP',
        HealthCheckPath: '/api/health',
        HealthCheckPort: 'traffic-port',
        Matcher: { HttpCode: '200' },
        HealthCheckIntervalSeconds: 30,
        HealthCheckTimeoutSeconds: 5,
        HealthyThresholdCount: 3,
        UnhealthyThresholdCount: 3,
      });
    });

    test('map every setting of the spec', () => {
      expect(tg('checked')).toMatchObject({
        HealthCheckProtocol: 'HTTPS',
        HealthCheckPath: '/ready',
        HealthCheckPort: '9000',
        Matcher: { HttpCode: '200-299' },
        HealthCheckIntervalSeconds: 10,
        HealthCheckTimeoutSeconds: 4,
        HealthyThresholdCount: 2,
        UnhealthyThresholdCount: 5,
      });
    });

    test('on another port than the traffic port are admitted by the fleet security group', () => {
      const ports = ingressRulesOf(template, topology.fleetSecurityGroup('api'))
        .filter((r) => JSON.stringify(r.SourceSecurityGroupId) === JSON.stringify(getAtt(topology.loadBalancerSecurityGroup('public'), 'GroupId')))
        .map((r) => [r.FromPort, r.ToPort]);
      expect(ports).toEqual(expect.arrayContaining([[3000, 3000], [3443, 3443], [9000, 9000]]));
    });
  });

  describe('attributes', () => {
    test('drain connections for 300 seconds by default, without slow start or a set algorithm', () => {
      expect(attributes('web')).toEqual({
        'deregistration_delay.timeout_seconds': '300',
        'stickiness.enabled': 'false',
      });
    });

    test('set the deregistration delay', () => {
      expect(attributes('checked')['deregistration_delay.timeout_seconds']).toBe('30');
    });

    test('set slow start', () => {
      expect(attributes('checked')['slow_start.duration_seconds']).toBe('60');
    });

    test('set the least outstanding requests algorithm', () => {
      expect(attributes('checked')['load_balancing.algorithm.type']).toBe('least_outstanding_requests');
    });

    test('set weighted random with anomaly mitigation', () => {
      expect(attributes('weighted')).toMatchObject({
        'load_balancing.algorithm.type': 'weighted_random',
        'load_balancing.algorithm.anomaly_mitigation': 'on',
      });
    });

    test('set load balancer cookie stickiness with its duration', () => {
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', {
        TargetGroupAttributes: Match.arrayWith([
          { Key: 'stickiness.enabled', Value: 'true' },
          { Key: 'stickiness.type', Value: 'lb_cookie' },
          { Key: 'stickiness.lb_cookie.duration_seconds', Value: '3600' },
        ]),
      });
      expect(attributes('lb-sticky')).toMatchObject({ 'stickiness.type': 'lb_cookie', 'stickiness.lb_cookie.duration_seconds': '3600' });
    });

    test('keep a sticky session for one day by default', () => {
      expect(attributes('lb-sticky-default')).toMatchObject({
        'stickiness.enabled': 'true',
        'stickiness.type': 'lb_cookie',
        'stickiness.lb_cookie.duration_seconds': '86400',
      });
    });

    test('set application cookie stickiness with the cookie name and duration', () => {
      expect(attributes('app-sticky')).toMatchObject({
        'stickiness.enabled': 'true',
        'stickiness.type': 'app_cookie',
        'stickiness.app_cookie.cookie_name': 'SESSIONID',
        'stickiness.app_cookie.duration_seconds': '600',
      });
    });
  });
});
