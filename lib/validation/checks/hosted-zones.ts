import { sortedEntries } from '../../private/resolve';
import { HostedZoneSpec } from '../../spec/dns';
import { CheckContext } from '../context';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { DOMAIN_NAME, checkKnownFields, isObject } from './util';

/** A Route 53 hosted zone ID: `Z` and upper-case letters and digits. */
const HOSTED_ZONE_ID = /^Z[A-Z0-9]{1,31}$/;

/** Hosted zones imported by attributes: an ID and a zone name, both required. */
export function checkHostedZones(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const [name, zone] of sortedEntries(ctx.spec.hostedZones)) {
    if (!isObject(zone)) continue;
    const path = SpecPath.ROOT.at('hostedZones', name);
    const z = zone as Partial<HostedZoneSpec>;
    checkKnownFields(issues, path, zone, 'HostedZoneSpec');
    if (typeof z.hostedZoneId !== 'string' || !HOSTED_ZONE_ID.test(z.hostedZoneId)) {
      issues.push(issue(path.key('hostedZoneId'), z.hostedZoneId === undefined ? 'is missing.' : `${show(z.hostedZoneId)} is not a Route 53 hosted zone ID.`,
        "Copy the ID from Route 53: 'Z' followed by upper-case letters and digits, for example 'Z0123456789ABCDEFGHIJ'."));
    }
    if (typeof z.zoneName !== 'string' || !isZoneName(z.zoneName)) {
      issues.push(issue(path.key('zoneName'), z.zoneName === undefined ? 'is missing.' : `${show(z.zoneName)} is not a domain name.`,
        "Give the zone's domain name, for example 'example.com'."));
    }
  }
  return issues;
}

/** Whether a value is a valid zone name (a domain name without wildcard, in any case; a final dot is allowed). */
export function isZoneName(value: string): boolean {
  const name = value.replace(/\.$/, '').toLowerCase();
  return !name.startsWith('*.') && DOMAIN_NAME.test(name);
}
