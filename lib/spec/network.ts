/**
 * The VPC of the topology, when the topology creates it.
 *
 * The VPC has three subnet tiers in every Availability Zone: `public`, `app`
 * (private with egress through NAT gateways) and `data` (isolated). When an
 * existing VPC is given in `ExistingResources.vpc`, this section must be left out;
 * the tiers are then the VPC's public, private-with-egress and isolated subnets.
 *
 * @example
 * const network: NetworkSpec = { cidr: '10.20.0.0/16', maxAzs: 3, natGateways: 1 };
 */
export interface NetworkSpec {
  /**
   * The IPv4 CIDR block of the VPC.
   *
   * A prefix length from /16 to /24 (the range Amazon VPC accepts for a primary block
   * that must still fit three subnet tiers).
   *
   * @default '10.0.0.0/16'
   */
  readonly cidr?: string;

  /**
   * How many Availability Zones the VPC spans.
   *
   * From 1 to 6. An Application Load Balancer needs at least two.
   *
   * @default 2
   */
  readonly maxAzs?: number;

  /**
   * The Availability Zones to use, by name (for example `us-east-1a`).
   *
   * Pins the zones so that synthesis needs no context lookup even in a stack with an
   * explicit account and region. When set, `maxAzs` must be left out.
   *
   * @default - the first `maxAzs` zones of the stack's region
   */
  readonly availabilityZones?: string[];

  /**
   * How many NAT gateways give the `app` tier its route to the internet.
   *
   * From 0 to the number of Availability Zones. One per zone keeps each zone's egress
   * working when another zone fails; fewer saves cost. With 0, the `app` tier has no
   * egress and instances cannot install packages, so user-data web servers cannot start.
   *
   * @default - one per Availability Zone
   */
  readonly natGateways?: number;

  /**
   * The prefix length of each public subnet.
   *
   * From 16 to 28.
   *
   * @default 24
   */
  readonly publicSubnetCidrMask?: number;

  /**
   * The prefix length of each `app` subnet.
   *
   * From 16 to 28.
   *
   * @default 22
   */
  readonly appSubnetCidrMask?: number;

  /**
   * The prefix length of each `data` subnet.
   *
   * From 16 to 28.
   *
   * @default 24
   */
  readonly dataSubnetCidrMask?: number;

  /**
   * The prefix length of each `appliances` subnet (present only when the spec has a
   * Gateway Load Balancer).
   *
   * From 16 to 28.
   *
   * @default 24
   */
  readonly applianceSubnetCidrMask?: number;

  /**
   * The prefix length of each `endpoints` subnet (present only when a Gateway Load
   * Balancer inspects this VPC). An endpoint and a NAT gateway need few addresses.
   *
   * From 16 to 28.
   *
   * @default 28
   */
  readonly endpointSubnetCidrMask?: number;

  /**
   * Whether VPC flow logs record the traffic of the VPC to CloudWatch Logs.
   *
   * @default true
   * @see https://docs.aws.amazon.com/vpc/latest/userguide/flow-logs.html
   */
  readonly flowLogsEnabled?: boolean;

  /**
   * How many days the flow log group keeps its events.
   *
   * One of the values CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150,
   * 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653).
   *
   * @default 365
   */
  readonly flowLogsRetentionDays?: number;
}
