import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';
import { sortedEntries } from '../private/resolve';
import { HostedZoneSpec } from '../spec/dns';

/** Imports the spec's hosted zones by attributes and merges the existing ones. */
export function importHostedZones(
  scope: Construct,
  specs: { [name: string]: HostedZoneSpec } | undefined,
  existing: { [name: string]: route53.IHostedZone } | undefined,
): Map<string, route53.IHostedZone> {
  const zones = new Map<string, route53.IHostedZone>();
  for (const [name, zone] of sortedEntries(specs)) {
    const attributes = { hostedZoneId: zone.hostedZoneId, zoneName: zone.zoneName };
    zones.set(name, route53.HostedZone.fromHostedZoneAttributes(scope, name, attributes));
  }
  for (const [name, zone] of sortedEntries(existing)) zones.set(name, zone);
  return zones;
}

/** A certificate for a domain, DNS-validated in its hosted zone. */
export function requestCertificate(
  scope: Construct,
  domainName: string,
  alternativeNames: string[] | undefined,
  zone: route53.IHostedZone,
): acm.ICertificate {
  return new acm.Certificate(scope, 'Certificate', {
    domainName,
    subjectAlternativeNames: alternativeNames,
    validation: acm.CertificateValidation.fromDns(zone),
  });
}

/** An alias A record for a domain, pointing at a load balancer. */
export function aliasRecord(scope: Construct, domainName: string, zone: route53.IHostedZone, loadBalancer: elbv2.ILoadBalancerV2): route53.ARecord {
  return new route53.ARecord(scope, 'AliasRecord', {
    zone,
    recordName: domainName,
    target: route53.RecordTarget.fromAlias(new route53Targets.LoadBalancerTarget(loadBalancer)),
  });
}

/** Where a load balancer's certificate comes from, in the spec's terms. */
export interface CertificateSource {
  readonly certificateArn?: string;
  readonly domainName?: string;
  readonly subjectAlternativeNames?: string[];
}

/**
 * The certificate of a load balancer's HTTPS or TLS listeners: imported by ARN, or
 * requested for the domain and validated in its zone when a listener needs one.
 */
export function loadBalancerCertificate(
  scope: Construct,
  source: CertificateSource,
  zone: route53.IHostedZone | undefined,
  needed: boolean,
): acm.ICertificate | undefined {
  if (source.certificateArn) return acm.Certificate.fromCertificateArn(scope, 'Certificate', source.certificateArn);
  if (needed && source.domainName && zone) return requestCertificate(scope, source.domainName, source.subjectAlternativeNames, zone);
  return undefined;
}
