import { AlpnPolicy, Protocol, SslPolicy } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { SubnetTier } from './enums';

/**
 * A listener of a Network Load Balancer.
 *
 * @example
 * const game: NetworkListenerSpec = { protocol: Protocol.TCP_UDP, port: 7777, targetGroup: 'game' };
 */
export interface NetworkListenerSpec {
  /**
   * The protocol clients use: `TCP`, `UDP`, `TCP_UDP` (both on one port) or `TLS`.
   *
   * `TLS` needs a certificate on the load balancer (`domainName` with a `hostedZone`,
   * or `certificateArn`).
   *
   * @default Protocol.TCP
   */
  readonly protocol?: Protocol;

  /**
   * The port the listener accepts connections on, from 1 to 65535, unique on the load
   * balancer (for TCP and UDP on one port, use one `TCP_UDP` listener).
   */
  readonly port: number;

  /**
   * The name of the target group the listener forwards to, a key of
   * `TopologySpec.targetGroups`.
   */
  readonly targetGroup: string;

  /**
   * The TLS security policy of a TLS listener.
   *
   * @default SslPolicy.TLS13_12_PQ (TLS 1.3 and 1.2, with post-quantum key exchange)
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/network/describe-ssl-policies.html
   */
  readonly sslPolicy?: SslPolicy;

  /**
   * The ALPN policy of a TLS listener.
   *
   * @default - no ALPN negotiation
   */
  readonly alpnPolicy?: AlpnPolicy;
}

/**
 * A Network Load Balancer (layer 4: TCP, UDP, TLS).
 *
 * Internet-facing by default, in the public subnets with one Elastic IP per
 * Availability Zone, so clients can allow-list fixed addresses. Internal, it sits in
 * the app or data tier and admits only the fleets named in `allowFrom` (or the given
 * CIDR ranges). It has a security group, deletion protection, and a DNS record when a
 * domain and hosted zone are given.
 *
 * @example
 * const game: NetworkLoadBalancerSpec = {
 *   listeners: {
 *     play: { protocol: Protocol.TCP_UDP, port: 7777, targetGroup: 'game' },
 *     admin: { protocol: Protocol.TLS, port: 443, targetGroup: 'admin' },
 *   },
 *   domainName: 'play.example.com',
 *   hostedZone: 'main',
 * };
 */
export interface NetworkLoadBalancerSpec {
  /**
   * Whether the load balancer has public addresses and accepts traffic from the
   * internet, rather than only from inside the VPC.
   *
   * @default true
   */
  readonly internetFacing?: boolean;

  /**
   * The subnet tier the load balancer's nodes are placed in.
   *
   * An internet-facing load balancer must be in the public tier; an internal one in
   * front of a data tier belongs in `data`.
   *
   * @default - SubnetTier.PUBLIC when internet-facing, SubnetTier.APP when internal
   */
  readonly subnetTier?: SubnetTier;

  /**
   * The listeners, by name. At least one.
   */
  readonly listeners: { [name: string]: NetworkListenerSpec };

  /**
   * Whether the topology allocates one Elastic IP per Availability Zone for an
   * internet-facing load balancer (static addresses clients can allow-list).
   *
   * Not allowed on an internal load balancer.
   *
   * @default - true when internet-facing and no `elasticIpAllocationIds` are given
   */
  readonly elasticIpsEnabled?: boolean;

  /**
   * Allocation IDs of existing Elastic IPs, one per Availability Zone, in zone order.
   *
   * @default - the topology allocates them (see `elasticIpsEnabled`)
   */
  readonly elasticIpAllocationIds?: string[];

  /**
   * Private IPv4 addresses of an internal load balancer, one per Availability Zone, in
   * zone order; each must be inside its subnet.
   *
   * @default - AWS picks an address in each subnet
   */
  readonly privateIpv4Addresses?: string[];

  /**
   * Whether each node routes to targets in every enabled Availability Zone, not only
   * its own.
   *
   * On by default (AWS's own default for a Network Load Balancer is off), so traffic
   * stays even when the zones hold different numbers of healthy targets; cross-zone
   * traffic is charged as inter-zone data transfer.
   *
   * @default true
   */
  readonly crossZoneEnabled?: boolean;

  /**
   * The IPv4 ranges, in CIDR notation, that may connect to the listeners.
   *
   * @default - ['0.0.0.0/0'] when internet-facing; when internal, the VPC's CIDR block
   * unless `allowFrom` names the callers
   */
  readonly ingressCidrs?: string[];

  /**
   * The fleets that may connect to the listeners, by name: their security groups are
   * admitted, on the listener ports only. For an internal load balancer in front of a
   * data tier, this is the least-privilege choice.
   *
   * @default - no fleet is admitted by security group
   */
  readonly allowFrom?: string[];

  /**
   * The domain name clients use. With `hostedZone`, a DNS record (alias) for it is
   * created, in a private zone for an internal load balancer, and a TLS listener gets a
   * certificate for it unless `certificateArn` is given.
   *
   * @default - no domain: clients use the load balancer's DNS name
   */
  readonly domainName?: string;

  /**
   * The hosted zone of `domainName`: the name of an entry in `TopologySpec.hostedZones`
   * or in `ExistingResources.hostedZones`.
   *
   * @default - no hosted zone
   */
  readonly hostedZone?: string;

  /**
   * The ARN of an existing ACM certificate for the TLS listeners.
   *
   * @default - a certificate is requested for `domainName` when a listener uses TLS
   */
  readonly certificateArn?: string;

  /**
   * Whether deletion protection keeps the load balancer from being deleted.
   *
   * @default true
   */
  readonly deletionProtection?: boolean;

  /**
   * Whether an alias record for `domainName` pointing at the load balancer is created
   * in the hosted zone.
   *
   * Turn it off when `domainName` is served by a weighted or failover set in
   * `TopologySpec.dnsRecords` instead; the certificate is still requested for it.
   *
   * @default true
   */
  readonly aliasRecordEnabled?: boolean;
}
