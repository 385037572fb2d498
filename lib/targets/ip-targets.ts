import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as elbv2Targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import { Construct } from 'constructs';
import { applicationTargetGroupProps } from './target-group';
import { resolveTargetGroup } from '../private/resolve';
import { KnownVpcCidr, ResolvedIpTarget, resolveIpTargets } from '../private/targets';
import { portsFor } from '../security/ingress';
import { TargetGroupSpec } from '../spec/target-group';

/** The Availability Zone AWS registers a target outside the VPC in: every zone of the load balancer. */
export const ALL_ZONES = 'all';

/** The ELB targets of resolved IP targets; those outside the VPC in zone `all`. */
export function ipTargetsOf(targets: readonly ResolvedIpTarget[]): elbv2Targets.IpTarget[] {
  return targets.map((t) => new elbv2Targets.IpTarget(t.ipAddress, t.port, t.outsideVpc ? ALL_ZONES : undefined));
}

/** An IP address as a peer of one address (`/32`). */
function peerOf(address: string): ec2.IPeer {
  return ec2.Peer.ipv4(`${address}/32`);
}

/**
 * The ports a load balancer sends to an IP target on, by security group port: the
 * traffic port (TCP, UDP or both, as the protocol) and a health check port of its own.
 */
function targetPorts(target: ResolvedIpTarget, protocol: string, healthCheckPort: number | undefined): ec2.Port[] {
  const ports = portsFor(protocol, target.port);
  if (healthCheckPort !== undefined && healthCheckPort !== target.port) ports.push(ec2.Port.tcp(healthCheckPort));
  return ports;
}

/**
 * An Application Load Balancer target group of IP addresses, in and outside the VPC.
 * Each address is a member the load balancer may send to: every load balancer that
 * forwards to the group gets an egress rule to the address (`/32`) on its port and on
 * the health check port.
 */
export function buildIpTargetGroup(
  scope: Construct,
  id: string,
  spec: TargetGroupSpec,
  vpc: ec2.IVpc,
  vpcCidr: KnownVpcCidr,
): elbv2.ApplicationTargetGroup {
  const r = resolveTargetGroup(spec, undefined);
  const targets = resolveIpTargets(spec.ipTargets ?? [], r.port, vpcCidr);
  const tg = new elbv2.ApplicationTargetGroup(scope, id, {
    ...applicationTargetGroupProps(spec, r, vpc),
    targetType: elbv2.TargetType.IP,
    targets: ipTargetsOf(targets),
  });
  for (const target of targets) {
    const member: ec2.IConnectable = { connections: new ec2.Connections({ peer: peerOf(target.ipAddress) }) };
    for (const port of targetPorts(target, r.protocol, r.healthCheck.port)) tg.registerConnectable(member, port);
  }
  return tg;
}

/**
 * Lets a Network Load Balancer's security group send to the IP targets of one of its
 * target groups, each on its port (TCP, UDP or both) and on the health check port.
 */
export function allowToIpTargets(
  securityGroup: ec2.SecurityGroup,
  targets: readonly ResolvedIpTarget[],
  protocol: string,
  healthCheckPort?: number,
): void {
  for (const target of targets) {
    for (const port of targetPorts(target, protocol, healthCheckPort)) {
      securityGroup.addEgressRule(peerOf(target.ipAddress), port, `Target ${target.ipAddress} ${port}`);
    }
  }
}

/** The IP targets of a Network Load Balancer target group. */
export interface NetworkIpTargets {
  /** Each address with its port and zone placement. */
  readonly resolved: ResolvedIpTarget[];
  /** The ELB targets to register. */
  readonly targets: elbv2Targets.IpTarget[];
}

/** The IP targets of a Network Load Balancer target group, resolved, with their ELB targets. */
export function networkIpTargets(spec: TargetGroupSpec, port: number, vpcCidr: KnownVpcCidr): NetworkIpTargets {
  const resolved = resolveIpTargets(spec.ipTargets ?? [], port, vpcCidr);
  return { resolved, targets: ipTargetsOf(resolved) };
}
