import { classicExternalProtocol, classicFleetPort, isClassicLayer7, isClassicSecure, resolveClb, resolveFleet, sortedEntries } from '../../private/resolve';
import { ClassicHealthCheckSpec, ClassicListenerSpec, ClassicLoadBalancerSpec } from '../../spec/clb';
import { ClassicProtocol, ClassicSslPolicy, StickinessType, SubnetTier } from '../../spec/enums';
import { CheckContext } from '../context';
import { unknownNameHint } from '../did-you-mean';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { CERTIFICATE_ARN, checkPublicTier } from './load-balancer';
import { checkBoolean, checkCidrList, checkEnum, checkInt, checkKnownFields, checkRef, isObject, NAME_PATTERN, NAME_RULE } from './util';

/** AWS's quota of listeners per Classic Load Balancer. */
const MAX_LISTENERS = 100;
const IAM_SERVER_CERTIFICATE_ARN = /^arn:aws[a-z-]*:iam::\d{12}:server-certificate\/[\w+=,.@/-]+$/;
/** A health check path: begins with '/', at most 1024 characters, no white space. */
const HEALTH_CHECK_PATH = /^\/\S{0,1023}$/;
/** A cookie name: an RFC 6265 token. */
const COOKIE_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
/** The prefix of the Classic Load Balancer's own stickiness cookie. */
const RESERVED_COOKIE_PREFIX = 'AWSELB';
const PROTOCOLS: readonly string[] = Object.values(ClassicProtocol);

/**
 * Classic Load Balancers: fleets, placement, listeners (ports, protocols of the same
 * layer, certificates, TLS policies), health check, connection draining and
 * stickiness.
 */
export function checkClassicLoadBalancers(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const [name, clb] of sortedEntries(ctx.spec.classicLoadBalancers)) {
    if (!isObject(clb)) continue;
    checkClb(ctx, clb as ClassicLoadBalancerSpec, SpecPath.ROOT.at('classicLoadBalancers', name), issues);
  }
  return issues;
}

function checkClb(ctx: CheckContext, clb: ClassicLoadBalancerSpec, path: SpecPath, issues: SpecIssue[]): void {
  checkKnownFields(issues, path, clb, 'ClassicLoadBalancerSpec');
  for (const key of ['internetFacing', 'crossZoneEnabled', 'connectionDrainingEnabled', 'accessLogsEnabled'] as const) {
    checkBoolean(issues, path.key(key), clb[key]);
  }
  checkEnum(issues, path.key('subnetTier'), clb.subnetTier, Object.values(SubnetTier));
  checkCidrList(issues, path.key('ingressCidrs'), clb.ingressCidrs);
  checkInt(issues, path.key('idleTimeoutSeconds'), clb.idleTimeoutSeconds, 1, 4000);
  // Resolve only the parts that have the right shape; the others are reported below.
  const listeners = isObject(clb.listeners) ? Object.fromEntries(Object.entries(clb.listeners).filter(([, l]) => isObject(l))) : {};
  const r = resolveClb({ ...clb, listeners, healthCheck: isObject(clb.healthCheck) ? clb.healthCheck : undefined }, ctx.spec.fleets);
  checkPublicTier(r.internetFacing, r.subnetTier, path, issues);
  const fleetsValid = checkFleets(ctx, clb.fleets, path.key('fleets'), issues);
  checkListeners(ctx, clb, fleetsValid, path.key('listeners'), issues);
  if (clb.healthCheck !== undefined) checkHealthCheck(clb.healthCheck, r.healthCheck.protocol, path.key('healthCheck'), issues);
  checkDraining(clb, path, issues);
  checkStickiness(clb, r.listeners.some((l) => isClassicLayer7(l.externalProtocol)), path, issues);
}

/** The fleets: one or more, each declared and listed once. Returns whether all are. */
function checkFleets(ctx: CheckContext, fleets: unknown, path: SpecPath, issues: SpecIssue[]): boolean {
  const example = `for example [${ctx.fleetNames.length > 0 ? `'${ctx.fleetNames[0]}'` : "'web'"}]`;
  if (!Array.isArray(fleets) || fleets.length === 0) {
    const what = fleets === undefined ? 'is missing: a Classic Load Balancer needs the fleets it sends traffic to.' : `must be a list of one or more fleet names, got ${show(fleets)}.`;
    issues.push(issue(path, what, ctx.fleetNames.length > 0 ? `List them, ${example}. ${unknownNameHint('', ctx.fleetNames, 'fleet', 'fleets')}` : unknownNameHint('', ctx.fleetNames, 'fleet', 'fleets')));
    return false;
  }
  const seen = new Set<string>();
  let valid = true;
  fleets.forEach((name, i) => {
    if (!checkRef(issues, path.index(i), name, ctx.fleetNames, 'fleet', 'fleets')) {
      valid = false;
      return;
    }
    if (seen.has(name)) issues.push(issue(path.index(i), `fleet '${name}' is listed twice.`, 'List each fleet once.'));
    seen.add(name);
  });
  return valid;
}

/** An enum check whose hint says how to write a Classic protocol. */
function checkProtocol(issues: SpecIssue[], path: SpecPath, value: unknown): void {
  const capitals = typeof value === 'string' && PROTOCOLS.includes(value.toUpperCase()) ? `Write it in capitals, as AWS does: '${value.toUpperCase()}'.` : undefined;
  checkEnum(issues, path, value, PROTOCOLS, capitals ?? "A Classic Load Balancer protocol is 'HTTP', 'HTTPS', 'TCP' or 'SSL'.");
}

const isProtocol = (value: unknown): value is ClassicProtocol => typeof value === 'string' && PROTOCOLS.includes(value);
const isPort = (value: unknown): value is number => Number.isInteger(value) && (value as number) >= 1 && (value as number) <= 65535;

function checkListeners(ctx: CheckContext, clb: ClassicLoadBalancerSpec, fleetsValid: boolean, path: SpecPath, issues: SpecIssue[]): void {
  if (clb.listeners === undefined) {
    issues.push(issue(path, 'is missing: a Classic Load Balancer needs at least one listener.', 'Add one, for example `{ http: { externalPort: 80 } }`.'));
    return;
  }
  if (!isObject(clb.listeners) || Object.keys(clb.listeners).length === 0) {
    issues.push(issue(path, `must be a map with at least one listener, got ${show(clb.listeners)}.`, 'Add one, for example `{ http: { externalPort: 80 } }`.'));
    return;
  }
  const entries = sortedEntries(clb.listeners);
  if (entries.length > MAX_LISTENERS) {
    issues.push(issue(path, `${entries.length} listeners exceed AWS's quota of ${MAX_LISTENERS} per Classic Load Balancer.`, 'Spread the listeners across load balancers.'));
  }
  const fleetPort = fleetsValid ? classicFleetPort(clb.fleets, ctx.spec.fleets) : undefined;
  const portOwner = new Map<number, string>();
  /** Per instance port: the first listener that reaches it, and whether it does so encrypted. */
  const instancePorts = new Map<number, { name: string; protocol: ClassicProtocol }>();
  for (const [name, value] of entries) {
    const lp = path.key(name);
    if (!NAME_PATTERN.test(name)) issues.push(issue(lp, `the name '${name}' is not valid.`, `Use ${NAME_RULE}.`));
    if (!isObject(value)) {
      issues.push(issue(lp, `must be an object, got ${show(value)}.`));
      continue;
    }
    const l = value as ClassicListenerSpec;
    checkKnownFields(issues, lp, l, 'ClassicListenerSpec');
    if (l.externalPort === undefined) {
      issues.push(issue(lp.key('externalPort'), 'is missing: the port clients connect to.', 'Set externalPort, for example 80 or 443.'));
    }
    checkInt(issues, lp.key('externalPort'), l.externalPort, 1, 65535);
    checkProtocol(issues, lp.key('externalProtocol'), l.externalProtocol);
    checkInt(issues, lp.key('internalPort'), l.internalPort, 1, 65535);
    checkProtocol(issues, lp.key('internalProtocol'), l.internalProtocol);
    checkEnum(issues, lp.key('sslPolicy'), l.sslPolicy, Object.values(ClassicSslPolicy));
    if (isPort(l.externalPort)) {
      const owner = portOwner.get(l.externalPort);
      if (owner !== undefined) {
        issues.push(issue(lp.key('externalPort'), `port ${l.externalPort} is already used by listener '${owner}'.`, 'Give each listener of a load balancer its own port.'));
      } else {
        portOwner.set(l.externalPort, name);
      }
    }
    const external = classicExternalProtocol(l);
    if (l.externalProtocol === undefined && isPort(l.externalPort) && external === undefined) {
      issues.push(issue(lp.key('externalProtocol'), `is not set, and port ${l.externalPort} has no default protocol (only 80 is HTTP and 443 HTTPS).`,
        "Set externalProtocol to 'HTTP', 'HTTPS', 'TCP' or 'SSL'."));
    }
    if (!isProtocol(external)) continue;
    checkListenerTls(l, external, lp, issues);
    const internal = l.internalProtocol ?? (isClassicLayer7(external) ? ClassicProtocol.HTTP : ClassicProtocol.TCP);
    if (isProtocol(internal) && isClassicLayer7(external) !== isClassicLayer7(internal)) {
      issues.push(issue(lp.key('internalProtocol'), `'${internal}' behind ${article(external)} '${external}' listener: AWS requires the instance protocol to be of the same layer (HTTP or HTTPS behind HTTP and HTTPS, TCP or SSL behind TCP and SSL).`,
        isClassicLayer7(external) ? "Use 'HTTP' or 'HTTPS', or make the listener 'TCP' or 'SSL'." : "Use 'TCP' or 'SSL', or make the listener 'HTTP' or 'HTTPS'."));
    }
    const internalPort = l.internalPort ?? fleetPort;
    if (l.internalPort === undefined && fleetPort === undefined && fleetsValid) {
      const ports = [...new Set(clb.fleets)].sort().filter((f) => isObject(ctx.spec.fleets?.[f])).map((f) => `${f}: ${resolveFleet(ctx.spec.fleets![f]).port}`).join(', ');
      issues.push(issue(lp.key('internalPort'), `is not set, and the load balancer's fleets serve on different ports (${ports}).`, 'Set internalPort to the port the instances listen on.'));
    }
    if (isPort(internalPort) && isProtocol(internal)) {
      const first = instancePorts.get(internalPort);
      if (first === undefined) {
        instancePorts.set(internalPort, { name, protocol: internal });
      } else if (isClassicSecure(first.protocol) !== isClassicSecure(internal)) {
        issues.push(issue(lp.key('internalProtocol'), `instance port ${internalPort} is reached with ${first.protocol} by listener '${first.name}' but with ${internal} here; AWS requires listeners that share an instance port to agree on whether it is encrypted.`,
          `Use ${isClassicSecure(first.protocol) ? "'HTTPS' or 'SSL'" : "'HTTP' or 'TCP'"} here too, or another instance port.`));
      }
    }
  }
}

function article(protocol: ClassicProtocol): string {
  return protocol === ClassicProtocol.HTTP || protocol === ClassicProtocol.HTTPS || protocol === ClassicProtocol.SSL ? 'an' : 'a';
}

/** The certificate and TLS policy: both for HTTPS and SSL listeners, and only for them. */
function checkListenerTls(l: ClassicListenerSpec, external: ClassicProtocol, lp: SpecPath, issues: SpecIssue[]): void {
  const secure = isClassicSecure(external);
  const arn = l.certificateArn;
  if (secure && arn === undefined) {
    issues.push(issue(lp.key('certificateArn'), `${article(external)} ${external} listener needs a certificate.`,
      "Set certificateArn to an ACM certificate ARN ('arn:aws:acm:<region>:<account>:certificate/<id>') or an IAM server certificate ARN."));
  } else if (arn !== undefined && (typeof arn !== 'string' || !(CERTIFICATE_ARN.test(arn) || IAM_SERVER_CERTIFICATE_ARN.test(arn)))) {
    issues.push(issue(lp.key('certificateArn'), `${show(arn)} is not an ACM or IAM server certificate ARN.`,
      "Copy the ARN from ACM: 'arn:aws:acm:<region>:<account>:certificate/<id>', or from IAM: 'arn:aws:iam::<account>:server-certificate/<name>'."));
  } else if (!secure && arn !== undefined) {
    issues.push(issue(lp.key('certificateArn'), `a certificate is set on ${article(external)} ${external} listener, which does not use one.`,
      `Remove certificateArn, or make the listener '${external === ClassicProtocol.HTTP ? 'HTTPS' : 'SSL'}'.`));
  }
  if (!secure && l.sslPolicy !== undefined) {
    issues.push(issue(lp.key('sslPolicy'), `a TLS policy is set on ${article(external)} ${external} listener.`, "Remove sslPolicy, or make the listener 'HTTPS' or 'SSL'."));
  }
}

function checkHealthCheck(value: unknown, protocol: ClassicProtocol, path: SpecPath, issues: SpecIssue[]): void {
  if (!isObject(value)) {
    issues.push(issue(path, `must be an object, got ${show(value)}.`));
    return;
  }
  const hc = value as ClassicHealthCheckSpec;
  checkKnownFields(issues, path, hc, 'ClassicHealthCheckSpec');
  checkProtocol(issues, path.key('protocol'), hc.protocol);
  checkInt(issues, path.key('port'), hc.port, 1, 65535);
  checkInt(issues, path.key('intervalSeconds'), hc.intervalSeconds, 5, 300);
  checkInt(issues, path.key('timeoutSeconds'), hc.timeoutSeconds, 2, 60);
  checkInt(issues, path.key('healthyThresholdCount'), hc.healthyThresholdCount, 2, 10);
  checkInt(issues, path.key('unhealthyThresholdCount'), hc.unhealthyThresholdCount, 2, 10);
  if (hc.path !== undefined) {
    if (typeof hc.path !== 'string' || !HEALTH_CHECK_PATH.test(hc.path)) {
      issues.push(issue(path.key('path'), `${show(hc.path)} is not a path.`, "Begin it with '/' and use no spaces, at most 1024 characters, for example '/health'."));
    } else if (isProtocol(protocol) && !isClassicLayer7(protocol)) {
      issues.push(issue(path.key('path'), `a path is set, but ${article(protocol)} ${protocol} health check only opens a connection.`, "Remove path, or use protocol 'HTTP' or 'HTTPS'."));
    }
  }
  // AWS refuses a timeout that is not below the interval. Compare only values in range.
  const interval = hc.intervalSeconds ?? 30;
  const timeout = hc.timeoutSeconds ?? 5;
  const inRange = Number.isInteger(interval) && interval >= 5 && interval <= 300 && Number.isInteger(timeout) && timeout >= 2 && timeout <= 60;
  if (inRange && timeout >= interval) {
    const byDefault = (v: number | undefined) => (v === undefined ? 'default ' : '');
    const field = hc.timeoutSeconds !== undefined ? 'timeoutSeconds' : 'intervalSeconds';
    issues.push(issue(path.key(field), `the ${byDefault(hc.timeoutSeconds)}timeout (${timeout} s) is not below the ${byDefault(hc.intervalSeconds)}interval (${interval} s).`,
      hc.timeoutSeconds !== undefined ? 'Make timeoutSeconds less than intervalSeconds.' : `Make intervalSeconds more than ${timeout}, or set a shorter timeoutSeconds.`));
  }
}

function checkDraining(clb: ClassicLoadBalancerSpec, path: SpecPath, issues: SpecIssue[]): void {
  checkInt(issues, path.key('connectionDrainingSeconds'), clb.connectionDrainingSeconds, 1, 3600);
  if (clb.connectionDrainingEnabled === false && clb.connectionDrainingSeconds !== undefined) {
    issues.push(issue(path.key('connectionDrainingSeconds'), 'is set, but connection draining is turned off (`connectionDrainingEnabled: false`).',
      'Remove connectionDrainingSeconds, or turn connection draining on.'));
  }
}

function checkStickiness(clb: ClassicLoadBalancerSpec, hasLayer7Listener: boolean, path: SpecPath, issues: SpecIssue[]): void {
  const allowed: string[] = [StickinessType.LB_COOKIE, StickinessType.APP_COOKIE];
  const type = clb.stickinessType;
  if (type === StickinessType.SOURCE_IP) {
    issues.push(issue(path.key('stickinessType'), 'source_ip stickiness is for Network Load Balancer target groups.', "Use 'lb_cookie' or 'app_cookie' on a Classic Load Balancer."));
  } else {
    checkEnum(issues, path.key('stickinessType'), type, allowed);
  }
  checkInt(issues, path.key('stickinessCookieDurationSeconds'), clb.stickinessCookieDurationSeconds, 1, 2147483647);
  if (clb.stickinessCookieDurationSeconds !== undefined && type !== StickinessType.LB_COOKIE) {
    issues.push(issue(path.key('stickinessCookieDurationSeconds'), `is only used with lb_cookie stickiness, but stickinessType is ${show(type)}.`,
      "Set `stickinessType: 'lb_cookie'`, or remove stickinessCookieDurationSeconds."));
  }
  const cookie = clb.stickinessCookieName;
  if (type === StickinessType.APP_COOKIE) {
    if (typeof cookie !== 'string' || cookie === '') {
      issues.push(issue(path.key('stickinessCookieName'), "app_cookie stickiness needs the name of your application's cookie.", "Set stickinessCookieName, for example 'SESSIONID'."));
    } else if (!COOKIE_NAME.test(cookie)) {
      issues.push(issue(path.key('stickinessCookieName'), `'${cookie}' is not a cookie name.`, 'Use letters, digits and !#$%&\'*+-.^_`|~, with no spaces, separators or quotes.'));
    } else if (cookie.startsWith(RESERVED_COOKIE_PREFIX)) {
      issues.push(issue(path.key('stickinessCookieName'), `'${cookie}' begins with '${RESERVED_COOKIE_PREFIX}', which the load balancer reserves for its own cookie.`, 'Use the name of the cookie your application sets.'));
    }
  } else if (cookie !== undefined) {
    issues.push(issue(path.key('stickinessCookieName'), `is only used with app_cookie stickiness, but stickinessType is ${show(type)}.`,
      "Set `stickinessType: 'app_cookie'`, or remove stickinessCookieName."));
  }
  if (allowed.includes(type as string) && !hasLayer7Listener && isObject(clb.listeners) && Object.keys(clb.listeners).length > 0) {
    issues.push(issue(path.key('stickinessType'), 'stickiness needs an HTTP or HTTPS listener, but the load balancer has only TCP and SSL listeners.',
      "Remove stickinessType, or add an 'HTTP' or 'HTTPS' listener."));
  }
}
