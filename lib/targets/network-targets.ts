import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { networkIpTargets } from './ip-targets';
import { buildNetworkTargetGroup } from './target-group';
import { ApplicationLoadBalancerBuilder } from '../alb/application-load-balancer';
import { Fleet } from '../fleets/fleet';
import { isApplicationTargetGroup, resolveAlb, resolveTargetGroup, sortedEntries } from '../private/resolve';
import { KnownVpcCidr, ResolvedIpTarget } from '../private/targets';
import { TopologySpec } from '../spec/topology-spec';

/** A Network Load Balancer target group and what it sends traffic to. */
export interface NetworkTarget {
  readonly targetGroup: elbv2.NetworkTargetGroup;
  readonly protocol: string;
  readonly port: number;
  /** The port health checks connect to, when it is not the traffic port. */
  readonly healthCheckPort?: number;
  /** Whether the targets see the clients' addresses (client IP preservation). */
  readonly preserveClientIp: boolean;
  readonly fleet?: Fleet;
  /** The security group of an Application Load Balancer target. */
  readonly albSecurityGroup?: ec2.SecurityGroup;
  /** IP addresses that are the targets, which the load balancer's security group must be let send to. */
  readonly ipTargets?: ResolvedIpTarget[];
}

/**
 * The Network Load Balancer target groups of a spec, each with its fleet or its
 * Application Load Balancer (on the ALB's listener at the group's port, whose protocol
 * the health checks speak), or its IP addresses (those outside the VPC, by its known
 * CIDR block, in zone `all`). ALBs must be built first.
 */
export function buildNetworkTargets(
  scope: Construct,
  spec: TopologySpec,
  vpc: ec2.IVpc,
  fleets: ReadonlyMap<string, Fleet>,
  albs: ReadonlyMap<string, ApplicationLoadBalancerBuilder>,
  vpcCidr: KnownVpcCidr = { complete: false },
): Map<string, NetworkTarget> {
  const targets = new Map<string, NetworkTarget>();
  for (const [name, tg] of sortedEntries(spec.targetGroups).filter(([, t]) => !isApplicationTargetGroup(t))) {
    const fleet = tg.fleet !== undefined ? fleets.get(tg.fleet) : undefined;
    const fleetSpec = tg.fleet !== undefined ? spec.fleets?.[tg.fleet] : undefined;
    const alb = tg.applicationLoadBalancer !== undefined ? albs.get(tg.applicationLoadBalancer) : undefined;
    const albSpec = tg.applicationLoadBalancer !== undefined ? spec.applicationLoadBalancers?.[tg.applicationLoadBalancer] : undefined;
    const albListenerProtocol = albSpec ? resolveAlb(albSpec).listeners.find((l) => l.port === (tg.port ?? 80))?.protocol : undefined;
    const r = resolveTargetGroup(tg, fleetSpec, albListenerProtocol);
    const albListener = alb ? [...alb.listeners.values()].find((l) => l.port === r.port) : undefined;
    const ip = tg.ipTargets !== undefined ? networkIpTargets(tg, r.port, vpcCidr) : undefined;
    targets.set(name, {
      targetGroup: buildNetworkTargetGroup(scope, name, tg, vpc, { fleet, albListener, albListenerProtocol, ipTargets: ip?.targets }, fleetSpec),
      protocol: r.protocol,
      port: r.port,
      healthCheckPort: r.healthCheck.port,
      // An ALB target always sees the clients' addresses.
      preserveClientIp: r.preserveClientIp || alb !== undefined,
      fleet,
      albSecurityGroup: alb?.securityGroup,
      ipTargets: ip?.resolved,
    });
  }
  return targets;
}
