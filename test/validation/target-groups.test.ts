/**
 * Target groups: fleet reference, protocol and port, health checks, draining, slow
 * start, algorithm and stickiness.
 */
import { ElbTopology } from '../../lib';
import { minimalSpec } from '../helpers';
import { ErrorRow, Loose, expectOnlyIssue, expectValid, withTargetGroup } from './util';

const hc = (healthCheck: Loose) => withTargetGroup({ healthCheck });
const HC = 'targetGroups.web.healthCheck';

describe('target group fleet, protocol and port', () => {
  test.each<ErrorRow>([
    ['it names an unknown fleet', withTargetGroup({ fleet: 'wbe' }), 'targetGroups.web.fleet', /^unknown fleet 'wbe'\. Did you mean 'web'\? Known fleets: web\.$/],
    ['it names an unknown fleet like none', minimalSpec({ fleets: { web: {}, api: {} }, targetGroups: { web: { fleet: 'database' } } }), 'targetGroups.web.fleet',
      /^unknown fleet 'database'\. Known fleets: api, web\.$/],
    ['it names no fleet', minimalSpec({ targetGroups: { web: {} as Loose } }), 'targetGroups.web.fleet', /^must name a fleet, got nothing\. Known fleets: web\.$/],
    ['no fleets are declared', minimalSpec({ fleets: undefined }), 'targetGroups.web.fleet', /^unknown fleet 'web'\. No fleets are declared; add one under `fleets`\.$/],
    ['the protocol is TCP', minimalSpec({ targetGroups: { web: { fleet: 'web', protocol: 'TCP' as Loose } }, applicationLoadBalancers: {} }), 'targetGroups.web.protocol',
      /^'TCP' is not a protocol an Application Load Balancer target group accepts\. Use 'HTTP' or 'HTTPS'\.$/],
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
