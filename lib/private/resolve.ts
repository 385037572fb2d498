/**
 * The defaults of the spec, resolved in one place for validation and builders alike,
 * so the documented `@default`s, the checks and the built resources cannot disagree.
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { ApplicationProtocol, DesyncMitigationMode, Protocol, SslPolicy, UnauthenticatedAction } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { ApplicationListenerSpec, ApplicationLoadBalancerSpec } from '../spec/alb';
import { AuthenticationSpec } from '../spec/authentication';
import { ClassicListenerSpec, ClassicLoadBalancerSpec } from '../spec/clb';
import { ClassicProtocol, ClassicSslPolicy, SubnetTier, WebServer } from '../spec/enums';
import { FleetSpec } from '../spec/fleet';
import { ApplianceTargetGroupSpec, GatewayLoadBalancerSpec } from '../spec/gwlb';
import { ListenerRuleSpec } from '../spec/listener-rule';
import { NetworkSpec } from '../spec/network';
import { NetworkLoadBalancerSpec } from '../spec/nlb';
import { TargetGroupSpec } from '../spec/target-group';
import { TopologySpec } from '../spec/topology-spec';

/** The subnet type of each tier, in a VPC the topology imports rather than creates. */
export const TIER_SUBNET_TYPES: Partial<Record<SubnetTier, ec2.SubnetType>> = {
  [SubnetTier.PUBLIC]: ec2.SubnetType.PUBLIC,
  [SubnetTier.APP]: ec2.SubnetType.PRIVATE_WITH_EGRESS,
  [SubnetTier.DATA]: ec2.SubnetType.PRIVATE_ISOLATED,
};

/**
 * How a tier is selected in a VPC the topology did not create: the three first tiers by
 * subnet type, the others by subnet group name.
 */
export function tierSelection(tier: SubnetTier): ec2.SubnetSelection {
  const subnetType = TIER_SUBNET_TYPES[tier];
  return subnetType !== undefined ? { subnetType } : { subnetGroupName: tier };
}

/** The subnet tiers of Gateway Load Balancers, which the created VPC has only when the spec needs them. */
export interface InspectionTiers {
  /** Whether the VPC needs the `appliances` tier: the spec has a Gateway Load Balancer. */
  readonly appliances?: boolean;
  /** Whether the VPC needs the `endpoints` tier: a Gateway Load Balancer inspects the topology's own VPC. */
  readonly endpoints?: boolean;
}

export function inspectionTiers(spec: TopologySpec): InspectionTiers {
  const gwlbs = Object.values(spec.gatewayLoadBalancers ?? {}).filter((g) => typeof g === 'object' && g !== null);
  return {
    appliances: gwlbs.length > 0,
    endpoints: gwlbs.some((g) => typeof g.inspection === 'object' && g.inspection !== null && g.inspection.vpc === undefined),
  };
}

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
  readonly applianceSubnetCidrMask: number;
  readonly endpointSubnetCidrMask: number;
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
    applianceSubnetCidrMask: spec.applianceSubnetCidrMask ?? 24,
    endpointSubnetCidrMask: spec.endpointSubnetCidrMask ?? 28,
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

/** Protocols of Application Load Balancer target groups; the others belong to Network Load Balancers. */
export const APPLICATION_PROTOCOLS: readonly string[] = [Protocol.HTTP, Protocol.HTTPS];
/** Protocols of Network Load Balancer target groups and listeners. */
export const NETWORK_PROTOCOLS: readonly string[] = [Protocol.TCP, Protocol.UDP, Protocol.TCP_UDP, Protocol.TLS];

/** Whether a target group (by its protocol) belongs to Application Load Balancers. */
export function isApplicationTargetGroup(spec: TargetGroupSpec): boolean {
  return APPLICATION_PROTOCOLS.includes(spec.protocol ?? Protocol.HTTP);
}

/** The port, health check and attributes a target group really uses, with its fleet's defaults. */
export function resolveTargetGroup(spec: TargetGroupSpec, fleet: FleetSpec | undefined, albListenerProtocol?: string) {
  const resolvedFleet = fleet ? resolveFleet(fleet) : undefined;
  const protocol = spec.protocol ?? Protocol.HTTP;
  const application = APPLICATION_PROTOCOLS.includes(protocol);
  const hc = spec.healthCheck ?? {};
  // AWS checks an ALB target over HTTP or HTTPS, as its listener on the group's port speaks;
  // any answer below 500 shows the ALB is up, whatever its default action returns.
  const albTarget = spec.applicationLoadBalancer !== undefined;
  const albProtocol = albListenerProtocol === Protocol.HTTPS ? Protocol.HTTPS : Protocol.HTTP;
  const hcProtocol = hc.protocol ?? (application ? Protocol.HTTP : albTarget ? albProtocol : Protocol.TCP);
  const healthCheck: ResolvedHealthCheck = {
    protocol: hcProtocol,
    path: hc.path ?? resolvedFleet?.healthCheckPath ?? '/',
    port: hc.port,
    healthyHttpCodes: hc.healthyHttpCodes ?? (albTarget ? '200-499' : '200'),
    intervalSeconds: hc.intervalSeconds ?? 30,
    timeoutSeconds: hc.timeoutSeconds ?? 5,
    healthyThresholdCount: hc.healthyThresholdCount ?? 3,
    unhealthyThresholdCount: hc.unhealthyThresholdCount ?? 3,
  };
  // UDP and TCP_UDP groups always preserve client IPs; instance targets do by default.
  const alwaysPreserved = protocol === Protocol.UDP || protocol === Protocol.TCP_UDP;
  return {
    protocol,
    application,
    port: spec.port ?? resolvedFleet?.port ?? 80,
    healthCheck,
    preserveClientIp: !application && (alwaysPreserved || (spec.preserveClientIp ?? spec.fleet !== undefined)),
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

/** The defaults of a Network Load Balancer. */
export function resolveNlb(spec: NetworkLoadBalancerSpec) {
  const internetFacing = spec.internetFacing ?? true;
  const listeners = sortedEntries(spec.listeners).map(([name, l]) => ({ name, spec: l, protocol: l.protocol ?? Protocol.TCP, port: l.port }));
  return {
    internetFacing,
    subnetTier: spec.subnetTier ?? (internetFacing ? SubnetTier.PUBLIC : SubnetTier.APP),
    listeners,
    tlsListeners: listeners.filter((l) => l.protocol === Protocol.TLS),
    elasticIps: internetFacing && spec.elasticIpAllocationIds === undefined && (spec.elasticIpsEnabled ?? true),
    crossZoneEnabled: spec.crossZoneEnabled ?? true,
    deletionProtection: spec.deletionProtection ?? true,
    aliasRecordEnabled: spec.aliasRecordEnabled ?? true,
  };
}

/** Whether a Classic Load Balancer protocol is layer 7 (HTTP or HTTPS) rather than layer 4 (TCP or SSL). */
export function isClassicLayer7(protocol: ClassicProtocol | undefined): boolean {
  return protocol === ClassicProtocol.HTTP || protocol === ClassicProtocol.HTTPS;
}

/** Whether a Classic Load Balancer protocol is encrypted (HTTPS or SSL). */
export function isClassicSecure(protocol: ClassicProtocol | undefined): boolean {
  return protocol === ClassicProtocol.HTTPS || protocol === ClassicProtocol.SSL;
}

/** A Classic listener's front-end protocol: as given, or HTTP on port 80 and HTTPS on 443; undefined on other ports. */
export function classicExternalProtocol(l: ClassicListenerSpec): ClassicProtocol | undefined {
  if (l.externalProtocol !== undefined) return l.externalProtocol;
  return l.externalPort === 80 ? ClassicProtocol.HTTP : l.externalPort === 443 ? ClassicProtocol.HTTPS : undefined;
}

export interface ResolvedClassicListener {
  readonly name: string;
  readonly spec: ClassicListenerSpec;
  readonly externalPort: number;
  /** Undefined when it is left out on a port other than 80 and 443 (a validation error). */
  readonly externalProtocol?: ClassicProtocol;
  /** Undefined when it is left out and the fleets serve on different ports (a validation error). */
  readonly internalPort?: number;
  readonly internalProtocol: ClassicProtocol;
  /** The TLS policy of an HTTPS or SSL listener. */
  readonly sslPolicy?: ClassicSslPolicy;
}

/** The port every fleet of a Classic Load Balancer serves on, or undefined when they differ or none is known. */
export function classicFleetPort(fleetNames: readonly string[], fleets: { [name: string]: FleetSpec } | undefined): number | undefined {
  const ports = new Set<number>();
  for (const name of fleetNames) {
    const fleet = fleets?.[name];
    if (typeof fleet === 'object' && fleet !== null) ports.add(resolveFleet(fleet).port);
  }
  return ports.size === 1 ? [...ports][0] : undefined;
}

/** The defaults of a Classic Load Balancer; `fleets` is the spec's fleets section, for the instance port and health path. */
export function resolveClb(spec: ClassicLoadBalancerSpec, fleets: { [name: string]: FleetSpec } | undefined) {
  const internetFacing = spec.internetFacing ?? true;
  const fleetNames = Array.isArray(spec.fleets) ? [...spec.fleets].sort() : [];
  const fleetPort = classicFleetPort(fleetNames, fleets);
  const listeners: ResolvedClassicListener[] = sortedEntries(spec.listeners).map(([name, l]) => {
    const externalProtocol = classicExternalProtocol(l);
    return {
      name,
      spec: l,
      externalPort: l.externalPort,
      externalProtocol,
      internalPort: l.internalPort ?? fleetPort,
      internalProtocol: l.internalProtocol ?? (isClassicLayer7(externalProtocol) ? ClassicProtocol.HTTP : ClassicProtocol.TCP),
      sslPolicy: isClassicSecure(externalProtocol) ? l.sslPolicy ?? ClassicSslPolicy.TLS12 : undefined,
    };
  });
  const first = listeners[0];
  const hc = spec.healthCheck ?? {};
  const hcProtocol = hc.protocol ?? first?.internalProtocol ?? ClassicProtocol.HTTP;
  const firstFleet = fleetNames.length > 0 ? fleets?.[fleetNames[0]] : undefined;
  const fleetPath = typeof firstFleet === 'object' && firstFleet !== null ? resolveFleet(firstFleet).healthCheckPath : '/';
  const connectionDrainingEnabled = spec.connectionDrainingEnabled ?? true;
  return {
    internetFacing,
    subnetTier: spec.subnetTier ?? (internetFacing ? SubnetTier.PUBLIC : SubnetTier.APP),
    fleetNames,
    listeners,
    healthCheck: {
      protocol: hcProtocol,
      port: hc.port ?? first?.internalPort ?? fleetPort ?? 80,
      /** Only for HTTP and HTTPS health checks. */
      path: isClassicLayer7(hcProtocol) ? hc.path ?? fleetPath : undefined,
      intervalSeconds: hc.intervalSeconds ?? 30,
      timeoutSeconds: hc.timeoutSeconds ?? 5,
      healthyThresholdCount: hc.healthyThresholdCount ?? 3,
      unhealthyThresholdCount: hc.unhealthyThresholdCount ?? 3,
    },
    crossZoneEnabled: spec.crossZoneEnabled ?? true,
    connectionDrainingEnabled,
    connectionDrainingSeconds: connectionDrainingEnabled ? spec.connectionDrainingSeconds ?? 300 : undefined,
    idleTimeoutSeconds: spec.idleTimeoutSeconds ?? 60,
    accessLogsEnabled: spec.accessLogsEnabled ?? true,
  };
}

/** The session of an authenticating action (OIDC or Cognito), with AWS's defaults written out. */
export function resolveAuthentication(spec: AuthenticationSpec) {
  return {
    scope: spec.scope ?? 'openid',
    sessionCookieName: spec.sessionCookieName ?? 'AWSELBAuthSessionCookie',
    sessionTimeoutSeconds: spec.sessionTimeoutSeconds ?? 604800,
    onUnauthenticatedRequest: spec.onUnauthenticatedRequest ?? UnauthenticatedAction.AUTHENTICATE,
    authenticationRequestExtraParams: spec.authenticationRequestExtraParams,
  };
}

/** The fleets that are the targets of Gateway Load Balancers: their user data makes them appliances. */
export function applianceFleets(spec: TopologySpec): Set<string> {
  return new Set(Object.values(spec.gatewayLoadBalancers ?? {}).map((g) => g.listener.targetGroup.fleet));
}

/** The settings a Gateway Load Balancer really uses. */
export function resolveGwlb(spec: GatewayLoadBalancerSpec) {
  const inspection = spec.inspection;
  return {
    subnetTier: spec.subnetTier ?? SubnetTier.APPLIANCES,
    crossZoneEnabled: spec.crossZoneEnabled ?? true,
    deletionProtection: spec.deletionProtection ?? true,
    acceptanceRequired: spec.endpointServiceAcceptanceRequired ?? false,
    inspection: inspection === undefined ? undefined : {
      vpc: inspection.vpc,
      protectedSubnetTier: inspection.protectedSubnetTier ?? SubnetTier.PUBLIC,
      endpointSubnetTier: inspection.endpointSubnetTier ?? SubnetTier.ENDPOINTS,
    },
  };
}

/**
 * The health check and attributes of a Gateway Load Balancer's target group. GENEVE is not
 * a health check protocol: by default the appliances' web server is checked over HTTP on
 * the fleet's port and health path.
 */
export function resolveApplianceTargetGroup(spec: ApplianceTargetGroupSpec, fleet: FleetSpec | undefined) {
  const f = fleet ? resolveFleet(fleet) : undefined;
  const hc = spec.healthCheck ?? {};
  const protocol = hc.protocol ?? Protocol.HTTP;
  return {
    healthCheck: {
      protocol,
      port: hc.port ?? f?.port ?? 80,
      path: hc.path ?? f?.healthCheckPath ?? '/',
      healthyHttpCodes: hc.healthyHttpCodes ?? '200',
      intervalSeconds: hc.intervalSeconds ?? 10,
      timeoutSeconds: hc.timeoutSeconds ?? 5,
      healthyThresholdCount: hc.healthyThresholdCount ?? 3,
      unhealthyThresholdCount: hc.unhealthyThresholdCount ?? 3,
    },
    deregistrationDelaySeconds: spec.deregistrationDelaySeconds ?? 300,
    flowStickiness: spec.flowStickiness,
    targetFailoverRebalanceEnabled: spec.targetFailoverRebalanceEnabled ?? false,
  };
}
