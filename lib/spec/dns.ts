import { Protocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Failover } from 'aws-cdk-lib/aws-route53';

/**
 * A Route 53 hosted zone that already exists, given by its ID and name.
 *
 * The topology does not create or look up zones: it imports them by these attributes,
 * so synthesis needs no AWS account. Certificates are DNS-validated in the zone, and
 * alias records for load balancers are created in it.
 *
 * @example
 * const zone: HostedZoneSpec = { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'example.com' };
 */
export interface HostedZoneSpec {
  /**
   * The ID of the hosted zone, as Route 53 shows it (`Z` followed by letters and digits).
   */
  readonly hostedZoneId: string;

  /**
   * The domain name of the hosted zone, for example `example.com`.
   */
  readonly zoneName: string;
}

/**
 * One record of a weighted or failover set of Route 53 alias records, pointing at one of
 * the topology's load balancers.
 *
 * Route 53's own model: each record is one member of a set, and the records with the
 * same `domainName` in the same hosted zone form the set. The record's name in
 * `TopologySpec.dnsRecords` is its set identifier. A weighted set has two or more
 * records, each with a `weight`; a failover set has exactly two, one `PRIMARY` and one
 * `SECONDARY`. Every record is an alias A record with evaluate target health, so
 * Route 53 skips a load balancer that has no healthy targets.
 *
 * By default, a Route 53 health check is created for the `PRIMARY` record of a failover
 * set whose load balancer is internet-facing (see `healthCheckEnabled`). Route 53 health
 * checkers connect from the internet, so they cannot reach an internal load balancer:
 * records of internal load balancers (typically in a private hosted zone) rely on
 * evaluate target health alone, and asking for a health check there is an error.
 *
 * Public and private hosted zones are declared alike, in `TopologySpec.hostedZones`
 * (by ID and name) or in `ExistingResources.hostedZones`.
 *
 * @see https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy.html
 *
 * @example
 * const records: { [name: string]: DnsRecordSpec } = {
 *   blue: { domainName: 'app.example.com', hostedZone: 'main', applicationLoadBalancer: 'blue', weight: 90 },
 *   green: { domainName: 'app.example.com', hostedZone: 'main', applicationLoadBalancer: 'green', weight: 10 },
 * };
 */
export interface DnsRecordSpec {
  /**
   * The fully qualified domain name of the record, inside its hosted zone, for example
   * `app.example.com`.
   *
   * The records with the same `domainName` in the same hosted zone form one set. The
   * load balancers of the set serve this name, so those with HTTPS or TLS listeners
   * need a certificate for it (their `domainName` or `subjectAlternativeNames`), and
   * none of them may also create its own simple alias record for it (set
   * `aliasRecordEnabled: false` on a load balancer whose `domainName` is this name).
   */
  readonly domainName: string;

  /**
   * The hosted zone of the record: the name of an entry in `TopologySpec.hostedZones`
   * or in `ExistingResources.hostedZones`, public or private. Every record of a set is
   * in the same zone.
   */
  readonly hostedZone: string;

  /**
   * The Application Load Balancer the record points at (alias), a key of
   * `TopologySpec.applicationLoadBalancers`.
   *
   * Give exactly one of `applicationLoadBalancer` and `networkLoadBalancer`.
   *
   * @default - none: `networkLoadBalancer` is given
   */
  readonly applicationLoadBalancer?: string;

  /**
   * The Network Load Balancer the record points at (alias), a key of
   * `TopologySpec.networkLoadBalancers`.
   *
   * Give exactly one of `applicationLoadBalancer` and `networkLoadBalancer`.
   *
   * @default - none: `applicationLoadBalancer` is given
   */
  readonly networkLoadBalancer?: string;

  /**
   * The weight of the record in a weighted set, from 0 to 255.
   *
   * Route 53 answers with each record in proportion to its weight among the set's
   * weights: 90 and 10 send a tenth of the clients to the second load balancer (a
   * canary). A weight of 0 takes the record out of rotation, unless every weight of the
   * set is 0. Every record of a weighted set has a weight; give either `weight` or
   * `failover`, not both.
   *
   * @default - not a weighted record: `failover` is given
   * @see https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/routing-policy-weighted.html
   */
  readonly weight?: number;

  /**
   * The role of the record in a failover (active-passive) set: `PRIMARY` or
   * `SECONDARY`.
   *
   * Route 53 answers with the primary record while it is healthy, and with the
   * secondary one otherwise. A failover set has exactly one record of each.
   *
   * @default - not a failover record: `weight` is given
   * @see https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-types.html
   */
  readonly failover?: Failover;

  /**
   * Whether a Route 53 health check of the load balancer decides, beside evaluate target
   * health, whether the record is healthy.
   *
   * The health check connects to the load balancer's own DNS name from the internet,
   * so it is only possible for an internet-facing load balancer, and on a Network Load
   * Balancer only to a TCP, TLS or TCP_UDP listener. A load balancer whose
   * `ingressCidrs` leave out `0.0.0.0/0` must admit Route 53's health checker address
   * ranges (`ROUTE53_HEALTHCHECKS` in AWS's ip-ranges.json); a warning says so.
   *
   * @default - true for the `PRIMARY` record of a failover set whose load balancer is
   * internet-facing, admits the internet and has such a listener; false otherwise
   * (evaluate target health alone)
   * @see https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/dns-failover-determining-health-of-endpoints.html
   */
  readonly healthCheckEnabled?: boolean;

  /**
   * The protocol of the health check: `HTTP`, `HTTPS` or `TCP`.
   *
   * `HTTP` and `HTTPS` request `healthCheckPath` and count a status code from 200 to
   * 399 as healthy; `TCP` only opens a connection. An HTTPS check sends the load
   * balancer's DNS name by SNI and does not validate its certificate. On an Application
   * Load Balancer the protocol is the one of the listener on `healthCheckPort`.
   *
   * @default - Protocol.HTTPS when the Application Load Balancer has an HTTPS listener,
   * else Protocol.HTTP; Protocol.TCP for a Network Load Balancer
   */
  readonly healthCheckProtocol?: Protocol;

  /**
   * The port the health check connects to: a listener port of the load balancer, from
   * 1 to 65535.
   *
   * On an Application Load Balancer, the port of a listener of the check's protocol
   * (not the HTTP listener that only redirects to HTTPS); on a Network Load Balancer,
   * the port of a TCP, TLS or TCP_UDP listener.
   *
   * @default - the port of the load balancer's first such listener, by listener name
   */
  readonly healthCheckPort?: number;

  /**
   * The path that HTTP and HTTPS health checks request, beginning with `/`, at most
   * 255 characters.
   *
   * The request goes through the listener's rules with the load balancer's own DNS
   * name as its host, so rules that match a host header do not apply to it; the path
   * must answer with a status code from 200 to 399.
   *
   * @default '/'
   */
  readonly healthCheckPath?: string;

  /**
   * The time between two checks of each Route 53 health checker, in seconds: 10 (a fast
   * health check, at a higher price) or 30.
   *
   * @default 30
   * @see https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-creating-values.html
   */
  readonly healthCheckIntervalSeconds?: number;

  /**
   * How many consecutive checks must fail (or pass) before Route 53 considers the load
   * balancer unhealthy (or healthy again), from 1 to 10.
   *
   * @default 3
   * @see https://docs.aws.amazon.com/Route53/latest/DeveloperGuide/health-checks-creating-values.html
   */
  readonly healthCheckFailureThreshold?: number;
}
