import { IVpc } from 'aws-cdk-lib/aws-ec2';
import { IHostedZone } from 'aws-cdk-lib/aws-route53';
import { ApplicationLoadBalancerSpec } from './alb';
import { ClassicLoadBalancerSpec } from './clb';
import { HostedZoneSpec } from './dns';
import { FleetSpec } from './fleet';
import { NetworkSpec } from './network';
import { NetworkLoadBalancerSpec } from './nlb';
import { TargetGroupSpec } from './target-group';

/**
 * The whole topology, as plain data.
 *
 * Every section is a map from a name to a part. Names are lowercase letters, digits
 * and hyphens, begin with a letter, and are at most 32 characters; they become
 * construct IDs, and parts refer to each other by them (a rule forwards to target
 * group `api`, target group `api` holds fleet `api`). The same object can be loaded
 * from JSON or YAML.
 *
 * @example
 * const spec: TopologySpec = {
 *   hostedZones: { main: { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'example.com' } },
 *   fleets: { web: { port: 8080 } },
 *   targetGroups: { web: { fleet: 'web' } },
 *   applicationLoadBalancers: {
 *     public: {
 *       domainName: 'www.example.com',
 *       hostedZone: 'main',
 *       listeners: { https: { defaultAction: { forward: { targetGroup: 'web' } } } },
 *     },
 *   },
 * };
 */
export interface TopologySpec {
  /**
   * The VPC the topology creates.
   *
   * Leave out when `ExistingResources.vpc` is given.
   *
   * @default - a VPC with the defaults of `NetworkSpec`, unless an existing VPC is given
   */
  readonly network?: NetworkSpec;

  /**
   * Route 53 hosted zones, imported by ID and name.
   *
   * @default - none
   */
  readonly hostedZones?: { [name: string]: HostedZoneSpec };

  /**
   * Auto Scaling fleets of instances, by name.
   *
   * @default - none
   */
  readonly fleets?: { [name: string]: FleetSpec };

  /**
   * Target groups, by name.
   *
   * @default - none
   */
  readonly targetGroups?: { [name: string]: TargetGroupSpec };

  /**
   * Application Load Balancers, by name.
   *
   * @default - none
   */
  readonly applicationLoadBalancers?: { [name: string]: ApplicationLoadBalancerSpec };

  /**
   * Network Load Balancers, by name.
   *
   * @default - none
   */
  readonly networkLoadBalancers?: { [name: string]: NetworkLoadBalancerSpec };

  /**
   * Classic Load Balancers, by name: the legacy case. Prefer an Application or Network
   * Load Balancer for anything new.
   *
   * @default - none
   */
  readonly classicLoadBalancers?: { [name: string]: ClassicLoadBalancerSpec };

  /**
   * Whether stack outputs give each load balancer's DNS name and URL.
   *
   * @default true
   */
  readonly outputsEnabled?: boolean;
}

/**
 * Existing CDK objects the topology uses, beside the plain-data spec.
 *
 * Objects are keyed by the names the spec uses for them.
 */
export interface ExistingResources {
  /**
   * A VPC to build the topology in, instead of creating one.
   *
   * Its public subnets are the `public` tier, its private subnets with egress the `app`
   * tier and its isolated subnets the `data` tier.
   *
   * @default - the topology creates a VPC from `TopologySpec.network`
   */
  readonly vpc?: IVpc;

  /**
   * Hosted zones, by the name the spec uses for them (for example in
   * `ApplicationLoadBalancerSpec.hostedZone`).
   *
   * @default - none
   */
  readonly hostedZones?: { [name: string]: IHostedZone };
}
