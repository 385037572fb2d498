/**
 * A rule group managed by AWS (or by a seller on AWS Marketplace) in a web ACL.
 *
 * @example
 * const group: ManagedRuleGroupSpec = {
 *   name: 'AWSManagedRulesCommonRuleSet',
 *   priority: 20,
 *   excludedRules: ['SizeRestrictions_BODY'],
 * };
 */
export interface ManagedRuleGroupSpec {
  /**
   * The rule group's name as its vendor spells it, for example
   * `AWSManagedRulesCommonRuleSet`.
   *
   * For the vendor `AWS` it must be one of the AWS managed rule groups:
   * AWSManagedRulesCommonRuleSet, AWSManagedRulesAdminProtectionRuleSet,
   * AWSManagedRulesKnownBadInputsRuleSet, AWSManagedRulesSQLiRuleSet,
   * AWSManagedRulesLinuxRuleSet, AWSManagedRulesUnixRuleSet, AWSManagedRulesWindowsRuleSet,
   * AWSManagedRulesPHPRuleSet, AWSManagedRulesWordPressRuleSet,
   * AWSManagedRulesAmazonIpReputationList, AWSManagedRulesAnonymousIpList or
   * AWSManagedRulesBotControlRuleSet (at the common inspection level). The account
   * takeover (ATP), account creation fraud (ACFP) and anti-DDoS groups need
   * configuration the spec does not model: attach a web ACL of your own with
   * `ApplicationLoadBalancerSpec.webAclArn` for those.
   *
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-list.html
   */
  readonly name: string;

  /**
   * The rule's priority in the web ACL: AWS WAF evaluates the rules of a web ACL from
   * the lowest priority to the highest, and stops at the first rule that allows or
   * blocks a request.
   *
   * A whole number from 0 to 2147483647, unique among the rules of the web ACL.
   *
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-processing-order.html
   */
  readonly priority: number;

  /**
   * The rule group's vendor: `AWS`, or the seller's name for a rule group from AWS
   * Marketplace (which you must subscribe to first).
   *
   * @default 'AWS'
   */
  readonly vendor?: string;

  /**
   * Whether the rule group only counts the requests it matches instead of blocking
   * them: for trying a rule group on live traffic before it blocks.
   *
   * @default - false, unless the web ACL's `countOnly` is true
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-rule-group-override-options.html
   */
  readonly countOnly?: boolean;

  /**
   * Rules of the group, by name, that only count the requests they match, while the
   * rest of the group blocks: for rules that block legitimate traffic of your site
   * (for example `SizeRestrictions_BODY` for large uploads).
   *
   * Each name is 1 to 128 letters, digits, hyphens and underscores, listed once.
   *
   * @default - every rule of the group takes its own action
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-rule-group-override-options.html
   */
  readonly excludedRules?: string[];
}

/**
 * A rate-based rule: it blocks a client IP address while the address sends more
 * requests than `limit` in the evaluation window.
 *
 * @example
 * const rateLimit: RateLimitSpec = { limit: 1000, windowSeconds: 60, priority: 2 };
 */
export interface RateLimitSpec {
  /**
   * The most requests one client IP address may send in the evaluation window; AWS WAF
   * blocks the address while it sends more.
   *
   * A whole number from 10 to 2000000000.
   *
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/waf-rule-statement-type-rate-based.html
   */
  readonly limit: number;

  /**
   * The length of the window AWS WAF counts each address's requests over, in seconds:
   * 60, 120, 300 or 600.
   *
   * @default 300
   */
  readonly windowSeconds?: number;

  /**
   * The rule's priority in the web ACL: AWS WAF evaluates the rules from the lowest
   * priority to the highest, and stops at the first rule that allows or blocks.
   *
   * A whole number from 0 to 2147483647, unique among the rules of the web ACL.
   */
  readonly priority: number;

  /**
   * Whether the rule only counts the requests over the limit instead of blocking them.
   *
   * @default - false, unless the web ACL's `countOnly` is true
   */
  readonly countOnly?: boolean;
}

/**
 * An AWS WAF web ACL that protects Application Load Balancers against abusive
 * requests. Load balancers use it by naming it in `ApplicationLoadBalancerSpec.webAcl`;
 * several may share one.
 *
 * By default it has four AWS managed rule groups, in this order of priority: the
 * Amazon IP reputation list (priority 10), the core rule set (20), known bad inputs
 * (30) and SQL injection (40). It allows requests that match no rule, and logs to a
 * CloudWatch Logs log group named `aws-waf-logs-…`, encrypted with a customer managed
 * KMS key and kept for 365 days, with the `authorization` and `cookie` headers
 * redacted. Every rule sends CloudWatch metrics and keeps sampled requests.
 *
 * AWS WAF evaluates the rules by priority, lowest first, and stops at the first rule
 * that allows or blocks a request; rules that count go on to the next rule. Each rule
 * of a web ACL needs its own priority.
 *
 * @example
 * const acl: WebAclSpec = {
 *   rateLimit: { limit: 2000, priority: 2 },
 *   allowedIpCidrs: ['198.51.100.0/24'],
 *   blockedIpCidrs: ['203.0.113.0/24', '2001:db8::/32'],
 * };
 * @see https://docs.aws.amazon.com/waf/latest/developerguide/web-acl.html
 */
export interface WebAclSpec {
  /**
   * The managed rule groups of the web ACL, each with its own priority.
   *
   * An empty list leaves the web ACL without managed rule groups; it must then have
   * another rule (a rate limit, an allow list or a block list).
   *
   * @default - AWSManagedRulesAmazonIpReputationList (priority 10),
   * AWSManagedRulesCommonRuleSet (20), AWSManagedRulesKnownBadInputsRuleSet (30) and
   * AWSManagedRulesSQLiRuleSet (40)
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-baseline.html
   */
  readonly managedRuleGroups?: ManagedRuleGroupSpec[];

  /**
   * A rate-based rule that blocks each client IP address while it sends more requests
   * than the limit.
   *
   * @default - no rate limit
   */
  readonly rateLimit?: RateLimitSpec;

  /**
   * Client addresses, IPv4 or IPv6 in CIDR notation, whose requests are allowed
   * without being checked by the rules of higher priority numbers.
   *
   * At most 10000 blocks, each listed once, as network addresses (no bits set after
   * the prefix), with a prefix from /1 to /32 for IPv4 and /1 to /128 for IPv6.
   *
   * @default - no allow list
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/waf-ip-set-managing.html
   */
  readonly allowedIpCidrs?: string[];

  /**
   * The priority of the allow list's rule.
   *
   * A whole number from 0 to 2147483647, unique among the rules of the web ACL.
   *
   * @default 0
   */
  readonly allowListPriority?: number;

  /**
   * Client addresses, IPv4 or IPv6 in CIDR notation, whose requests are blocked.
   *
   * At most 10000 blocks, each listed once, as network addresses, with a prefix from
   * /1 to /32 for IPv4 and /1 to /128 for IPv6.
   *
   * @default - no block list
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/waf-ip-set-managing.html
   */
  readonly blockedIpCidrs?: string[];

  /**
   * The priority of the block list's rule.
   *
   * A whole number from 0 to 2147483647, unique among the rules of the web ACL.
   *
   * @default 1
   */
  readonly blockListPriority?: number;

  /**
   * Whether every rule that would block only counts the requests it matches: for
   * trying the rules on live traffic before they block. The allow list still allows,
   * and requests that match no rule still get the default action.
   *
   * The web ACL then protects nothing; the topology warns about it
   * (`cdk-elb-topology:waf.countOnly`).
   *
   * @default false
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-testing.html
   */
  readonly countOnly?: boolean;

  /**
   * Whether requests that match no rule are blocked, rather than allowed: for a site
   * that only the addresses of `allowedIpCidrs` may reach.
   *
   * @default false
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-default-action.html
   */
  readonly blockUnmatchedRequests?: boolean;

  /**
   * Whether the web ACL logs the requests it inspects to a CloudWatch Logs log group.
   *
   * The log group's name begins with `aws-waf-logs-` (as AWS WAF requires); it is
   * encrypted with a customer managed KMS key, retained when the stack is deleted, and
   * the `authorization` and `cookie` headers are redacted from its records.
   *
   * @default true
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/logging-cw-logs.html
   */
  readonly loggingEnabled?: boolean;

  /**
   * How many days the log group keeps the web ACL's logs.
   *
   * One of the values CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150,
   * 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653).
   *
   * @default 365
   */
  readonly logRetentionDays?: number;
}
