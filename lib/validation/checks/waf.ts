import { Token } from 'aws-cdk-lib';
import * as logs from 'aws-cdk-lib/aws-logs';
import { sortedEntries } from '../../private/resolve';
import {
  AWS_MANAGED_RULE_GROUPS, AWS_VENDOR, CONFIGURED_RULE_GROUPS, DEFAULT_ALLOW_LIST_PRIORITY, DEFAULT_BLOCK_LIST_PRIORITY, DEFAULT_MANAGED_RULE_GROUPS,
  RATE_LIMIT_WINDOWS,
} from '../../private/web-acl';
import { ApplicationLoadBalancerSpec } from '../../spec/alb';
import { ManagedRuleGroupSpec, RateLimitSpec, WebAclSpec } from '../../spec/waf';
import { CheckContext } from '../context';
import { closestName } from '../did-you-mean';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { hasHostBits, networkCidr, parseCidr } from './ip-cidr';
import { checkBoolean, checkInt, checkKnownFields, checkRef, isObject } from './util';

/** AWS WAF's range of rule priorities. */
const MAX_PRIORITY = 2147483647;
/** AWS WAF's range of rate limits, in requests per evaluation window. */
const MIN_RATE_LIMIT = 10;
const MAX_RATE_LIMIT = 2000000000;
/** AWS WAF's quota of addresses per IP set. */
const MAX_IP_SET_ADDRESSES = 10000;
/** The name of a managed rule group, or of a rule inside one. */
const RULE_NAME = /^[\w-]{1,128}$/;
/** The retentions CloudWatch Logs accepts, in days. */
const RETENTION_DAYS = Object.values(logs.RetentionDays).filter((d): d is number => typeof d === 'number' && d !== logs.RetentionDays.INFINITE);
/** A regional AWS WAF web ACL's ARN. */
const REGIONAL_WEB_ACL_ARN = /^arn:aws(-[a-z]+)*:wafv2:[a-z]{2,4}(-[a-z]+)+-\d:\d{12}:regional\/webacl\/[\w-]{1,128}\/[\w-]{1,128}$/;
const GLOBAL_WEB_ACL_ARN = /^arn:aws(-[a-z]+)*:wafv2:[a-z0-9-]+:\d{12}:global\/webacl\//;
const CLASSIC_WEB_ACL_ARN = /^arn:aws(-[a-z]+)*:waf(-regional)?:/;

/** One rule's priority in a web ACL, and where it comes from. */
interface Place {
  readonly priority: number;
  readonly path: SpecPath;
  readonly what: string;
  /** Whether the priority is a default rather than written in the spec. */
  readonly defaulted: boolean;
}

/**
 * AWS WAF web ACLs: their managed rule groups, rate limit, IP lists, logging, and that
 * each rule has its own priority.
 */
export function checkWebAcls(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const [name, acl] of sortedEntries(ctx.spec.webAcls)) {
    if (!isObject(acl)) continue; // reported by the names check
    checkWebAcl(acl as WebAclSpec, SpecPath.ROOT.at('webAcls', name), issues);
  }
  return issues;
}

/** The web ACL of each Application Load Balancer: a known name, or a regional web ACL's ARN, not both. */
export function checkLoadBalancerWebAcls(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const known = isObject(ctx.spec.webAcls) ? Object.keys(ctx.spec.webAcls).sort() : [];
  for (const [name, value] of sortedEntries(ctx.spec.applicationLoadBalancers)) {
    if (!isObject(value)) continue;
    const alb = value as ApplicationLoadBalancerSpec;
    const path = SpecPath.ROOT.at('applicationLoadBalancers', name);
    if (alb.webAcl !== undefined) checkRef(issues, path.key('webAcl'), alb.webAcl, known, 'web ACL', 'webAcls');
    if (alb.webAclArn === undefined) continue;
    if (alb.webAcl !== undefined) {
      issues.push(issue(path.key('webAclArn'), `is set beside webAcl (${show(alb.webAcl)}), but a load balancer has one web ACL.`,
        'Remove webAcl to attach the existing web ACL, or remove webAclArn to use the one declared under `webAcls`.'));
    }
    checkWebAclArn(alb.webAclArn, path.key('webAclArn'), issues);
  }
  return issues;
}

function checkWebAclArn(arn: unknown, path: SpecPath, issues: SpecIssue[]): void {
  if (typeof arn === 'string' && Token.isUnresolved(arn)) return;
  if (typeof arn === 'string' && REGIONAL_WEB_ACL_ARN.test(arn)) return;
  if (typeof arn === 'string' && GLOBAL_WEB_ACL_ARN.test(arn)) {
    issues.push(issue(path, `'${arn}' is a global web ACL, which only CloudFront distributions can use.`,
      "Give a web ACL of the Regional scope, in the load balancer's Region, or declare one under `webAcls`."));
  } else if (typeof arn === 'string' && CLASSIC_WEB_ACL_ARN.test(arn)) {
    issues.push(issue(path, `'${arn}' is an AWS WAF Classic web ACL, which this topology cannot attach.`,
      'Migrate it to AWS WAF (wafv2) and give the new ARN, or declare a web ACL under `webAcls`.'));
  } else {
    issues.push(issue(path, `${show(arn)} is not the ARN of a regional AWS WAF web ACL.`,
      "Copy it from the AWS WAF console, in the load balancer's Region: arn:aws:wafv2:<region>:<account>:regional/webacl/<name>/<id>."));
  }
}

function checkWebAcl(acl: WebAclSpec, path: SpecPath, issues: SpecIssue[]): void {
  checkKnownFields(issues, path, acl, 'WebAclSpec');
  for (const key of ['countOnly', 'blockUnmatchedRequests', 'loggingEnabled'] as const) checkBoolean(issues, path.key(key), acl[key]);
  if (acl.logRetentionDays !== undefined && !RETENTION_DAYS.includes(acl.logRetentionDays)) {
    issues.push(issue(path.key('logRetentionDays'), `${show(acl.logRetentionDays)} is not a retention CloudWatch Logs accepts.`,
      `Use one of ${RETENTION_DAYS.join(', ')}.`));
  }
  checkPriority(acl.allowListPriority, path.key('allowListPriority'), false, issues);
  checkPriority(acl.blockListPriority, path.key('blockListPriority'), false, issues);
  const allowCount = checkIpList(acl.allowedIpCidrs, path.key('allowedIpCidrs'), issues);
  const blockCount = checkIpList(acl.blockedIpCidrs, path.key('blockedIpCidrs'), issues);
  checkManagedRuleGroups(acl.managedRuleGroups, path.key('managedRuleGroups'), issues);
  if (acl.rateLimit !== undefined) checkRateLimit(acl.rateLimit, path.key('rateLimit'), issues);

  const places = priorities(acl, path, allowCount > 0, blockCount > 0);
  checkDistinctPriorities(places, issues);
  const groups = acl.managedRuleGroups ?? DEFAULT_MANAGED_RULE_GROUPS;
  // A list that is not one is reported above; it does not make the web ACL empty too.
  const hasRules = !Array.isArray(groups) || groups.length > 0 || acl.rateLimit !== undefined || allowCount > 0 || blockCount > 0;
  if (!hasRules) {
    issues.push(issue(path, 'has no rules: managedRuleGroups is empty, and there is no rateLimit, allowedIpCidrs or blockedIpCidrs.',
      'Leave out managedRuleGroups for the four baseline AWS managed rule groups, or add a rule; a web ACL without rules inspects nothing.'));
  }
}

function checkPriority(value: unknown, path: SpecPath, required: boolean, issues: SpecIssue[]): void {
  if (value === undefined && required) {
    issues.push(issue(path, 'is missing.', `Give the rule a priority from 0 to ${MAX_PRIORITY}: AWS WAF evaluates the rules of a web ACL from the lowest priority.`));
  }
  checkInt(issues, path, value, 0, MAX_PRIORITY);
}

/** Checks an IP list; returns how many entries it has (0 when it is not a list). */
function checkIpList(value: unknown, path: SpecPath, issues: SpecIssue[]): number {
  if (value === undefined) return 0;
  if (!Array.isArray(value)) {
    issues.push(issue(path, `must be a list of CIDR blocks, got ${show(value)}.`, "Write for example ['203.0.113.0/24', '2001:db8::/32']."));
    return 0;
  }
  if (value.length > MAX_IP_SET_ADDRESSES) {
    issues.push(issue(path, `${value.length} CIDR blocks exceed AWS WAF's quota of ${MAX_IP_SET_ADDRESSES} per IP set.`, 'Merge adjacent blocks into wider ones.'));
  }
  const seen = new Map<string, number>();
  value.forEach((cidr: unknown, i) => {
    const parsed = typeof cidr === 'string' ? parseCidr(cidr) : undefined;
    if (parsed === undefined) {
      issues.push(issue(path.index(i), `${show(cidr)} is not an IPv4 or IPv6 CIDR block.`,
        "Write it as address/prefix, for example '203.0.113.0/24' or '2001:db8::/32'; one address is /32 (IPv4) or /128 (IPv6)."));
      return;
    }
    if (parsed.prefix === 0) {
      issues.push(issue(path.index(i), `'${cidr}' has the prefix /0, which AWS WAF does not accept.`,
        `Use a prefix from /1 to /${parsed.version === 6 ? 128 : 32}; for every address, list the two halves (${parsed.version === 6 ? "'::/1', '8000::/1'" : "'0.0.0.0/1', '128.0.0.0/1'"}).`));
    } else if (hasHostBits(parsed)) {
      issues.push(issue(path.index(i), `'${cidr}' has bits set after its /${parsed.prefix} prefix.`, `Write the network address: '${networkCidr(parsed)}'.`));
    }
    const key = `${parsed.version}/${parsed.address}/${parsed.prefix}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(issue(path.index(i), `'${cidr}' is listed twice (also at ${path.index(first)}).`, 'List each block once.'));
    } else {
      seen.set(key, i);
    }
  });
  return value.length;
}

function checkManagedRuleGroups(value: unknown, path: SpecPath, issues: SpecIssue[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    issues.push(issue(path, `must be a list of managed rule groups, got ${show(value)}.`,
      "Write for example [{ name: 'AWSManagedRulesCommonRuleSet', priority: 20 }], or leave it out for the baseline groups."));
    return;
  }
  const seen = new Map<string, number>();
  value.forEach((group: ManagedRuleGroupSpec, i) => {
    const gp = path.index(i);
    if (!isObject(group)) {
      issues.push(issue(gp, `must be an object, got ${show(group)}.`, "Write for example { name: 'AWSManagedRulesCommonRuleSet', priority: 20 }."));
      return;
    }
    checkKnownFields(issues, gp, group, 'ManagedRuleGroupSpec');
    checkBoolean(issues, gp.key('countOnly'), group.countOnly);
    checkPriority(group.priority, gp.key('priority'), true, issues);
    checkExcludedRules(group.excludedRules, gp.key('excludedRules'), issues);
    const vendorValid = group.vendor === undefined || (typeof group.vendor === 'string' && group.vendor.trim() !== '');
    if (!vendorValid) {
      issues.push(issue(gp.key('vendor'), `must be the rule group's vendor, got ${show(group.vendor)}.`, `Leave it out for ${AWS_VENDOR}'s own rule groups.`));
    }
    if (typeof group.name !== 'string' || group.name === '') {
      issues.push(issue(gp.key('name'), group.name === undefined ? 'is missing.' : `must be a rule group's name, got ${show(group.name)}.`,
        "Name the rule group as its vendor spells it, for example 'AWSManagedRulesCommonRuleSet'."));
      return;
    }
    const vendor = group.vendor ?? AWS_VENDOR;
    if (vendor === AWS_VENDOR) {
      checkAwsGroupName(group.name, gp.key('name'), issues);
    } else if (!RULE_NAME.test(group.name)) {
      issues.push(issue(gp.key('name'), `'${group.name}' is not a rule group's name.`,
        "Copy the name from the seller's listing in AWS Marketplace: 1 to 128 letters, digits, hyphens and underscores."));
    }
    const key = `${vendor}/${group.name}`;
    const first = seen.get(key);
    if (first !== undefined) {
      issues.push(issue(gp.key('name'), `rule group '${group.name}' is listed twice (also at ${path.index(first)}).`, 'List each rule group once.'));
    } else if (vendorValid) {
      seen.set(key, i);
    }
  });
}

function checkAwsGroupName(name: string, path: SpecPath, issues: SpecIssue[]): void {
  const needs = CONFIGURED_RULE_GROUPS[name];
  if (needs !== undefined) {
    issues.push(issue(path, `'${name}' needs configuration that the spec does not model (${needs}).`,
      "Create a web ACL with this rule group yourself and attach it with the load balancer's `webAclArn`."));
    return;
  }
  if (AWS_MANAGED_RULE_GROUPS.includes(name)) return;
  const suggestion = closestName(name, AWS_MANAGED_RULE_GROUPS) ?? closestName(`AWSManagedRules${name}`, AWS_MANAGED_RULE_GROUPS);
  const known = `Known AWS managed rule groups: ${[...AWS_MANAGED_RULE_GROUPS].sort().join(', ')}.`;
  issues.push(issue(path, `unknown AWS managed rule group '${name}'.`,
    suggestion ? `Did you mean '${suggestion}'? ${known}` : `${known} For a rule group from AWS Marketplace, set \`vendor\`.`));
}

function checkExcludedRules(value: unknown, path: SpecPath, issues: SpecIssue[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value)) {
    issues.push(issue(path, `must be a list of rule names, got ${show(value)}.`, "Write for example ['SizeRestrictions_BODY']."));
    return;
  }
  const seen = new Set<string>();
  value.forEach((rule: unknown, i) => {
    if (typeof rule !== 'string' || !RULE_NAME.test(rule)) {
      issues.push(issue(path.index(i), `${show(rule)} is not a rule name.`,
        "Copy the rule's name from the rule group's documentation: 1 to 128 letters, digits, hyphens and underscores."));
    } else if (seen.has(rule)) {
      issues.push(issue(path.index(i), `rule '${rule}' is listed twice.`, 'List each rule once.'));
    } else {
      seen.add(rule);
    }
  });
}

function checkRateLimit(rate: RateLimitSpec, path: SpecPath, issues: SpecIssue[]): void {
  if (!isObject(rate)) {
    issues.push(issue(path, `must be an object, got ${show(rate)}.`, 'Write for example { limit: 2000, priority: 2 }.'));
    return;
  }
  checkKnownFields(issues, path, rate, 'RateLimitSpec');
  checkBoolean(issues, path.key('countOnly'), rate.countOnly);
  checkPriority(rate.priority, path.key('priority'), true, issues);
  if (rate.limit === undefined) {
    issues.push(issue(path.key('limit'), 'is missing.',
      `Give the most requests one client IP address may send in the window, from ${MIN_RATE_LIMIT} to ${MAX_RATE_LIMIT}.`));
  }
  checkInt(issues, path.key('limit'), rate.limit, MIN_RATE_LIMIT, MAX_RATE_LIMIT);
  if (rate.windowSeconds !== undefined && !RATE_LIMIT_WINDOWS.includes(rate.windowSeconds)) {
    issues.push(issue(path.key('windowSeconds'), `${show(rate.windowSeconds)} is not one of ${RATE_LIMIT_WINDOWS.join(', ')}.`,
      'AWS WAF counts requests over 1, 2, 5 or 10 minutes.'));
  }
}

/** The priority of every rule the web ACL will have, where it is valid; defaults last. */
function priorities(acl: WebAclSpec, path: SpecPath, hasAllowList: boolean, hasBlockList: boolean): Place[] {
  const places: Place[] = [];
  const add = (priority: unknown, p: SpecPath, what: string, defaulted: boolean) => {
    if (typeof priority === 'number' && Number.isInteger(priority) && priority >= 0) places.push({ priority, path: p, what, defaulted });
  };
  if (hasAllowList) add(acl.allowListPriority ?? DEFAULT_ALLOW_LIST_PRIORITY, path.key('allowListPriority'), 'the allow list', acl.allowListPriority === undefined);
  if (hasBlockList) add(acl.blockListPriority ?? DEFAULT_BLOCK_LIST_PRIORITY, path.key('blockListPriority'), 'the block list', acl.blockListPriority === undefined);
  if (isObject(acl.rateLimit)) add(acl.rateLimit.priority, path.at('rateLimit', 'priority'), 'the rate limit', false);
  const groupsPath = path.key('managedRuleGroups');
  if (acl.managedRuleGroups === undefined) {
    for (const g of DEFAULT_MANAGED_RULE_GROUPS) add(g.priority, groupsPath, `the default managed rule group ${g.name}`, true);
  } else if (Array.isArray(acl.managedRuleGroups)) {
    acl.managedRuleGroups.forEach((g, i) => {
      if (isObject(g)) add(g.priority, groupsPath.index(i).key('priority'), `managed rule group ${show(g.name)}`, false);
    });
  }
  return [...places.filter((p) => !p.defaulted), ...places.filter((p) => p.defaulted)];
}

/** Each rule of a web ACL needs its own priority: every rule that repeats one is reported, naming the first. */
function checkDistinctPriorities(places: Place[], issues: SpecIssue[]): void {
  const inUse = [...new Set(places.map((p) => p.priority))].sort((a, b) => a - b).join(', ');
  const firstOf = new Map<number, Place>();
  for (const place of places) {
    const first = firstOf.get(place.priority);
    if (first === undefined) {
      firstOf.set(place.priority, place);
      continue;
    }
    const own = place.defaulted ? `the default priority ${place.priority}` : `priority ${place.priority}`;
    const other = `${first.what} (${first.path}${first.defaulted ? ', by default' : ''})`;
    issues.push(issue(place.path, `${own} of ${place.what} is also the priority of ${other}.`,
      `${fixFor(place)} AWS WAF evaluates a web ACL's rules in priority order, so each needs its own; priorities in use: ${inUse}.`));
  }
}

function fixFor(place: Place): string {
  if (!place.defaulted) return 'Give this rule a priority no other rule has.';
  if (place.what.startsWith('the default managed rule group')) return 'List managedRuleGroups with priorities of your own, or change the other priority.';
  return `Set ${place.path.toString().split('.').pop()} to a priority no other rule has.`;
}
