/**
 * The defaults of a web ACL, and the catalog of AWS managed rule groups, resolved in
 * one place for the validation and the builder alike.
 */
import { ManagedRuleGroupSpec, RateLimitSpec, WebAclSpec } from '../spec/waf';

/** The vendor of AWS's own managed rule groups. */
export const AWS_VENDOR = 'AWS';

/**
 * The AWS managed rule groups, as AWS spells their names.
 *
 * @see https://docs.aws.amazon.com/waf/latest/developerguide/aws-managed-rule-groups-list.html
 */
export const AWS_MANAGED_RULE_GROUPS: readonly string[] = [
  'AWSManagedRulesCommonRuleSet',
  'AWSManagedRulesAdminProtectionRuleSet',
  'AWSManagedRulesKnownBadInputsRuleSet',
  'AWSManagedRulesSQLiRuleSet',
  'AWSManagedRulesLinuxRuleSet',
  'AWSManagedRulesUnixRuleSet',
  'AWSManagedRulesWindowsRuleSet',
  'AWSManagedRulesPHPRuleSet',
  'AWSManagedRulesWordPressRuleSet',
  'AWSManagedRulesAmazonIpReputationList',
  'AWSManagedRulesAnonymousIpList',
  'AWSManagedRulesBotControlRuleSet',
  'AWSManagedRulesATPRuleSet',
  'AWSManagedRulesACFPRuleSet',
  'AWSManagedRulesAntiDDoSRuleSet',
];

/**
 * AWS managed rule groups that need a configuration of their own (login or
 * registration pages, challenge settings) which the spec does not model, with what
 * they need.
 */
export const CONFIGURED_RULE_GROUPS: { readonly [name: string]: string } = {
  AWSManagedRulesATPRuleSet: 'the login page and how to read its requests',
  AWSManagedRulesACFPRuleSet: 'the registration and account creation pages and how to read their requests',
  AWSManagedRulesAntiDDoSRuleSet: 'the challenge settings of its client-side action',
};

/** The Bot Control group's inspection level: the common bots, the least expensive level. */
export const BOT_CONTROL_INSPECTION_LEVEL = 'COMMON';

/** The managed rule groups of a web ACL that lists none: a baseline against common attacks. */
export const DEFAULT_MANAGED_RULE_GROUPS: readonly ManagedRuleGroupSpec[] = [
  { name: 'AWSManagedRulesAmazonIpReputationList', priority: 10 },
  { name: 'AWSManagedRulesCommonRuleSet', priority: 20 },
  { name: 'AWSManagedRulesKnownBadInputsRuleSet', priority: 30 },
  { name: 'AWSManagedRulesSQLiRuleSet', priority: 40 },
];

export const DEFAULT_ALLOW_LIST_PRIORITY = 0;
export const DEFAULT_BLOCK_LIST_PRIORITY = 1;
export const RATE_LIMIT_WINDOWS: readonly number[] = [60, 120, 300, 600];
export const DEFAULT_RATE_LIMIT_WINDOW_SECONDS = 300;
export const DEFAULT_LOG_RETENTION_DAYS = 365;

/** The prefix AWS WAF requires of the name of a log group it logs to. */
export const WAF_LOG_GROUP_PREFIX = 'aws-waf-logs-';

export interface ResolvedManagedRuleGroup {
  readonly name: string;
  readonly vendor: string;
  readonly priority: number;
  readonly countOnly: boolean;
  readonly excludedRules: string[];
  /** The name of the web ACL's rule, also its metric name. */
  readonly ruleName: string;
}

export interface ResolvedIpList {
  readonly cidrs: string[];
  readonly priority: number;
}

export interface ResolvedRateLimit {
  readonly limit: number;
  readonly windowSeconds: number;
  readonly priority: number;
  readonly countOnly: boolean;
}

/**
 * The name of the web ACL rule of a managed rule group, also its metric name:
 * `<vendor>-<name>`, with any character a rule name cannot hold (a vendor's spaces and
 * dots) as a hyphen.
 */
export function managedRuleName(vendor: string, name: string): string {
  return `${vendor}-${name}`.replace(/[^\w-]/g, '-').slice(0, 128);
}

/** Whether a CIDR block is IPv6 (AWS WAF keeps IPv4 and IPv6 addresses in separate IP sets). */
export function isIpv6Cidr(cidr: string): boolean {
  return cidr.includes(':');
}

function resolveGroup(group: ManagedRuleGroupSpec, aclCountOnly: boolean): ResolvedManagedRuleGroup {
  const vendor = group.vendor ?? AWS_VENDOR;
  return {
    name: group.name,
    vendor,
    priority: group.priority,
    countOnly: aclCountOnly || (group.countOnly ?? false),
    excludedRules: group.excludedRules ?? [],
    ruleName: managedRuleName(vendor, group.name),
  };
}

function resolveRateLimit(rate: RateLimitSpec, aclCountOnly: boolean): ResolvedRateLimit {
  return {
    limit: rate.limit,
    windowSeconds: rate.windowSeconds ?? DEFAULT_RATE_LIMIT_WINDOW_SECONDS,
    priority: rate.priority,
    countOnly: aclCountOnly || (rate.countOnly ?? false),
  };
}

/** The defaults of a web ACL. An empty IP list makes no rule. */
export function resolveWebAcl(spec: WebAclSpec) {
  const countOnly = spec.countOnly ?? false;
  const list = (cidrs: string[] | undefined, priority: number | undefined, fallback: number): ResolvedIpList | undefined =>
    cidrs !== undefined && cidrs.length > 0 ? { cidrs, priority: priority ?? fallback } : undefined;
  return {
    /** Whether the default managed rule groups are used, because the spec lists none. */
    defaultManagedRuleGroups: spec.managedRuleGroups === undefined,
    managedRuleGroups: (spec.managedRuleGroups ?? DEFAULT_MANAGED_RULE_GROUPS).map((g) => resolveGroup(g, countOnly)),
    rateLimit: spec.rateLimit !== undefined ? resolveRateLimit(spec.rateLimit, countOnly) : undefined,
    allowList: list(spec.allowedIpCidrs, spec.allowListPriority, DEFAULT_ALLOW_LIST_PRIORITY),
    blockList: list(spec.blockedIpCidrs, spec.blockListPriority, DEFAULT_BLOCK_LIST_PRIORITY),
    countOnly,
    blockUnmatchedRequests: spec.blockUnmatchedRequests ?? false,
    loggingEnabled: spec.loggingEnabled ?? true,
    logRetentionDays: spec.logRetentionDays ?? DEFAULT_LOG_RETENTION_DAYS,
  };
}

export type ResolvedWebAcl = ReturnType<typeof resolveWebAcl>;
