/**
 * What the targets beyond fleets (IP addresses, Lambda functions, ECS services) resolve
 * to, in one place for the validation and the builders: the kind of target a group
 * holds, the IP addresses AWS accepts, whether an address is outside the VPC, and the
 * container an ECS service is registered by.
 */
import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { inIpv4Block, ipv4Number, ipv4Octets } from './ipv4';
import { resolveNetwork } from './resolve';
import { IpTargetSpec } from '../spec/ip-target';
import { ExistingResources, TopologySpec } from '../spec/topology-spec';

/** The fields of a target group that name its targets; exactly one kind is set. */
export const TARGET_FIELDS = ['fleet', 'applicationLoadBalancer', 'ipTargets', 'lambdaFunction', 'lambdaFunctionArn', 'ecsService'] as const;
/** The target fields beyond fleets and load balancers. */
export const OTHER_TARGET_FIELDS = ['ipTargets', 'lambdaFunction', 'lambdaFunctionArn', 'ecsService'] as const;

/** The target-source fields of a target group, as far as `checks/targets.ts` and the builders read them. */
export interface TargetFields {
  readonly fleet?: unknown;
  readonly applicationLoadBalancer?: unknown;
  readonly ipTargets?: unknown;
  readonly lambdaFunction?: unknown;
  readonly lambdaFunctionArn?: unknown;
  readonly ecsService?: unknown;
}

/** Whether a target group holds IP addresses, a Lambda function or an ECS service rather than a fleet or a load balancer. */
export function hasOtherTargets(tg: TargetFields): boolean {
  return OTHER_TARGET_FIELDS.some((f) => tg[f] !== undefined);
}

/** Whether a target group's target is a Lambda function (by name or by ARN). */
export function isLambdaTargetGroup(tg: TargetFields): boolean {
  return tg.lambdaFunction !== undefined || tg.lambdaFunctionArn !== undefined;
}

/** An IPv4 block as a number and a prefix length. */
interface Ipv4Block {
  readonly network: number;
  readonly prefix: number;
}

/** The private ranges AWS accepts as targets outside the VPC: RFC 1918 and RFC 6598. */
export const PRIVATE_RANGES: readonly string[] = ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', '100.64.0.0/10'];

/** An IPv4 address as a 32-bit number, or undefined if it is not a dotted-quad address. */
export function parseIpv4(value: string): number | undefined {
  const octets = ipv4Octets(value);
  // No leading zeros: some parsers read them as octal.
  if (octets === undefined || value.split('.').some((o) => o.length > 1 && o.startsWith('0'))) return undefined;
  return ipv4Number(octets);
}

/** Whether a string is an IPv6 address (full, compressed with `::`, or with a dotted IPv4 tail). */
export function isIpv6(value: string): boolean {
  if (!/^[0-9A-Fa-f:.]+$/.test(value)) return false;
  let text = value;
  let extra = 0;
  if (value.includes('.')) {
    // A dotted IPv4 tail stands for the last two groups.
    const lastColon = value.lastIndexOf(':');
    if (lastColon < 0 || parseIpv4(value.slice(lastColon + 1)) === undefined) return false;
    text = `${value.slice(0, lastColon + 1)}0`;
    extra = 1;
  }
  const halves = text.split('::');
  if (halves.length > 2) return false;
  const groups = halves.flatMap((h) => (h === '' ? [] : h.split(':')));
  if (groups.some((g) => !/^[0-9A-Fa-f]{1,4}$/.test(g))) return false;
  const count = groups.length + extra;
  return halves.length === 2 ? count <= 7 : count === 8;
}

function parseBlock(cidr: string): Ipv4Block | undefined {
  const [address, prefixText, extra] = cidr.split('/');
  const network = parseIpv4(address ?? '');
  const prefix = Number(prefixText);
  if (network === undefined || extra !== undefined || !/^\d{1,2}$/.test(prefixText ?? '') || prefix > 32) return undefined;
  return { network, prefix };
}

/** Whether an IPv4 address (as a number) is in a CIDR block. */
export function inBlock(address: number, cidr: string): boolean {
  const block = parseBlock(cidr);
  return block !== undefined && inIpv4Block(address, block.network, block.prefix);
}

/** Whether an IPv4 address (as a number) is a private one AWS accepts outside the VPC. */
export function isPrivateAddress(address: number): boolean {
  return PRIVATE_RANGES.some((range) => inBlock(address, range));
}

/** What the topology knows before deployment about its VPC's IPv4 addresses. */
export interface KnownVpcCidr {
  /** The VPC's (primary) CIDR block, or undefined when it is only known at deployment. */
  readonly cidr?: string;
  /** Whether that is the VPC's only block: true for a VPC the topology creates. */
  readonly complete: boolean;
}

/** The CIDR block of the VPC the spec is built in: the created one's, or an existing VPC's when it is not a token. */
export function knownVpcCidr(spec: TopologySpec, existing: ExistingResources): KnownVpcCidr {
  if (existing.vpc) {
    let cidr: unknown;
    try {
      cidr = existing.vpc.vpcCidrBlock;
    } catch {
      // An imported VPC without a CIDR block throws when asked for it.
      return { complete: false };
    }
    return { cidr: typeof cidr === 'string' && !Token.isUnresolved(cidr) && parseBlock(cidr) ? cidr : undefined, complete: false };
  }
  const network = typeof spec.network === 'object' && spec.network !== null ? spec.network : {};
  const cidr = resolveNetwork(network).cidr;
  return { cidr: typeof cidr === 'string' && parseBlock(cidr) ? cidr : undefined, complete: true };
}

/** An IP target with its defaults resolved. */
export interface ResolvedIpTarget {
  readonly ipAddress: string;
  readonly port: number;
  /** Whether AWS registers it in Availability Zone `all`. */
  readonly outsideVpc: boolean;
}

/** Whether an address is outside the VPC: as given, else by the VPC's known CIDR block, else false. */
export function isOutsideVpc(target: IpTargetSpec, vpc: KnownVpcCidr): boolean {
  if (target.outsideVpc !== undefined) return target.outsideVpc;
  const address = parseIpv4(target.ipAddress);
  return vpc.cidr !== undefined && address !== undefined && !inBlock(address, vpc.cidr);
}

/** The IP targets of a group, each with its port (the group's by default) and zone placement. */
export function resolveIpTargets(targets: IpTargetSpec[], groupPort: number, vpc: KnownVpcCidr): ResolvedIpTarget[] {
  return targets.map((t) => ({ ipAddress: t.ipAddress, port: t.port ?? groupPort, outsideVpc: isOutsideVpc(t, vpc) }));
}

/** The container an ECS service is registered by, and its port mapping. */
export interface ResolvedEcsContainer {
  readonly container: ecs.ContainerDefinition;
  readonly containerPort: number;
  readonly networkMode: ecs.NetworkMode;
}

/** Why an ECS service cannot be registered as asked; `field` is the spec field to blame. */
export interface EcsContainerProblem {
  readonly field: 'ecsService' | 'ecsContainerName' | 'ecsContainerPort';
  readonly message: string;
  readonly hint: string;
}

/**
 * The container and port an ECS service is registered by: the given container, else the
 * task definition's default (its first essential) container; the given port, else that
 * container's first port mapping. A problem instead when the service cannot be a target.
 */
export function resolveEcsContainer(
  service: ecs.BaseService,
  containerName?: string,
  containerPort?: number,
): ResolvedEcsContainer | EcsContainerProblem {
  const taskDefinition = service.taskDefinition;
  const networkMode = taskDefinition.networkMode;
  if (networkMode === ecs.NetworkMode.NONE) {
    return {
      field: 'ecsService',
      message: "its task definition uses the 'none' network mode, so no load balancer can reach its containers.",
      hint: "Use the 'bridge', 'awsvpc' or 'host' network mode.",
    };
  }
  const container = containerName !== undefined ? taskDefinition.findContainer(containerName) : taskDefinition.defaultContainer;
  if (container === undefined) {
    return containerName !== undefined
      ? { field: 'ecsContainerName', message: `the service's task definition has no container '${containerName}'.`, hint: `Containers: ${containerNames(taskDefinition)}.` }
      : { field: 'ecsService', message: 'the service\'s task definition has no essential container to register.', hint: 'Set ecsContainerName to the container that serves the traffic.' };
  }
  const mapped = container.portMappings.map((m) => m.containerPort).filter((p) => p !== ecs.ContainerDefinition.CONTAINER_PORT_USE_RANGE);
  if (containerPort === undefined) {
    if (mapped.length === 0) {
      return {
        field: containerName !== undefined ? 'ecsContainerName' : 'ecsService',
        message: `container '${container.containerName}' maps no port.`,
        hint: 'Add a port mapping to the container (`portMappings`), or name another container in ecsContainerName.',
      };
    }
    return { container, containerPort: mapped[0], networkMode };
  }
  if (container.findPortMapping(containerPort, ecs.Protocol.TCP) === undefined) {
    return {
      field: 'ecsContainerPort',
      message: `container '${container.containerName}' has no TCP port mapping for port ${containerPort}.`,
      hint: mapped.length > 0 ? `It maps ${mapped.join(', ')}; use one of them, or add a port mapping.` : 'Add a port mapping to the container (`portMappings`).',
    };
  }
  return { container, containerPort, networkMode };
}

function containerNames(taskDefinition: ecs.TaskDefinition): string {
  const names = taskDefinition.node.children
    .filter((c): c is ecs.ContainerDefinition => c instanceof ecs.ContainerDefinition)
    .map((c) => c.containerName);
  return names.length > 0 ? names.sort().join(', ') : 'none';
}

/** Whether `resolveEcsContainer` found a container rather than a problem. */
export function isResolvedContainer(r: ResolvedEcsContainer | EcsContainerProblem): r is ResolvedEcsContainer {
  return 'container' in r;
}

/** The VPC of an ECS service's cluster, if it has one. */
export function ecsServiceVpc(service: ecs.BaseService): ec2.IVpc | undefined {
  return service.cluster.vpc;
}
