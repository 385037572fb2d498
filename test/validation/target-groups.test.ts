/**
 * Target groups: fleet reference, protocol and port, health checks, draining, slow
 * start, algorithm and stickiness.
 */
import { ElbTopology } from '../../lib';
import { minimalSpec } from '../helpers';
import { ErrorRow, Loose, expectIssue, expectOnlyIssue, expectValid, withNlb, withTargetGroup } from './util';

const hc = (healthCheck: Loose) => withTargetGroup({ healthCheck });
const HC = 'targetGroups.web.healthCheck';

describe('target group fleet, protocol and port', () => {
  test.each<ErrorRow>([
    ['it names an unknown fleet', withTargetGroup({ fleet: 'wbe' }), 'targetGroups.web.fleet', /^unknown fleet 'wbe'\. Did you mean 'web'\? Known fleets: web\.$/],
    ['it names an unknown fleet like none', minimalSpec({ fleets: { web: {}, api: {} }, targetGroups: { web: { fleet: 'database' } } }), 'targetGroups.web.fleet',
      /^unknown fleet 'database'\. Known fleets: api, web\.$/],
    ['it names no fleet', minimalSpec({ targetGroups: { web: {} as Loose } }), 'targetGroups.web.fleet', /^must name a fleet, got nothing\. Known fleets: web\.$/],
    ['no fleets are declared', minimalSpec({ fleets: undefined }), 'targetGroups.web.fleet', /^unknown fleet 'web'\. No fleets are declared; add one under `fleets`\.$/],
    ['the protocol is GENEVE (Gateway Load Balancer)', minimalSpec({ targetGroups: { web: { fleet: 'web', protocol: 'GENEVE' as Loose } }, applicationLoadBalancers: {} }), 'targetGroups.web.protocol',
      /^'GENEVE' is not a target group protocol\. Use 'HTTP' or 'HTTPS' for an Application Load Balancer, or 'TCP', 'UDP', 'TCP_UDP' or 'TLS' for a Network Load Balancer\.$/],
    ['the port is above 65535', withTargetGroup({ port: 65536 }), 'targetGroups.web.port', /^65536 is outside the allowed range 1-65535\./],
    ['the port is a string from JSON', withTargetGroup({ port: '8080' }), 'targetGroups.web.port', /^must be a whole number from 1 to 65535, got '8080'\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));
});

describe('target group health checks', () => {
  test.each<ErrorRow>([
    ['the timeout equals the interval', hc({ intervalSeconds: 10, timeoutSeconds: 10 }), `${HC}.timeoutSeconds`,
      /^the timeout \(10 s\) is not below the interval \(10 s\)\. Make timeoutSeconds less than intervalSeconds\.$/],
    ['the timeout is above the interval', hc({ intervalSeconds: 10, timeoutSeconds: 20 }), `${HC}.timeoutSeconds`, /^the timeout \(20 s\) is not below the interval \(10 s\)\./],
    ['the timeout is not below the default interval', hc({ timeoutSeconds: 30 }), `${HC}.timeoutSeconds`,
      /^the timeout \(30 s\) is not below the default interval \(30 s\)\. Make timeoutSeconds less than intervalSeconds\.$/],
    ['the interval is not above the default timeout', hc({ intervalSeconds: 5 }), `${HC}.intervalSeconds`,
      /^the default timeout \(5 s\) is not below the interval \(5 s\)\. Make intervalSeconds more than 5, or set a shorter timeoutSeconds\.$/],
    ['the interval is below 5 s', hc({ intervalSeconds: 4, timeoutSeconds: 2 }), `${HC}.intervalSeconds`, /^4 is outside the allowed range 5-300\. Use a value from 5 to 300\.$/],
    ['the interval is above 300 s', hc({ intervalSeconds: 301 }), `${HC}.intervalSeconds`, /^301 is outside the allowed range 5-300\./],
    ['the timeout is below 2 s', hc({ timeoutSeconds: 1 }), `${HC}.timeoutSeconds`, /^1 is outside the allowed range 2-120\. Use a value from 2 to 120\.$/],
    ['the timeout is above 120 s', hc({ intervalSeconds: 300, timeoutSeconds: 121 }), `${HC}.timeoutSeconds`, /^121 is outside the allowed range 2-120\./],
    ['the healthy threshold is below 2', hc({ healthyThresholdCount: 1 }), `${HC}.healthyThresholdCount`, /^1 is outside the allowed range 2-10\./],
    ['the unhealthy threshold is above 10', hc({ unhealthyThresholdCount: 11 }), `${HC}.unhealthyThresholdCount`, /^11 is outside the allowed range 2-10\./],
    ['the interval is a string from JSON', hc({ intervalSeconds: '30' }), `${HC}.intervalSeconds`, /^must be a whole number from 5 to 300, got '30'\.$/],
    ['the path is relative', hc({ path: 'health' }), `${HC}.path`, /^'health' is not an absolute path of at most 1024 characters\. Begin it with '\/'/],
    ['the healthy codes are not HTTP codes', hc({ healthyHttpCodes: '200-600' }), `${HC}.healthyHttpCodes`,
      /^'200-600' is not a list of HTTP codes from 200 to 499\. Write a code, a list or a range/],
    ['the health check protocol is TCP', hc({ protocol: 'TCP' }), `${HC}.protocol`, /^'TCP' is not a health check protocol of an Application Load Balancer target group\./],
    ['the health check port is 0', hc({ port: 0 }), `${HC}.port`, /^0 is outside the allowed range 1-65535\./],
    ['the health check is a string', hc('/health'), HC, /^must be an object, got '\/health'\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('reports an out-of-range interval and timeout once each, without comparing them', () => {
    const issues = ElbTopology.validateSpec(hc({ intervalSeconds: 4, timeoutSeconds: 121 }));
    expect(issues.map((i) => i.path)).toEqual([`${HC}.intervalSeconds`, `${HC}.timeoutSeconds`]);
  });

  test('accepts the extremes of every range', () => {
    expectValid(hc({ intervalSeconds: 5, timeoutSeconds: 4, healthyThresholdCount: 2, unhealthyThresholdCount: 10, healthyHttpCodes: '200-299,302' }));
    expectValid(hc({ intervalSeconds: 300, timeoutSeconds: 120, healthyThresholdCount: 10, unhealthyThresholdCount: 2, path: '/ready', port: 65535 }));
  });
});

describe('target group draining, slow start and algorithm', () => {
  test.each<ErrorRow>([
    ['the deregistration delay is negative', withTargetGroup({ deregistrationDelaySeconds: -1 }), 'targetGroups.web.deregistrationDelaySeconds',
      /^-1 is outside the allowed range 0-3600\. Use a value from 0 to 3600\.$/],
    ['the deregistration delay is above 3600 s', withTargetGroup({ deregistrationDelaySeconds: 3601 }), 'targetGroups.web.deregistrationDelaySeconds', /^3601 is outside the allowed range 0-3600\./],
    ['slow start is below 30 s', withTargetGroup({ slowStartSeconds: 10 }), 'targetGroups.web.slowStartSeconds',
      /^10 is outside the allowed range 30-900\. Use 0 to turn slow start off, or a value from 30 to 900\.$/],
    ['slow start is above 900 s', withTargetGroup({ slowStartSeconds: 901 }), 'targetGroups.web.slowStartSeconds', /^901 is outside the allowed range 30-900\. Use 0 to turn slow start off/],
    ['slow start is set with weighted_random', withTargetGroup({ slowStartSeconds: 60, algorithm: 'weighted_random' }), 'targetGroups.web.slowStartSeconds',
      /^slow start is set with the weighted_random algorithm, which AWS refuses\. Set slowStartSeconds to 0, or use 'round_robin' or 'least_outstanding_requests'\.$/],
    ['anomaly mitigation is on with the default algorithm', withTargetGroup({ anomalyMitigationEnabled: true }), 'targetGroups.web.anomalyMitigationEnabled',
      /^anomaly mitigation needs the weighted_random algorithm, but the algorithm is 'round_robin'\. Set `algorithm: 'weighted_random'`\.$/],
    ['anomaly mitigation is on with least outstanding requests', withTargetGroup({ anomalyMitigationEnabled: true, algorithm: 'least_outstanding_requests' }),
      'targetGroups.web.anomalyMitigationEnabled', /^anomaly mitigation needs the weighted_random algorithm, but the algorithm is 'least_outstanding_requests'\./],
    ['anomaly mitigation is a string from JSON', withTargetGroup({ anomalyMitigationEnabled: 'true', algorithm: 'weighted_random' }), 'targetGroups.web.anomalyMitigationEnabled',
      /^must be true or false, got 'true'\.$/],
    ['the algorithm is unknown', withTargetGroup({ algorithm: 'least_connections' }), 'targetGroups.web.algorithm',
      /^'least_connections' is not one of 'round_robin', 'least_outstanding_requests', 'weighted_random'\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts slow start 0 (off), also with weighted_random, and the range ends', () => {
    expectValid(withTargetGroup({ slowStartSeconds: 0, algorithm: 'weighted_random', anomalyMitigationEnabled: true }));
    expectValid(withTargetGroup({ slowStartSeconds: 30, deregistrationDelaySeconds: 0 }));
    expectValid(withTargetGroup({ slowStartSeconds: 900, deregistrationDelaySeconds: 3600 }));
  });
});

describe('target group stickiness', () => {
  test.each<ErrorRow>([
    ['app_cookie has no cookie name', withTargetGroup({ stickinessType: 'app_cookie' }), 'targetGroups.web.stickinessCookieName',
      /^app_cookie stickiness needs the name of your application's cookie\. Set stickinessCookieName, for example 'SESSIONID'\.$/],
    ['the cookie name has the reserved AWSALB prefix', withTargetGroup({ stickinessType: 'app_cookie', stickinessCookieName: 'AWSALBSESSION' }), 'targetGroups.web.stickinessCookieName',
      /^'AWSALBSESSION' begins with a prefix the load balancer reserves \(AWSALB, AWSALBAPP, AWSALBTG\)\. Use the name of the cookie your application sets\.$/],
    ['source_ip stickiness is set on an HTTP group', withTargetGroup({ stickinessType: 'source_ip' }), 'targetGroups.web.stickinessType',
      /^source_ip stickiness is for Network Load Balancer target groups\. Use 'lb_cookie' or 'app_cookie' on an HTTP or HTTPS target group\.$/],
    ['the stickiness type is unknown', withTargetGroup({ stickinessType: 'cookie' }), 'targetGroups.web.stickinessType', /^'cookie' is not one of 'lb_cookie', 'app_cookie', 'source_ip'\.$/],
    ['a cookie duration is set without stickiness', withTargetGroup({ stickinessCookieDurationSeconds: 600 }), 'targetGroups.web.stickinessCookieDurationSeconds',
      /^is set, but `stickinessType` is not\. Set stickinessType to 'lb_cookie' or 'app_cookie'\.$/],
    ['the cookie duration is above 7 days', withTargetGroup({ stickinessType: 'lb_cookie', stickinessCookieDurationSeconds: 604801 }), 'targetGroups.web.stickinessCookieDurationSeconds',
      /^604801 is outside the allowed range 1-604800\./],
    ['a cookie name is set with lb_cookie', withTargetGroup({ stickinessType: 'lb_cookie', stickinessCookieName: 'SESSIONID' }), 'targetGroups.web.stickinessCookieName',
      /^is only used with app_cookie stickiness, but stickinessType is 'lb_cookie'\. Set `stickinessType: 'app_cookie'`, or remove stickinessCookieName\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts lb_cookie with a duration, and app_cookie with the application\'s cookie', () => {
    expectValid(withTargetGroup({ stickinessType: 'lb_cookie', stickinessCookieDurationSeconds: 3600 }));
    expectValid(withTargetGroup({ stickinessType: 'app_cookie', stickinessCookieName: 'SESSIONID' }));
  });
});

/** The NLB test spec with target group `x` (of fleet `game`) added, changed by the overrides. */
const nlbGroup = (overrides: Loose) => withNlb({}, { x: { fleet: 'game', ...overrides } });
const X = 'targetGroups.x';

describe('Network Load Balancer target groups', () => {
  test.each<ErrorRow>([
    ['a UDP group has a UDP health check', nlbGroup({ protocol: 'UDP', healthCheck: { protocol: 'UDP' } }), `${X}.healthCheck.protocol`,
      /^'UDP' is not a health check protocol AWS allows: a UDP target group is checked over TCP, HTTP or HTTPS\. Use 'TCP' \(the default\) on a port where the targets also accept TCP/],
    ['a TCP_UDP group has a TLS health check', nlbGroup({ protocol: 'TCP_UDP', healthCheck: { protocol: 'TLS' } }), `${X}.healthCheck.protocol`,
      /^'TLS' is not a health check protocol AWS allows: a TCP_UDP target group is checked over TCP, HTTP or HTTPS\./],
    ['a TCP group has a UDP health check', nlbGroup({ protocol: 'TCP', healthCheck: { protocol: 'UDP' } }), `${X}.healthCheck.protocol`,
      /^'UDP' is not a health check protocol of a Network Load Balancer target group\. Use 'TCP', 'HTTP' or 'HTTPS'\.$/],
    ['a TCP health check has a path', nlbGroup({ protocol: 'TCP', healthCheck: { path: '/health' } }), `${X}.healthCheck.path`,
      /^'\/health' is set, but the health check protocol is 'TCP' \(the default for a TCP target group\), which only opens a connection\. Set `healthCheck\.protocol` to 'HTTP' or 'HTTPS', or remove path\.$/],
    ['an explicit TCP health check has healthy HTTP codes', nlbGroup({ protocol: 'UDP', healthCheck: { protocol: 'TCP', healthyHttpCodes: '200' } }), `${X}.healthCheck.healthyHttpCodes`,
      /^'200' is set, but the health check protocol is 'TCP', which only opens a connection\. Set `healthCheck\.protocol` to 'HTTP' or 'HTTPS', or remove healthyHttpCodes\.$/],
    ['an HTTP health check of an NLB group expects codes above 599', nlbGroup({ protocol: 'TCP', healthCheck: { protocol: 'HTTP', healthyHttpCodes: '200-600' } }), `${X}.healthCheck.healthyHttpCodes`,
      /^'200-600' is not a list of HTTP codes from 200 to 599\./],
    ['source_ip stickiness is set on a TLS group', nlbGroup({ protocol: 'TLS', stickinessType: 'source_ip' }), `${X}.stickinessType`,
      /^'source_ip' stickiness is set on a TLS target group, which AWS refuses\. Remove stickinessType, or use protocol 'TCP' \(the listener can still be TLS\)\.$/],
    ['lb_cookie stickiness is set on a TCP group', nlbGroup({ protocol: 'TCP', stickinessType: 'lb_cookie' }), `${X}.stickinessType`,
      /^'lb_cookie' stickiness is for Application Load Balancer target groups, but this group uses TCP\. Use 'source_ip' on a Network Load Balancer target group, or remove stickinessType\.$/],
    ['app_cookie stickiness is set on a UDP group', nlbGroup({ protocol: 'UDP', stickinessType: 'app_cookie' }), `${X}.stickinessType`,
      /^'app_cookie' stickiness is for Application Load Balancer target groups, but this group uses UDP\./],
    ['a cookie duration is set on a source_ip group', nlbGroup({ protocol: 'TCP', stickinessType: 'source_ip', stickinessCookieDurationSeconds: 600 }), `${X}.stickinessCookieDurationSeconds`,
      /^600 is set, but a Network Load Balancer target group has no stickiness cookie\. Remove stickinessCookieDurationSeconds\.$/],
    ['preserveClientIp is false on a UDP group', nlbGroup({ protocol: 'UDP', preserveClientIp: false }), `${X}.preserveClientIp`,
      /^is false, but a UDP target group always preserves the clients' IP addresses\. Remove preserveClientIp/],
    ['preserveClientIp is false on a TCP_UDP group', nlbGroup({ protocol: 'TCP_UDP', preserveClientIp: false }), `${X}.preserveClientIp`,
      /^is false, but a TCP_UDP target group always preserves the clients' IP addresses\./],
    ['slow start is set on a TCP group', nlbGroup({ protocol: 'TCP', slowStartSeconds: 60 }), `${X}.slowStartSeconds`,
      /^60 is set, but slowStartSeconds is an attribute of Application Load Balancer target groups and this group uses TCP\. Remove slowStartSeconds; a Network Load Balancer sends each flow/],
    ['an algorithm is set on a UDP group', nlbGroup({ protocol: 'UDP', algorithm: 'least_outstanding_requests' }), `${X}.algorithm`,
      /^'least_outstanding_requests' is set, but algorithm is an attribute of Application Load Balancer target groups and this group uses UDP\./],
    ['anomaly mitigation is set on a TLS group', nlbGroup({ protocol: 'TLS', anomalyMitigationEnabled: false }), `${X}.anomalyMitigationEnabled`,
      /^false is set, but anomalyMitigationEnabled is an attribute of Application Load Balancer target groups and this group uses TLS\./],
    ['proxyProtocolV2 is a string from JSON', nlbGroup({ protocol: 'TCP', proxyProtocolV2: 'true' }), `${X}.proxyProtocolV2`, /^must be true or false, got 'true'\.$/],
    ['an NLB group has neither fleet nor ALB', nlbGroup({ protocol: 'TCP', fleet: undefined }), X,
      /^has no targets: neither `fleet` nor `applicationLoadBalancer` is set\. Set `fleet` to the fleet whose instances receive the traffic, or `applicationLoadBalancer`/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test.each(['proxyProtocolV2', 'preserveClientIp', 'connectionTerminationEnabled'])('fails when %s is set on an ALB (HTTP) target group', (field) => {
    expectOnlyIssue(withTargetGroup({ [field]: true }), `targetGroups.web.${field}`,
      new RegExp(`^is an attribute of Network Load Balancer target groups, but this group uses HTTP \\(the default\\)\\. Remove ${field}, or give the group a Network Load Balancer protocol`));
  });

  test('accepts every NLB attribute on the groups that take it', () => {
    expectValid(nlbGroup({ protocol: 'TCP', preserveClientIp: false, proxyProtocolV2: true, connectionTerminationEnabled: true, stickinessType: 'source_ip', deregistrationDelaySeconds: 0 }));
    expectValid(nlbGroup({ protocol: 'UDP', preserveClientIp: true, healthCheck: { protocol: 'TCP', port: 7778 } }));
    expectValid(nlbGroup({ protocol: 'TCP_UDP', healthCheck: { protocol: 'HTTP', path: '/health', healthyHttpCodes: '200-599' } }));
    expectValid(nlbGroup({ protocol: 'TLS', port: 8443, healthCheck: { protocol: 'HTTPS', intervalSeconds: 10, timeoutSeconds: 5 } }));
  });
});

describe('target groups with an Application Load Balancer as target', () => {
  const albGroup = (overrides: Loose) => withNlb({}, { front: { applicationLoadBalancer: 'public', protocol: 'TCP', port: 443, ...overrides } });
  const F = 'targetGroups.front';
  test.each<ErrorRow>([
    ['both a fleet and an ALB are set', albGroup({ fleet: 'web' }), `${F}.applicationLoadBalancer`,
      /^is set together with fleet 'web', but a target group has one kind of target\. Keep `fleet` for instances, or `applicationLoadBalancer` for an Application Load Balancer behind a Network Load Balancer/],
    ['the ALB is unknown', albGroup({ applicationLoadBalancer: 'pubic' }), `${F}.applicationLoadBalancer`,
      /^unknown Application Load Balancer 'pubic'\. Did you mean 'public'\? Known Application Load Balancers: public\.$/],
    ['no ALBs are declared', { ...albGroup({}), applicationLoadBalancers: undefined }, `${F}.applicationLoadBalancer`,
      /^unknown Application Load Balancer 'public'\. No Application Load Balancers are declared; add one under `applicationLoadBalancers`\.$/],
    ['the protocol is left at HTTP', albGroup({ protocol: undefined }), `${F}.protocol`,
      /^an Application Load Balancer target needs protocol 'TCP', got 'HTTP' \(the default\)\. Set `protocol: 'TCP'`/],
    ['the protocol is TLS', albGroup({ protocol: 'TLS' }), `${F}.protocol`, /^an Application Load Balancer target needs protocol 'TCP', got 'TLS'\./],
    ['the port is not a listener port of the ALB', albGroup({ port: 8443 }), `${F}.port`,
      /^8443 is not a listener port of Application Load Balancer 'public', which listens on 80, 443\. Set port to one of 80, 443\.$/],
    ['the default port 80 is not a listener port when the ALB adds no redirect', { ...albGroup({ port: undefined }), applicationLoadBalancers: { public: { ...withNlb().applicationLoadBalancers!.public, httpToHttpsRedirectEnabled: false } } },
      `${F}.port`, /^80 \(the default\) is not a listener port of Application Load Balancer 'public', which listens on 443\. Set port to one of 443\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('fails when a TLS listener forwards to an ALB target group', () => {
    const spec = withNlb({ listeners: { tls: { protocol: 'TLS', port: 443, targetGroup: 'front' } }, domainName: 'edge.example.com', hostedZone: 'main' },
      { front: { applicationLoadBalancer: 'public', protocol: 'TCP', port: 443 } });
    expectOnlyIssue(spec, 'networkLoadBalancers.edge.listeners.tls.targetGroup',
      /^target group 'front' has an Application Load Balancer as its target, which only a TCP listener can forward to, not a TLS listener\. Make this listener 'TCP'/);
  });

  test('fails when an ALB forwards to an NLB target group that an NLB also uses', () => {
    const spec = withNlb({}, {});
    const both = { ...spec, applicationLoadBalancers: { public: { ...spec.applicationLoadBalancers!.public, rules: [{ name: 'game', conditions: { pathPatterns: ['/game'] }, forward: { targetGroup: 'game-tcp' } }] } } };
    expectIssue(both, 'applicationLoadBalancers.public.rules[0].forward.targetGroup', /^target group 'game-tcp' uses TCP, which an Application Load Balancer cannot forward to\./);
    expectIssue(both, 'networkLoadBalancers.edge.listeners.tcp.targetGroup', /^target group 'game-tcp' is also used by Application Load Balancer 'public', but a target group belongs to one load balancer\./);
  });

  test('accepts the automatic HTTP redirect listener port 80 and the HTTPS port', () => {
    expectValid(albGroup({ port: 80 }));
    expectValid(albGroup({ port: 443 }));
  });
});
