/**
 * The defaults of the spec, resolved in one place for validation and builders alike,
 * so the documented `@default`s, the checks and the built resources cannot disagree.
 */
import { ApplicationProtocol, DesyncMitigationMode, Protocol, SslPolicy } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { ApplicationListenerSpec, ApplicationLoadBalancerSpec } from '../spec/alb';
import { SubnetTier, WebServer } from '../spec/enums';
import { FleetSpec } from '../spec/fleet';
import { ListenerRuleSpec } from '../spec/listener-rule';
import { NetworkSpec } from '../spec/network';
import { TargetGroupSpec } from '../spec/target-group';

export const DEFAULT_TLS_POLICY = SslPolicy.TLS13_12_PQ;

/** Sorted entries of a name-keyed map, so iteration order never leaks into templates. */
export function sortedEntries<T>(map: { [name: string]: T } | undefined): Array<[string, T]> {
  return Object.entries(map ?? {}).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
}

export interface ResolvedNetwork {
  readonly cidr: string;
  readonly maxAzs: number;
  readonly availabilityZones?: string[];
  readonly natGateways: number;
  readonly publicSubnetCidrMask: number;
  readonly appSubnetCidrMask: number;
  readonly dataSubnetCidrMask: number;
  readonly flowLogsEnabled: boolean;
  readonly flowLogsRetentionDays: number;
}

export function resolveNetwork(spec: NetworkSpec = {}): ResolvedNetwork {
  const maxAzs = spec.availabilityZones?.length ?? spec.maxAzs ?? 2;
  return {
    cidr: spec.cidr ?? '10.0.0.0/16',
    maxAzs,
    availabilityZones: spec.availabilityZones,
    natGateways: spec.natGateways ?? maxAzs,
    publicSubnetCidrMask: spec.publicSubnetCidrMask ?? 24,
    appSubnetCidrMask: spec.appSubnetCidrMask ?? 22,
    dataSubnetCidrMask: spec.dataSubnetCidrMask ?? 24,
    flowLogsEnabled: spec.flowLogsEnabled ?? true,
    flowLogsRetentionDays: spec.flowLogsRetentionDays ?? 365,
  };
}

export interface ResolvedFleet {
  readonly instanceType: string;
  readonly minCapacity: number;
  readonly maxCapacity: number;
  readonly desiredCapacity?: number;
  readonly port: number;
  readonly webServer: WebServer;
  readonly healthCheckPath: string;
  readonly userDataCommands: string[];
  readonly subnetTier: SubnetTier;
  readonly healthCheckGracePeriodSeconds: number;
  readonly rootVolumeSizeGiB: number;
}

export function resolveFleet(spec: FleetSpec): ResolvedFleet {
  // Only a minimum left out is fitted under a given maximum; explicit values are checked.
  const minCapacity = spec.minCapacity ?? (typeof spec.maxCapacity === 'number' ? Math.min(2, spec.maxCapacity) : 2);
  return {
    instanceType: spec.instanceType ?? 't3.micro',
    minCapacity,
    maxCapacity: spec.maxCapacity ?? Math.max(1, minCapacity * 2),
    desiredCapacity: spec.desiredCapacity,
    port: spec.port ?? 80,
    webServer: spec.webServer ?? WebServer.HTTPD,
    healthCheckPath: spec.healthCheckPath ?? '/health',
    userDataCommands: spec.userDataCommands ?? [],
    subnetTier: spec.subnetTier ?? SubnetTier.APP,
    healthCheckGracePeriodSeconds: spec.healthCheckGracePeriodSeconds ?? 300,
    rootVolumeSizeGiB: spec.rootVolumeSizeGiB ?? 8,
  };
}

export interface ResolvedHealthCheck {
  readonly protocol: Protocol;
  readonly path: string;
  readonly port?: number;
  readonly healthyHttpCodes: string;
  readonly intervalSeconds: number;
  readonly timeoutSeconds: number;
  readonly healthyThresholdCount: number;
  readonly unhealthyThresholdCount: number;
}

/** The port and health check a target group really uses, with its fleet's defaults. */
export function resolveTargetGroup(spec: TargetGroupSpec, fleet: FleetSpec | undefined) {
  const resolvedFleet = fleet ? resolveFleet(fleet) : undefined;
  const hc = spec.healthCheck ?? {};
  const healthCheck: ResolvedHealthCheck = {
    protocol: hc.protocol ?? Protocol.HTTP,
    path: hc.path ?? resolvedFleet?.healthCheckPath ?? '/',
    port: hc.port,
    healthyHttpCodes: hc.healthyHttpCodes ?? '200',
    intervalSeconds: hc.intervalSeconds ?? 30,
    timeoutSeconds: hc.timeoutSeconds ?? 5,
    healthyThresholdCount: hc.healthyThresholdCount ?? 3,
    unhealthyThresholdCount: hc.unhealthyThresholdCount ?? 3,
  };
  return {
    protocol: spec.protocol ?? Protocol.HTTP,
    port: spec.port ?? resolvedFleet?.port ?? 80,
    healthCheck,
  };
}

export interface ResolvedListener {
  readonly name: string;
  readonly spec: ApplicationListenerSpec;
  readonly protocol: ApplicationProtocol;
  readonly port: number;
}

export function resolveListener(name: string, spec: ApplicationListenerSpec): ResolvedListener {
  const protocol = spec.protocol ?? ApplicationProtocol.HTTPS;
  return { name, spec, protocol, port: spec.port ?? (protocol === ApplicationProtocol.HTTPS ? 443 : 80) };
}

/** The listeners of an ALB as declared (or the default HTTPS listener), sorted by name. */
export function resolveListeners(alb: ApplicationLoadBalancerSpec): ResolvedListener[] {
  const listeners = alb.listeners ?? { https: {} };
  return sortedEntries(listeners).map(([name, spec]) => resolveListener(name, spec ?? {}));
}

export function resolveAlb(alb: ApplicationLoadBalancerSpec) {
  const internetFacing = alb.internetFacing ?? true;
  const listeners = resolveListeners(alb);
  const httpsListeners = listeners.filter((l) => l.protocol === ApplicationProtocol.HTTPS);
  const redirectEnabled = alb.httpToHttpsRedirectEnabled ?? true;
  const addHttpRedirect = redirectEnabled && httpsListeners.length > 0 && !listeners.some((l) => l.port === 80);
  return {
    internetFacing,
    subnetTier: alb.subnetTier ?? (internetFacing ? SubnetTier.PUBLIC : SubnetTier.APP),
    listeners,
    httpsListeners,
    /** The HTTPS port the automatic HTTP listener redirects to, if one is added. */
    httpRedirectTargetPort: addHttpRedirect ? httpsListeners[0].port : undefined,
    aliasRecordEnabled: alb.aliasRecordEnabled ?? true,
    dropInvalidHeaderFields: alb.dropInvalidHeaderFieldsEnabled ?? true,
    desyncMitigationMode: alb.desyncMitigationMode ?? DesyncMitigationMode.DEFENSIVE,
    deletionProtection: alb.deletionProtection ?? true,
    accessLogsEnabled: alb.accessLogsEnabled ?? true,
  };
}

/** The listener a rule belongs to when it names none: the only HTTPS listener, or the only listener. */
export function defaultRuleListener(listeners: ResolvedListener[]): string | undefined {
  const https = listeners.filter((l) => l.protocol === ApplicationProtocol.HTTPS);
  if (https.length === 1) return https[0].name;
  if (listeners.length === 1) return listeners[0].name;
  return undefined;
}

export interface ResolvedRule {
  readonly index: number;
  readonly spec: ListenerRuleSpec;
  /** The rule's stable identity: its name, or `priority-<n>`. */
  readonly id: string;
  readonly priority: number;
  readonly listener?: string;
}

/**
 * Rule priorities: explicit, or 10 times the rule's place among the rules that have no
 * explicit priority (10, 20, 30, ...). Appending a rule, or adding one anywhere with an
 * explicit priority, renumbers nothing.
 */
export function resolveRules(alb: ApplicationLoadBalancerSpec): ResolvedRule[] {
  const fallbackListener = defaultRuleListener(resolveListeners(alb));
  let derived = 0;
  return (alb.rules ?? []).map((spec, index) => {
    const priority = typeof spec.priority === 'number' ? spec.priority : (derived += 10);
    return {
      index,
      spec,
      id: spec.name ?? `priority-${priority}`,
      priority,
      listener: spec.listener ?? fallbackListener,
    };
  });
}
