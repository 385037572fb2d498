import { ApplicationProtocol, DesyncMitigationMode, SslPolicy } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { resolveAlb, sortedEntries } from '../../private/resolve';
import { ApplicationListenerSpec, ApplicationLoadBalancerSpec } from '../../spec/alb';
import { SubnetTier } from '../../spec/enums';
import { CheckContext } from '../context';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { checkActionSpec } from './actions';
import { checkAllowFrom, checkCertificate, checkPublicTier } from './load-balancer';
import { checkBoolean, checkCidrList, checkEnum, checkInt, checkKnownFields, isObject, NAME_PATTERN, NAME_RULE } from './util';

/** AWS's quota of listeners per ALB. */
const MAX_LISTENERS = 50;
/** The ID of the listener the builder adds on port 80 to redirect to HTTPS. */
const HTTP_REDIRECT_LISTENER = 'http-redirect';

/** Application Load Balancers: placement, listeners, certificate and domain. */
export function checkApplicationLoadBalancers(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const [name, alb] of sortedEntries(ctx.spec.applicationLoadBalancers)) {
    if (!isObject(alb)) continue;
    checkAlb(ctx, alb as ApplicationLoadBalancerSpec, SpecPath.ROOT.at('applicationLoadBalancers', name), issues);
  }
  return issues;
}

function checkAlb(ctx: CheckContext, alb: ApplicationLoadBalancerSpec, path: SpecPath, issues: SpecIssue[]): void {
  checkKnownFields(issues, path, alb, 'ApplicationLoadBalancerSpec');
  for (const key of ['internetFacing', 'httpToHttpsRedirectEnabled', 'aliasRecordEnabled', 'dropInvalidHeaderFieldsEnabled', 'deletionProtection', 'accessLogsEnabled'] as const) {
    checkBoolean(issues, path.key(key), alb[key]);
  }
  checkEnum(issues, path.key('subnetTier'), alb.subnetTier, Object.values(SubnetTier));
  checkEnum(issues, path.key('desyncMitigationMode'), alb.desyncMitigationMode, Object.values(DesyncMitigationMode));
  checkInt(issues, path.key('idleTimeoutSeconds'), alb.idleTimeoutSeconds, 1, 4000);
  checkCidrList(issues, path.key('ingressCidrs'), alb.ingressCidrs);
  checkAllowFrom(ctx, alb.allowFrom, path.key('allowFrom'), issues);
  const r = resolveAlb(alb);
  checkPublicTier(r.internetFacing, r.subnetTier, path, issues);
  if (ctx.azCount !== undefined && ctx.azCount < 2) {
    issues.push(issue(path, `an Application Load Balancer needs subnets in at least two Availability Zones, but the VPC has ${ctx.azCount}.`, moreZonesHint(ctx)));
  }
  checkListeners(ctx, alb, path, r.httpRedirectTargetPort !== undefined, issues);
  checkCertificate(ctx, alb, path, {
    secureProtocol: 'HTTPS',
    hasSecureListener: r.httpsListeners.length > 0,
    aliasRecord: r.aliasRecordEnabled,
    unusedCertificateIsError: false,
    withoutAliasRecord: 'set `aliasRecordEnabled: false`',
  }, issues);
}

function moreZonesHint(ctx: CheckContext): string {
  if (ctx.existing.vpc) return 'Pass a VPC with subnets in two or more Availability Zones.';
  if (isObject(ctx.spec.network) && Array.isArray(ctx.spec.network.availabilityZones)) return 'List two or more zones in `network.availabilityZones`.';
  return 'Set `network.maxAzs` to 2 or more.';
}

function checkListeners(ctx: CheckContext, alb: ApplicationLoadBalancerSpec, path: SpecPath, addsHttpRedirect: boolean, issues: SpecIssue[]): void {
  if (alb.listeners === undefined) return;
  const listenersPath = path.key('listeners');
  if (!isObject(alb.listeners) || Object.keys(alb.listeners).length === 0) {
    issues.push(issue(listenersPath, `must be a map with at least one listener, got ${show(alb.listeners)}.`, 'Leave out `listeners` for the default HTTPS listener on 443.'));
    return;
  }
  const entries = sortedEntries(alb.listeners);
  if (entries.length > MAX_LISTENERS) {
    issues.push(issue(listenersPath, `${entries.length} listeners exceed AWS's quota of ${MAX_LISTENERS} per Application Load Balancer.`, 'Spread the listeners across load balancers.'));
  }
  const portOwner = new Map<number, string>();
  for (const [name, value] of entries) {
    const listener = value as ApplicationListenerSpec;
    const lp = listenersPath.key(name);
    if (!NAME_PATTERN.test(name)) issues.push(issue(lp, `the name '${name}' is not valid.`, `Use ${NAME_RULE}.`));
    if (name === HTTP_REDIRECT_LISTENER && addsHttpRedirect) {
      issues.push(issue(lp, `the name '${name}' is reserved for the HTTP listener on port 80 that redirects to HTTPS.`,
        'Give the listener another name, or set `httpToHttpsRedirectEnabled: false`.'));
    }
    if (!isObject(value)) {
      issues.push(issue(lp, `must be an object, got ${show(listener)}.`));
      continue;
    }
    checkKnownFields(issues, lp, listener, 'ApplicationListenerSpec');
    checkEnum(issues, lp.key('protocol'), listener.protocol, Object.values(ApplicationProtocol), "An Application Load Balancer listener is 'HTTP' or 'HTTPS'.");
    checkInt(issues, lp.key('port'), listener.port, 1, 65535);
    checkEnum(issues, lp.key('sslPolicy'), listener.sslPolicy, Object.values(SslPolicy));
    const protocol = listener.protocol ?? ApplicationProtocol.HTTPS;
    const port = listener.port ?? (protocol === ApplicationProtocol.HTTPS ? 443 : 80);
    if (listener.sslPolicy !== undefined && protocol !== ApplicationProtocol.HTTPS) {
      issues.push(issue(lp.key('sslPolicy'), 'a TLS policy is set on an HTTP listener.', 'Remove sslPolicy, or make the listener HTTPS.'));
    }
    const owner = portOwner.get(port);
    if (owner !== undefined) {
      issues.push(issue(lp.key('port'), `port ${port} is already used by listener '${owner}'.`, 'Give each listener of a load balancer its own port.'));
    } else {
      portOwner.set(port, name);
    }
    if (listener.defaultAction !== undefined) {
      checkKnownFields(issues, lp.key('defaultAction'), listener.defaultAction, 'ListenerActionSpec');
      checkActionSpec(ctx, listener.defaultAction, lp.key('defaultAction'), issues);
    }
  }
}
