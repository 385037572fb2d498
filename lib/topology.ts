import { Annotations } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elb from 'aws-cdk-lib/aws-elasticloadbalancing';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { ApplicationLoadBalancerBuilder } from './alb/application-load-balancer';
import { ClassicLoadBalancerBuilder } from './clb/classic-load-balancer';
import { importHostedZones } from './dns/dns';
import { DnsRecordBuilder } from './dns/records';
import { Fleet } from './fleets/fleet';
import { GatewayLoadBalancerBuilder } from './gwlb/gateway-load-balancer';
import { AccessLogBucket } from './monitoring/access-logs';
import { Monitoring } from './monitoring/monitoring';
import { buildNetwork } from './network/network';
import { NetworkLoadBalancerBuilder } from './nlb/network-load-balancer';
import { lookup } from './private/lookup';
import { applianceFleets, inspectionTiers, sortedEntries } from './private/resolve';
import { knownVpcCidr } from './private/targets';
import { WebAclBuilder, buildWebAcls } from './security/waf';
import { AlarmKind } from './spec/monitoring';
import { ExistingResources, TopologySpec } from './spec/topology-spec';
import { buildApplicationTargets } from './targets/application-targets';
import { buildNetworkTargets } from './targets/network-targets';
import { assertValidSpec, validateSpec } from './validation';
import { albTargetGroupsOfFleet } from './validation/checks/fleets';
import { checkUnusedTargetGroups, usedTargetGroups } from './validation/checks/usage';
import { createContext } from './validation/context';
import { SpecIssue } from './validation/issue';

/**
 * Properties of an `ElbTopology`.
 */
export interface ElbTopologyProps {
  /**
   * The topology, as plain data.
   */
  readonly spec: TopologySpec;

  /**
   * Existing CDK objects the spec refers to by name (VPCs, hosted zones, Lambda functions,
   * ECS services, Cognito user pools).
   *
   * @default - none: the topology creates what it needs
   */
  readonly existing?: ExistingResources;
}

/**
 * A whole Elastic Load Balancing topology built from one declarative spec.
 *
 * The spec is validated as a whole before anything is built: every problem is reported
 * in one error, each with its path in the spec and how to fix it. Then the topology
 * builds, in a fixed order, the network, the fleets, the target groups, the load
 * balancers, and the DNS records, web ACLs, outputs, alarms and dashboard around them.
 * Everything it builds is reachable by the name the spec gives it.
 *
 * @example
 * declare const stack: Stack;
 * new ElbTopology(stack, 'Web', {
 *   spec: {
 *     hostedZones: { main: { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'example.com' } },
 *     fleets: { web: { port: 8080 } },
 *     targetGroups: { web: { fleet: 'web' } },
 *     applicationLoadBalancers: {
 *       public: {
 *         domainName: 'www.example.com',
 *         hostedZone: 'main',
 *         listeners: { https: { defaultAction: { forward: { targetGroup: 'web' } } } },
 *       },
 *     },
 *   },
 * });
 */
export class ElbTopology extends Construct {
  /**
   * Checks a spec without building anything and returns every problem found, sorted by
   * path. An empty list means the spec is valid.
   *
   * Checks that need the existing resources (for example a VPC's zones) are made only
   * when they are given.
   *
   * @param spec the topology spec
   * @param existing the existing resources the spec refers to
   */
  public static validateSpec(spec: TopologySpec, existing?: ExistingResources): SpecIssue[] {
    return validateSpec(spec, existing);
  }

  /** The VPC the topology is built in. */
  public readonly vpc: ec2.IVpc;

  /** The Auto Scaling group of each fleet, by fleet name. */
  public readonly fleets: { [name: string]: autoscaling.AutoScalingGroup };

  /** Each Application Load Balancer target group, by name. */
  public readonly applicationTargetGroups: { [name: string]: elbv2.ApplicationTargetGroup };

  /** Each Application Load Balancer, by name. */
  public readonly applicationLoadBalancers: { [name: string]: elbv2.ApplicationLoadBalancer };

  /** Each Network Load Balancer target group, by name. */
  public readonly networkTargetGroups: { [name: string]: elbv2.NetworkTargetGroup };

  /** Each Network Load Balancer, by name. */
  public readonly networkLoadBalancers: { [name: string]: elbv2.NetworkLoadBalancer };

  /** Each Gateway Load Balancer (an L1 resource: aws-cdk-lib has no L2 for it), by name. */
  public readonly gatewayLoadBalancers: { [name: string]: elbv2.CfnLoadBalancer };

  /** Each Classic Load Balancer, by name. */
  public readonly classicLoadBalancers: { [name: string]: elb.LoadBalancer };

  /** Each weighted or failover DNS record, by its name in `TopologySpec.dnsRecords` (its set identifier). */
  public readonly dnsRecords: { [name: string]: route53.RecordSet };

  /** Each AWS WAF web ACL (an L1 resource: aws-cdk-lib has no L2 for it), by name. */
  public readonly webAcls: { [name: string]: wafv2.CfnWebACL };

  /**
   * The bucket that receives access logs.
   *
   * Undefined when no load balancer writes access logs.
   */
  public readonly accessLogBucket?: s3.IBucket;

  /**
   * The SNS topic that receives the fleets' scaling events (launches, terminations and
   * their failures). Subscribe to it to be told.
   *
   * Undefined when the topology has no fleets.
   */
  public readonly notificationTopic?: sns.ITopic;

  /**
   * The SNS topic that receives the alarms' notifications, when they go off and when
   * they are OK again: the topic of `MonitoringSpec.alarmTopicArn`, or one the topology
   * creates (encrypted with its own KMS key). Subscribe to it to be told.
   *
   * Undefined when the topology has no alarm.
   */
  public readonly alarmTopic?: sns.ITopic;

  /**
   * The CloudWatch dashboard of the load balancers and target groups.
   *
   * Undefined when it is turned off (`MonitoringSpec.dashboardEnabled`) or the topology
   * has no Application or Network Load Balancer.
   */
  public readonly dashboard?: cloudwatch.Dashboard;

  /**
   * Each CloudWatch alarm, keyed `<name>/<kind>`: the spec name of the load balancer or
   * target group, and the `AlarmKind` (for example `web/targetResponseTime`).
   */
  public readonly alarms: { [key: string]: cloudwatch.Alarm };

  private readonly fleetBuilders = new Map<string, Fleet>();
  private readonly albBuilders = new Map<string, ApplicationLoadBalancerBuilder>();
  private readonly nlbBuilders = new Map<string, NetworkLoadBalancerBuilder>();
  private readonly clbBuilders = new Map<string, ClassicLoadBalancerBuilder>();
  private readonly gwlbBuilders = new Map<string, GatewayLoadBalancerBuilder>();
  private readonly dnsRecordBuilders = new Map<string, DnsRecordBuilder>();
  private readonly alarmsByKey: ReadonlyMap<string, cloudwatch.Alarm>;
  private readonly webAclBuilders: ReadonlyMap<string, WebAclBuilder>;
  private readonly lambdaTargetFunctions: ReadonlyMap<string, lambda.IFunction>;

  constructor(scope: Construct, id: string, props: ElbTopologyProps) {
    super(scope, id);
    const spec = props.spec;
    const existing = props.existing ?? {};
    try {
      assertValidSpec(spec, existing);
    } catch (e) {
      // Leave nothing behind, so the caller may retry with the same ID.
      scope.node.tryRemoveChild(id);
      throw e;
    }

    const ctx = createContext(spec, existing);
    for (const unused of checkUnusedTargetGroups(ctx)) {
      Annotations.of(this).addWarningV2('cdk-elb-topology:targets.unused', `${unused.path}: ${unused.message} ${unused.hint}`);
    }

    const network = buildNetwork(this, spec.network, existing.vpc, inspectionTiers(spec));
    this.vpc = network.vpc;
    const zonesScope = new Construct(this, 'HostedZones');
    const zones = importHostedZones(zonesScope, spec.hostedZones, existing.hostedZones);

    const fleets = sortedEntries(spec.fleets);
    if (fleets.length > 0) {
      this.notificationTopic = new sns.Topic(this, 'Notifications', { displayName: `ELB topology ${id}: scaling events`, enforceSSL: true });
    }
    const fleetsScope = new Construct(this, 'Fleets');
    const appliances = applianceFleets(spec);
    for (const [name, fleetSpec] of fleets) {
      this.fleetBuilders.set(name, new Fleet(fleetsScope, name, fleetSpec, network, this.notificationTopic!, appliances.has(name)));
    }

    // Application target groups first: ALBs forward to them, and NLBs may target ALBs.
    const targetGroupsScope = new Construct(this, 'TargetGroups');
    // IP targets are placed in or outside the VPC by its CIDR block, where it is known.
    const vpcCidr = knownVpcCidr(spec, existing);
    const applicationTargets = buildApplicationTargets(targetGroupsScope, spec, { vpc: network.vpc, vpcCidr, fleets: this.fleetBuilders, existing });
    const targetGroups = applicationTargets.targetGroups;
    this.lambdaTargetFunctions = applicationTargets.lambdaFunctions;

    // One access-log bucket for all load balancers, created by the first that logs.
    let accessLogs: AccessLogBucket | undefined;
    const sharedAccessLogs = () => (accessLogs ??= new AccessLogBucket(this, 'AccessLogs'));
    const outputsEnabled = spec.outputsEnabled ?? true;
    const albScope = new Construct(this, 'ApplicationLoadBalancers');
    for (const [name, albSpec] of sortedEntries(spec.applicationLoadBalancers)) {
      this.albBuilders.set(name, new ApplicationLoadBalancerBuilder(albScope, name, albSpec, {
        network,
        targetGroup: (tg) => targetGroups.get(tg)!,
        hostedZone: (zone) => zones.get(zone)!,
        accessLogs: sharedAccessLogs,
        fleet: (fleet) => this.fleetBuilders.get(fleet)!,
        outputsEnabled,
        cognitoUserPool: (pool) => existing.cognitoUserPools![pool],
      }));
    }

    const networkTargets = buildNetworkTargets(targetGroupsScope, spec, network.vpc, this.fleetBuilders, this.albBuilders, vpcCidr);

    const nlbScope = new Construct(this, 'NetworkLoadBalancers');
    for (const [name, nlbSpec] of sortedEntries(spec.networkLoadBalancers)) {
      this.nlbBuilders.set(name, new NetworkLoadBalancerBuilder(nlbScope, name, nlbSpec, {
        network,
        target: (tg) => networkTargets.get(tg)!,
        fleet: (fleet) => this.fleetBuilders.get(fleet)!,
        hostedZone: (zone) => zones.get(zone)!,
        accessLogs: sharedAccessLogs,
        outputsEnabled,
      }));
    }

    const gwlbScope = new Construct(this, 'GatewayLoadBalancers');
    for (const [name, gwlbSpec] of sortedEntries(spec.gatewayLoadBalancers)) {
      this.gwlbBuilders.set(name, new GatewayLoadBalancerBuilder(gwlbScope, name, gwlbSpec, {
        network,
        fleet: (fleet) => this.fleetBuilders.get(fleet)!,
        fleetSpec: (fleet) => spec.fleets![fleet],
        inspectedVpc: (vpc) => (vpc === undefined ? network.vpc : existing.vpcs![vpc]),
        outputsEnabled,
      }));
    }

    const clbScope = new Construct(this, 'ClassicLoadBalancers');
    for (const [name, clbSpec] of sortedEntries(spec.classicLoadBalancers)) {
      this.clbBuilders.set(name, new ClassicLoadBalancerBuilder(clbScope, name, clbSpec, {
        network,
        fleet: (fleet) => this.fleetBuilders.get(fleet)!,
        fleetSpecs: spec.fleets,
        accessLogs: sharedAccessLogs,
        outputsEnabled,
      }));
    }
    this.accessLogBucket = accessLogs?.bucket;

    // Weighted and failover records point at load balancers, so they come after all of them.
    const dnsRecordsScope = new Construct(this, 'DnsRecords');
    for (const [name, recordSpec] of sortedEntries(spec.dnsRecords)) {
      this.dnsRecordBuilders.set(name, new DnsRecordBuilder(dnsRecordsScope, name, recordSpec, {
        spec,
        hostedZone: (zone) => zones.get(zone)!,
        applicationLoadBalancer: (alb) => this.albBuilders.get(alb)!.loadBalancer,
        networkLoadBalancer: (nlb) => this.nlbBuilders.get(nlb)!.loadBalancer,
      }));
    }
    this.dnsRecords = Object.fromEntries([...this.dnsRecordBuilders].map(([n, b]) => [n, b.record]));

    // Web ACLs are associated with the Application Load Balancers that name them.
    this.webAclBuilders = buildWebAcls(this, spec.webAcls, new Map([...this.albBuilders].map(([n, b]) => [n, {
      spec: spec.applicationLoadBalancers![n], scope: b, loadBalancerArn: b.loadBalancer.loadBalancerArn,
    }])));
    this.webAcls = Object.fromEntries([...this.webAclBuilders].map(([n, b]) => [n, b.webAcl]));

    // Request-count scaling needs the target group on a load balancer, so it comes last.
    for (const [name, fleet] of this.fleetBuilders) {
      const fleetSpec = spec.fleets![name];
      const tgName = fleetSpec.scaleOnRequestsTargetGroup ?? albTargetGroupsOfFleet(ctx, name)[0];
      const tg = tgName !== undefined ? targetGroups.get(tgName) : undefined;
      fleet.addScaling(tg);
    }

    this.fleets = Object.fromEntries([...this.fleetBuilders].map(([n, f]) => [n, f.autoScalingGroup]));
    this.applicationTargetGroups = Object.fromEntries(targetGroups);
    this.applicationLoadBalancers = Object.fromEntries([...this.albBuilders].map(([n, b]) => [n, b.loadBalancer]));
    this.networkTargetGroups = Object.fromEntries([...networkTargets].map(([n, t]) => [n, t.targetGroup]));
    this.networkLoadBalancers = Object.fromEntries([...this.nlbBuilders].map(([n, b]) => [n, b.loadBalancer]));
    this.gatewayLoadBalancers = Object.fromEntries([...this.gwlbBuilders].map(([n, b]) => [n, b.loadBalancer]));
    this.classicLoadBalancers = Object.fromEntries([...this.clbBuilders].map(([n, b]) => [n, b.loadBalancer]));

    // Alarms and the dashboard watch every ALB and NLB, and each target group one forwards to.
    const forwarded = usedTargetGroups(ctx);
    const onLoadBalancer = <T>(map: { [name: string]: T }) => Object.fromEntries(Object.entries(map).filter(([n]) => forwarded.has(n)));
    const monitoring = new Monitoring(this, 'Monitoring', spec.monitoring, {
      applicationLoadBalancers: this.applicationLoadBalancers,
      applicationTargetGroups: onLoadBalancer(this.applicationTargetGroups),
      networkLoadBalancers: this.networkLoadBalancers,
      networkTargetGroups: onLoadBalancer(this.networkTargetGroups),
    }, this.node.path);
    this.alarmTopic = monitoring.alarmTopic;
    this.dashboard = monitoring.dashboard;
    this.alarmsByKey = monitoring.alarms;
    this.alarms = Object.fromEntries(monitoring.alarms);
  }

  /**
   * A Network Load Balancer.
   *
   * @param name the load balancer's name in the spec
   */
  public networkLoadBalancer(name: string): elbv2.NetworkLoadBalancer {
    return lookup(this.nlbBuilders, name, 'Network Load Balancer').loadBalancer;
  }

  /**
   * A Network Load Balancer target group.
   *
   * @param name the target group's name in the spec
   */
  public networkTargetGroup(name: string): elbv2.NetworkTargetGroup {
    return lookup(new Map(Object.entries(this.networkTargetGroups)), name, 'Network Load Balancer target group');
  }

  /**
   * A listener of a Network Load Balancer.
   *
   * @param loadBalancer the load balancer's name in the spec
   * @param listener the listener's name in the spec
   */
  public networkListener(loadBalancer: string, listener: string): elbv2.NetworkListener {
    return lookup(lookup(this.nlbBuilders, loadBalancer, 'Network Load Balancer').listeners, listener, 'listener');
  }

  /**
   * The Elastic IPs of a Network Load Balancer, one per Availability Zone in zone
   * order; empty when the topology allocates none.
   *
   * @param loadBalancer the load balancer's name in the spec
   */
  public elasticIps(loadBalancer: string): ec2.CfnEIP[] {
    return lookup(this.nlbBuilders, loadBalancer, 'Network Load Balancer').elasticIps;
  }

  /**
   * The security group of a Network Load Balancer.
   *
   * @param name the load balancer's name in the spec
   */
  public networkLoadBalancerSecurityGroup(name: string): ec2.SecurityGroup {
    return lookup(this.nlbBuilders, name, 'Network Load Balancer').securityGroup;
  }

  /**
   * A Gateway Load Balancer.
   *
   * @param name the load balancer's name in the spec
   */
  public gatewayLoadBalancer(name: string): elbv2.CfnLoadBalancer {
    return this.gwlb(name).loadBalancer;
  }

  /**
   * The GENEVE target group of a Gateway Load Balancer, which holds its appliance fleet.
   *
   * @param loadBalancer the load balancer's name in the spec
   */
  public gatewayTargetGroup(loadBalancer: string): elbv2.CfnTargetGroup {
    return this.gwlb(loadBalancer).targetGroup;
  }

  /**
   * The listener of a Gateway Load Balancer.
   *
   * @param loadBalancer the load balancer's name in the spec
   */
  public gatewayListener(loadBalancer: string): elbv2.CfnListener {
    return this.gwlb(loadBalancer).listener;
  }

  /**
   * The VPC endpoint service of a Gateway Load Balancer.
   *
   * @param loadBalancer the load balancer's name in the spec
   */
  public endpointService(loadBalancer: string): ec2.CfnVPCEndpointService {
    return this.gwlb(loadBalancer).endpointService;
  }

  /**
   * The Gateway Load Balancer endpoints of a Gateway Load Balancer, one per Availability
   * Zone in zone order; empty without `inspection`.
   *
   * @param loadBalancer the load balancer's name in the spec
   */
  public gatewayEndpoints(loadBalancer: string): ec2.CfnVPCEndpoint[] {
    return [...(this.gwlb(loadBalancer).inspection?.endpoints ?? [])];
  }

  /**
   * The edge route table (associated with the internet gateway) of a Gateway Load
   * Balancer's inspection, or undefined without `inspection`.
   *
   * @param loadBalancer the load balancer's name in the spec
   */
  public edgeRouteTable(loadBalancer: string): ec2.CfnRouteTable | undefined {
    return this.gwlb(loadBalancer).inspection?.edgeRouteTable;
  }

  private gwlb(name: string): GatewayLoadBalancerBuilder {
    return lookup(this.gwlbBuilders, name, 'Gateway Load Balancer');
  }

  /**
   * A Classic Load Balancer.
   *
   * @param name the load balancer's name in the spec
   */
  public classicLoadBalancer(name: string): elb.LoadBalancer {
    return lookup(this.clbBuilders, name, 'Classic Load Balancer').loadBalancer;
  }

  /**
   * An AWS WAF web ACL.
   *
   * @param name the web ACL's name in the spec
   */
  public webAcl(name: string): wafv2.CfnWebACL {
    return lookup(this.webAclBuilders, name, 'web ACL').webAcl;
  }

  /**
   * The CloudWatch Logs log group of an AWS WAF web ACL, or undefined when its logging
   * is off. Its name is a token.
   *
   * @param name the web ACL's name in the spec
   */
  public webAclLogGroup(name: string): logs.LogGroup | undefined {
    return lookup(this.webAclBuilders, name, 'web ACL').logGroup;
  }

  /**
   * The Auto Scaling group of a fleet.
   *
   * @param name the fleet's name in the spec
   */
  public fleet(name: string): autoscaling.AutoScalingGroup {
    return lookup(this.fleetBuilders, name, 'fleet').autoScalingGroup;
  }

  /**
   * The launch template of a fleet.
   *
   * @param name the fleet's name in the spec
   */
  public launchTemplate(name: string): ec2.LaunchTemplate {
    return lookup(this.fleetBuilders, name, 'fleet').launchTemplate;
  }

  /**
   * The security group of a fleet's instances.
   *
   * @param name the fleet's name in the spec
   */
  public fleetSecurityGroup(name: string): ec2.SecurityGroup {
    return lookup(this.fleetBuilders, name, 'fleet').securityGroup;
  }

  /**
   * An Application Load Balancer target group.
   *
   * @param name the target group's name in the spec
   */
  public applicationTargetGroup(name: string): elbv2.ApplicationTargetGroup {
    return lookup(new Map(Object.entries(this.applicationTargetGroups)), name, 'target group');
  }

  /**
   * The Lambda function that is the target of a target group: the function given in
   * `ExistingResources.lambdaFunctions`, or the one imported by `lambdaFunctionArn`.
   *
   * @param targetGroup the target group's name in the spec
   */
  public lambdaTargetFunction(targetGroup: string): lambda.IFunction {
    return lookup(this.lambdaTargetFunctions, targetGroup, 'target group with a Lambda function');
  }

  /**
   * An Application Load Balancer.
   *
   * @param name the load balancer's name in the spec
   */
  public applicationLoadBalancer(name: string): elbv2.ApplicationLoadBalancer {
    return lookup(this.albBuilders, name, 'Application Load Balancer').loadBalancer;
  }

  /**
   * The security group of an Application Load Balancer.
   *
   * @param name the load balancer's name in the spec
   */
  public loadBalancerSecurityGroup(name: string): ec2.SecurityGroup {
    return lookup(this.albBuilders, name, 'Application Load Balancer').securityGroup;
  }

  /**
   * A listener of an Application Load Balancer.
   *
   * @param loadBalancer the load balancer's name in the spec
   * @param listener the listener's name in the spec (`https` for the default listener)
   */
  public applicationListener(loadBalancer: string, listener: string): elbv2.ApplicationListener {
    return lookup(lookup(this.albBuilders, loadBalancer, 'Application Load Balancer').listeners, listener, 'listener');
  }

  /**
   * A listener rule of an Application Load Balancer.
   *
   * @param loadBalancer the load balancer's name in the spec
   * @param rule the rule's name, or `priority-<n>` for a rule without a name
   */
  public listenerRule(loadBalancer: string, rule: string): elbv2.ApplicationListenerRule {
    return lookup(lookup(this.albBuilders, loadBalancer, 'Application Load Balancer').rules, rule, 'rule');
  }

  /**
   * The certificate of an Application Load Balancer's HTTPS listeners, or undefined
   * when it has none.
   *
   * @param loadBalancer the load balancer's name in the spec
   */
  public certificate(loadBalancer: string): acm.ICertificate | undefined {
    return lookup(this.albBuilders, loadBalancer, 'Application Load Balancer').certificate;
  }

  /**
   * The alias record of an Application Load Balancer's domain, or undefined when it has
   * none.
   *
   * @param loadBalancer the load balancer's name in the spec
   */
  public aliasRecord(loadBalancer: string): route53.ARecord | undefined {
    return lookup(this.albBuilders, loadBalancer, 'Application Load Balancer').aliasRecord;
  }

  /**
   * A weighted or failover DNS record (an alias A record).
   *
   * @param name the record's name in `TopologySpec.dnsRecords` (its set identifier)
   */
  public dnsRecord(name: string): route53.RecordSet {
    return lookup(this.dnsRecordBuilders, name, 'DNS record').record;
  }

  /**
   * The Route 53 health check of a DNS record.
   *
   * Fails, naming the records that have one, for a record without a health check.
   *
   * @param record the record's name in `TopologySpec.dnsRecords`
   */
  public healthCheck(record: string): route53.HealthCheck {
    const checked = [...this.dnsRecordBuilders].filter(([, b]) => b.healthCheck !== undefined).map(([n, b]) => [n, b.healthCheck!] as const);
    return lookup(new Map(checked), record, 'DNS health check');
  }

  /**
   * A CloudWatch alarm of a load balancer or target group.
   *
   * Fails, listing the alarms that exist, for an alarm that is turned off or does not
   * fit the part (for example `tcpResets` of an Application Load Balancer).
   *
   * @param name the load balancer's or target group's name in the spec
   * @param kind the kind of alarm
   */
  public alarm(name: string, kind: AlarmKind): cloudwatch.Alarm {
    return lookup(this.alarmsByKey, `${name}/${kind}`, 'alarm');
  }
}
