/**
 * What Application and Network Load Balancers share: placement, the fleets admitted
 * by security group, and the certificate, domain and hosted zone.
 */
import { Token } from 'aws-cdk-lib';
import { SubnetTier } from '../../spec/enums';
import { CheckContext } from '../context';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { isZoneName } from './hosted-zones';
import { checkRef, DOMAIN_NAME, isObject } from './util';

export const CERTIFICATE_ARN = /^arn:aws[a-z-]*:acm:[a-z0-9-]+:\d{12}:certificate\/[A-Za-z0-9-]+$/;
/** AWS's quota of certificates per ALB, not counting the default certificate. */
const MAX_SNI_CERTIFICATES = 25;
/** ACM's limit on the length of a certificate's domain name (its subject common name). */
const MAX_CERTIFICATE_DOMAIN = 64;

/** An internet-facing load balancer is placed in the public tier. */
export function checkPublicTier(internetFacing: boolean, subnetTier: SubnetTier, path: SpecPath, issues: SpecIssue[]): void {
  if (internetFacing && subnetTier !== SubnetTier.PUBLIC) {
    issues.push(issue(path.key('subnetTier'), `an internet-facing load balancer must be in the public tier, not '${subnetTier}'.`, 'Remove subnetTier, or set `internetFacing: false` for an internal load balancer.'));
  }
}

/**
 * `allowFrom`: a list of fleet names, each declared and listed once. On an
 * internet-facing load balancer it is allowed (it adds nothing to 0.0.0.0/0, but says
 * which fleets call it) and not reported.
 */
export function checkAllowFrom(ctx: CheckContext, value: unknown, path: SpecPath, issues: SpecIssue[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    issues.push(issue(path, `must be a list of fleet names, got ${show(value)}.`, "Write for example ['web']."));
    return;
  }
  const seen = new Set<string>();
  value.forEach((name, i) => {
    if (!checkRef(issues, path.index(i), name, ctx.fleetNames, 'fleet', 'fleets')) return;
    if (seen.has(name)) issues.push(issue(path.index(i), `fleet '${name}' is listed twice.`, 'List each fleet once.'));
    seen.add(name);
  });
}

/** The certificate, domain and hosted zone fields, as both kinds of load balancer have them. */
export interface CertificateFields {
  readonly domainName?: unknown;
  readonly hostedZone?: unknown;
  readonly certificateArn?: unknown;
  /** ALB only. */
  readonly subjectAlternativeNames?: unknown;
  /** ALB only. */
  readonly additionalCertificateArns?: unknown;
}

export interface CertificateUse {
  /** The listener protocol that needs the certificate: `HTTPS` (ALB) or `TLS` (NLB). */
  readonly secureProtocol: 'HTTPS' | 'TLS';
  /** Whether the load balancer has a listener of that protocol. */
  readonly hasSecureListener: boolean;
  /** Whether an alias record for the domain is created in the hosted zone. */
  readonly aliasRecord: boolean;
  /** Whether a certificate with no listener to serve it is an error (NLB). */
  readonly unusedCertificateIsError: boolean;
  /** How to do without the alias record, for the hint when the zone's name is unknown. */
  readonly withoutAliasRecord: string;
}

/**
 * The certificate of the secure listeners (imported by ARN, or requested for the domain
 * and validated in the hosted zone), the domain, and the names on the certificate.
 */
export function checkCertificate(ctx: CheckContext, lb: CertificateFields, path: SpecPath, use: CertificateUse, issues: SpecIssue[]): void {
  const domain = lb.domainName;
  const listenerKind = `${use.secureProtocol === 'HTTPS' ? 'an' : 'a'} ${use.secureProtocol} listener`;
  if (domain !== undefined && !isDomainName(domain)) {
    issues.push(issue(path.key('domainName'), `${show(domain)} is not a domain name.`, "Write a fully qualified name, for example 'www.example.com'."));
  } else if (domain !== undefined && lb.certificateArn === undefined && use.hasSecureListener && domain.length > MAX_CERTIFICATE_DOMAIN) {
    issues.push(issue(path.key('domainName'), `'${domain}' has ${domain.length} characters, but the domain name of an ACM certificate has at most ${MAX_CERTIFICATE_DOMAIN}.`,
      use.secureProtocol === 'HTTPS'
        ? 'Use a shorter name as domainName and put this one in subjectAlternativeNames, or import a certificate with certificateArn.'
        : 'Use a shorter name, or import a certificate with certificateArn.'));
  }
  const sans = lb.subjectAlternativeNames;
  if (sans !== undefined && !Array.isArray(sans)) {
    issues.push(issue(path.key('subjectAlternativeNames'), `must be a list of domain names, got ${show(sans)}.`, "Write for example ['example.com']."));
  } else if (sans !== undefined) {
    sans.forEach((n, i) => {
      if (!isDomainName(n)) issues.push(issue(path.key('subjectAlternativeNames').index(i), `${show(n)} is not a domain name.`, "Write a fully qualified name, for example 'example.com'."));
    });
  }
  if (lb.certificateArn !== undefined && (typeof lb.certificateArn !== 'string' || !CERTIFICATE_ARN.test(lb.certificateArn))) {
    issues.push(issue(path.key('certificateArn'), `${show(lb.certificateArn)} is not an ACM certificate ARN.`, "Copy the ARN from ACM: 'arn:aws:acm:<region>:<account>:certificate/<id>'."));
  } else if (lb.certificateArn !== undefined && !use.hasSecureListener && use.unusedCertificateIsError) {
    issues.push(issue(path.key('certificateArn'), `a certificate is given (${show(lb.certificateArn)}), but no listener uses ${use.secureProtocol}, and a certificate on a TCP or UDP listener has no use.`,
      `Make the listener that should terminate TLS a ${use.secureProtocol} listener, or remove certificateArn.`));
  }
  const extra = lb.additionalCertificateArns;
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
  if (lb.hostedZone !== undefined && checkRef(issues, path.key('hostedZone'), lb.hostedZone, ctx.hostedZoneNames, 'hosted zone', 'hostedZones')) {
    zoneName = zoneNameOf(ctx, lb.hostedZone as string, path.key('hostedZone'), use.aliasRecord && domain !== undefined, use.withoutAliasRecord, issues);
  }
  if (use.hasSecureListener && lb.certificateArn === undefined) {
    if (domain === undefined) {
      issues.push(issue(path.key('domainName'), `the load balancer has ${listenerKind} but no certificate.`,
        'Set `domainName` and `hostedZone` for a DNS-validated certificate, or `certificateArn` to import one.'));
    } else if (lb.hostedZone === undefined) {
      issues.push(issue(path.key('hostedZone'), `is not set, so no certificate can be validated for ${show(domain)} and the ${use.secureProtocol} listener has none.`,
        'Set `hostedZone` to the zone that holds the domain, or `certificateArn` to import a certificate.'));
    }
  }
  if (lb.hostedZone !== undefined && domain === undefined) {
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

export function isDomainName(value: unknown): value is string {
  return typeof value === 'string' && DOMAIN_NAME.test(value.toLowerCase());
}

/**
 * The zone name of a hosted zone given in the spec or in `existing`, lowercase and
 * without a final dot; undefined while unresolved, invalid (reported by the hosted
 * zone check) or unknown.
 */
export function zoneNameOf(ctx: CheckContext, name: string, path: SpecPath, needsName: boolean, withoutAliasRecord: string,
  issues: SpecIssue[]): string | undefined {
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
        `Import the zone with \`HostedZone.fromHostedZoneAttributes()\` (ID and name), declare it under \`hostedZones\`, or ${withoutAliasRecord}.`));
    }
    return undefined;
  }
  if (typeof zoneName !== 'string' || Token.isUnresolved(zoneName)) return undefined;
  return zoneName.replace(/\.$/, '').toLowerCase();
}

export function inZone(name: string, zone: string): boolean {
  const n = name.replace(/^\*\./, '').toLowerCase();
  return n === zone || n.endsWith(`.${zone}`);
}
