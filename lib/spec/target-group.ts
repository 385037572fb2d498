import { Protocol, TargetGroupLoadBalancingAlgorithmType } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { StickinessType } from './enums';

/**
 * How a target group checks the health of its targets.
 *
 * Ranges are AWS's: the validator enforces the same numbers.
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/target-group-health-checks.html
 */
export interface HealthCheckSpec {
  /**
   * The protocol of the health check.
   *
   * `HTTP` or `HTTPS` for an Application Load Balancer target group; `TCP`, `HTTP` or
   * `HTTPS` for a Network Load Balancer target group (never `UDP`, also for UDP groups).
   *
   * @default - Protocol.HTTP for HTTP and HTTPS groups; for an Application Load Balancer
   * target, the protocol of its listener on the group's port; Protocol.TCP for the others
   */
  readonly protocol?: Protocol;

  /**
   * The path requested by HTTP and HTTPS health checks.
   *
   * Must begin with `/`; at most 1024 characters.
   *
   * @default - the fleet's `healthCheckPath` (`/health`), or `/` for a target group without a fleet
   */
  readonly path?: string;

  /**
   * The port the health check connects to.
   *
   * From 1 to 65535.
   *
   * @default - the port on which each target receives traffic (`traffic-port`)
   */
  readonly port?: number;

  /**
   * The HTTP codes that mean healthy (the matcher): a code, a list (`200,202`) or a
   * range (`200-299`), each from 200 to 499 (to 599 for a Network Load Balancer group).
   *
   * @default - '200'; '200-499' for an Application Load Balancer target, whose answer
   * shows it is up whatever its default action returns
   */
  readonly healthyHttpCodes?: string;

  /**
   * The time between health checks of one target, in seconds.
   *
   * From 5 to 300, and greater than `timeoutSeconds`.
   *
   * @default 30
   */
  readonly intervalSeconds?: number;

  /**
   * How long a target has to answer a health check, in seconds.
   *
   * From 2 to 120, and less than `intervalSeconds`.
   *
   * @default 5
   */
  readonly timeoutSeconds?: number;

  /**
   * Consecutive successful checks before an unhealthy target is healthy again.
   *
   * From 2 to 10.
   *
   * @default 3
   */
  readonly healthyThresholdCount?: number;

  /**
   * Consecutive failed checks before a target is unhealthy.
   *
   * From 2 to 10.
   *
   * @default 3
   */
  readonly unhealthyThresholdCount?: number;
}

/**
 * A target group: where a listener or rule sends traffic, and how.
 *
 * A target group with an `HTTP` or `HTTPS` protocol belongs to Application Load
 * Balancers; one with `TCP`, `UDP`, `TCP_UDP` or `TLS` to Network Load Balancers. Its
 * targets are the instances of one fleet, or (for a Network Load Balancer) an
 * Application Load Balancer of the topology.
 *
 * @example
 * const api: TargetGroupSpec = {
 *   fleet: 'api',
 *   port: 3000,
 *   algorithm: TargetGroupLoadBalancingAlgorithmType.LEAST_OUTSTANDING_REQUESTS,
 *   healthCheck: { path: '/ready', intervalSeconds: 10, timeoutSeconds: 5 },
 *   deregistrationDelaySeconds: 30,
 * };
 */
export interface TargetGroupSpec {
  /**
   * The protocol the load balancer uses to reach the targets.
   *
   * `HTTP` or `HTTPS` for Application Load Balancer target groups; `TCP`, `UDP`,
   * `TCP_UDP` or `TLS` for Network Load Balancer target groups (`TCP` for an
   * Application Load Balancer target).
   *
   * @default Protocol.HTTP
   */
  readonly protocol?: Protocol;

  /**
   * The port the targets receive traffic on.
   *
   * From 1 to 65535. Differs from the listener port for port translation (listener
   * 443, targets 8080).
   *
   * @default - the fleet's `port`
   */
  readonly port?: number;

  /**
   * The name of the fleet whose instances are the targets.
   *
   * Auto Scaling registers and deregisters the instances as the fleet scales. Exactly
   * one of `fleet` and `applicationLoadBalancer` is set.
   *
   * @default - no fleet: `applicationLoadBalancer` is the target
   */
  readonly fleet?: string;

  /**
   * The name of an Application Load Balancer of the topology that is the target of a
   * Network Load Balancer (static addresses in front of layer-7 routing).
   *
   * The group's `protocol` is `TCP` and its `port` one of the ALB's listener ports.
   *
   * @default - no load balancer target: `fleet` is the target
   */
  readonly applicationLoadBalancer?: string;

  /**
   * Whether the targets see the clients' IP addresses rather than the load balancer's
   * (client IP preservation), for Network Load Balancer target groups.
   *
   * With it on, a fleet's security group admits the clients' ranges on the target port,
   * not only the load balancer. UDP and TCP_UDP groups always preserve client IPs.
   *
   * @default - on for fleets (AWS's default for instance targets)
   */
  readonly preserveClientIp?: boolean;

  /**
   * Whether the Network Load Balancer sends a proxy protocol v2 header with the
   * connection's source and destination.
   *
   * Only for Network Load Balancer target groups.
   *
   * @default false
   */
  readonly proxyProtocolV2?: boolean;

  /**
   * Whether a Network Load Balancer closes established connections to a target when
   * its deregistration delay ends.
   *
   * @default false
   */
  readonly connectionTerminationEnabled?: boolean;

  /**
   * How the target group checks the targets' health.
   *
   * @default - an HTTP check of the fleet's health path every 30 seconds
   */
  readonly healthCheck?: HealthCheckSpec;

  /**
   * How long the load balancer lets in-flight requests finish before a deregistering
   * target is removed (connection draining), in seconds.
   *
   * From 0 to 3600.
   *
   * @default 300
   */
  readonly deregistrationDelaySeconds?: number;

  /**
   * How long a new target gets a linearly increasing share of requests before it gets
   * its full share (slow start), in seconds.
   *
   * 0 (off) or from 30 to 900. AWS refuses slow start with the `weighted_random`
   * algorithm.
   *
   * @default 0
   */
  readonly slowStartSeconds?: number;

  /**
   * How the load balancer picks a target for a request.
   *
   * `round_robin`; `least_outstanding_requests` (the target with the fewest requests
   * in progress, the closest ELB has to "least connections" and "fastest response");
   * or `weighted_random`, which with `anomalyMitigationEnabled` sends less traffic to
   * targets that answer with errors or slowly.
   *
   * @default TargetGroupLoadBalancingAlgorithmType.ROUND_ROBIN
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/edit-target-group-attributes.html#modify-routing-algorithm
   */
  readonly algorithm?: TargetGroupLoadBalancingAlgorithmType;

  /**
   * Whether automatic target weights (anomaly mitigation) are on.
   *
   * Only with the `weighted_random` algorithm.
   *
   * @default false
   */
  readonly anomalyMitigationEnabled?: boolean;

  /**
   * The kind of session stickiness.
   *
   * `lb_cookie` or `app_cookie` for Application Load Balancer target groups;
   * `source_ip` for Network Load Balancer target groups (not with TLS).
   *
   * @default - no stickiness
   */
  readonly stickinessType?: StickinessType;

  /**
   * How long a sticky session lasts, in seconds.
   *
   * From 1 to 604800 (7 days). Only with a `stickinessType`.
   *
   * @default 86400
   */
  readonly stickinessCookieDurationSeconds?: number;

  /**
   * The name of the application's cookie that `app_cookie` stickiness follows.
   *
   * Required with `app_cookie`, not allowed otherwise. It must not begin with `AWSALB`,
   * `AWSALBAPP` or `AWSALBTG`, which the load balancer reserves.
   *
   * @default - none
   */
  readonly stickinessCookieName?: string;
}
