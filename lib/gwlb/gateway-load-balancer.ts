import { CfnOutput, Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { InspectionRouting } from './inspection-routing';
import { GENEVE_PORT } from '../fleets/appliance';
import { Fleet } from '../fleets/fleet';
import { BuiltNetwork } from '../network/network';
import { resolveApplianceTargetGroup, resolveGwlb } from '../private/resolve';
import { GatewayProtocol } from '../spec/enums';
import { FleetSpec } from '../spec/fleet';
import { GatewayLoadBalancerSpec } from '../spec/gwlb';

/** What a Gateway Load Balancer builder needs from the rest of the topology. */
export interface GatewayLoadBalancerContext {
  readonly network: BuiltNetwork;
  readonly fleet: (name: string) => Fleet;
  readonly fleetSpec: (name: string) => FleetSpec;
  /** The VPC named in `inspection.vpc`, or the topology's own VPC. */
  readonly inspectedVpc: (name: string | undefined) => ec2.IVpc;
  readonly outputsEnabled: boolean;
}

/**
 * One Gateway Load Balancer, built from L1 resources because aws-cdk-lib has no L2 for
 * it: the load balancer in its subnets, the GENEVE target group of the appliance fleet,
 * the listener, the VPC endpoint service with its allowed principals, and, with
 * `inspection`, the endpoints and routes (see `InspectionRouting`).
 */
export class GatewayLoadBalancerBuilder extends Construct {
  readonly loadBalancer: elbv2.CfnLoadBalancer;
  readonly targetGroup: elbv2.CfnTargetGroup;
  readonly listener: elbv2.CfnListener;
  readonly endpointService: ec2.CfnVPCEndpointService;
  readonly inspection?: InspectionRouting;

  constructor(scope: Construct, id: string, spec: GatewayLoadBalancerSpec, ctx: GatewayLoadBalancerContext) {
    super(scope, id);
    const r = resolveGwlb(spec);
    const vpc = ctx.network.vpc;
    const subnets = vpc.selectSubnets(ctx.network.subnets(r.subnetTier));

    this.loadBalancer = new elbv2.CfnLoadBalancer(this, 'LoadBalancer', {
      type: 'gateway',
      subnets: subnets.subnetIds,
      loadBalancerAttributes: [
        { key: 'load_balancing.cross_zone.enabled', value: String(r.crossZoneEnabled) },
        { key: 'deletion_protection.enabled', value: String(r.deletionProtection) },
      ],
    });
    Validations.of(this.loadBalancer).acknowledge({
      id: 'AwsSolutions-ELB2',
      reason: 'Gateway Load Balancers have no access logs; the VPC flow logs record the inspected traffic.',
    });

    const tgSpec = spec.listener.targetGroup;
    const fleet = ctx.fleet(tgSpec.fleet);
    this.targetGroup = this.buildTargetGroup(spec, vpc, ctx.fleetSpec(tgSpec.fleet));
    fleet.autoScalingGroup.attachToNetworkTargetGroup(
      elbv2.NetworkTargetGroup.fromTargetGroupAttributes(this, 'TargetGroupRef', { targetGroupArn: this.targetGroup.ref }),
    );
    this.admitLoadBalancer(fleet, subnets, this.targetGroup.healthCheckPort!);

    this.listener = new elbv2.CfnListener(this, 'Listener', {
      loadBalancerArn: this.loadBalancer.ref,
      defaultActions: [{ type: 'forward', targetGroupArn: this.targetGroup.ref }],
    });

    const stack = Stack.of(this);
    this.endpointService = new ec2.CfnVPCEndpointService(this, 'EndpointService', {
      gatewayLoadBalancerArns: [this.loadBalancer.ref],
      acceptanceRequired: r.acceptanceRequired,
    });
    const permissions = new ec2.CfnVPCEndpointServicePermissions(this, 'EndpointServicePermissions', {
      serviceId: this.endpointService.ref,
      allowedPrincipals: spec.endpointServiceAllowedPrincipals ?? [`arn:${stack.partition}:iam::${stack.account}:root`],
    });
    const serviceName = `com.amazonaws.vpce.${stack.region}.${this.endpointService.attrServiceId}`;

    if (r.inspection) {
      this.inspection = new InspectionRouting(this, 'Inspection', {
        vpc: ctx.inspectedVpc(r.inspection.vpc),
        ownVpc: r.inspection.vpc === undefined ? ctx.network : undefined,
        protectedSubnetTier: r.inspection.protectedSubnetTier,
        endpointSubnetTier: r.inspection.endpointSubnetTier,
        serviceName,
        dependency: permissions,
      });
    }

    if (ctx.outputsEnabled) {
      new CfnOutput(this, 'EndpointServiceName', { description: `Gateway Load Balancer ${id}: VPC endpoint service name`, value: serviceName });
      if (this.inspection) {
        new CfnOutput(this, 'EndpointIds', {
          description: `Gateway Load Balancer ${id}: endpoint IDs, one per Availability Zone`,
          value: this.inspection.endpoints.map((e) => e.ref).join(','),
        });
      }
    }
  }

  private buildTargetGroup(spec: GatewayLoadBalancerSpec, vpc: ec2.IVpc, fleetSpec: FleetSpec): elbv2.CfnTargetGroup {
    const t = resolveApplianceTargetGroup(spec.listener.targetGroup, fleetSpec);
    const hc = t.healthCheck;
    const http = hc.protocol !== elbv2.Protocol.TCP;
    const attributes = [
      { key: 'deregistration_delay.timeout_seconds', value: String(t.deregistrationDelaySeconds) },
      ...(t.flowStickiness !== undefined
        ? [{ key: 'stickiness.enabled', value: 'true' }, { key: 'stickiness.type', value: t.flowStickiness }]
        : []),
      ...['on_deregistration', 'on_unhealthy'].map((event) => ({
        key: `target_failover.${event}`,
        value: t.targetFailoverRebalanceEnabled ? 'rebalance' : 'no_rebalance',
      })),
    ];
    return new elbv2.CfnTargetGroup(this, 'TargetGroup', {
      vpcId: vpc.vpcId,
      protocol: GatewayProtocol.GENEVE,
      port: GENEVE_PORT,
      targetType: 'instance',
      healthCheckEnabled: true,
      healthCheckProtocol: hc.protocol,
      healthCheckPort: String(hc.port),
      healthCheckPath: http ? hc.path : undefined,
      matcher: http ? { httpCode: hc.healthyHttpCodes } : undefined,
      healthCheckIntervalSeconds: hc.intervalSeconds,
      healthCheckTimeoutSeconds: hc.timeoutSeconds,
      healthyThresholdCount: hc.healthyThresholdCount,
      unhealthyThresholdCount: hc.unhealthyThresholdCount,
      targetGroupAttributes: attributes,
    });
  }

  /**
   * A Gateway Load Balancer has no security group: the appliances admit GENEVE and the
   * health checks from its subnets, and may send GENEVE back to them.
   */
  private admitLoadBalancer(fleet: Fleet, subnets: ec2.SelectedSubnets, healthCheckPort: string): void {
    for (const subnet of subnets.subnets) {
      const peer = ec2.Peer.ipv4(subnet.ipv4CidrBlock);
      fleet.securityGroup.addIngressRule(peer, ec2.Port.udp(GENEVE_PORT), 'GENEVE from the Gateway Load Balancer');
      fleet.securityGroup.addIngressRule(peer, ec2.Port.tcp(Number(healthCheckPort)), 'Health checks from the Gateway Load Balancer');
      fleet.securityGroup.addEgressRule(peer, ec2.Port.udp(GENEVE_PORT), 'GENEVE back to the Gateway Load Balancer');
    }
  }
}
