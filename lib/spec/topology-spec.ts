import { IVpc } from 'aws-cdk-lib/aws-ec2';
import { BaseService } from 'aws-cdk-lib/aws-ecs';
import { IFunction } from 'aws-cdk-lib/aws-lambda';
import { IHostedZone } from 'aws-cdk-lib/aws-route53';
import { ApplicationLoadBalancerSpec } from './alb';
import { CognitoUserPoolResources } from './authentication';
import { ClassicLoadBalancerSpec } from './clb';
import { DnsRecordSpec, HostedZoneSpec } from './dns';
import { FleetSpec } from './fleet';
import { GatewayLoadBalancerSpec } from './gwlb';
import { MonitoringSpec } from './monitoring';
import { NetworkSpec } from './network';
import { NetworkLoadBalancerSpec } from './nlb';
import { TargetGroupSpec } from './target-group';
import { WebAclSpec } from './waf';

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
   * Gateway Load Balancers, by name, with their appliance fleets, endpoint services,
   * endpoints and inspection routes.
   *
   * @default - none
   */
  readonly gatewayLoadBalancers?: { [name: string]: GatewayLoadBalancerSpec };

  /**
   * Classic Load Balancers, by name: the legacy case. Prefer an Application or Network
   * Load Balancer for anything new.
   *
   * @default - none
   */
  readonly classicLoadBalancers?: { [name: string]: ClassicLoadBalancerSpec };

  /**
   * Weighted and failover Route 53 alias records pointing at the topology's load
   * balancers, by set identifier. The records with the same `domainName` in the same
   * hosted zone form one set: two or more weighted records, or one `PRIMARY` and one
   * `SECONDARY` failover record.
   *
   * @default - none: a load balancer with `domainName` and `hostedZone` still gets its
   * own simple alias record
   */
  readonly dnsRecords?: { [name: string]: DnsRecordSpec };

  /**
   * AWS WAF web ACLs, by name, that Application Load Balancers name in their `webAcl`
   * to be protected against abusive requests.
   *
   * @default - none
   */
  readonly webAcls?: { [name: string]: WebAclSpec };

  /**
   * Whether stack outputs give each load balancer's DNS name and URL.
   *
   * @default true
   */
  readonly outputsEnabled?: boolean;

  /**
   * CloudWatch alarms and a dashboard for the load balancers and target groups.
   *
   * @default - the alarms and the dashboard of `MonitoringSpec`, with its defaults
   */
  readonly monitoring?: MonitoringSpec;
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
   * Other VPCs, by the name the spec uses for them (for example in
   * `GatewayInspectionSpec.vpc`, for a VPC inspected by a Gateway Load Balancer of this
   * topology).
   *
   * @default - none
   */
  readonly vpcs?: { [name: string]: IVpc };

  /**
   * Hosted zones, by the name the spec uses for them (for example in
   * `ApplicationLoadBalancerSpec.hostedZone`).
   *
   * @default - none
   */
  readonly hostedZones?: { [name: string]: IHostedZone };

  /**
   * Lambda functions, by the name the spec uses for them in
   * `TargetGroupSpec.lambdaFunction`: targets of Application Load Balancers.
   *
   * @default - none
   */
  readonly lambdaFunctions?: { [name: string]: IFunction };

  /**
   * ECS services (on EC2 or Fargate), by the name the spec uses for them in
   * `TargetGroupSpec.ecsService`: targets of Application Load Balancers. They run in the
   * topology's VPC, given as `vpc`.
   *
   * @default - none
   */
  readonly ecsServices?: { [name: string]: BaseService };

  /**
   * Amazon Cognito user pools (each with its app client and domain), by the name the
   * spec uses for them in `CognitoAuthenticationSpec.userPool`.
   *
   * @default - none
   */
  readonly cognitoUserPools?: { [name: string]: CognitoUserPoolResources };
}
