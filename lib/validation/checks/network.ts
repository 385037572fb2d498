import { NetworkSpec } from '../../spec/network';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { CheckContext } from '../context';
import { checkBoolean, checkInt, isObject, parseIpv4Cidr } from './util';

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
  if (n.cidr !== undefined) {
    const cidr = typeof n.cidr === 'string' ? parseIpv4Cidr(n.cidr) : undefined;
    if (!cidr) {
      issues.push(issue(path.key('cidr'), `${show(n.cidr)} is not an IPv4 CIDR block.`, "Write it as address/prefix, for example '10.0.0.0/16'."));
    } else if (cidr.prefix < 16 || cidr.prefix > 24) {
      issues.push(issue(path.key('cidr'), `the prefix /${cidr.prefix} is outside /16-/24.`, 'Amazon VPC accepts primary blocks from /16 to /24.'));
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
  for (const key of ['publicSubnetCidrMask', 'appSubnetCidrMask', 'dataSubnetCidrMask'] as const) {
    checkInt(issues, path.key(key), n[key], 16, 28);
  }
  checkBoolean(issues, path.key('flowLogsEnabled'), n.flowLogsEnabled);
  if (n.flowLogsRetentionDays !== undefined && !RETENTION_DAYS.includes(n.flowLogsRetentionDays)) {
    issues.push(issue(path.key('flowLogsRetentionDays'), `${show(n.flowLogsRetentionDays)} is not a retention CloudWatch Logs accepts.`, `Use one of ${RETENTION_DAYS.join(', ')}.`));
  }
  return issues;
}
