/**
 * Weighted and failover DNS records, each on its own: the domain and its hosted zone,
 * the one load balancer it points at, its routing fields and its Route 53 health check.
 * The sets they form are checked in `dns-record-sets.ts`.
 */
import { Protocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Failover } from 'aws-cdk-lib/aws-route53';
import { sortedEntries } from '../../private/resolve';
import {
  DNS_HEALTH_CHECK_INTERVALS, DNS_HEALTH_CHECK_PROTOCOLS, DnsRecordTarget,
  dnsHealthCheckEnabled, dnsHealthCheckProtocol, dnsRecordTarget, listenersForHealthCheck,
} from '../../private/resolve-dns-records';
import { DnsRecordSpec } from '../../spec/dns';
import { CheckContext } from '../context';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { checkDnsRecordSets } from './dns-record-sets';
import { inZone, isDomainName, zoneNameOf } from './load-balancer';
import { checkBoolean, checkEnum, checkInt, checkKnownFields, checkRef, isObject } from './util';

/** Route 53's longest health check path (`ResourcePath`). */
const MAX_HEALTH_CHECK_PATH = 255;
/** The health check settings, which need a health check. */
const HEALTH_CHECK_SETTINGS = ['healthCheckProtocol', 'healthCheckPort', 'healthCheckPath', 'healthCheckIntervalSeconds', 'healthCheckFailureThreshold'] as const;

/** Every DNS record on its own, then the sets they form. */
export function checkDnsRecords(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const [name, record] of sortedEntries(ctx.spec.dnsRecords)) {
    if (!isObject(record)) continue;
    checkRecord(ctx, record as DnsRecordSpec, SpecPath.ROOT.at('dnsRecords', name), issues);
  }
  issues.push(...checkDnsRecordSets(ctx));
  return issues;
}

function checkRecord(ctx: CheckContext, record: DnsRecordSpec, path: SpecPath, issues: SpecIssue[]): void {
  checkKnownFields(issues, path, record, 'DnsRecordSpec');
  checkDomain(ctx, record, path, issues);
  checkTarget(ctx, record, path, issues);
  checkInt(issues, path.key('weight'), record.weight, 0, 255, 'Use a weight from 0 to 255; Route 53 answers with each record in proportion to its weight.');
  checkEnum(issues, path.key('failover'), record.failover, Object.values(Failover), "A failover record is 'PRIMARY' or 'SECONDARY'.");
  if (record.weight !== undefined && record.failover !== undefined) {
    issues.push(issue(path, `has both a weight (${show(record.weight)}) and a failover role (${show(record.failover)}), but a record has one routing policy.`,
      'Remove weight for a failover record, or failover for a weighted one.'));
  }
  checkHealthCheck(ctx, record, path, issues);
}

/** The domain: a fully qualified name inside the record's hosted zone. */
function checkDomain(ctx: CheckContext, record: DnsRecordSpec, path: SpecPath, issues: SpecIssue[]): void {
  const domain: unknown = record.domainName;
  if (domain === undefined) {
    issues.push(issue(path.key('domainName'), 'is missing.', "Give the record's fully qualified name, for example 'app.example.com'."));
  } else if (!isDomainName(domain)) {
    issues.push(issue(path.key('domainName'), `${show(domain)} is not a domain name.`, "Write a fully qualified name, for example 'app.example.com'."));
  }
  if (record.hostedZone === undefined) {
    issues.push(issue(path.key('hostedZone'), 'is missing.', 'Name the hosted zone of the record, an entry of `hostedZones`.'));
    return;
  }
  if (!checkRef(issues, path.key('hostedZone'), record.hostedZone, ctx.hostedZoneNames, 'hosted zone', 'hostedZones')) return;
  // The record is created with its fully qualified name, so a zone imported by ID only will do.
  const zoneName = zoneNameOf(ctx, record.hostedZone, path.key('hostedZone'), false, '', []);
  if (zoneName !== undefined && isDomainName(domain) && !inZone(domain, zoneName)) {
    issues.push(issue(path.key('domainName'), `'${domain}' is not in the hosted zone '${zoneName}'.`,
      `Use a name that is '${zoneName}' or ends in '.${zoneName}', or choose the hosted zone that holds it.`));
  }
}

/** Exactly one load balancer, declared in its section. */
function checkTarget(ctx: CheckContext, record: DnsRecordSpec, path: SpecPath, issues: SpecIssue[]): void {
  const alb = record.applicationLoadBalancer;
  const nlb = record.networkLoadBalancer;
  if (alb === undefined && nlb === undefined) {
    issues.push(issue(path, 'points at no load balancer.', 'Set `applicationLoadBalancer` or `networkLoadBalancer` to the name of the load balancer the record points at.'));
  } else if (alb !== undefined && nlb !== undefined) {
    issues.push(issue(path, `points at both Application Load Balancer ${show(alb)} and Network Load Balancer ${show(nlb)}, but a record points at one.`,
      'Keep one of applicationLoadBalancer and networkLoadBalancer; for the other, add a record of its own to the set.'));
  } else if (alb !== undefined) {
    checkRef(issues, path.key('applicationLoadBalancer'), alb, ctx.albNames, 'Application Load Balancer', 'applicationLoadBalancers');
  } else {
    checkRef(issues, path.key('networkLoadBalancer'), nlb, ctx.nlbNames, 'Network Load Balancer', 'networkLoadBalancers');
  }
}

/**
 * The Route 53 health check: its settings in range, and possible at all. Health checkers
 * connect from the internet, so they cannot reach an internal load balancer; on a
 * Network Load Balancer they need a listener that takes TCP connections.
 */
function checkHealthCheck(ctx: CheckContext, record: DnsRecordSpec, path: SpecPath, issues: SpecIssue[]): void {
  checkBoolean(issues, path.key('healthCheckEnabled'), record.healthCheckEnabled);
  checkEnum(issues, path.key('healthCheckProtocol'), record.healthCheckProtocol, DNS_HEALTH_CHECK_PROTOCOLS, "A Route 53 health check is 'HTTP', 'HTTPS' or 'TCP'.");
  checkInt(issues, path.key('healthCheckPort'), record.healthCheckPort, 1, 65535);
  checkInt(issues, path.key('healthCheckFailureThreshold'), record.healthCheckFailureThreshold, 1, 10);
  const interval: unknown = record.healthCheckIntervalSeconds;
  if (interval !== undefined && !DNS_HEALTH_CHECK_INTERVALS.includes(interval as number)) {
    issues.push(issue(path.key('healthCheckIntervalSeconds'), `${show(interval)} is not an interval Route 53 offers.`,
      'Use 30 (standard) or 10 (a fast health check, at a higher price).'));
  }
  const hcPath: unknown = record.healthCheckPath;
  if (hcPath !== undefined && (typeof hcPath !== 'string' || !hcPath.startsWith('/') || hcPath.length > MAX_HEALTH_CHECK_PATH)) {
    issues.push(issue(path.key('healthCheckPath'), `${show(hcPath)} is not a health check path.`,
      `Write a path that begins with '/', at most ${MAX_HEALTH_CHECK_PATH} characters, for example '/health'.`));
  }

  const target = dnsRecordTarget(ctx.spec, record);
  if (target === undefined) return; // no load balancer, or an unknown one: reported above
  if (record.healthCheckEnabled === true && !target.internetFacing) {
    issues.push(issue(path.key('healthCheckEnabled'),
      `is true, but ${describeTarget(target)} is internal, and Route 53 health checkers connect from the internet, so they cannot reach it.`,
      'Remove healthCheckEnabled: the record still evaluates the health of the load balancer\'s targets (evaluate target health). '
      + 'For a health check of your own, use a CloudWatch alarm on the load balancer\'s metrics.'));
    return;
  }
  if (!dnsHealthCheckEnabled(record, target)) {
    const given = HEALTH_CHECK_SETTINGS.find((key) => record[key] !== undefined);
    if (given !== undefined) {
      issues.push(issue(path.key(given), `is set, but the record has no health check (${whyNoHealthCheck(record, target)}).`,
        target.internetFacing ? `Set \`healthCheckEnabled: true\`, or remove ${given}.` : `Remove ${given}.`));
    }
    return;
  }
  checkHealthCheckListener(record, target, path, issues);
}

/** The listener the health check connects to: one of the check's protocol, on the given port if any. */
function checkHealthCheckListener(record: DnsRecordSpec, target: DnsRecordTarget, path: SpecPath, issues: SpecIssue[]): void {
  const protocol = dnsHealthCheckProtocol(record, target);
  if (!DNS_HEALTH_CHECK_PROTOCOLS.includes(protocol)) return; // reported above
  if (protocol === Protocol.TCP && record.healthCheckPath !== undefined) {
    issues.push(issue(path.key('healthCheckPath'), 'is set, but a TCP health check only opens a connection and requests no path.',
      "Remove healthCheckPath, or set `healthCheckProtocol: 'HTTP'` or `'HTTPS'`."));
  }
  const listeners = listenersForHealthCheck(target, protocol);
  if (listeners.length === 0) {
    const what = target.kind === 'network' ? 'a TCP, TLS or TCP_UDP listener' : `an ${protocol} listener`;
    issues.push(issue(path.key(record.healthCheckProtocol !== undefined ? 'healthCheckProtocol' : 'healthCheckEnabled'),
      `the health check needs ${what}, but ${describeTarget(target)} has none.`,
      target.kind === 'network'
        ? 'Route 53 health checks cannot check UDP; set `healthCheckEnabled: false` (the record still evaluates target health).'
        : 'Use the protocol of one of its listeners, or set `healthCheckEnabled: false`.'));
    return;
  }
  const port: unknown = record.healthCheckPort;
  if (typeof port === 'number' && Number.isInteger(port) && port >= 1 && port <= 65535 && !listeners.some((l) => l.port === port)) {
    const ports = listeners.map((l) => `${l.port} (${l.name})`).join(', ');
    issues.push(issue(path.key('healthCheckPort'), `${port} is not the port of ${target.kind === 'network' ? 'a TCP, TLS or TCP_UDP' : `an ${protocol}`} listener of ${describeTarget(target)}.`,
      `Use one of its listener ports: ${ports}.`));
  }
}

function whyNoHealthCheck(record: DnsRecordSpec, target: DnsRecordTarget): string {
  if (record.healthCheckEnabled === false) return 'healthCheckEnabled is false';
  if (!target.internetFacing) return `${describeTarget(target)} is internal, and Route 53 health checkers cannot reach it`;
  if (record.failover !== Failover.PRIMARY) return 'only the PRIMARY record of a failover set has one by default';
  if (!target.admitsInternet) return `${describeTarget(target)} admits only its ingressCidrs, not the Route 53 health checkers`;
  return `${describeTarget(target)} has no listener a health check can connect to`;
}

/** "Application Load Balancer 'blue'". */
function describeTarget(target: { kind: 'application' | 'network'; name: string }): string {
  return `${target.kind === 'application' ? 'Application' : 'Network'} Load Balancer '${target.name}'`;
}
