import { ClassicProtocol, ClassicSslPolicy, StickinessType, SubnetTier } from './enums';

/**
 * A listener of a Classic Load Balancer: a front-end port and protocol that clients
 * connect to, and the back-end port and protocol on which the load balancer connects
 * to the instances.
 *
 * The front-end and back-end protocols must be of the same layer: `HTTP` or `HTTPS` in
 * front with `HTTP` or `HTTPS` behind, `TCP` or `SSL` in front with `TCP` or `SSL`
 * behind.
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-listener-config.html
 *
 * @example
 * const https: ClassicListenerSpec = {
 *   externalPort: 443,
 *   externalProtocol: ClassicProtocol.HTTPS,
 *   internalPort: 8080,
 *   internalProtocol: ClassicProtocol.HTTP,
 *   certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555',
 * };
 */
export interface ClassicListenerSpec {
  /**
   * The port clients connect to, from 1 to 65535, unique on the load balancer.
   */
  readonly externalPort: number;

  /**
   * The protocol clients use: `HTTP`, `HTTPS`, `TCP` or `SSL`.
   *
   * `HTTPS` and `SSL` need `certificateArn`.
   *
   * @default - ClassicProtocol.HTTP on port 80, ClassicProtocol.HTTPS on port 443; required on any other port
   */
  readonly externalProtocol?: ClassicProtocol;

  /**
   * The port on the instances that the load balancer sends traffic to, from 1 to 65535.
   *
   * @default - the port of the load balancer's fleets (`FleetSpec.port`), which must then all serve on the same port
   */
  readonly internalPort?: number;

  /**
   * The protocol between the load balancer and the instances: `HTTP` or `HTTPS` behind
   * an `HTTP` or `HTTPS` listener, `TCP` or `SSL` behind a `TCP` or `SSL` listener.
   *
   * Listeners that share an instance port must agree on whether it is encrypted
   * (`HTTPS` or `SSL`) or not (`HTTP` or `TCP`).
   *
   * @default - ClassicProtocol.HTTP behind HTTP and HTTPS listeners, ClassicProtocol.TCP behind TCP and SSL listeners (TLS ends at the load balancer)
   */
  readonly internalProtocol?: ClassicProtocol;

  /**
   * The ARN of the server certificate of an `HTTPS` or `SSL` listener: an ACM
   * certificate (`arn:aws:acm:<region>:<account>:certificate/<id>`), or an IAM server
   * certificate (`arn:aws:iam::<account>:server-certificate/<name>`).
   *
   * Required for `HTTPS` and `SSL` listeners; not allowed on `HTTP` and `TCP` ones.
   *
   * @default - none (an HTTP or TCP listener)
   */
  readonly certificateArn?: string;

  /**
   * The predefined TLS security policy of an `HTTPS` or `SSL` listener.
   *
   * Classic Load Balancers do not offer TLS 1.3; TLS 1.2 only is the strongest policy.
   *
   * @default ClassicSslPolicy.TLS12 (`ELBSecurityPolicy-TLS-1-2-2017-01`; the ELB API's own default allows TLS 1.0)
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-security-policy-table.html
   */
  readonly sslPolicy?: ClassicSslPolicy;
}

/**
 * How a Classic Load Balancer checks the health of its instances. It has one health
 * check for all of them.
 *
 * Ranges are AWS's: the validator enforces the same numbers.
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-healthchecks.html
 */
export interface ClassicHealthCheckSpec {
  /**
   * The protocol of the health check: `HTTP` or `HTTPS` (a request for `path` that
   * must answer 200), `TCP` or `SSL` (a connection that must open).
   *
   * @default - the back-end protocol of the first listener, by name
   */
  readonly protocol?: ClassicProtocol;

  /**
   * The port on the instances that the health check connects to, from 1 to 65535.
   *
   * @default - the back-end port of the first listener, by name
   */
  readonly port?: number;

  /**
   * The path requested by `HTTP` and `HTTPS` health checks.
   *
   * Must begin with `/`; at most 1024 characters. Not allowed with `TCP` or `SSL`.
   *
   * @default - the `healthCheckPath` of the load balancer's first fleet, by name (`/health`)
   */
  readonly path?: string;

  /**
   * The time between health checks of one instance, in seconds.
   *
   * From 5 to 300, and greater than `timeoutSeconds`.
   *
   * @default 30
   */
  readonly intervalSeconds?: number;

  /**
   * How long an instance has to answer a health check, in seconds.
   *
   * From 2 to 60, and less than `intervalSeconds`.
   *
   * @default 5
   */
  readonly timeoutSeconds?: number;

  /**
   * Consecutive successful checks before an unhealthy instance is healthy again.
   *
   * From 2 to 10.
   *
   * @default 3
   */
  readonly healthyThresholdCount?: number;

  /**
   * Consecutive failed checks before an instance is unhealthy.
   *
   * From 2 to 10.
   *
   * @default 3
   */
  readonly unhealthyThresholdCount?: number;
}

/**
 * A Classic Load Balancer: the legacy case, for workloads that still run behind one.
 *
 * **Prefer an Application Load Balancer (HTTP and HTTPS) or a Network Load Balancer
 * (TCP, UDP and TLS) for anything new.** AWS develops only those: they offer TLS 1.3,
 * HTTP/2 and gRPC, routing rules, several target groups with IP, Lambda and container
 * targets, WAF, and a lower price per load balancer capacity unit. A Classic Load
 * Balancer has one set of instances, one health check and TLS up to 1.2, and cannot
 * redirect HTTP to HTTPS.
 *
 * By default it is internet-facing in the public subnets, with cross-zone load
 * balancing, connection draining for 300 seconds, the TLS 1.2 policy on its HTTPS and
 * SSL listeners, and access logs to the topology's encrypted log bucket. Its security
 * group admits the listener ports from `ingressCidrs`, and each fleet's security
 * group admits the instance ports only from the load balancer.
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/introduction.html
 *
 * @example
 * const legacy: ClassicLoadBalancerSpec = {
 *   fleets: ['web'],
 *   listeners: {
 *     http: { externalPort: 80, internalPort: 8080 },
 *     https: {
 *       externalPort: 443,
 *       internalPort: 8080,
 *       certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555',
 *     },
 *   },
 *   stickinessType: StickinessType.LB_COOKIE,
 *   stickinessCookieDurationSeconds: 3600,
 * };
 */
export interface ClassicLoadBalancerSpec {
  /**
   * The fleets whose instances the load balancer sends traffic to, by name (entries
   * of `TopologySpec.fleets`). At least one.
   */
  readonly fleets: string[];

  /**
   * The listeners, by name. At least one, and at most 100 (AWS's quota).
   */
  readonly listeners: { [name: string]: ClassicListenerSpec };

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
   * An internet-facing load balancer must be in the public tier.
   *
   * @default - SubnetTier.PUBLIC when internet-facing, SubnetTier.APP when internal
   */
  readonly subnetTier?: SubnetTier;

  /**
   * The IPv4 ranges, in CIDR notation, that may connect to the listeners.
   *
   * @default - ['0.0.0.0/0'] when internet-facing; the VPC's CIDR block when internal
   */
  readonly ingressCidrs?: string[];

  /**
   * How the load balancer checks the health of the instances.
   *
   * @default - the defaults of `ClassicHealthCheckSpec`: the first listener's back-end protocol and port, the fleet's health path
   */
  readonly healthCheck?: ClassicHealthCheckSpec;

  /**
   * Whether each load balancer node spreads requests across the instances of every
   * Availability Zone, rather than only those of its own zone.
   *
   * @default true
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/enable-disable-crosszone-lb.html
   */
  readonly crossZoneEnabled?: boolean;

  /**
   * Whether connection draining lets requests in flight to an instance that is
   * deregistering or unhealthy complete, rather than closing them at once.
   *
   * @default true
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/config-conn-drain.html
   */
  readonly connectionDrainingEnabled?: boolean;

  /**
   * How long connection draining waits for requests in flight, in seconds. From 1 to
   * 3600. Only with connection draining on.
   *
   * @default 300
   */
  readonly connectionDrainingSeconds?: number;

  /**
   * How long an idle connection is kept open, in seconds. From 1 to 4000.
   *
   * @default 60
   */
  readonly idleTimeoutSeconds?: number;

  /**
   * Session stickiness on the `HTTP` and `HTTPS` listeners: `lb_cookie` (a cookie the
   * load balancer generates, for `stickinessCookieDurationSeconds`) or `app_cookie`
   * (follows your application's cookie `stickinessCookieName`).
   *
   * The load balancer needs at least one `HTTP` or `HTTPS` listener; `TCP` and `SSL`
   * listeners are never sticky.
   *
   * @default - no stickiness: each request is routed on its own
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-sticky-sessions.html
   */
  readonly stickinessType?: StickinessType;

  /**
   * How long the load balancer's cookie keeps a client on one instance, in seconds,
   * with `lb_cookie` stickiness. From 1 to 2147483647.
   *
   * @default - the cookie lasts for the browser session
   */
  readonly stickinessCookieDurationSeconds?: number;

  /**
   * The name of your application's session cookie, with `app_cookie` stickiness.
   * Required with it; not allowed otherwise.
   *
   * @default - none
   */
  readonly stickinessCookieName?: string;

  /**
   * Whether access logs are written (every 60 minutes) to the topology's encrypted log
   * bucket.
   *
   * @default true
   */
  readonly accessLogsEnabled?: boolean;
}
