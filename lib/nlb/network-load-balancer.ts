import { CfnOutput } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { aliasRecord, loadBalancerCertificate } from '../dns/dns';
import { Fleet } from '../fleets/fleet';
import { AccessLogBucket } from '../monitoring/access-logs';
import { BuiltNetwork } from '../network/network';
import { DEFAULT_TLS_POLICY, resolveNlb } from '../private/resolve';
import { CLIENT_IP_PRESERVED, admitClients, loadBalancerClients, loadBalancerSecurityGroup, portsFor } from '../security/ingress';
import { NetworkLoadBalancerSpec } from '../spec/nlb';
import { allowToIpTargets } from '../targets/ip-targets';
import { NetworkTarget } from '../targets/network-targets';

/** What an NLB builder needs from the rest of the topology. */
export interface NetworkLoadBalancerContext {
  readonly network: BuiltNetwork;
  readonly target: (targetGroup: string) => NetworkTarget;
  readonly fleet: (name: string) => Fleet;
  readonly hostedZone: (name: string) => route53.IHostedZone;
  readonly accessLogs: () => AccessLogBucket;
  readonly outputsEnabled: boolean;
}

/**
 * One Network Load Balancer with its security group, Elastic IPs (one per zone),
 * listeners, certificate, DNS record and outputs, all under one scope. Its targets
 * admit it, and, where they see the clients' own addresses, those clients too.
 */
export class NetworkLoadBalancerBuilder extends Construct {
  readonly loadBalancer: elbv2.NetworkLoadBalancer;
  readonly securityGroup: ec2.SecurityGroup;
  readonly listeners = new Map<string, elbv2.NetworkListener>();
  readonly elasticIps: ec2.CfnEIP[] = [];
  readonly certificate?: acm.ICertificate;
  readonly aliasRecord?: route53.ARecord;

  constructor(scope: Construct, id: string, spec: NetworkLoadBalancerSpec, ctx: NetworkLoadBalancerContext) {
    super(scope, id);
    const r = resolveNlb(spec);
    const vpc = ctx.network.vpc;
    this.securityGroup = loadBalancerSecurityGroup(this, vpc, id);
    this.loadBalancer = new elbv2.NetworkLoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing: r.internetFacing,
      securityGroups: [this.securityGroup],
      crossZoneEnabled: r.crossZoneEnabled,
      deletionProtection: r.deletionProtection,
      ...this.placement(spec, r, ctx.network),
    });
    ctx.accessLogs().enableForNetwork(this.loadBalancer, id);

    const zone = spec.hostedZone !== undefined ? ctx.hostedZone(spec.hostedZone) : undefined;
    this.certificate = loadBalancerCertificate(this, spec, zone, r.tlsListeners.length > 0);

    const clients = loadBalancerClients(vpc, r.internetFacing, spec.ingressCidrs, (spec.allowFrom ?? []).map(ctx.fleet));
    for (const l of r.listeners) {
      const tls = l.protocol === elbv2.Protocol.TLS;
      const target = ctx.target(l.spec.targetGroup);
      this.listeners.set(l.name, this.loadBalancer.addListener(`Listener-${l.name}`, {
        protocol: l.protocol as elbv2.Protocol,
        port: l.port,
        certificates: tls && this.certificate ? [elbv2.ListenerCertificate.fromCertificateManager(this.certificate)] : undefined,
        sslPolicy: tls ? l.spec.sslPolicy ?? DEFAULT_TLS_POLICY : undefined,
        alpnPolicy: tls ? l.spec.alpnPolicy : undefined,
        defaultTargetGroups: [target.targetGroup],
      }));
      admitClients(this.securityGroup, clients, portsFor(l.protocol, l.port), 'Listener port');
      this.admitToTarget(target, clients);
    }

    if (zone && spec.domainName && r.aliasRecordEnabled) {
      this.aliasRecord = aliasRecord(this, spec.domainName, zone, this.loadBalancer);
    }
    if (ctx.outputsEnabled) {
      new CfnOutput(this, 'DnsName', { value: this.loadBalancer.loadBalancerDnsName, description: `DNS name of load balancer ${id}` });
      this.elasticIps.forEach((eip, i) => {
        new CfnOutput(this, `ElasticIpAddress${i + 1}`, { value: eip.ref, description: `Static address ${i + 1} of load balancer ${id}` });
      });
    }
  }

  /** Subnets, with an Elastic IP or a fixed private address in each when asked for. */
  private placement(spec: NetworkLoadBalancerSpec, r: ReturnType<typeof resolveNlb>, network: BuiltNetwork): Partial<elbv2.NetworkLoadBalancerProps> {
    const subnets = network.vpc.selectSubnets(network.subnets(r.subnetTier)).subnets;
    if (r.elasticIps) {
      const mappings = subnets.map((subnet, i) => {
        const eip = new ec2.CfnEIP(this, `ElasticIp${i + 1}`, { domain: 'vpc' });
        this.elasticIps.push(eip);
        return { subnet, allocationId: eip.attrAllocationId };
      });
      return { subnetMappings: mappings };
    }
    if (spec.elasticIpAllocationIds) {
      return { subnetMappings: subnets.map((subnet, i) => ({ subnet, allocationId: spec.elasticIpAllocationIds![i] })) };
    }
    if (spec.privateIpv4Addresses) {
      return { subnetMappings: subnets.map((subnet, i) => ({ subnet, privateIpv4Address: spec.privateIpv4Addresses![i] })) };
    }
    return { vpcSubnets: network.subnets(r.subnetTier) };
  }

  /**
   * Lets the load balancer reach a target group's targets on the traffic and health
   * check ports. With client IP preservation the targets see the clients' addresses,
   * so they must admit the clients themselves, not only the load balancer.
   */
  private admitToTarget(target: NetworkTarget, clients: ReturnType<typeof loadBalancerClients>): void {
    if (target.ipTargets) allowToIpTargets(this.securityGroup, target.ipTargets, target.protocol, target.healthCheckPort);
    const into = target.fleet?.securityGroup ?? target.albSecurityGroup;
    if (!into) return;
    const ports = portsFor(target.protocol, target.port);
    for (const port of ports) into.connections.allowFrom(this.securityGroup, port, `Load balancer ${this.node.id} ${port}`);
    if (target.healthCheckPort !== undefined && target.healthCheckPort !== target.port) {
      into.connections.allowFrom(this.securityGroup, ec2.Port.tcp(target.healthCheckPort), `Health checks of load balancer ${this.node.id}`);
    }
    if (target.preserveClientIp) admitClients(into, clients, ports, `Clients of load balancer ${this.node.id}`, CLIENT_IP_PRESERVED);
  }
}
