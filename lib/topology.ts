import { Annotations } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elb from 'aws-cdk-lib/aws-elasticloadbalancing';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as s3 from 'aws-cdk-lib/aws-s3';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { ApplicationLoadBalancerBuilder } from './alb/application-load-balancer';
import { ClassicLoadBalancerBuilder } from './clb/classic-load-balancer';
import { importHostedZones } from './dns/dns';
import { Fleet } from './fleets/fleet';
import { AccessLogBucket } from './monitoring/access-logs';
import { buildNetwork } from './network/network';
import { NetworkLoadBalancerBuilder } from './nlb/network-load-balancer';
import { lookup } from './private/lookup';
import { isApplicationTargetGroup, sortedEntries } from './private/resolve';
import { ExistingResources, TopologySpec } from './spec/topology-spec';
import { buildNetworkTargets } from './targets/network-targets';
import { buildApplicationTargetGroup } from './targets/target-group';
import { assertValidSpec, validateSpec } from './validation';
import { albTargetGroupsOfFleet } from './validation/checks/fleets';
import { checkUnusedTargetGroups } from './validation/checks/usage';
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
   * Existing CDK objects the spec refers to by name (a VPC, hosted zones).
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
 * balancers, and the DNS records and outputs around them. Everything it builds is
 * reachable by the name the spec gives it.
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

  /** Each Classic Load Balancer, by name. */
  public readonly classicLoadBalancers: { [name: string]: elb.LoadBalancer };

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

  private readonly fleetBuilders = new Map<string, Fleet>();
  private readonly albBuilders = new Map<string, ApplicationLoadBalancerBuilder>();
  private readonly nlbBuilders = new Map<string, NetworkLoadBalancerBuilder>();
  private readonly clbBuilders = new Map<string, ClassicLoadBalancerBuilder>();

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

    for (const unused of checkUnusedTargetGroups(createContext(spec, existing))) {
      Annotations.of(this).addWarningV2('cdk-elb-topology:targets.unused', `${unused.path}: ${unused.message} ${unused.hint}`);
    }

    const network = buildNetwork(this, spec.network, existing.vpc);
    this.vpc = network.vpc;
    const zonesScope = new Construct(this, 'HostedZones');
    const zones = importHostedZones(zonesScope, spec.hostedZones, existing.hostedZones);

    const fleets = sortedEntries(spec.fleets);
    if (fleets.length > 0) {
      this.notificationTopic = new sns.Topic(this, 'Notifications', { displayName: `ELB topology ${id}: scaling events`, enforceSSL: true });
    }
    const fleetsScope = new Construct(this, 'Fleets');
    for (const [name, fleetSpec] of fleets) {
      this.fleetBuilders.set(name, new Fleet(fleetsScope, name, fleetSpec, network, this.notificationTopic!));
    }

    // Application target groups first: ALBs forward to them, and NLBs may target ALBs.
    const targetGroupsScope = new Construct(this, 'TargetGroups');
    const targetGroups = new Map<string, elbv2.ApplicationTargetGroup>();
    for (const [name, tg] of sortedEntries(spec.targetGroups).filter(([, t]) => isApplicationTargetGroup(t))) {
      const fleet = this.fleetBuilders.get(tg.fleet!)!;
      targetGroups.set(name, buildApplicationTargetGroup(targetGroupsScope, name, tg, network.vpc, fleet, spec.fleets?.[tg.fleet!]));
    }

    let accessLogs: AccessLogBucket | undefined;
    const albScope = new Construct(this, 'ApplicationLoadBalancers');
    for (const [name, albSpec] of sortedEntries(spec.applicationLoadBalancers)) {
      this.albBuilders.set(name, new ApplicationLoadBalancerBuilder(albScope, name, albSpec, {
        network,
        targetGroup: (tg) => targetGroups.get(tg)!,
        hostedZone: (zone) => zones.get(zone)!,
        accessLogs: () => (accessLogs ??= new AccessLogBucket(this, 'AccessLogs')),
        fleet: (fleet) => this.fleetBuilders.get(fleet)!,
        outputsEnabled: spec.outputsEnabled ?? true,
      }));
    }

    const networkTargets = buildNetworkTargets(targetGroupsScope, spec, network.vpc, this.fleetBuilders, this.albBuilders);

    const nlbScope = new Construct(this, 'NetworkLoadBalancers');
    for (const [name, nlbSpec] of sortedEntries(spec.networkLoadBalancers)) {
      this.nlbBuilders.set(name, new NetworkLoadBalancerBuilder(nlbScope, name, nlbSpec, {
        network,
        target: (tg) => networkTargets.get(tg)!,
        fleet: (fleet) => this.fleetBuilders.get(fleet)!,
        hostedZone: (zone) => zones.get(zone)!,
        accessLogs: () => (accessLogs ??= new AccessLogBucket(this, 'AccessLogs')),
        outputsEnabled: spec.outputsEnabled ?? true,
      }));
    }

    const clbScope = new Construct(this, 'ClassicLoadBalancers');
    for (const [name, clbSpec] of sortedEntries(spec.classicLoadBalancers)) {
      this.clbBuilders.set(name, new ClassicLoadBalancerBuilder(clbScope, name, clbSpec, {
        network,
        fleet: (fleet) => this.fleetBuilders.get(fleet)!,
        fleetSpecs: spec.fleets,
        accessLogs: () => (accessLogs ??= new AccessLogBucket(this, 'AccessLogs')),
        outputsEnabled: spec.outputsEnabled ?? true,
      }));
    }
    this.accessLogBucket = accessLogs?.bucket;

    // Request-count scaling needs the target group on a load balancer, so it comes last.
    const ctx = createContext(spec, existing);
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
    this.classicLoadBalancers = Object.fromEntries([...this.clbBuilders].map(([n, b]) => [n, b.loadBalancer]));
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
   * A Classic Load Balancer.
   *
   * @param name the load balancer's name in the spec
   */
  public classicLoadBalancer(name: string): elb.LoadBalancer {
    return lookup(this.clbBuilders, name, 'Classic Load Balancer').loadBalancer;
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
}
