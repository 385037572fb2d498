/**
 * One IP address a target group sends traffic to: a server in the VPC, or one outside it
 * (on premises, over a Site-to-Site VPN or Direct Connect) for hybrid load balancing.
 *
 * AWS takes addresses in the VPC's CIDR block, and outside it only private ones:
 * `10.0.0.0/8`, `172.16.0.0/12`, `192.168.0.0/16` (RFC 1918) and `100.64.0.0/10`
 * (RFC 6598). Publicly routable addresses are refused. The load balancer's security
 * group may send to each address on its port (and on the health check port), and
 * nothing else; routes to an on-premises network (a VPN or Direct Connect gateway) are
 * the VPC's, not the topology's.
 *
 * @example
 * const onPremises: IpTargetSpec = { ipAddress: '192.168.10.21', port: 8080 };
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#target-type
 */
export interface IpTargetSpec {
  /**
   * The target's IPv4 address.
   *
   * Four numbers from 0 to 255, for example `10.0.1.15`. An address in the VPC's CIDR
   * block, or a private address (RFC 1918 or RFC 6598) outside it; never a publicly
   * routable one. IPv6 addresses are refused: an IPv6 target group needs a dual-stack
   * load balancer, which the topology does not build.
   */
  readonly ipAddress: string;

  /**
   * The port the target receives traffic on, when it differs from the target group's.
   *
   * From 1 to 65535.
   *
   * @default - the target group's `port`
   */
  readonly port?: number;

  /**
   * Whether the address is outside the load balancer's VPC (on premises, or in a peered
   * VPC), so that AWS registers it in Availability Zone `all`: every zone of the load
   * balancer sends it traffic.
   *
   * Derived from the VPC's CIDR block when it is known: always for a VPC the topology
   * creates (setting it against the CIDR block is an error), and for an existing VPC
   * imported with a literal `vpcCidrBlock` (where `false` is kept for an address in a
   * secondary CIDR block). Set it for an existing VPC whose CIDR block is only known at
   * deployment. A Network Load Balancer reaches targets outside the VPC only without
   * client IP preservation (so never in a UDP or TCP_UDP target group), and a Gateway
   * Load Balancer never.
   *
   * @default - true when the address is outside the VPC's known CIDR block; false when
   * the CIDR block is unknown
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetDescription.html
   */
  readonly outsideVpc?: boolean;
}
