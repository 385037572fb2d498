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
  /**
   * Private subnets for Gateway Load Balancers and their appliances, with egress
   * through NAT gateways. The topology's VPC has them only when the spec has a
   * Gateway Load Balancer.
   */
  APPLIANCES = 'appliances',
  /**
   * Small public subnets for Gateway Load Balancer endpoints, which also hold the NAT
   * gateways. The topology's VPC has them only when a Gateway Load Balancer inspects it.
   */
  ENDPOINTS = 'endpoints',
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

/**
 * The protocol of a Classic Load Balancer listener, on the front end (clients to the
 * load balancer) or the back end (the load balancer to the instances).
 *
 * `HTTP` and `HTTPS` are layer 7 (the load balancer reads the requests; stickiness
 * works); `TCP` and `SSL` are layer 4. The values are the ELB API's own strings, in
 * capitals as the AWS documentation writes them.
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-listener-config.html
 */
export enum ClassicProtocol {
  /** HTTP: layer 7, clear text. */
  HTTP = 'HTTP',
  /** HTTPS: layer 7 over TLS. */
  HTTPS = 'HTTPS',
  /** TCP: layer 4, clear text. */
  TCP = 'TCP',
  /** SSL: layer 4 over TLS. */
  SSL = 'SSL',
}

/**
 * A predefined TLS security policy of a Classic Load Balancer's HTTPS and SSL listeners.
 *
 * Classic Load Balancers do not offer TLS 1.3.
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/classic/elb-security-policy-table.html
 */
export enum ClassicSslPolicy {
  /** TLS 1.2 only (`ELBSecurityPolicy-TLS-1-2-2017-01`): the strongest policy a Classic Load Balancer has. */
  TLS12 = 'ELBSecurityPolicy-TLS-1-2-2017-01',
  /** TLS 1.1 and 1.2 (`ELBSecurityPolicy-TLS-1-1-2017-01`). */
  TLS11 = 'ELBSecurityPolicy-TLS-1-1-2017-01',
  /** TLS 1.0 to 1.2 (`ELBSecurityPolicy-2016-08`): the ELB API's default, for very old clients. */
  TLS10 = 'ELBSecurityPolicy-2016-08',
}

/**
 * The protocol of a Gateway Load Balancer's target group. AWS accepts GENEVE only.
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/gateway/target-groups.html
 */
export enum GatewayProtocol {
  /** Generic Network Virtualization Encapsulation, on UDP port 6081. */
  GENEVE = 'GENEVE',
}

/**
 * Which fields of a flow a Gateway Load Balancer hashes to keep the flow on one appliance,
 * instead of its default 5-tuple (source and destination IP and port, and protocol).
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/gateway/target-groups.html#flow-stickiness
 */
export enum FlowStickiness {
  /** Source IP, destination IP and protocol. */
  THREE_TUPLE = 'source_ip_dest_ip_proto',
  /** Source IP and destination IP. */
  TWO_TUPLE = 'source_ip_dest_ip',
}
