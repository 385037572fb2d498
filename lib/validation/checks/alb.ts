import { Token } from 'aws-cdk-lib';
import { ApplicationProtocol, DesyncMitigationMode, SslPolicy } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { resolveAlb, sortedEntries } from '../../private/resolve';
import { ApplicationListenerSpec, ApplicationLoadBalancerSpec } from '../../spec/alb';
import { SubnetTier } from '../../spec/enums';
import { CheckContext } from '../context';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { checkActionSpec } from './actions';
import { isZoneName } from './hosted-zones';
import { checkBoolean, checkCidrList, checkEnum, checkInt, checkKnownFields, checkRef, DOMAIN_NAME, isObject, NAME_PATTERN, NAME_RULE } from './util';

const CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/;
/** AWS's quota of certificates per ALB, not counting the default certificate. */
const MAX_SNI_CERTIFICATES = 25;
/** ACM's limit on the length of a certificate's domain name (its subject common name). */
const MAX_CERTIFICATE_DOMAIN = 64;
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
  const r = resolveAlb(alb);
  if (r.internetFacing && r.subnetTier !== SubnetTier.PUBLIC) {
    issues.push(issue(path.key('subnetTier'), `an internet-facing load balancer must be in the public tier, not '${r.subnetTier}'.`, 'Remove subnetTier, or set `internetFacing: false` for an internal load balancer.'));
  }
  if (ctx.azCount !== undefined && ctx.azCount < 2) {
    issues.push(issue(path, `an Application Load Balancer needs subnets in at least two Availability Zones, but the VPC has ${ctx.azCount}.`, moreZonesHint(ctx)));
  }
  checkListeners(ctx, alb, path, r.httpRedirectTargetPort !== undefined, issues);
  checkCertificate(ctx, alb, path, r.httpsListeners.length > 0, issues);
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

function checkCertificate(ctx: CheckContext, alb: ApplicationLoadBalancerSpec, path: SpecPath, hasHttps: boolean, issues: SpecIssue[]): void {
  const domain = alb.domainName;
  if (domain !== undefined && !isDomainName(domain)) {
    issues.push(issue(path.key('domainName'), `${show(domain)} is not a domain name.`, "Write a fully qualified name, for example 'www.example.com'."));
  } else if (domain !== undefined && alb.certificateArn === undefined && hasHttps && domain.length > MAX_CERTIFICATE_DOMAIN) {
    issues.push(issue(path.key('domainName'), `'${domain}' has ${domain.length} characters, but the domain name of an ACM certificate has at most ${MAX_CERTIFICATE_DOMAIN}.`,
      'Use a shorter name as domainName and put this one in subjectAlternativeNames, or import a certificate with certificateArn.'));
  }
  const sans = alb.subjectAlternativeNames;
  if (sans !== undefined && !Array.isArray(sans)) {
    issues.push(issue(path.key('subjectAlternativeNames'), `must be a list of domain names, got ${show(sans)}.`, "Write for example ['example.com']."));
  } else if (sans !== undefined) {
    sans.forEach((n, i) => {
      if (!isDomainName(n)) issues.push(issue(path.key('subjectAlternativeNames').index(i), `${show(n)} is not a domain name.`, "Write a fully qualified name, for example 'example.com'."));
    });
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
    zoneName = zoneNameOf(ctx, alb.hostedZone, path.key('hostedZone'), alb.aliasRecordEnabled !== false && domain !== undefined, issues);
  }
  if (hasHttps && alb.certificateArn === undefined) {
    if (domain === undefined) {
      issues.push(issue(path.key('domainName'), 'the load balancer has an HTTPS listener but no certificate.',
        'Set `domainName` and `hostedZone` for a DNS-validated certificate, or `certificateArn` to import one.'));
    } else if (alb.hostedZone === undefined) {
      issues.push(issue(path.key('hostedZone'), `is not set, so no certificate can be validated for ${show(domain)} and the HTTPS listener has none.`,
        'Set `hostedZone` to the zone that holds the domain, or `certificateArn` to import a certificate.'));
    }
  }
  if (alb.hostedZone !== undefined && domain === undefined) {
    issues.push(issue(path.key('hostedZone'), 'is set, but `domainName` is not.', 'Set domainName to the name clients use, inside the hosted zone.'));
  }
  if (zoneName !== undefined) {
    const names: Array<[SpecPath, unknown]> = [[path.key('domainName'), domain]];
    (Array.isArray(sans) ? sans : []).forEach((n, i) => names.push([path.key('subjectAlternativeNames').index(i), n]));
    for (const [p, name] of names) {
      if (isDomainName(name) && !inZone(name, zoneName)) {
        issues.push(issue(p, `'${name}' is not in the hosted zone '${zoneName}'.`, `Use a name that is '${zoneName}' or ends in '.${zoneName}', or choose the hosted zone that holds it.`));
      }
    }
  }
}

function isDomainName(value: unknown): value is string {
  return typeof value === 'string' && DOMAIN_NAME.test(value.toLowerCase());
}

/**
 * The zone name of a hosted zone given in the spec or in `existing`, lowercase and
 * without a final dot; undefined while unresolved, invalid (reported by the hosted
 * zone check) or unknown.
 */
function zoneNameOf(ctx: CheckContext, name: string, path: SpecPath, needsName: boolean, issues: SpecIssue[]): string | undefined {
  const fromSpec = ctx.spec.hostedZones?.[name];
  if (isObject(fromSpec)) {
    return typeof fromSpec.zoneName === 'string' && isZoneName(fromSpec.zoneName) ? fromSpec.zoneName.replace(/\.$/, '').toLowerCase() : undefined;
  }
  const existing = ctx.existing.hostedZones?.[name];
  if (!existing) return undefined;
  let zoneName: unknown;
  try {
    zoneName = existing.zoneName;
  } catch {
    // HostedZone.fromHostedZoneId() gives a zone whose name cannot be read: enough to
    // validate a certificate, not to create the alias record.
    if (needsName) {
      issues.push(issue(path, `the existing hosted zone '${name}' has no zone name (it was imported by ID only), which the alias record for the domain needs.`,
        'Import the zone with `HostedZone.fromHostedZoneAttributes()` (ID and name), declare it under `hostedZones`, or set `aliasRecordEnabled: false`.'));
    }
    return undefined;
  }
  if (typeof zoneName !== 'string' || Token.isUnresolved(zoneName)) return undefined;
  return zoneName.replace(/\.$/, '').toLowerCase();
}

function inZone(name: string, zone: string): boolean {
  const n = name.replace(/^\*\./, '').toLowerCase();
  return n === zone || n.endsWith(`.${zone}`);
}
