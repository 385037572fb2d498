import { FlowStickiness, GatewayProtocol, SubnetTier } from './enums';
import { HealthCheckSpec } from './target-group';

/**
 * The target group of a Gateway Load Balancer: the appliance fleet, reached over GENEVE.
 *
 * The appliances receive every packet the load balancer inspects, encapsulated in GENEVE
 * on UDP port 6081, and must return it to the load balancer. A fleet named here is an
 * appliance fleet: its default user data makes each instance a transparent GENEVE
 * appliance (see `FleetSpec.applianceRules`).
 *
 * @example
 * const appliances: ApplianceTargetGroupSpec = {
 *   fleet: 'firewall',
 *   healthCheck: { protocol: Protocol.HTTP, port: 80, path: '/health' },
 *   flowStickiness: FlowStickiness.TWO_TUPLE,
 * };
 */
export interface ApplianceTargetGroupSpec {
  /**
   * The fleet (a name in `fleets`) whose instances are the appliances.
   */
  readonly fleet: string;

  /**
   * The protocol between the load balancer and the appliances.
   *
   * @default GatewayProtocol.GENEVE
   */
  readonly protocol?: GatewayProtocol;

  /**
   * The port the appliances receive GENEVE on.
   *
   * AWS accepts 6081 only.
   *
   * @default 6081
   */
  readonly port?: number;

  /**
   * How the load balancer checks the appliances.
   *
   * GENEVE is not a health check protocol: appliances are checked over TCP, HTTP or
   * HTTPS on a port they serve. With the default user data, the fleet's web server
   * answers on the fleet's `port` and `healthCheckPath`.
   *
   * @default - HTTP on the fleet's port and health check path, every 10 seconds,
   * healthy and unhealthy after 3 checks
   */
  readonly healthCheck?: HealthCheckSpec;

  /**
   * How long the load balancer keeps sending existing flows to an appliance that is
   * being deregistered.
   *
   * From 0 to 3600 seconds.
   *
   * @default 300
   */
  readonly deregistrationDelaySeconds?: number;

  /**
   * Which fields of a flow keep it on one appliance.
   *
   * @default - the 5-tuple: source and destination IP and port, and protocol
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/gateway/target-groups.html#flow-stickiness
   */
  readonly flowStickiness?: FlowStickiness;

  /**
   * Whether existing flows move to a healthy appliance when theirs becomes unhealthy or
   * is deregistered (`target_failover` = `rebalance`). Appliances that track
   * connection state then see flows they did not start.
   *
   * @default false
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/gateway/target-groups.html#target-failover
   */
  readonly targetFailoverRebalanceEnabled?: boolean;
}

/**
 * The one listener of a Gateway Load Balancer.
 *
 * A Gateway Load Balancer listens for all IP packets on all ports: its listener has no
 * port and no protocol.
 */
export interface GatewayListenerSpec {
  /**
   * The appliance target group the listener forwards every packet to.
   */
  readonly targetGroup: ApplianceTargetGroupSpec;
}

/**
 * Where the Gateway Load Balancer endpoints go and which subnets they protect.
 *
 * The topology creates one Gateway Load Balancer endpoint in each Availability Zone of
 * the endpoint subnets, then routes the traffic of the protected subnets through the
 * endpoint in the same zone, in both directions:
 * - an edge route table, associated with the VPC's internet gateway, sends traffic for
 *   each protected subnet to the endpoint in that subnet's zone;
 * - each protected subnet's default route (`0.0.0.0/0`) goes to the endpoint in its zone
 *   instead of the internet gateway.
 * The endpoint subnets keep their route to the internet gateway.
 *
 * @example
 * const inspection: GatewayInspectionSpec = { protectedSubnetTier: SubnetTier.PUBLIC };
 */
export interface GatewayInspectionSpec {
  /**
   * The VPC whose traffic is inspected: a name in `ExistingResources.vpcs`.
   *
   * Give one to inspect another VPC from this one (a central inspection VPC): the load
   * balancer and appliances stay in the topology's VPC, and the endpoints and routes go
   * in the named VPC. It must be an `ec2.Vpc` of the same CDK app, whose routes the
   * topology can change, with an internet gateway and subnet groups named as the tiers
   * below.
   *
   * @default - the topology's own VPC
   */
  readonly vpc?: string;

  /**
   * The subnets whose traffic to and from the internet is inspected.
   *
   * A public tier: its subnets route to the internet gateway, and that route is
   * replaced by the route to the endpoint. Load balancers and NAT gateways in these
   * subnets are inspected.
   *
   * @default SubnetTier.PUBLIC
   */
  readonly protectedSubnetTier?: SubnetTier;

  /**
   * The subnets the endpoints are placed in: one endpoint per Availability Zone. They
   * must not be the protected subnets, must route to the internet gateway (in the
   * topology's own VPC: `SubnetTier.ENDPOINTS` or `SubnetTier.PUBLIC`), and must have a
   * subnet in every zone of the protected subnets.
   *
   * @default SubnetTier.ENDPOINTS
   */
  readonly endpointSubnetTier?: SubnetTier;
}

/**
 * A Gateway Load Balancer: transparent inspection of IP traffic by a fleet of appliances
 * (firewalls, intrusion detection and prevention systems).
 *
 * The topology builds the load balancer in its own subnets, its listener, the GENEVE
 * target group of the appliance fleet, a VPC endpoint service for it, and, when
 * `inspection` is given, one Gateway Load Balancer endpoint per Availability Zone and
 * the routes that steer traffic through the appliances and back.
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/gateway/introduction.html
 * @example
 * const gwlb: GatewayLoadBalancerSpec = {
 *   listener: { targetGroup: { fleet: 'firewall' } },
 *   inspection: { protectedSubnetTier: SubnetTier.PUBLIC },
 * };
 */
export interface GatewayLoadBalancerSpec {
  /**
   * The listener, which forwards every packet to the appliances.
   */
  readonly listener: GatewayListenerSpec;

  /**
   * The subnet tier the load balancer is placed in.
   *
   * @default SubnetTier.APPLIANCES
   */
  readonly subnetTier?: SubnetTier;

  /**
   * Whether the load balancer sends flows to appliances in every Availability Zone, not
   * only in the zone of the endpoint they arrive on.
   *
   * On, one zone's appliances failing does not stop that zone's traffic; off, traffic
   * never crosses zones (no inter-zone data charges).
   *
   * @default true
   */
  readonly crossZoneEnabled?: boolean;

  /**
   * Whether the load balancer is protected from deletion.
   *
   * @default true
   */
  readonly deletionProtection?: boolean;

  /**
   * Whether each endpoint connection to the endpoint service must be accepted by hand.
   *
   * The endpoints the topology creates itself wait for acceptance too, and their routes
   * carry no traffic until then.
   *
   * @default false
   */
  readonly endpointServiceAcceptanceRequired?: boolean;

  /**
   * The principals (IAM ARNs, such as `arn:aws:iam::123456789012:root`) allowed to create
   * endpoints of the endpoint service.
   *
   * @default - the stack's own account
   */
  readonly endpointServiceAllowedPrincipals?: string[];

  /**
   * The endpoints and routes that make traffic pass the appliances.
   *
   * @default - no endpoints or routes: only the endpoint service, for endpoints in other
   * VPCs or accounts
   */
  readonly inspection?: GatewayInspectionSpec;
}
