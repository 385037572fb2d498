import { CognitoAuthenticationSpec, OidcAuthenticationSpec } from './authentication';
import { FixedResponseContentType, RedirectProtocol } from './enums';

/**
 * Forward requests to one target group.
 */
export interface ForwardActionSpec {
  /**
   * The name of the target group, a key of `TopologySpec.targetGroups`.
   */
  readonly targetGroup: string;
}

/**
 * One target group of a weighted forward action, with its share of the requests.
 */
export interface WeightedTargetGroupSpec {
  /**
   * The name of the target group, a key of `TopologySpec.targetGroups`.
   */
  readonly targetGroup: string;

  /**
   * The target group's weight: its share of requests is its weight over the sum.
   *
   * From 0 to 999.
   */
  readonly weight: number;
}

/**
 * Forward requests across several target groups in proportion to their weights.
 *
 * This is the "ratio" method of classic load balancers: blue/green and canary
 * releases, or sending a share of traffic to a second fleet.
 *
 * @example
 * const canary: WeightedForwardActionSpec = {
 *   targetGroups: [{ targetGroup: 'stable', weight: 9 }, { targetGroup: 'canary', weight: 1 }],
 *   stickinessDurationSeconds: 300,
 * };
 */
export interface WeightedForwardActionSpec {
  /**
   * The target groups and their weights.
   *
   * From 1 to 5 target groups (AWS's quota), with weights from 0 to 999 and at least
   * one weight above 0.
   */
  readonly targetGroups: WeightedTargetGroupSpec[];

  /**
   * Keep a client on the target group it was first sent to for this many seconds.
   *
   * From 1 to 604800 (7 days).
   *
   * @default - no target group stickiness
   */
  readonly stickinessDurationSeconds?: number;
}

/**
 * Redirect requests to another URL.
 *
 * Each part left out keeps the request's own value. Parts may use the placeholders
 * `#{protocol}`, `#{host}`, `#{port}`, `#{path}` and `#{query}`.
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-listeners.html#redirect-actions
 */
export interface RedirectActionSpec {
  /**
   * The protocol to redirect to.
   *
   * @default RedirectProtocol.KEEP
   */
  readonly protocol?: RedirectProtocol;

  /**
   * The host name to redirect to.
   *
   * @default '#{host}'
   */
  readonly host?: string;

  /**
   * The port to redirect to, from 1 to 65535.
   *
   * @default - the request's port (`#{port}`)
   */
  readonly port?: number;

  /**
   * The absolute path to redirect to, beginning with `/`.
   *
   * @default '/#{path}'
   */
  readonly path?: string;

  /**
   * The query string to redirect to, without the leading `?`.
   *
   * @default '#{query}'
   */
  readonly query?: string;

  /**
   * Whether the redirect is permanent (HTTP 301) rather than temporary (HTTP 302).
   *
   * @default true
   */
  readonly permanent?: boolean;
}

/**
 * Answer requests with a fixed response, without a target.
 */
export interface FixedResponseActionSpec {
  /**
   * The HTTP status code: 2XX, 4XX or 5XX.
   */
  readonly statusCode: number;

  /**
   * The content type of the body.
   *
   * @default FixedResponseContentType.TEXT_PLAIN
   */
  readonly contentType?: FixedResponseContentType;

  /**
   * The body of the response, at most 1024 characters.
   *
   * @default - an empty body
   */
  readonly messageBody?: string;
}

/**
 * What a listener does with a request: exactly one of the four fields `forward`,
 * `weightedForward`, `redirect` and `fixedResponse`, optionally after authenticating
 * the user with at most one of `authenticateOidc` and `authenticateCognito`.
 */
export interface ListenerActionSpec {
  /**
   * Forward to one target group.
   *
   * @default - not this action
   */
  readonly forward?: ForwardActionSpec;

  /**
   * Forward across several target groups by weight.
   *
   * @default - not this action
   */
  readonly weightedForward?: WeightedForwardActionSpec;

  /**
   * Redirect to another URL.
   *
   * @default - not this action
   */
  readonly redirect?: RedirectActionSpec;

  /**
   * Answer with a fixed response.
   *
   * @default - not this action
   */
  readonly fixedResponse?: FixedResponseActionSpec;

  /**
   * Authenticate the user with an OpenID Connect identity provider first, then do the
   * action.
   *
   * Only on HTTPS listeners; at most one of `authenticateOidc` and
   * `authenticateCognito`. The load balancer's security group then allows outbound
   * HTTPS, so that the load balancer can reach the identity provider's endpoints.
   *
   * @default - no authentication
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html
   */
  readonly authenticateOidc?: OidcAuthenticationSpec;

  /**
   * Authenticate the user with an Amazon Cognito user pool first, then do the action.
   *
   * Only on HTTPS listeners; at most one of `authenticateOidc` and
   * `authenticateCognito`. The load balancer's security group then allows outbound
   * HTTPS, so that the load balancer can reach the user pool's endpoints.
   *
   * @default - no authentication
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/listener-authenticate-users.html
   */
  readonly authenticateCognito?: CognitoAuthenticationSpec;
}

/**
 * A query string condition: a key (optional) and a value to match.
 *
 * Both may contain the wildcards `*` and `?`.
 */
export interface QueryStringMatchSpec {
  /**
   * The key of the query parameter.
   *
   * @default - matches the value of any parameter
   */
  readonly key?: string;

  /**
   * The value to match.
   */
  readonly value: string;
}

/**
 * The conditions of a listener rule: a request matches when it matches every list
 * that is set, and a list matches when any of its values matches.
 *
 * AWS allows at most 5 condition values in a rule across all lists, and at most one
 * list each of paths, hosts, methods and source IPs.
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/rule-condition-types.html
 */
export interface ListenerConditionSpec {
  /**
   * Paths to match, case-sensitive, with wildcards `*` and `?`, e.g. `/api/*`.
   *
   * @default - any path
   */
  readonly pathPatterns?: string[];

  /**
   * Host names to match, case-insensitive, with wildcards, e.g. `*.example.com`.
   *
   * @default - any host
   */
  readonly hostHeaders?: string[];

  /**
   * HTTP headers to match: each key is a header name, its values the values to match.
   *
   * @default - any headers
   */
  readonly httpHeaders?: { [headerName: string]: string[] };

  /**
   * Query parameters to match.
   *
   * @default - any query string
   */
  readonly queryStrings?: QueryStringMatchSpec[];

  /**
   * HTTP request methods to match, upper case, e.g. `GET`, `POST`.
   *
   * @default - any method
   */
  readonly httpRequestMethods?: string[];

  /**
   * Client source IP ranges to match, in CIDR notation.
   *
   * @default - any source address
   */
  readonly sourceIps?: string[];
}

/**
 * A listener rule: when the request matches `conditions`, do the action.
 *
 * Exactly one of `forward`, `weightedForward`, `redirect` or `fixedResponse` is set.
 * Each rule is identified by its `name` (or, without a name, by its explicit
 * `priority`), never by its position, so reordering the list does not rename rules.
 *
 * @example
 * const rule: ListenerRuleSpec = {
 *   name: 'api',
 *   conditions: { pathPatterns: ['/api/*'] },
 *   forward: { targetGroup: 'api' },
 * };
 */
export interface ListenerRuleSpec extends ListenerActionSpec {
  /**
   * The rule's name, unique within its load balancer.
   *
   * Lowercase letters, digits and hyphens, 1 to 32 characters. Required when
   * `priority` is left out.
   *
   * @default - the rule is named by its priority
   */
  readonly name?: string;

  /**
   * The rule's priority: rules are evaluated from the lowest number up.
   *
   * From 1 to 50000, unique within the listener. Left out, the rule gets 10 times its
   * place among the rules that have no explicit priority (10, 20, 30, ...), in list
   * order. Appending such a rule, or adding a rule anywhere with an explicit priority
   * (for example 15 to go between the first two), renumbers no existing rule.
   *
   * @default - 10 times the rule's place among the rules without an explicit priority
   */
  readonly priority?: number;

  /**
   * The name of the listener the rule belongs to, a key of the load balancer's
   * `listeners`.
   *
   * @default - the load balancer's HTTPS listener (or its only listener)
   */
  readonly listener?: string;

  /**
   * When the rule applies. At least one condition is required.
   */
  readonly conditions: ListenerConditionSpec;
}
