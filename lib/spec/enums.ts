/**
 * The subnet tier a part of the topology is placed in.
 *
 * A topology's VPC has three tiers: `public` (routes to an internet gateway),
 * `app` (private, with egress through NAT gateways) and `data` (isolated: no
 * route to or from the internet).
 */
export enum SubnetTier {
  /** Public subnets, with a route to the internet gateway. */
  PUBLIC = 'public',
  /** Private subnets with egress to the internet through NAT gateways. */
  APP = 'app',
  /** Isolated subnets with no route to or from the internet. */
  DATA = 'data',
}

/**
 * The web server that a fleet's user data installs and starts.
 *
 * Each serves, on the fleet's port, a page naming the instance (host name,
 * instance ID and Availability Zone) so that a user sees the load balancer
 * alternate between instances, and a health path that answers 200.
 */
export enum WebServer {
  /** Apache httpd from the Amazon Linux 2023 repositories. */
  HTTPD = 'httpd',
  /** nginx from the Amazon Linux 2023 repositories. */
  NGINX = 'nginx',
  /** A plain Python 3 `http.server`, run by systemd. No packages are installed. */
  PYTHON = 'python',
  /** No web server: the fleet's `userDataCommands` start whatever serves the port. */
  NONE = 'none',
}

/**
 * The kind of session stickiness of a target group.
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/sticky-sessions.html
 */
export enum StickinessType {
  /** Duration-based stickiness with a cookie the load balancer generates (`AWSALB`). */
  LB_COOKIE = 'lb_cookie',
  /** Application-based stickiness that follows a cookie your application sets. */
  APP_COOKIE = 'app_cookie',
  /** Network Load Balancer stickiness by client source IP address. */
  SOURCE_IP = 'source_ip',
}

/**
 * The content type of a fixed response.
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_FixedResponseActionConfig.html
 */
export enum FixedResponseContentType {
  /** `text/plain` */
  TEXT_PLAIN = 'text/plain',
  /** `text/css` */
  TEXT_CSS = 'text/css',
  /** `text/html` */
  TEXT_HTML = 'text/html',
  /** `application/javascript` */
  APPLICATION_JAVASCRIPT = 'application/javascript',
  /** `application/json` */
  APPLICATION_JSON = 'application/json',
}

/**
 * The protocol of a redirect action.
 */
export enum RedirectProtocol {
  /** Redirect to HTTP. */
  HTTP = 'HTTP',
  /** Redirect to HTTPS. */
  HTTPS = 'HTTPS',
  /** Keep the protocol of the request (`#{protocol}`). */
  KEEP = '#{protocol}',
}
