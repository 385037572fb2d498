import { InspectionTiers, inspectionTiers, resolveNetwork } from '../../private/resolve';
import { NetworkSpec } from '../../spec/network';
import { CheckContext } from '../context';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { checkBoolean, checkInt, checkKnownFields, isObject, parseIpv4Cidr } from './util';

const RETENTION_DAYS = [1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653];

/** The VPC section: CIDR, zones, NAT gateways, subnet sizes and flow logs. */
export function checkNetwork(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const n = ctx.spec.network as NetworkSpec;
  const path = SpecPath.ROOT.key('network');
  if (n === undefined) return issues;
  if (!isObject(ctx.spec.network)) return [issue(path, `must be an object, got ${show(n)}.`)];
  if (ctx.existing.vpc) {
    issues.push(issue(path, 'is set, but an existing VPC is given in `existing.vpc`.', 'Leave out `network` when you pass an existing VPC; the topology uses that VPC as it is.'));
    return issues;
  }
  checkKnownFields(issues, path, n, 'NetworkSpec');
  let cidrValid = true;
  if (n.cidr !== undefined) {
    const cidr = typeof n.cidr === 'string' ? parseIpv4Cidr(n.cidr) : undefined;
    cidrValid = false;
    if (!cidr) {
      issues.push(issue(path.key('cidr'), `${show(n.cidr)} is not an IPv4 CIDR block.`, "Write it as address/prefix, for example '10.0.0.0/16'."));
    } else if (cidr.prefix < 16 || cidr.prefix > 24) {
      issues.push(issue(path.key('cidr'), `the prefix /${cidr.prefix} is outside /16-/24.`, 'Amazon VPC accepts primary blocks from /16 to /24.'));
    } else if (hostBits(cidr.octets, cidr.prefix) !== 0) {
      const network = networkAddress(cidr.octets, cidr.prefix);
      issues.push(issue(path.key('cidr'), `'${n.cidr}' has address bits set beyond its /${cidr.prefix} prefix.`, `Did you mean '${network}/${cidr.prefix}'?`));
    } else {
      cidrValid = true;
    }
  }
  if (n.availabilityZones !== undefined) {
    if (!Array.isArray(n.availabilityZones) || n.availabilityZones.length === 0 || n.availabilityZones.some((az) => typeof az !== 'string')) {
      issues.push(issue(path.key('availabilityZones'), `must be a non-empty list of zone names, got ${show(n.availabilityZones)}.`));
    } else if (new Set(n.availabilityZones).size !== n.availabilityZones.length) {
      issues.push(issue(path.key('availabilityZones'), `lists a zone twice: ${show(n.availabilityZones)}.`, 'List each Availability Zone once.'));
    }
    if (n.maxAzs !== undefined) {
      issues.push(issue(path.key('maxAzs'), 'is set together with `availabilityZones`.', 'Set one of them: `availabilityZones` already fixes how many zones are used.'));
    }
  }
  checkInt(issues, path.key('maxAzs'), n.maxAzs, 1, 6);
  const azCount = ctx.azCount ?? 2;
  checkInt(issues, path.key('natGateways'), n.natGateways, 0, azCount, `Use 0 to ${azCount}: at most one NAT gateway per Availability Zone.`);
  const maskKeys = ['publicSubnetCidrMask', 'appSubnetCidrMask', 'dataSubnetCidrMask', 'applianceSubnetCidrMask', 'endpointSubnetCidrMask'] as const;
  for (const key of maskKeys) {
    checkInt(issues, path.key(key), n[key], 16, 28);
  }
  const masksValid = maskKeys
    .every((key) => n[key] === undefined || (Number.isInteger(n[key]) && n[key]! >= 16 && n[key]! <= 28));
  if (cidrValid && masksValid && ctx.azCount !== undefined && Number.isInteger(ctx.azCount) && ctx.azCount >= 1 && ctx.azCount <= 6) {
    checkSubnetsFit(n, ctx.azCount, path, issues, inspectionTiers(ctx.spec));
  }
  checkBoolean(issues, path.key('flowLogsEnabled'), n.flowLogsEnabled);
  if (n.flowLogsRetentionDays !== undefined && !RETENTION_DAYS.includes(n.flowLogsRetentionDays)) {
    issues.push(issue(path.key('flowLogsRetentionDays'), `${show(n.flowLogsRetentionDays)} is not a retention CloudWatch Logs accepts.`, `Use one of ${RETENTION_DAYS.join(', ')}.`));
  }
  return issues;
}

/** The host part of an address under a prefix: 0 for a network address. */
function hostBits(octets: number[], prefix: number): number {
  const address = octets.reduce((a, o) => a * 256 + o, 0);
  return address % 2 ** (32 - prefix);
}

function networkAddress(octets: number[], prefix: number): string {
  const address = octets.reduce((a, o) => a * 256 + o, 0);
  const network = address - (address % 2 ** (32 - prefix));
  return [24, 16, 8, 0].map((shift) => Math.floor(network / 2 ** shift) % 256).join('.');
}

/**
 * The subnets of the three tiers in every zone must fit in the VPC's block. They are
 * allocated as the VPC construct does: tier by tier, zone by zone, each subnet at
 * the next address aligned to its size.
 */
function checkSubnetsFit(n: NetworkSpec, azCount: number, path: SpecPath, issues: SpecIssue[], tiers: InspectionTiers): void {
  const r = resolveNetwork({ ...n, availabilityZones: undefined, maxAzs: azCount });
  const vpcPrefix = parseIpv4Cidr(r.cidr)!.prefix;
  const masks = [r.publicSubnetCidrMask, r.appSubnetCidrMask, r.dataSubnetCidrMask];
  if (tiers.appliances) masks.push(r.applianceSubnetCidrMask);
  if (tiers.endpoints) masks.push(r.endpointSubnetCidrMask);
  let next = 0;
  for (const mask of masks) {
    const size = 2 ** (32 - mask);
    for (let az = 0; az < azCount; az++) next = Math.ceil(next / size) * size + size;
  }
  const available = 2 ** (32 - vpcPrefix);
  if (next > available) {
    issues.push(issue(n.cidr !== undefined ? path.key('cidr') : path,
      `the subnets of ${azCount} Availability Zone${azCount === 1 ? '' : 's'} (${tierList(masks, tiers)} in each) need ${next} addresses, but the VPC block ${r.cidr} has ${available}.`,
      'Use a larger block (a shorter prefix), fewer zones, or smaller subnets (longer `…SubnetCidrMask` prefixes).'));
  }
}

/** `public /24, app /22 and data /24`, with the inspection tiers the VPC has. */
function tierList(masks: number[], tiers: InspectionTiers): string {
  const names = ['public', 'app', 'data', ...(tiers.appliances ? ['appliances'] : []), ...(tiers.endpoints ? ['endpoints'] : [])];
  const parts = names.map((name, i) => `${name} /${masks[i]}`);
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}
