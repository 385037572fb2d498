import { Protocol, TargetGroupLoadBalancingAlgorithmType } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { StickinessType } from './enums';
import { IpTargetSpec } from './ip-target';

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
 * Application Load Balancer of the topology, or IP addresses in or outside the VPC, or
 * (for an Application Load Balancer) a Lambda function or an ECS service. A group has
 * one kind of target.
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
   * Application Load Balancer target). A Lambda function's group has no protocol: leave
   * it out.
   *
   * @default Protocol.HTTP
   */
  readonly protocol?: Protocol;

  /**
   * The port the targets receive traffic on.
   *
   * From 1 to 65535. Differs from the listener port for port translation (listener
   * 443, targets 8080). A Lambda function's group has no port: leave it out.
   *
   * @default - the fleet's `port`; for an ECS service, the container port; 80 for IP targets
   */
  readonly port?: number;

  /**
   * The name of the fleet whose instances are the targets.
   *
   * Auto Scaling registers and deregisters the instances as the fleet scales. Exactly
   * one kind of target is set: `fleet`, `applicationLoadBalancer`, `ipTargets`, a
   * Lambda function or `ecsService`. Auto Scaling registers instances by ID, so a fleet
   * never shares a group with IP targets: give it its own group and split the traffic
   * with `weightedForward` or a listener rule.
   *
   * @default - no fleet: another kind of target
   */
  readonly fleet?: string;

  /**
   * The name of an Application Load Balancer of the topology that is the target of a
   * Network Load Balancer (static addresses in front of layer-7 routing).
   *
   * The group's `protocol` is `TCP` and its `port` one of the ALB's listener ports.
   *
   * @default - no load balancer target: another kind of target
   */
  readonly applicationLoadBalancer?: string;

  /**
   * IP addresses that are the targets: servers in the VPC, and private addresses
   * outside it (on premises, over a Site-to-Site VPN or Direct Connect) for hybrid load
   * balancing.
   *
   * One group may hold AWS and on-premises servers; a listener rule can send a path
   * (`/legacy/*`) to an on-premises group and the rest to a fleet. The load balancer's
   * security group may send to each address on its port. For an Application or Network
   * Load Balancer group; a Network Load Balancer reaches addresses outside the VPC only
   * without client IP preservation (not in UDP or TCP_UDP groups).
   *
   * @default - no IP targets: another kind of target
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-target-groups.html#target-type
   */
  readonly ipTargets?: IpTargetSpec[];

  /**
   * The name of a Lambda function, given in `ExistingResources.lambdaFunctions`, that is
   * the target of an Application Load Balancer.
   *
   * The topology lets Elastic Load Balancing invoke it (a resource policy statement for
   * `elasticloadbalancing.amazonaws.com`, limited to the stack's account). A Lambda
   * function's group has no protocol, port, draining, slow start, algorithm or
   * stickiness, and health checks only when `healthCheck` is given. Set at most one of
   * `lambdaFunction` and `lambdaFunctionArn`.
   *
   * @default - no Lambda function: another kind of target
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
   */
  readonly lambdaFunction?: string;

  /**
   * The ARN of a Lambda function that is the target of an Application Load Balancer,
   * for a function not defined in the CDK app.
   *
   * For example `arn:aws:lambda:us-east-1:123456789012:function:my-function`, with an
   * optional version or alias. The function is in the stack's account and Region; the
   * topology adds the permission that lets Elastic Load Balancing invoke it. Set at most
   * one of `lambdaFunction` and `lambdaFunctionArn`.
   *
   * @default - no Lambda function: another kind of target
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html
   */
  readonly lambdaFunctionArn?: string;

  /**
   * Whether the Lambda function receives multi-value headers and query string
   * parameters as arrays (`multiValueHeaders`, `multiValueQueryStringParameters`), and
   * answers with `multiValueHeaders`.
   *
   * Only with `lambdaFunction` or `lambdaFunctionArn`.
   *
   * @default false
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/lambda-functions.html#multi-value-headers
   */
  readonly lambdaMultiValueHeadersEnabled?: boolean;

  /**
   * The name of an ECS service, given in `ExistingResources.ecsServices`, whose tasks are
   * the targets of an Application Load Balancer (`HTTP` or `HTTPS` group).
   *
   * ECS registers each task as it starts. With the `bridge` network mode and host port 0
   * (dynamic host-port mapping) the targets are the container instances on ephemeral
   * ports, and their security group admits the load balancer on 32768-65535; with the
   * `host` mode, on the host port; with `awsvpc` (and on Fargate) the targets are the
   * tasks' addresses, and the service's security group admits the load balancer on the
   * container port. The `none` mode cannot be a target. The service runs in the
   * topology's VPC, so pass that VPC as `ExistingResources.vpc`.
   *
   * @default - no ECS service: another kind of target
   * @see https://docs.aws.amazon.com/AmazonECS/latest/developerguide/alb.html
   */
  readonly ecsService?: string;

  /**
   * The container of the ECS service's task definition that receives the traffic.
   *
   * Only with `ecsService`.
   *
   * @default - the task definition's default container (its first essential container)
   */
  readonly ecsContainerName?: string;

  /**
   * The container port that receives the traffic: a TCP port mapping of the container.
   *
   * From 1 to 65535. Only with `ecsService`.
   *
   * @default - the container's first port mapping
   */
  readonly ecsContainerPort?: number;

  /**
   * Whether the targets see the clients' IP addresses rather than the load balancer's
   * (client IP preservation), for Network Load Balancer target groups.
   *
   * With it on, a fleet's security group admits the clients' ranges on the target port,
   * not only the load balancer. UDP and TCP_UDP groups always preserve client IPs.
   *
   * @default - on for fleets (AWS's default for instance targets), off for IP targets
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
   * A Lambda function is checked only when this is given (AWS's default is no health
   * checks for Lambda functions, which are invoked for them), and its `protocol` and
   * `port` do not apply.
   *
   * @default - an HTTP check of the fleet's health path every 30 seconds; none for a
   * Lambda function
   */
  readonly healthCheck?: HealthCheckSpec;

  /**
   * How long the load balancer lets in-flight requests finish before a deregistering
   * target is removed (connection draining), in seconds.
   *
   * From 0 to 3600. Not for a Lambda function.
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
