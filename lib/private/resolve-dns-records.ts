/**
 * The defaults of weighted and failover DNS records and their Route 53 health checks,
 * resolved in one place for validation and the builder alike (as `resolve.ts` does for
 * the other sections).
 */
import { ApplicationProtocol, Protocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Failover } from 'aws-cdk-lib/aws-route53';
import { resolveListeners, resolveNlb } from './resolve';
import { ApplicationLoadBalancerSpec } from '../spec/alb';
import { DnsRecordSpec } from '../spec/dns';
import { NetworkLoadBalancerSpec } from '../spec/nlb';
import { TopologySpec } from '../spec/topology-spec';

/** The protocols of a Route 53 endpoint health check that the spec offers. */
export const DNS_HEALTH_CHECK_PROTOCOLS: readonly string[] = [Protocol.HTTP, Protocol.HTTPS, Protocol.TCP];
/** The intervals Route 53 offers between checks, in seconds (10 is a fast health check). */
export const DNS_HEALTH_CHECK_INTERVALS: readonly number[] = [10, 30];
/** NLB listener protocols that a Route 53 health checker can open a TCP connection to. */
const TCP_LISTENER_PROTOCOLS: readonly string[] = [Protocol.TCP, Protocol.TLS, Protocol.TCP_UDP];

/** A listener that a Route 53 health check may connect to. */
export interface CheckableListener {
  readonly name: string;
  readonly protocol: string;
  readonly port: number;
}

/** What the records need to know of the load balancer they point at. */
export interface DnsRecordTarget {
  readonly kind: 'application' | 'network';
  readonly name: string;
  readonly internetFacing: boolean;
  /** Whether the security group admits the internet (no `ingressCidrs`, or `0.0.0.0/0` among them). */
  readonly admitsInternet: boolean;
  /** The listeners a health check may use: every ALB listener (not the automatic redirect), an NLB's TCP, TLS and TCP_UDP ones. */
  readonly checkableListeners: CheckableListener[];
}

/** The Route 53 health check of a record. */
export interface ResolvedDnsHealthCheck {
  readonly protocol: string;
  /** Undefined when the load balancer has no listener for the protocol (a validation error). */
  readonly port?: number;
  /** For HTTP and HTTPS checks only. */
  readonly path?: string;
  readonly intervalSeconds: number;
  readonly failureThreshold: number;
}

export interface ResolvedDnsRecord {
  /** Undefined when the record names no load balancer, or one the spec does not declare. */
  readonly target?: DnsRecordTarget;
  /** Undefined when the health check is off. */
  readonly healthCheck?: ResolvedDnsHealthCheck;
}

/** The load balancer a record points at, if the spec declares it. */
export function dnsRecordTarget(spec: TopologySpec, record: DnsRecordSpec): DnsRecordTarget | undefined {
  if (record.applicationLoadBalancer !== undefined && record.networkLoadBalancer !== undefined) return undefined;
  if (typeof record.applicationLoadBalancer === 'string') {
    const alb: unknown = spec.applicationLoadBalancers?.[record.applicationLoadBalancer];
    if (!isStruct(alb)) return undefined;
    const a = alb as ApplicationLoadBalancerSpec;
    const listeners = isStruct(a.listeners) || a.listeners === undefined ? resolveListeners(wellFormed(a)) : [];
    return {
      kind: 'application',
      name: record.applicationLoadBalancer,
      internetFacing: a.internetFacing ?? true,
      admitsInternet: admitsInternet(a.internetFacing ?? true, a.ingressCidrs),
      checkableListeners: listeners.filter((l) => typeof l.port === 'number').map((l) => ({ name: l.name, protocol: l.protocol, port: l.port })),
    };
  }
  if (typeof record.networkLoadBalancer === 'string') {
    const nlb: unknown = spec.networkLoadBalancers?.[record.networkLoadBalancer];
    if (!isStruct(nlb)) return undefined;
    const n = nlb as unknown as NetworkLoadBalancerSpec;
    const r = resolveNlb(wellFormed(n));
    return {
      kind: 'network',
      name: record.networkLoadBalancer,
      internetFacing: r.internetFacing,
      admitsInternet: admitsInternet(r.internetFacing, n.ingressCidrs),
      checkableListeners: r.listeners.filter((l) => TCP_LISTENER_PROTOCOLS.includes(l.protocol) && typeof l.port === 'number')
        .map((l) => ({ name: l.name, protocol: l.protocol, port: l.port })),
    };
  }
  return undefined;
}

/**
 * Whether a record has a Route 53 health check: as given, or by default for the
 * `PRIMARY` record of a failover set whose load balancer the health checkers can reach.
 */
export function dnsHealthCheckEnabled(record: DnsRecordSpec, target: DnsRecordTarget | undefined): boolean {
  if (record.healthCheckEnabled !== undefined) return record.healthCheckEnabled === true;
  return record.failover === Failover.PRIMARY && target !== undefined && target.internetFacing && target.admitsInternet
    && target.checkableListeners.length > 0;
}

/** The protocol of a record's health check: as given, or HTTPS on an ALB with an HTTPS listener, HTTP on another ALB, TCP on an NLB. */
export function dnsHealthCheckProtocol(record: DnsRecordSpec, target: DnsRecordTarget): string {
  if (record.healthCheckProtocol !== undefined) return record.healthCheckProtocol;
  if (target.kind === 'network') return Protocol.TCP;
  return target.checkableListeners.some((l) => l.protocol === ApplicationProtocol.HTTPS) ? Protocol.HTTPS : Protocol.HTTP;
}

/** The listeners a health check of this protocol may connect to: on an ALB, those of the same protocol (any for TCP). */
export function listenersForHealthCheck(target: DnsRecordTarget, protocol: string): CheckableListener[] {
  if (target.kind === 'network' || protocol === Protocol.TCP) return target.checkableListeners;
  return target.checkableListeners.filter((l) => l.protocol === protocol);
}

/** A record's load balancer and health check, with every default applied. */
export function resolveDnsRecord(spec: TopologySpec, record: DnsRecordSpec): ResolvedDnsRecord {
  const target = dnsRecordTarget(spec, record);
  if (target === undefined || !dnsHealthCheckEnabled(record, target)) return { target };
  const protocol = dnsHealthCheckProtocol(record, target);
  const http = protocol === Protocol.HTTP || protocol === Protocol.HTTPS;
  return {
    target,
    healthCheck: {
      protocol,
      port: record.healthCheckPort ?? listenersForHealthCheck(target, protocol)[0]?.port,
      path: http ? record.healthCheckPath ?? '/' : undefined,
      intervalSeconds: record.healthCheckIntervalSeconds ?? 30,
      failureThreshold: record.healthCheckFailureThreshold ?? 3,
    },
  };
}

function admitsInternet(internetFacing: boolean, ingressCidrs: unknown): boolean {
  if (ingressCidrs === undefined) return internetFacing;
  return Array.isArray(ingressCidrs) && ingressCidrs.includes('0.0.0.0/0');
}

/** A load balancer with only its well-formed listeners, so a spec loaded from JSON resolves without throwing. */
function wellFormed<T extends { readonly listeners?: unknown }>(lb: T): T {
  if (!isStruct(lb.listeners)) return { ...lb, listeners: undefined };
  return { ...lb, listeners: Object.fromEntries(Object.entries(lb.listeners).filter(([, l]) => isStruct(l))) };
}

function isStruct(value: unknown): value is { [key: string]: unknown } {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
