import { Protocol, TargetGroupLoadBalancingAlgorithmType } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { sortedEntries } from '../../private/resolve';
import { StickinessType } from '../../spec/enums';
import { HealthCheckSpec, TargetGroupSpec } from '../../spec/target-group';
import { CheckContext } from '../context';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { checkBoolean, checkEnum, checkInt, checkKnownFields, checkRef, isObject } from './util';

const HTTP_CODES = /^([2-4]\d\d)(-([2-4]\d\d))?(,([2-4]\d\d)(-([2-4]\d\d))?)*$/;
const APPLICATION_PROTOCOLS: string[] = [Protocol.HTTP, Protocol.HTTPS];
/** AWS's health check interval and timeout of an HTTP or HTTPS target group when none is given. */
const DEFAULT_INTERVAL = 30;
const DEFAULT_TIMEOUT = 5;
const RESERVED_COOKIE_PREFIXES = ['AWSALB', 'AWSALBAPP', 'AWSALBTG'];

/** Target groups: targets, ports, health checks, draining, slow start, algorithm, stickiness. */
export function checkTargetGroups(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const [name, tg] of sortedEntries(ctx.spec.targetGroups)) {
    if (!isObject(tg)) continue;
    checkTargetGroup(ctx, tg as TargetGroupSpec, SpecPath.ROOT.at('targetGroups', name), issues);
  }
  return issues;
}

function checkTargetGroup(ctx: CheckContext, tg: TargetGroupSpec, path: SpecPath, issues: SpecIssue[]): void {
  checkKnownFields(issues, path, tg, 'TargetGroupSpec');
  checkRef(issues, path.key('fleet'), tg.fleet, ctx.fleetNames, 'fleet', 'fleets');
  if (tg.protocol !== undefined && !APPLICATION_PROTOCOLS.includes(tg.protocol)) {
    issues.push(issue(path.key('protocol'), `${show(tg.protocol)} is not a protocol an Application Load Balancer target group accepts.`, "Use 'HTTP' or 'HTTPS'."));
  }
  checkInt(issues, path.key('port'), tg.port, 1, 65535);
  checkHealthCheck(tg, path.key('healthCheck'), issues);
  checkInt(issues, path.key('deregistrationDelaySeconds'), tg.deregistrationDelaySeconds, 0, 3600);
  if (tg.slowStartSeconds !== undefined && tg.slowStartSeconds !== 0) {
    checkInt(issues, path.key('slowStartSeconds'), tg.slowStartSeconds, 30, 900, 'Use 0 to turn slow start off, or a value from 30 to 900.');
  }
  checkEnum(issues, path.key('algorithm'), tg.algorithm, Object.values(TargetGroupLoadBalancingAlgorithmType));
  const weightedRandom = tg.algorithm === TargetGroupLoadBalancingAlgorithmType.WEIGHTED_RANDOM;
  if (weightedRandom && (tg.slowStartSeconds ?? 0) > 0) {
    issues.push(issue(path.key('slowStartSeconds'), 'slow start is set with the weighted_random algorithm, which AWS refuses.', "Set slowStartSeconds to 0, or use 'round_robin' or 'least_outstanding_requests'."));
  }
  checkBoolean(issues, path.key('anomalyMitigationEnabled'), tg.anomalyMitigationEnabled);
  if (tg.anomalyMitigationEnabled && !weightedRandom) {
    issues.push(issue(path.key('anomalyMitigationEnabled'), `anomaly mitigation needs the weighted_random algorithm, but the algorithm is ${show(tg.algorithm ?? 'round_robin')}.`, "Set `algorithm: 'weighted_random'`."));
  }
  checkStickiness(tg, path, issues);
}

function checkHealthCheck(tg: TargetGroupSpec, path: SpecPath, issues: SpecIssue[]): void {
  const hc = tg.healthCheck as HealthCheckSpec;
  if (hc === undefined) return;
  if (!isObject(tg.healthCheck)) {
    issues.push(issue(path, `must be an object, got ${show(hc)}.`));
    return;
  }
  checkKnownFields(issues, path, hc, 'HealthCheckSpec');
  if (hc.protocol !== undefined && !APPLICATION_PROTOCOLS.includes(hc.protocol)) {
    issues.push(issue(path.key('protocol'), `${show(hc.protocol)} is not a health check protocol of an Application Load Balancer target group.`, "Use 'HTTP' or 'HTTPS'."));
  }
  if (hc.path !== undefined && (typeof hc.path !== 'string' || !hc.path.startsWith('/') || hc.path.length > 1024)) {
    issues.push(issue(path.key('path'), `${show(hc.path)} is not an absolute path of at most 1024 characters.`, "Begin it with '/', for example '/health'."));
  }
  checkInt(issues, path.key('port'), hc.port, 1, 65535);
  if (hc.healthyHttpCodes !== undefined && (typeof hc.healthyHttpCodes !== 'string' || !HTTP_CODES.test(hc.healthyHttpCodes))) {
    issues.push(issue(path.key('healthyHttpCodes'), `${show(hc.healthyHttpCodes)} is not a list of HTTP codes from 200 to 499.`, "Write a code, a list or a range, for example '200', '200,302' or '200-299'."));
  }
  checkInt(issues, path.key('intervalSeconds'), hc.intervalSeconds, 5, 300);
  checkInt(issues, path.key('timeoutSeconds'), hc.timeoutSeconds, 2, 120);
  checkInt(issues, path.key('healthyThresholdCount'), hc.healthyThresholdCount, 2, 10);
  checkInt(issues, path.key('unhealthyThresholdCount'), hc.unhealthyThresholdCount, 2, 10);
  // AWS refuses a timeout that is not below the interval. Compare only values in range
  // (others are reported above), and report where the user wrote a value.
  const interval = hc.intervalSeconds ?? DEFAULT_INTERVAL;
  const timeout = hc.timeoutSeconds ?? DEFAULT_TIMEOUT;
  const inRange = Number.isInteger(interval) && interval >= 5 && interval <= 300 && Number.isInteger(timeout) && timeout >= 2 && timeout <= 120;
  if (inRange && timeout >= interval) {
    const byDefault = (value: number | undefined) => (value === undefined ? 'default ' : '');
    const field = hc.timeoutSeconds !== undefined ? 'timeoutSeconds' : 'intervalSeconds';
    issues.push(issue(path.key(field), `the ${byDefault(hc.timeoutSeconds)}timeout (${timeout} s) is not below the ${byDefault(hc.intervalSeconds)}interval (${interval} s).`,
      hc.timeoutSeconds !== undefined ? 'Make timeoutSeconds less than intervalSeconds.' : `Make intervalSeconds more than ${timeout}, or set a shorter timeoutSeconds.`));
  }
}

function checkStickiness(tg: TargetGroupSpec, path: SpecPath, issues: SpecIssue[]): void {
  checkEnum(issues, path.key('stickinessType'), tg.stickinessType, Object.values(StickinessType));
  checkInt(issues, path.key('stickinessCookieDurationSeconds'), tg.stickinessCookieDurationSeconds, 1, 604800);
  if (tg.stickinessType === StickinessType.SOURCE_IP) {
    issues.push(issue(path.key('stickinessType'), 'source_ip stickiness is for Network Load Balancer target groups.', "Use 'lb_cookie' or 'app_cookie' on an HTTP or HTTPS target group."));
  }
  if (tg.stickinessType === undefined && tg.stickinessCookieDurationSeconds !== undefined) {
    issues.push(issue(path.key('stickinessCookieDurationSeconds'), 'is set, but `stickinessType` is not.', "Set stickinessType to 'lb_cookie' or 'app_cookie'."));
  }
  if (tg.stickinessType === StickinessType.APP_COOKIE) {
    const cookie = tg.stickinessCookieName;
    if (typeof cookie !== 'string' || cookie === '') {
      issues.push(issue(path.key('stickinessCookieName'), 'app_cookie stickiness needs the name of your application\'s cookie.', 'Set stickinessCookieName, for example \'SESSIONID\'.'));
    } else if (RESERVED_COOKIE_PREFIXES.some((p) => cookie.startsWith(p))) {
      issues.push(issue(path.key('stickinessCookieName'), `'${cookie}' begins with a prefix the load balancer reserves (${RESERVED_COOKIE_PREFIXES.join(', ')}).`, 'Use the name of the cookie your application sets.'));
    }
  } else if (tg.stickinessCookieName !== undefined) {
    issues.push(issue(path.key('stickinessCookieName'), `is only used with app_cookie stickiness, but stickinessType is ${show(tg.stickinessType)}.`, "Set `stickinessType: 'app_cookie'`, or remove stickinessCookieName."));
  }
}
