/**
 * The sets that DNS records form (same domain name, same hosted zone): one routing
 * policy per set, two or more weighted records or one PRIMARY and one SECONDARY, each
 * on its own load balancer; no simple alias record of a load balancer for the same
 * name; and a certificate for the name on every load balancer that serves HTTPS or TLS.
 */
import { Failover } from 'aws-cdk-lib/aws-route53';
import { resolveAlb, resolveNlb, sortedEntries } from '../../private/resolve';
import { ApplicationLoadBalancerSpec } from '../../spec/alb';
import { DnsRecordSpec } from '../../spec/dns';
import { NetworkLoadBalancerSpec } from '../../spec/nlb';
import { CheckContext } from '../context';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { isDomainName } from './load-balancer';
import { isObject } from './util';

interface Member {
  readonly name: string;
  readonly record: DnsRecordSpec;
  readonly path: SpecPath;
  /** 'weighted', 'failover', or undefined when the record has neither field (or both). */
  readonly policy?: 'weighted' | 'failover';
  /** `application:<name>` or `network:<name>`. */
  readonly target?: string;
}

/** A set: the records of one domain name in one hosted zone. */
interface RecordSet {
  readonly domain: string;
  readonly zone: string;
  readonly members: Member[];
}

export function checkDnsRecordSets(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const sets = new Map<string, RecordSet>();
  // A record whose domain or zone is invalid (reported by the record check) may belong to any set.
  let ungrouped = false;
  for (const [name, value] of sortedEntries(ctx.spec.dnsRecords)) {
    if (!isObject(value)) continue;
    const record = value as DnsRecordSpec;
    const member = toMember(name, record);
    if (!isDomainName(record.domainName) || typeof record.hostedZone !== 'string' || !ctx.hostedZoneNames.includes(record.hostedZone)) {
      // Not in any set: only the routing fields can still be checked.
      if (member.policy === undefined && record.weight === undefined && record.failover === undefined) missingPolicy(member, undefined, issues);
      ungrouped = true;
      continue;
    }
    const domain = normalize(record.domainName);
    const key = `${record.hostedZone}\u0000${domain}`;
    const set = sets.get(key) ?? { domain, zone: record.hostedZone, members: [] };
    set.members.push(member);
    sets.set(key, set);
  }
  const all = [...sets.values()];
  for (const set of all) checkSet(set, all, ungrouped, issues);
  checkAliasRecordConflicts(ctx, sets, issues);
  checkCertificates(ctx, all, issues);
  return issues;
}

function toMember(name: string, record: DnsRecordSpec): Member {
  const weighted = record.weight !== undefined;
  const failover = record.failover !== undefined;
  const target = record.applicationLoadBalancer !== undefined && record.networkLoadBalancer === undefined
    ? `application:${record.applicationLoadBalancer}`
    : record.networkLoadBalancer !== undefined && record.applicationLoadBalancer === undefined ? `network:${record.networkLoadBalancer}` : undefined;
  return {
    name,
    record,
    path: SpecPath.ROOT.at('dnsRecords', name),
    policy: weighted && !failover ? 'weighted' : failover && !weighted ? 'failover' : undefined,
    target,
  };
}

function checkSet(set: RecordSet, all: RecordSet[], ungrouped: boolean, issues: SpecIssue[]): void {
  const title = `'${set.domain}' in hosted zone '${set.zone}'`;
  // The set's policy: the first record's that has one (records are sorted by name).
  const policy = set.members.find((m) => m.policy !== undefined)?.policy;
  for (const m of set.members) {
    if (m.policy === undefined && m.record.weight === undefined && m.record.failover === undefined) missingPolicy(m, policy, issues);
  }
  if (set.members.length === 1) {
    if (!ungrouped) checkLoneRecord(set, all, policy, issues);
    return;
  }
  const first = set.members.find((m) => m.policy === policy)!;
  for (const m of set.members) {
    if (m.policy === undefined || m.policy === policy) continue;
    issues.push(issue(m.path.key(m.policy === 'weighted' ? 'weight' : 'failover'),
      `record '${m.name}' is a ${m.policy} record, but ${title} is a ${policy} set (record '${first.name}'), and a set has one routing policy.`,
      policy === 'weighted' ? `Give '${m.name}' a weight instead of failover, or use another domain name for it.`
        : `Give '${m.name}' a failover role (PRIMARY or SECONDARY) instead of a weight, or use another domain name for it.`));
  }
  if (policy === 'failover') checkFailoverRoles(set, title, issues);
  const seen = new Map<string, string>();
  for (const m of set.members) {
    if (m.target === undefined) continue;
    const other = seen.get(m.target);
    if (other !== undefined) {
      const [kind, lb] = m.target.split(':');
      issues.push(issue(m.path.key(kind === 'application' ? 'applicationLoadBalancer' : 'networkLoadBalancer'),
        `points at ${kind === 'application' ? 'Application' : 'Network'} Load Balancer '${lb}', like record '${other}' of the same set ${title}.`,
        'A set spreads clients over different load balancers: point this record at another one, or remove it.'));
    } else {
      seen.set(m.target, m.name);
    }
  }
}

/** A record with neither a weight nor a failover role: which one it needs follows from its set. */
function missingPolicy(m: Member, policy: 'weighted' | 'failover' | undefined, issues: SpecIssue[]): void {
  if (policy === 'weighted') {
    issues.push(issue(m.path.key('weight'), 'is missing, but the other records of the set are weighted.', 'Give the record a weight from 0 to 255.'));
  } else if (policy === 'failover') {
    issues.push(issue(m.path.key('failover'), 'is missing, but the other records of the set are failover records.', "Give the record the role 'PRIMARY' or 'SECONDARY'."));
  } else {
    issues.push(issue(m.path, 'has no routing policy.',
      "Give it a `weight` (from 0 to 255) for a weighted set, or `failover` ('PRIMARY' or 'SECONDARY') for a failover set. "
      + 'For a simple record, give the load balancer itself `domainName` and `hostedZone` instead.'));
  }
}

/** A set of one record: another record is missing, or a record of the set is in another zone. */
function checkLoneRecord(set: RecordSet, all: RecordSet[], policy: 'weighted' | 'failover' | undefined, issues: SpecIssue[]): void {
  const m = set.members[0];
  const elsewhere = all.filter((s) => s !== set && s.domain === set.domain);
  if (elsewhere.length > 0) {
    const others = elsewhere.map((s) => `${s.members.map((o) => `'${o.name}'`).join(', ')} in '${s.zone}'`).join('; ');
    issues.push(issue(m.path.key('hostedZone'),
      `record '${m.name}' is the only record for '${set.domain}' in hosted zone '${set.zone}', but the other records for that name are in another zone (${others}), `
      + 'and a set is in one hosted zone.',
      `Put every record of the set in the same hosted zone, for example '${elsewhere[0].zone}', or add another record for '${set.domain}' to '${set.zone}'.`));
    return;
  }
  if (policy === undefined) return; // reported as a missing routing policy
  const lb = m.target?.split(':')[1];
  const other = lb !== undefined ? ` (not '${lb}')` : '';
  issues.push(issue(m.path, `is the only record for '${set.domain}' in hosted zone '${set.zone}', but a ${policy} set needs ${policy === 'weighted' ? 'at least two' : 'two'}.`,
    policy === 'weighted'
      ? `Add a record with the same domainName and hostedZone, a weight, and another load balancer${other}; for one load balancer, remove the record and give the load balancer `
        + '`domainName` and `hostedZone` for a simple alias record.'
      : `Add the ${m.record.failover === Failover.SECONDARY ? 'PRIMARY' : 'SECONDARY'} record: the same domainName and hostedZone, `
        + `\`failover: '${m.record.failover === Failover.SECONDARY ? 'PRIMARY' : 'SECONDARY'}'\`, and another load balancer${other}.`));
}

/** A failover set: exactly one PRIMARY and one SECONDARY record. */
function checkFailoverRoles(set: RecordSet, title: string, issues: SpecIssue[]): void {
  const byRole = new Map<string, Member[]>();
  for (const m of set.members.filter((x) => x.policy === 'failover')) {
    const role = String(m.record.failover);
    byRole.set(role, [...(byRole.get(role) ?? []), m]);
  }
  for (const role of [Failover.PRIMARY, Failover.SECONDARY]) {
    const members = byRole.get(role) ?? [];
    const missing = role === Failover.PRIMARY ? Failover.SECONDARY : Failover.PRIMARY;
    for (const m of members.slice(1)) {
      const hint = (byRole.get(missing) ?? []).length === 0
        ? `Make '${m.name}' the ${missing} record.`
        : `A failover set has one PRIMARY and one SECONDARY record: remove '${m.name}', or give it another domain name.`;
      issues.push(issue(m.path.key('failover'), `${title} already has a ${role} record ('${members[0].name}').`, hint));
    }
  }
}

/** Route 53 cannot hold a simple record and a weighted or failover set of the same name and type. */
function checkAliasRecordConflicts(ctx: CheckContext, sets: Map<string, RecordSet>, issues: SpecIssue[]): void {
  const check = (section: string, name: string, lb: { domainName?: unknown; hostedZone?: unknown }, aliasRecordEnabled: boolean) => {
    if (!aliasRecordEnabled || !isDomainName(lb.domainName) || typeof lb.hostedZone !== 'string') return;
    const set = sets.get(`${lb.hostedZone}\u0000${normalize(lb.domainName)}`);
    if (set === undefined) return;
    const records = set.members.map((m) => `'${m.name}'`).join(', ');
    issues.push(issue(SpecPath.ROOT.at(section, name, 'aliasRecordEnabled'),
      `the load balancer creates a simple alias record for '${set.domain}' in hosted zone '${set.zone}', where dnsRecords ${records} form a set of the same name, `
      + 'and Route 53 cannot hold a simple record and a weighted or failover set of one name and type.',
      'Set `aliasRecordEnabled: false` on the load balancer; its certificate is still requested for domainName.'));
  };
  for (const [name, alb] of sortedEntries(ctx.spec.applicationLoadBalancers)) {
    if (isObject(alb)) check('applicationLoadBalancers', name, alb, (alb as ApplicationLoadBalancerSpec).aliasRecordEnabled !== false);
  }
  for (const [name, nlb] of sortedEntries(ctx.spec.networkLoadBalancers)) {
    if (isObject(nlb)) check('networkLoadBalancers', name, nlb, (nlb as NetworkLoadBalancerSpec).aliasRecordEnabled !== false);
  }
}

/**
 * Every load balancer of a set that terminates HTTPS or TLS with a certificate the
 * topology requests must have the set's name on it, or clients get a certificate error.
 * Imported certificates (`certificateArn`, `additionalCertificateArns`) are not known
 * before deployment and are trusted.
 */
function checkCertificates(ctx: CheckContext, sets: RecordSet[], issues: SpecIssue[]): void {
  for (const set of sets) {
    for (const m of set.members) {
      const names = requestedCertificateNames(ctx, m);
      if (names === undefined || names.some((n) => covers(n, set.domain))) continue;
      const [kind, lb] = m.target!.split(':');
      const application = kind === 'application';
      issues.push(issue(m.path.key(application ? 'applicationLoadBalancer' : 'networkLoadBalancer'),
        `${application ? 'Application' : 'Network'} Load Balancer '${lb}' serves ${application ? 'HTTPS' : 'TLS'} with a certificate for ${names.map(show).join(', ')}, `
        + `so clients of '${set.domain}' would get a certificate error.`,
        application
          ? `Add '${set.domain}' to the load balancer's subjectAlternativeNames (or make it its domainName), or import a certificate that covers it with certificateArn.`
          : `Make '${set.domain}' the load balancer's domainName, or import a certificate that covers it with certificateArn.`));
    }
  }
}

/** The names on the certificate the topology requests for a record's load balancer, or undefined when it requests none. */
function requestedCertificateNames(ctx: CheckContext, m: Member): string[] | undefined {
  if (m.target === undefined) return undefined;
  const [kind, name] = m.target.split(':');
  if (kind === 'application') {
    const alb: unknown = ctx.spec.applicationLoadBalancers?.[name];
    if (!isObject(alb) || (alb.listeners !== undefined && !isObject(alb.listeners))) return undefined;
    const a = alb as ApplicationLoadBalancerSpec;
    const imported = a.certificateArn !== undefined || a.additionalCertificateArns !== undefined;
    if (imported || !isDomainName(a.domainName) || a.hostedZone === undefined) return undefined;
    if (resolveAlb(withObjectListeners(a)).httpsListeners.length === 0) return undefined;
    return [a.domainName, ...(Array.isArray(a.subjectAlternativeNames) ? a.subjectAlternativeNames.filter(isDomainName) : [])];
  }
  const nlb: unknown = ctx.spec.networkLoadBalancers?.[name];
  if (!isObject(nlb) || !isObject(nlb.listeners)) return undefined;
  const n = nlb as unknown as NetworkLoadBalancerSpec;
  if (n.certificateArn !== undefined || !isDomainName(n.domainName) || n.hostedZone === undefined) return undefined;
  return resolveNlb(withObjectListeners(n)).tlsListeners.length > 0 ? [n.domainName] : undefined;
}

function withObjectListeners<T extends { readonly listeners?: unknown }>(lb: T): T {
  if (!isObject(lb.listeners)) return lb;
  return { ...lb, listeners: Object.fromEntries(Object.entries(lb.listeners).filter(([, l]) => isObject(l))) };
}

/** Whether a certificate name covers a domain: the same name, or a wildcard for one label. */
function covers(certificateName: string, domain: string): boolean {
  const c = normalize(certificateName);
  if (c === domain) return true;
  return c.startsWith('*.') && !domain.startsWith('*.') && domain.slice(domain.indexOf('.') + 1) === c.slice(2);
}

function normalize(domain: string): string {
  return domain.toLowerCase();
}
