import { CfnOutput, Duration, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elb from 'aws-cdk-lib/aws-elasticloadbalancing';
import { Construct } from 'constructs';
import { warnAboutClb } from './warnings';
import { Fleet } from '../fleets/fleet';
import { AccessLogBucket } from '../monitoring/access-logs';
import { BuiltNetwork } from '../network/network';
import { isClassicLayer7, isClassicSecure, resolveClb } from '../private/resolve';
import { admitClients, loadBalancerClients } from '../security/ingress';
import { ClassicLoadBalancerSpec } from '../spec/clb';
import { ClassicProtocol, ClassicSslPolicy, StickinessType } from '../spec/enums';
import { FleetSpec } from '../spec/fleet';

/** What a Classic Load Balancer builder needs from the rest of the topology. */
export interface ClassicLoadBalancerContext {
  readonly network: BuiltNetwork;
  readonly fleet: (name: string) => Fleet;
  /** The spec's fleets, for the default instance port and health check path. */
  readonly fleetSpecs: { [name: string]: FleetSpec } | undefined;
  readonly accessLogs: () => AccessLogBucket;
  readonly outputsEnabled: boolean;
}

const L2_PROTOCOL: Record<ClassicProtocol, elb.LoadBalancingProtocol> = {
  [ClassicProtocol.HTTP]: elb.LoadBalancingProtocol.HTTP,
  [ClassicProtocol.HTTPS]: elb.LoadBalancingProtocol.HTTPS,
  [ClassicProtocol.TCP]: elb.LoadBalancingProtocol.TCP,
  [ClassicProtocol.SSL]: elb.LoadBalancingProtocol.SSL,
};

const LB_COOKIE_POLICY = 'lb-cookie-stickiness';
const APP_COOKIE_POLICY = 'app-cookie-stickiness';
const tlsPolicyName = (policy: ClassicSslPolicy) => `tls-${policy}`;

/**
 * One Classic Load Balancer, built with aws-cdk-lib's `elb.LoadBalancer`: listeners,
 * health check, cross-zone load balancing, the fleets as targets (each fleet's security
 * group admits the instance ports only from the load balancer's), and, on the
 * CloudFormation resource, what the L2 lacks: TLS policies, stickiness, connection
 * draining, idle timeout and access logs.
 */
export class ClassicLoadBalancerBuilder extends Construct {
  readonly loadBalancer: elb.LoadBalancer;

  constructor(scope: Construct, id: string, spec: ClassicLoadBalancerSpec, ctx: ClassicLoadBalancerContext) {
    super(scope, id);
    const r = resolveClb(spec, ctx.fleetSpecs);
    const vpc = ctx.network.vpc;
    warnAboutClb(this, id, r);
    const hc = r.healthCheck;
    this.loadBalancer = new elb.LoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing: r.internetFacing,
      subnetSelection: ctx.network.subnets(r.subnetTier),
      crossZone: r.crossZoneEnabled,
      healthCheck: {
        protocol: L2_PROTOCOL[hc.protocol],
        port: hc.port,
        path: hc.path,
        interval: Duration.seconds(hc.intervalSeconds),
        timeout: Duration.seconds(hc.timeoutSeconds),
        healthyThreshold: hc.healthyThresholdCount,
        unhealthyThreshold: hc.unhealthyThresholdCount,
      },
    });
    const cfn = this.loadBalancer.node.defaultChild as elb.CfnLoadBalancer;
    cfn.connectionDrainingPolicy = { enabled: r.connectionDrainingEnabled, timeout: r.connectionDrainingSeconds };
    cfn.connectionSettings = { idleTimeout: r.idleTimeoutSeconds };
    const stickinessPolicy = this.addStickiness(spec, cfn);
    this.addTlsPolicies(r.listeners.map((l) => l.sslPolicy), cfn);

    r.listeners.forEach((l, i) => {
      const policyNames = [
        ...(l.sslPolicy ? [tlsPolicyName(l.sslPolicy)] : []),
        ...(stickinessPolicy && isClassicLayer7(l.externalProtocol) ? [stickinessPolicy] : []),
      ];
      this.loadBalancer.addListener({
        externalPort: l.externalPort,
        externalProtocol: L2_PROTOCOL[l.externalProtocol!],
        internalPort: l.internalPort,
        internalProtocol: L2_PROTOCOL[l.internalProtocol],
        sslCertificateArn: isClassicSecure(l.externalProtocol) ? l.spec.certificateArn : undefined,
        policyNames: policyNames.length > 0 ? policyNames : undefined,
        // Ingress is admitted below, for every listener port at once.
        allowConnectionsFrom: [],
      });
      // The L2 writes protocols in lower case; AWS documents them, and the Control Tower
      // rules match them, in capitals (which the ELB API accepts alike).
      cfn.addPropertyOverride(`Listeners.${i}.Protocol`, l.externalProtocol);
      cfn.addPropertyOverride(`Listeners.${i}.InstanceProtocol`, l.internalProtocol);
    });

    const securityGroup = this.loadBalancer.connections.securityGroups[0] as ec2.SecurityGroup;
    const ports = [...new Set(r.listeners.map((l) => l.externalPort))].sort((a, b) => a - b).map((p) => ec2.Port.tcp(p));
    admitClients(securityGroup, loadBalancerClients(vpc, r.internetFacing, spec.ingressCidrs, []), ports, 'Listener port');

    const instancePorts = new Set(r.listeners.map((l) => l.internalPort));
    for (const name of r.fleetNames) {
      const group = ctx.fleet(name).autoScalingGroup;
      this.loadBalancer.addTarget(group);
      if (!instancePorts.has(hc.port)) this.loadBalancer.connections.allowTo(group, ec2.Port.tcp(hc.port), `Health check port ${hc.port}`);
    }

    if (r.accessLogsEnabled) {
      ctx.accessLogs().enableForClassic(this.loadBalancer, `classic/${id}`);
    }
    this.acknowledge(r);

    if (ctx.outputsEnabled) {
      new CfnOutput(this, 'DnsName', { value: this.loadBalancer.loadBalancerDnsName, description: `DNS name of Classic Load Balancer ${id}` });
      // The URL of the first HTTPS listener (or the first HTTP one), with its port unless it is the scheme's default.
      const withProtocol = (p: ClassicProtocol) => r.listeners.find((l) => l.externalProtocol === p);
      const main = withProtocol(ClassicProtocol.HTTPS) ?? withProtocol(ClassicProtocol.HTTP);
      if (main) {
        const https = main.externalProtocol === ClassicProtocol.HTTPS;
        const port = main.externalPort === (https ? 443 : 80) ? '' : `:${main.externalPort}`;
        new CfnOutput(this, 'Url', { value: `${https ? 'https' : 'http'}://${this.loadBalancer.loadBalancerDnsName}${port}`, description: `URL of Classic Load Balancer ${id}` });
      }
    }
  }

  /** The stickiness policy of the HTTP and HTTPS listeners, if any, and its name. */
  private addStickiness(spec: ClassicLoadBalancerSpec, cfn: elb.CfnLoadBalancer): string | undefined {
    if (spec.stickinessType === StickinessType.LB_COOKIE) {
      const seconds = spec.stickinessCookieDurationSeconds;
      cfn.lbCookieStickinessPolicy = [{ policyName: LB_COOKIE_POLICY, cookieExpirationPeriod: seconds !== undefined ? String(seconds) : undefined }];
      return LB_COOKIE_POLICY;
    }
    if (spec.stickinessType === StickinessType.APP_COOKIE) {
      cfn.appCookieStickinessPolicy = [{ policyName: APP_COOKIE_POLICY, cookieName: spec.stickinessCookieName! }];
      return APP_COOKIE_POLICY;
    }
    return undefined;
  }

  /** One SSL negotiation policy per predefined TLS policy the HTTPS and SSL listeners use. */
  private addTlsPolicies(policies: Array<ClassicSslPolicy | undefined>, cfn: elb.CfnLoadBalancer): void {
    const used = [...new Set(policies.filter((p): p is ClassicSslPolicy => p !== undefined))].sort();
    if (used.length === 0) return;
    cfn.policies = used.map((policy) => ({
      policyName: tlsPolicyName(policy),
      policyType: 'SSLNegotiationPolicyType',
      // Attributes are raw JSON to CloudFormation, so they take its capitalised keys.
      attributes: [{ Name: 'Reference-Security-Policy', Value: policy }],
    }));
  }

  /** Acknowledges the cdk-nag findings that follow from what the spec asks for. */
  private acknowledge(r: ReturnType<typeof resolveClb>): void {
    const lb = this.loadBalancer;
    if (r.listeners.some((l) => isClassicLayer7(l.externalProtocol))) {
      Validations.of(lb).acknowledge({
        id: 'AwsSolutions-ELB1',
        reason: 'The spec declares this Classic Load Balancer explicitly (classicLoadBalancers) for a legacy workload; the library documents that an Application Load Balancer is preferred for HTTP and HTTPS.',
      });
    }
    const plainBehindTls = r.listeners.filter((l) => isClassicSecure(l.externalProtocol) && !isClassicSecure(l.internalProtocol));
    if (plainBehindTls.length > 0) {
      Validations.of(lb).acknowledge({
        id: 'AwsSolutions-ELB5',
        reason: `TLS ends at the load balancer on listener(s) ${plainBehindTls.map((l) => `'${l.name}'`).join(', ')}, as on an Application Load Balancer: the instances admit the instance port only from the load balancer's security group. Set internalProtocol HTTPS or SSL for TLS to the instances.`,
      });
    }
    if (!r.accessLogsEnabled) {
      Validations.of(lb).acknowledge({ id: 'AwsSolutions-ELB2', reason: 'Access logs were turned off explicitly in the spec (accessLogsEnabled: false).' });
    }
    if (!r.connectionDrainingEnabled) {
      Validations.of(lb).acknowledge({ id: 'AwsSolutions-ELB3', reason: 'Connection draining was turned off explicitly in the spec (connectionDrainingEnabled: false).' });
    }
    if (!r.crossZoneEnabled) {
      Validations.of(lb).acknowledge({ id: 'AwsSolutions-ELB4', reason: 'Cross-zone load balancing was turned off explicitly in the spec (crossZoneEnabled: false).' });
    }
  }
}
