import { Protocol, TargetGroupLoadBalancingAlgorithmType } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { APPLICATION_PROTOCOLS, NETWORK_PROTOCOLS, resolveAlb, resolveTargetGroup, sortedEntries } from '../../private/resolve';
import { hasOtherTargets } from '../../private/targets';
import { ApplicationLoadBalancerSpec } from '../../spec/alb';
import { StickinessType } from '../../spec/enums';
import { HealthCheckSpec, TargetGroupSpec } from '../../spec/target-group';
import { CheckContext } from '../context';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { checkBoolean, checkEnum, checkInt, checkKnownFields, checkRef, isObject } from './util';

/** HTTP codes of an ALB health check: 200 to 499. */
const ALB_HTTP_CODES = /^([2-4]\d\d)(-([2-4]\d\d))?(,([2-4]\d\d)(-([2-4]\d\d))?)*$/;
/** HTTP codes of an NLB's HTTP or HTTPS health check: 200 to 599. */
const NLB_HTTP_CODES = /^([2-5]\d\d)(-([2-5]\d\d))?(,([2-5]\d\d)(-([2-5]\d\d))?)*$/;
/** The health check protocols AWS allows on a Network Load Balancer target group. */
const NLB_HEALTH_CHECK_PROTOCOLS: readonly string[] = [Protocol.TCP, Protocol.HTTP, Protocol.HTTPS];
/** The target group attributes only Network Load Balancers have. */
const NLB_ONLY_FIELDS = ['preserveClientIp', 'proxyProtocolV2', 'connectionTerminationEnabled'] as const;
/** The target group attributes only Application Load Balancers have. */
const ALB_ONLY_FIELDS = ['slowStartSeconds', 'algorithm', 'anomalyMitigationEnabled'] as const;
/** AWS's health check interval and timeout of an HTTP or HTTPS target group when none is given. */
const DEFAULT_INTERVAL = 30;
const DEFAULT_TIMEOUT = 5;
const RESERVED_COOKIE_PREFIXES = ['AWSALB', 'AWSALBAPP', 'AWSALBTG'];

/** Which load balancer a target group belongs to, by its protocol; undefined for an invalid protocol. */
type Kind = 'application' | 'network' | undefined;

/**
 * Target groups: targets, ports, health checks, draining, and the attributes of
 * either kind: slow start, algorithm and cookie stickiness for Application Load
 * Balancer groups; client IP preservation, proxy protocol and source IP stickiness for
 * Network Load Balancer groups.
 */
export function checkTargetGroups(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const [name, tg] of sortedEntries(ctx.spec.targetGroups)) {
    if (!isObject(tg)) continue;
    checkTargetGroup(ctx, tg as TargetGroupSpec, SpecPath.ROOT.at('targetGroups', name), issues);
  }
  return issues;
}

/** The kind of a target group, by its protocol (HTTP by default). */
export function targetGroupKind(tg: TargetGroupSpec): Kind {
  const protocol: unknown = tg.protocol ?? Protocol.HTTP;
  if (APPLICATION_PROTOCOLS.includes(protocol as string)) return 'application';
  if (NETWORK_PROTOCOLS.includes(protocol as string)) return 'network';
  return undefined;
}

function checkTargetGroup(ctx: CheckContext, tg: TargetGroupSpec, path: SpecPath, issues: SpecIssue[]): void {
  checkKnownFields(issues, path, tg, 'TargetGroupSpec');
  const kind = targetGroupKind(tg);
  if (kind === undefined) {
    issues.push(issue(path.key('protocol'), `${show(tg.protocol)} is not a target group protocol.`,
      "Use 'HTTP' or 'HTTPS' for an Application Load Balancer, or 'TCP', 'UDP', 'TCP_UDP' or 'TLS' for a Network Load Balancer."));
  }
  checkTargets(ctx, tg, path, kind, issues);
  checkInt(issues, path.key('port'), tg.port, 1, 65535);
  checkHealthCheck(tg, path.key('healthCheck'), kind, issues);
  checkInt(issues, path.key('deregistrationDelaySeconds'), tg.deregistrationDelaySeconds, 0, 3600);
  for (const key of NLB_ONLY_FIELDS) checkBoolean(issues, path.key(key), tg[key]);
  if (kind === 'network') {
    checkNetworkAttributes(tg, path, issues);
  } else {
    checkApplicationAttributes(tg, path, kind, issues);
  }
  checkStickiness(tg, path, kind, issues);
}

/** Exactly one of `fleet` and `applicationLoadBalancer`; an ALB target is TCP, on one of the ALB's listener ports. */
function checkTargets(ctx: CheckContext, tg: TargetGroupSpec, path: SpecPath, kind: Kind, issues: SpecIssue[]): void {
  // IP, Lambda and ECS targets (and their conflicts with a fleet or a load balancer) are checked in checks/targets.ts.
  if (hasOtherTargets(tg)) return;
  const albTarget = tg.applicationLoadBalancer;
  if (albTarget === undefined) {
    if (tg.fleet === undefined && kind === 'network') {
      issues.push(issue(path, 'has no targets: neither `fleet` nor `applicationLoadBalancer` is set.',
        'Set `fleet` to the fleet whose instances receive the traffic, or `applicationLoadBalancer` to put an Application Load Balancer behind a Network Load Balancer.'));
      return;
    }
    checkRef(issues, path.key('fleet'), tg.fleet, ctx.fleetNames, 'fleet', 'fleets');
    return;
  }
  if (tg.fleet !== undefined) {
    issues.push(issue(path.key('applicationLoadBalancer'), `is set together with fleet ${show(tg.fleet)}, but a target group has one kind of target.`,
      'Keep `fleet` for instances, or `applicationLoadBalancer` for an Application Load Balancer behind a Network Load Balancer, and remove the other.'));
  }
  const r = resolveTargetGroup(tg, undefined);
  if (kind !== undefined && r.protocol !== Protocol.TCP) {
    issues.push(issue(path.key('protocol'), `an Application Load Balancer target needs protocol 'TCP', got ${show(r.protocol)}${tg.protocol === undefined ? ' (the default)' : ''}.`,
      "Set `protocol: 'TCP'`; the Application Load Balancer's own listeners handle HTTP and HTTPS."));
  }
  if (!checkRef(issues, path.key('applicationLoadBalancer'), albTarget, ctx.albNames, 'Application Load Balancer', 'applicationLoadBalancers')) return;
  const alb = ctx.spec.applicationLoadBalancers?.[albTarget];
  if (!isObject(alb) || (alb.listeners !== undefined && !isObject(alb.listeners))) return;
  const ra = resolveAlb(alb as ApplicationLoadBalancerSpec);
  const ports = [...new Set([...ra.listeners.map((l) => l.port), ...(ra.httpRedirectTargetPort !== undefined ? [80] : [])])]
    .filter((p) => Number.isInteger(p)).sort((a, b) => a - b);
  if (Number.isInteger(r.port) && r.port >= 1 && r.port <= 65535 && ports.length > 0 && !ports.includes(r.port)) {
    issues.push(issue(path.key('port'), `${r.port}${tg.port === undefined ? ' (the default)' : ''} is not a listener port of Application Load Balancer '${albTarget}', which listens on ${ports.join(', ')}.`,
      `Set port to one of ${ports.join(', ')}.`));
  }
}

function checkApplicationAttributes(tg: TargetGroupSpec, path: SpecPath, kind: Kind, issues: SpecIssue[]): void {
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
  if (kind !== 'application') return;
  const protocol = tg.protocol ?? Protocol.HTTP;
  for (const key of NLB_ONLY_FIELDS) {
    if (tg[key] !== undefined) {
      issues.push(issue(path.key(key), `is an attribute of Network Load Balancer target groups, but this group uses ${protocol}${tg.protocol === undefined ? ' (the default)' : ''}.`,
        `Remove ${key}, or give the group a Network Load Balancer protocol: 'TCP', 'UDP', 'TCP_UDP' or 'TLS'.`));
    }
  }
}

function checkNetworkAttributes(tg: TargetGroupSpec, path: SpecPath, issues: SpecIssue[]): void {
  const protocol = tg.protocol as string;
  for (const key of ALB_ONLY_FIELDS) {
    if (tg[key] !== undefined) {
      issues.push(issue(path.key(key), `${show(tg[key])} is set, but ${key} is an attribute of Application Load Balancer target groups and this group uses ${protocol}.`,
        `Remove ${key}; a Network Load Balancer sends each flow to one target by a hash of its addresses and ports.`));
    }
  }
  if ((protocol === Protocol.UDP || protocol === Protocol.TCP_UDP) && tg.preserveClientIp === false) {
    issues.push(issue(path.key('preserveClientIp'), `is false, but a ${protocol} target group always preserves the clients' IP addresses.`,
      'Remove preserveClientIp; the targets see the clients\' addresses, so their security group must admit the clients.'));
  }
}

function checkHealthCheck(tg: TargetGroupSpec, path: SpecPath, kind: Kind, issues: SpecIssue[]): void {
  const hc = tg.healthCheck as HealthCheckSpec;
  if (hc === undefined) return;
  if (!isObject(tg.healthCheck)) {
    issues.push(issue(path, `must be an object, got ${show(hc)}.`));
    return;
  }
  checkKnownFields(issues, path, hc, 'HealthCheckSpec');
  const protocol = tg.protocol as string;
  if (kind === 'application' && hc.protocol !== undefined && !APPLICATION_PROTOCOLS.includes(hc.protocol)) {
    issues.push(issue(path.key('protocol'), `${show(hc.protocol)} is not a health check protocol of an Application Load Balancer target group.`, "Use 'HTTP' or 'HTTPS'."));
  }
  if (kind === 'network' && hc.protocol !== undefined && !NLB_HEALTH_CHECK_PROTOCOLS.includes(hc.protocol)) {
    if (protocol === Protocol.UDP || protocol === Protocol.TCP_UDP) {
      issues.push(issue(path.key('protocol'), `${show(hc.protocol)} is not a health check protocol AWS allows: a ${protocol} target group is checked over TCP, HTTP or HTTPS.`,
        "Use 'TCP' (the default) on a port where the targets also accept TCP, or 'HTTP' or 'HTTPS'; set healthCheck.port if that is not the traffic port."));
    } else {
      issues.push(issue(path.key('protocol'), `${show(hc.protocol)} is not a health check protocol of a Network Load Balancer target group.`, "Use 'TCP', 'HTTP' or 'HTTPS'."));
    }
  }
  if (hc.path !== undefined && (typeof hc.path !== 'string' || !hc.path.startsWith('/') || hc.path.length > 1024)) {
    issues.push(issue(path.key('path'), `${show(hc.path)} is not an absolute path of at most 1024 characters.`, "Begin it with '/', for example '/health'."));
  }
  checkInt(issues, path.key('port'), hc.port, 1, 65535);
  const codes = kind === 'network' ? NLB_HTTP_CODES : ALB_HTTP_CODES;
  const highest = kind === 'network' ? 599 : 499;
  if (hc.healthyHttpCodes !== undefined && (typeof hc.healthyHttpCodes !== 'string' || !codes.test(hc.healthyHttpCodes))) {
    issues.push(issue(path.key('healthyHttpCodes'), `${show(hc.healthyHttpCodes)} is not a list of HTTP codes from 200 to ${highest}.`, "Write a code, a list or a range, for example '200', '200,302' or '200-299'."));
  }
  if (kind === 'network') {
    // path and healthyHttpCodes only mean something to an HTTP or HTTPS check.
    const hcProtocol = resolveTargetGroup(tg, undefined).healthCheck.protocol;
    if (hcProtocol === Protocol.TCP) {
      for (const key of ['path', 'healthyHttpCodes'] as const) {
        if (hc[key] === undefined) continue;
        issues.push(issue(path.key(key), `${show(hc[key])} is set, but the health check protocol is 'TCP'${hc.protocol === undefined ? ` (the default for a ${protocol} target group)` : ''}, which only opens a connection.`,
          `Set \`healthCheck.protocol\` to 'HTTP' or 'HTTPS', or remove ${key}.`));
      }
    }
  }
  checkHealthCheckTimes(issues, path, hc, DEFAULT_INTERVAL, DEFAULT_TIMEOUT);
}

function checkStickiness(tg: TargetGroupSpec, path: SpecPath, kind: Kind, issues: SpecIssue[]): void {
  checkEnum(issues, path.key('stickinessType'), tg.stickinessType, Object.values(StickinessType));
  checkInt(issues, path.key('stickinessCookieDurationSeconds'), tg.stickinessCookieDurationSeconds, 1, 604800);
  if (kind === 'network') {
    checkNetworkStickiness(tg, path, issues);
    return;
  }
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

/** A Network Load Balancer group: only source_ip stickiness, never with TLS, and no cookies. */
function checkNetworkStickiness(tg: TargetGroupSpec, path: SpecPath, issues: SpecIssue[]): void {
  const type = tg.stickinessType;
  if (type === StickinessType.LB_COOKIE || type === StickinessType.APP_COOKIE) {
    issues.push(issue(path.key('stickinessType'), `'${type}' stickiness is for Application Load Balancer target groups, but this group uses ${tg.protocol}.`,
      "Use 'source_ip' on a Network Load Balancer target group, or remove stickinessType."));
  } else if (type === StickinessType.SOURCE_IP && tg.protocol === Protocol.TLS) {
    issues.push(issue(path.key('stickinessType'), "'source_ip' stickiness is set on a TLS target group, which AWS refuses.",
      "Remove stickinessType, or use protocol 'TCP' (the listener can still be TLS)."));
  }
  if (tg.stickinessCookieDurationSeconds !== undefined) {
    issues.push(issue(path.key('stickinessCookieDurationSeconds'), `${show(tg.stickinessCookieDurationSeconds)} is set, but a Network Load Balancer target group has no stickiness cookie.`,
      'Remove stickinessCookieDurationSeconds.'));
  }
  if (tg.stickinessCookieName !== undefined) {
    issues.push(issue(path.key('stickinessCookieName'), `${show(tg.stickinessCookieName)} is set, but a Network Load Balancer target group has no stickiness cookie.`,
      'Remove stickinessCookieName.'));
  }
}

/**
 * The interval, timeout and thresholds of a health check: each in AWS's range, and the
 * timeout below the interval (AWS refuses a check that could overlap the next one).
 */
export function checkHealthCheckTimes(
  issues: SpecIssue[],
  path: SpecPath,
  hc: { intervalSeconds?: number; timeoutSeconds?: number; healthyThresholdCount?: number; unhealthyThresholdCount?: number },
  defaultInterval: number,
  defaultTimeout: number,
): void {
  checkInt(issues, path.key('intervalSeconds'), hc.intervalSeconds, 5, 300);
  checkInt(issues, path.key('timeoutSeconds'), hc.timeoutSeconds, 2, 120);
  checkInt(issues, path.key('healthyThresholdCount'), hc.healthyThresholdCount, 2, 10);
  checkInt(issues, path.key('unhealthyThresholdCount'), hc.unhealthyThresholdCount, 2, 10);
  // AWS refuses a timeout that is not below the interval. Compare only values in range
  // (others are reported above), and report where the user wrote a value.
  const interval = hc.intervalSeconds ?? defaultInterval;
  const timeout = hc.timeoutSeconds ?? defaultTimeout;
  const inRange = Number.isInteger(interval) && interval >= 5 && interval <= 300 && Number.isInteger(timeout) && timeout >= 2 && timeout <= 120;
  if (inRange && timeout >= interval) {
    const byDefault = (value: number | undefined) => (value === undefined ? 'default ' : '');
    const field = hc.timeoutSeconds !== undefined ? 'timeoutSeconds' : 'intervalSeconds';
    issues.push(issue(path.key(field), `the ${byDefault(hc.timeoutSeconds)}timeout (${timeout} s) is not below the ${byDefault(hc.intervalSeconds)}interval (${interval} s).`,
      hc.timeoutSeconds !== undefined ? 'Make timeoutSeconds less than intervalSeconds.' : `Make intervalSeconds more than ${timeout}, or set a shorter timeoutSeconds.`));
  }
}
