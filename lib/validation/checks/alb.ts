import { Token } from 'aws-cdk-lib';
import { ApplicationProtocol, DesyncMitigationMode, SslPolicy } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { ApplicationListenerSpec, ApplicationLoadBalancerSpec } from '../../spec/alb';
import { SubnetTier } from '../../spec/enums';
import { resolveAlb, sortedEntries } from '../../private/resolve';
import { CheckContext } from '../context';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { checkActionSpec } from './actions';
import { checkBoolean, checkCidrList, checkEnum, checkInt, checkRef, isObject, NAME_PATTERN, NAME_RULE } from './util';

const DOMAIN = /^(\*\.)?([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}$/;
const CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/;
/** AWS's quota of certificates per ALB, not counting the default certificate. */
const MAX_SNI_CERTIFICATES = 25;
/** AWS's quota of listeners per ALB. */
const MAX_LISTENERS = 50;

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
  for (const key of ['internetFacing', 'httpToHttpsRedirectEnabled', 'aliasRecordEnabled', 'dropInvalidHeaderFieldsEnabled', 'deletionProtection', 'accessLogsEnabled'] as const) {
    checkBoolean(issues, path.key(key), alb[key]);
  }
  checkEnum(issues, path.key('subnetTier'), alb.subnetTier, Object.values(SubnetTier));
  checkEnum(issues, path.key('desyncMitigationMode'), alb.desyncMitigationMode, Object.values(DesyncMitigationMode));
  checkInt(issues, path.key('idleTimeoutSeconds'), alb.idleTimeoutSeconds, 1, 4000);
  checkCidrList(issues, path.key('ingressCidrs'), alb.ingressCidrs);
  const r = resolveAlb(alb);
  if (r.internetFacing && r.subnetTier !== SubnetTier.PUBLIC) {
    issues.push(issue(path.key('subnetTier'), `an internet-facing load balancer must be in the public tier, not '${r.subnetTier}'.`, "Remove subnetTier, or set `internetFacing: false` for an internal load balancer."));
  }
  if (ctx.azCount !== undefined && ctx.azCount < 2) {
    issues.push(issue(path, `an Application Load Balancer needs subnets in at least two Availability Zones, but the VPC has ${ctx.azCount}.`, 'Set `network.maxAzs` to 2 or more (or pass a VPC that spans two zones).'));
  }
  checkListeners(ctx, alb, path, issues);
  checkCertificate(ctx, alb, path, r.httpsListeners.length > 0, issues);
}

function checkListeners(ctx: CheckContext, alb: ApplicationLoadBalancerSpec, path: SpecPath, issues: SpecIssue[]): void {
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
    if (!isObject(value)) {
      issues.push(issue(lp, `must be an object, got ${show(listener)}.`));
      continue;
    }
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
      checkActionSpec(ctx, listener.defaultAction, lp.key('defaultAction'), issues);
    }
  }
}

function checkCertificate(ctx: CheckContext, alb: ApplicationLoadBalancerSpec, path: SpecPath, hasHttps: boolean, issues: SpecIssue[]): void {
  const domain = alb.domainName;
  if (domain !== undefined && (typeof domain !== 'string' || !DOMAIN.test(domain))) {
    issues.push(issue(path.key('domainName'), `${show(domain)} is not a domain name.`, "Write a lowercase fully qualified name, for example 'www.example.com'."));
  }
  if (alb.certificateArn !== undefined && (typeof alb.certificateArn !== 'string' || !CERTIFICATE_ARN.test(alb.certificateArn))) {
    issues.push(issue(path.key('certificateArn'), `${show(alb.certificateArn)} is not an ACM certificate ARN.`, "Copy the ARN from ACM: 'arn:aws:acm:<region>:<account>:certificate/<id>'."));
  }
  const extra = alb.additionalCertificateArns;
  if (extra !== undefined) {
    if (!Array.isArray(extra)) {
      issues.push(issue(path.key('additionalCertificateArns'), `must be a list of ACM certificate ARNs, got ${show(extra)}.`));
    } else {
      extra.forEach((arn, i) => {
        if (typeof arn !== 'string' || !CERTIFICATE_ARN.test(arn)) issues.push(issue(path.key('additionalCertificateArns').index(i), `${show(arn)} is not an ACM certificate ARN.`));
      });
      if (extra.length > MAX_SNI_CERTIFICATES) {
        issues.push(issue(path.key('additionalCertificateArns'), `${extra.length} certificates exceed AWS's quota of ${MAX_SNI_CERTIFICATES} per Application Load Balancer.`));
      }
    }
  }
  let zoneName: string | undefined;
  if (alb.hostedZone !== undefined && checkRef(issues, path.key('hostedZone'), alb.hostedZone, ctx.hostedZoneNames, 'hosted zone', 'hostedZones')) {
    zoneName = zoneNameOf(ctx, alb.hostedZone);
  }
  if (hasHttps && alb.certificateArn === undefined && (domain === undefined || alb.hostedZone === undefined)) {
    issues.push(issue(path.key('domainName'), 'the load balancer has an HTTPS listener but no certificate.',
      domain === undefined ? 'Set `domainName` and `hostedZone` for a DNS-validated certificate, or `certificateArn` to import one.' : 'Set `hostedZone` so the certificate can be validated by DNS, or `certificateArn` to import one.'));
  }
  if (alb.hostedZone !== undefined && domain === undefined) {
    issues.push(issue(path.key('hostedZone'), 'is set, but `domainName` is not.', 'Set domainName to the name clients use, inside the hosted zone.'));
  }
  if (zoneName !== undefined) {
    const names: Array<[SpecPath, unknown]> = [[path.key('domainName'), domain]];
    (Array.isArray(alb.subjectAlternativeNames) ? alb.subjectAlternativeNames : []).forEach((n, i) => names.push([path.key('subjectAlternativeNames').index(i), n]));
    for (const [p, name] of names) {
      if (typeof name === 'string' && !inZone(name, zoneName)) {
        issues.push(issue(p, `'${name}' is not in the hosted zone '${zoneName}'.`, `Use a name that is '${zoneName}' or ends in '.${zoneName}', or choose the hosted zone that holds it.`));
      }
    }
  }
}

/** The zone name of a hosted zone given in the spec or in `existing` (undefined while unresolved). */
function zoneNameOf(ctx: CheckContext, name: string): string | undefined {
  const fromSpec = ctx.spec.hostedZones?.[name];
  if (isObject(fromSpec) && typeof fromSpec.zoneName === 'string') return fromSpec.zoneName.replace(/\.$/, '').toLowerCase();
  const existing = ctx.existing.hostedZones?.[name];
  if (existing) {
    const zoneName = existing.zoneName;
    return Token.isUnresolved(zoneName) ? undefined : zoneName.replace(/\.$/, '').toLowerCase();
  }
  return undefined;
}

function inZone(name: string, zone: string): boolean {
  const n = name.replace(/^\*\./, '').toLowerCase();
  return n === zone || n.endsWith(`.${zone}`);
}
