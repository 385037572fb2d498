/**
 * AWS WAF web ACLs: managed rule groups, rate limit, IP lists, logging, distinct
 * priorities, and the web ACL of each Application Load Balancer.
 */
import { ErrorRow, Loose, expectIssue, expectOnlyIssue, expectValid, withAlb, withNlb } from './util';
import { ElbTopology, TopologySpec } from '../../lib';

const ACL = 'webAcls.edge';
const ALB = 'applicationLoadBalancers.public';
const ARN = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/shared/a1b2c3d4-5678-90ab-cdef-111122223333';

/** The minimal spec whose `public` ALB uses web ACL `edge`, with these fields. */
function withWebAcl(acl: Loose = {}, alb: Loose = { webAcl: 'edge' }): TopologySpec {
  return { ...withAlb(alb), webAcls: { edge: acl } };
}

const group = (name: string, priority: number, more: Loose = {}) => ({ name, priority, ...more });

describe('web ACL fields', () => {
  test.each<ErrorRow>([
    ['a field is misspelt', withWebAcl({ loggingEnable: false }), `${ACL}.loggingEnable`, /^unknown field 'loggingEnable'\. Did you mean 'loggingEnabled'\?/],
    ['countOnly is a string from JSON', withWebAcl({ countOnly: 'yes' }), `${ACL}.countOnly`, /^must be true or false, got 'yes'\.$/],
    ['the log retention is not one CloudWatch Logs accepts', withWebAcl({ logRetentionDays: 100 }), `${ACL}.logRetentionDays`,
      /^100 is not a retention CloudWatch Logs accepts\. Use one of 1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, /],
    ['a web ACL has no rule at all', withWebAcl({ managedRuleGroups: [] }), ACL,
      /^has no rules: managedRuleGroups is empty, and there is no rateLimit, allowedIpCidrs or blockedIpCidrs\. Leave out managedRuleGroups for the four baseline/],
    ['a web ACL has only empty IP lists', withWebAcl({ managedRuleGroups: [], allowedIpCidrs: [], blockedIpCidrs: [] }), ACL, /^has no rules:/],
    ['a web ACL name has upper case', { ...withAlb({ webAcl: 'Edge' }), webAcls: { Edge: {} } }, 'webAcls.Edge',
      /^the name 'Edge' is not valid\. Use lowercase letters, digits and hyphens/],
    ['the webAcls section is a list', { ...withAlb({}), webAcls: [] as Loose }, 'webAcls', /^must be a map from names to webAcls, got \[\]\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts a web ACL with the defaults, and one with every field', () => {
    expectValid(withWebAcl());
    expectValid(withWebAcl({
      managedRuleGroups: [group('AWSManagedRulesCommonRuleSet', 20, { excludedRules: ['SizeRestrictions_BODY'], countOnly: false }),
        group('AWSManagedRulesBotControlRuleSet', 30, { countOnly: true }), group('SomeRuleGroup', 40, { vendor: 'Example Seller' })],
      rateLimit: { limit: 10, windowSeconds: 60, priority: 5, countOnly: true },
      allowedIpCidrs: ['198.51.100.0/24', '2001:db8:1::/48'],
      allowListPriority: 1,
      blockedIpCidrs: ['203.0.113.7/32', '2001:db8::1/128'],
      blockListPriority: 2,
      countOnly: false,
      blockUnmatchedRequests: true,
      loggingEnabled: true,
      logRetentionDays: 731,
    }));
  });

  test('accepts a web ACL with no managed rule group but a rate limit', () => {
    expectValid(withWebAcl({ managedRuleGroups: [], rateLimit: { limit: 2000, priority: 0 } }));
  });
});

describe('managed rule groups', () => {
  const G = `${ACL}.managedRuleGroups`;
  test.each<ErrorRow>([
    ['an AWS managed rule group name is misspelt', withWebAcl({ managedRuleGroups: [group('AWSManagedRulesSQLIRuleset', 10), group('AWSManagedRulesCommonRuleSet', 20)] }),
      `${G}[0].name`, /^unknown AWS managed rule group 'AWSManagedRulesSQLIRuleset'\. Did you mean 'AWSManagedRulesSQLiRuleSet'\? Known AWS managed rule groups: AWSManagedRulesACFPRuleSet, /],
    ['an AWS managed rule group is named without its prefix', withWebAcl({ managedRuleGroups: [group('KnownBadInputsRuleSet', 10)] }), `${G}[0].name`,
      /^unknown AWS managed rule group 'KnownBadInputsRuleSet'\. Did you mean 'AWSManagedRulesKnownBadInputsRuleSet'\?/],
    ['an AWS managed rule group is like none', withWebAcl({ managedRuleGroups: [group('Firewall', 10)] }), `${G}[0].name`,
      /^unknown AWS managed rule group 'Firewall'\. Known AWS managed rule groups: .* For a rule group from AWS Marketplace, set `vendor`\.$/],
    ['a rule group needs configuration the spec does not model', withWebAcl({ managedRuleGroups: [group('AWSManagedRulesATPRuleSet', 10)] }), `${G}[0].name`,
      /^'AWSManagedRulesATPRuleSet' needs configuration that the spec does not model \(the login page and how to read its requests\)\. Create a web ACL with this rule group yourself and attach it with the load balancer's `webAclArn`\.$/],
    ['a rule group is listed twice', withWebAcl({ managedRuleGroups: [group('AWSManagedRulesSQLiRuleSet', 10), group('AWSManagedRulesSQLiRuleSet', 20)] }),
      `${G}[1].name`, /^rule group 'AWSManagedRulesSQLiRuleSet' is listed twice \(also at webAcls\.edge\.managedRuleGroups\[0\]\)\. List each rule group once\.$/],
    ['a rule group has no name', withWebAcl({ managedRuleGroups: [{ priority: 10 }] }), `${G}[0].name`, /^is missing\. Name the rule group as its vendor spells it/],
    ['a rule group has no priority', withWebAcl({ managedRuleGroups: [{ name: 'AWSManagedRulesSQLiRuleSet' }] }), `${G}[0].priority`,
      /^is missing\. Give the rule a priority from 0 to 2147483647: AWS WAF evaluates the rules of a web ACL from the lowest priority\.$/],
    ['a priority is negative', withWebAcl({ managedRuleGroups: [group('AWSManagedRulesSQLiRuleSet', -1)] }), `${G}[0].priority`,
      /^-1 is outside the allowed range 0-2147483647\./],
    ['a priority is a fraction', withWebAcl({ managedRuleGroups: [group('AWSManagedRulesSQLiRuleSet', 1.5)] }), `${G}[0].priority`,
      /^must be a whole number from 0 to 2147483647, got 1\.5\.$/],
    ['the name of a rule group of another vendor has a space', withWebAcl({ managedRuleGroups: [group('Some Rule Group', 10, { vendor: 'Example Seller' })] }),
      `${G}[0].name`, /^'Some Rule Group' is not a rule group's name\. Copy the name from the seller's listing in AWS Marketplace/],
    ['the vendor is empty', withWebAcl({ managedRuleGroups: [group('SomeRuleGroup', 10, { vendor: '' })] }), `${G}[0].vendor`,
      /^must be the rule group's vendor, got ''\. Leave it out for AWS's own rule groups\.$/],
    ['an excluded rule name has a space', withWebAcl({ managedRuleGroups: [group('AWSManagedRulesCommonRuleSet', 10, { excludedRules: ['Size Restrictions'] })] }),
      `${G}[0].excludedRules[0]`, /^'Size Restrictions' is not a rule name\./],
    ['an excluded rule is listed twice', withWebAcl({ managedRuleGroups: [group('AWSManagedRulesCommonRuleSet', 10, { excludedRules: ['NoUserAgent_HEADER', 'NoUserAgent_HEADER'] })] }),
      `${G}[0].excludedRules[1]`, /^rule 'NoUserAgent_HEADER' is listed twice\. List each rule once\.$/],
    ['excludedRules is a string', withWebAcl({ managedRuleGroups: [group('AWSManagedRulesCommonRuleSet', 10, { excludedRules: 'NoUserAgent_HEADER' })] }),
      `${G}[0].excludedRules`, /^must be a list of rule names, got 'NoUserAgent_HEADER'\./],
    ['a rule group field is misspelt', withWebAcl({ managedRuleGroups: [group('AWSManagedRulesCommonRuleSet', 10, { exludedRules: [] })] }),
      `${G}[0].exludedRules`, /^unknown field 'exludedRules'\. Did you mean 'excludedRules'\?/],
    ['the rule groups are one object', withWebAcl({ managedRuleGroups: group('AWSManagedRulesCommonRuleSet', 10) }), G,
      /^must be a list of managed rule groups, got \{"name":"AWSManagedRulesCommonRuleSet","priority":10\}\./],
    ['a rule group is a string', withWebAcl({ managedRuleGroups: ['AWSManagedRulesCommonRuleSet'] }), `${G}[0]`, /^must be an object, got 'AWSManagedRulesCommonRuleSet'\./],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts any name of a rule group from another vendor', () => {
    expectValid(withWebAcl({ managedRuleGroups: [group('AWSManagedRulesSQLIRuleset', 10, { vendor: 'Example Seller' })] }));
  });
});

describe('rate limit', () => {
  const R = `${ACL}.rateLimit`;
  test.each<ErrorRow>([
    ['the limit is below 10', withWebAcl({ rateLimit: { limit: 9, priority: 5 } }), `${R}.limit`, /^9 is outside the allowed range 10-2000000000\./],
    ['the limit is above 2 billion', withWebAcl({ rateLimit: { limit: 2000000001, priority: 5 } }), `${R}.limit`, /^2000000001 is outside the allowed range 10-2000000000\./],
    ['the limit is missing', withWebAcl({ rateLimit: { priority: 5 } }), `${R}.limit`,
      /^is missing\. Give the most requests one client IP address may send in the window, from 10 to 2000000000\.$/],
    ['the window is not one AWS WAF offers', withWebAcl({ rateLimit: { limit: 100, priority: 5, windowSeconds: 30 } }), `${R}.windowSeconds`,
      /^30 is not one of 60, 120, 300, 600\. AWS WAF counts requests over 1, 2, 5 or 10 minutes\.$/],
    ['the priority is missing', withWebAcl({ rateLimit: { limit: 100 } }), `${R}.priority`, /^is missing\. Give the rule a priority/],
    ['countOnly is a string', withWebAcl({ rateLimit: { limit: 100, priority: 5, countOnly: 'true' } }), `${R}.countOnly`, /^must be true or false, got 'true'\.$/],
    ['a field is misspelt', withWebAcl({ rateLimit: { limit: 100, priority: 5, window: 60 } }), `${R}.window`, /^unknown field 'window'\. Known fields: countOnly, limit, priority, windowSeconds\.$/],
    ['the rate limit is a number', withWebAcl({ rateLimit: 100 }), R, /^must be an object, got 100\. Write for example \{ limit: 2000, priority: 2 \}\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));
});

describe('IP lists', () => {
  const A = `${ACL}.allowedIpCidrs`;
  const B = `${ACL}.blockedIpCidrs`;
  test.each<ErrorRow>([
    ['an address has no prefix', withWebAcl({ blockedIpCidrs: ['203.0.113.7'] }), `${B}[0]`,
      /^'203\.0\.113\.7' is not an IPv4 or IPv6 CIDR block\. Write it as address\/prefix, .*one address is \/32 \(IPv4\) or \/128 \(IPv6\)\.$/],
    ['an IPv4 octet is out of range', withWebAcl({ allowedIpCidrs: ['198.51.100.256/32'] }), `${A}[0]`, /^'198\.51\.100\.256\/32' is not an IPv4 or IPv6 CIDR block\./],
    ['an IPv4 prefix is too long', withWebAcl({ allowedIpCidrs: ['198.51.100.0/33'] }), `${A}[0]`, /^'198\.51\.100\.0\/33' is not an IPv4 or IPv6 CIDR block\./],
    ['an IPv6 address has two ::', withWebAcl({ blockedIpCidrs: ['2001::db8::/32'] }), `${B}[0]`, /^'2001::db8::\/32' is not an IPv4 or IPv6 CIDR block\./],
    ['an IPv6 address has a bad group', withWebAcl({ blockedIpCidrs: ['2001:db8:zz::/48'] }), `${B}[0]`, /^'2001:db8:zz::\/48' is not an IPv4 or IPv6 CIDR block\./],
    ['an IPv4 block has host bits', withWebAcl({ blockedIpCidrs: ['203.0.113.7/24'] }), `${B}[0]`,
      /^'203\.0\.113\.7\/24' has bits set after its \/24 prefix\. Write the network address: '203\.0\.113\.0\/24'\.$/],
    ['an IPv6 block has host bits', withWebAcl({ blockedIpCidrs: ['2001:db8::1/32'] }), `${B}[0]`,
      /^'2001:db8::1\/32' has bits set after its \/32 prefix\. Write the network address: '2001:db8::\/32'\.$/],
    ['a block has the prefix /0', withWebAcl({ blockedIpCidrs: ['0.0.0.0/0'] }), `${B}[0]`,
      /^'0\.0\.0\.0\/0' has the prefix \/0, which AWS WAF does not accept\. Use a prefix from \/1 to \/32; for every address, list the two halves \('0\.0\.0\.0\/1', '128\.0\.0\.0\/1'\)\.$/],
    ['a block is listed twice, written differently', withWebAcl({ allowedIpCidrs: ['2001:db8::/32', '2001:0db8:0:0::/32'] }), `${A}[1]`,
      /^'2001:0db8:0:0::\/32' is listed twice \(also at webAcls\.edge\.allowedIpCidrs\[0\]\)\. List each block once\.$/],
    ['a list is a string', withWebAcl({ allowedIpCidrs: '198.51.100.0/24' }), A, /^must be a list of CIDR blocks, got '198\.51\.100\.0\/24'\./],
    ['a list has more than 10000 blocks', withWebAcl({ blockedIpCidrs: Array.from({ length: 10001 }, (_, i) => `10.${Math.floor(i / 256)}.${i % 256}.0/24`) }), B,
      /^10001 CIDR blocks exceed AWS WAF's quota of 10000 per IP set\./],
    ['a list priority is a string', withWebAcl({ allowedIpCidrs: ['198.51.100.0/24'], allowListPriority: '0' }), `${ACL}.allowListPriority`,
      /^must be a whole number from 0 to 2147483647, got '0'\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));
});

describe('rule priorities', () => {
  test.each<ErrorRow>([
    ['two managed rule groups share a priority', withWebAcl({ managedRuleGroups: [group('AWSManagedRulesCommonRuleSet', 10), group('AWSManagedRulesSQLiRuleSet', 10)] }),
      `${ACL}.managedRuleGroups[1].priority`,
      /^priority 10 of managed rule group 'AWSManagedRulesSQLiRuleSet' is also the priority of managed rule group 'AWSManagedRulesCommonRuleSet' \(webAcls\.edge\.managedRuleGroups\[0\]\.priority\)\. Give this rule a priority no other rule has\. AWS WAF evaluates a web ACL's rules in priority order, so each needs its own; priorities in use: 10\.$/],
    ['the rate limit takes the priority of a default managed rule group', withWebAcl({ rateLimit: { limit: 100, priority: 20 } }), `${ACL}.managedRuleGroups`,
      /^the default priority 20 of the default managed rule group AWSManagedRulesCommonRuleSet is also the priority of the rate limit \(webAcls\.edge\.rateLimit\.priority\)\. List managedRuleGroups with priorities of your own, or change the other priority\. .*priorities in use: 10, 20, 30, 40\.$/],
    ['the rate limit takes the default priority of the allow list', withWebAcl({ allowedIpCidrs: ['198.51.100.0/24'], rateLimit: { limit: 100, priority: 0 } }),
      `${ACL}.allowListPriority`,
      /^the default priority 0 of the allow list is also the priority of the rate limit \(webAcls\.edge\.rateLimit\.priority\)\. Set allowListPriority to a priority no other rule has\./],
    ['the allow and block lists share a priority', withWebAcl({ allowedIpCidrs: ['198.51.100.0/24'], blockedIpCidrs: ['203.0.113.0/24'], blockListPriority: 0 }),
      `${ACL}.allowListPriority`, /^the default priority 0 of the allow list is also the priority of the block list \(webAcls\.edge\.blockListPriority\)\./],
    ['a managed rule group takes the priority of the block list',
      withWebAcl({ blockedIpCidrs: ['203.0.113.0/24'], blockListPriority: 5, managedRuleGroups: [group('AWSManagedRulesCommonRuleSet', 5)] }),
      `${ACL}.managedRuleGroups[0].priority`,
      /^priority 5 of managed rule group 'AWSManagedRulesCommonRuleSet' is also the priority of the block list \(webAcls\.edge\.blockListPriority\)\./],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('fails for every rule that repeats a priority, each naming the first', () => {
    const spec = withWebAcl({
      rateLimit: { limit: 100, priority: 7 },
      managedRuleGroups: [group('AWSManagedRulesCommonRuleSet', 7), group('AWSManagedRulesSQLiRuleSet', 7)],
    });
    expectIssue(spec, `${ACL}.managedRuleGroups[0].priority`, /^priority 7 of managed rule group 'AWSManagedRulesCommonRuleSet' is also the priority of the rate limit/);
    expectIssue(spec, `${ACL}.managedRuleGroups[1].priority`, /^priority 7 of managed rule group 'AWSManagedRulesSQLiRuleSet' is also the priority of the rate limit/);
  });

  test('counts the priority of an empty IP list for nothing', () => {
    expectValid(withWebAcl({ allowedIpCidrs: [], rateLimit: { limit: 100, priority: 0 } }));
  });
});

describe('the web ACL of an Application Load Balancer', () => {
  test.each<ErrorRow>([
    ['it names an unknown web ACL', withWebAcl({}, { webAcl: 'egde' }), `${ALB}.webAcl`, /^unknown web ACL 'egde'\. Did you mean 'edge'\? Known web ACLs: edge\.$/],
    ['it names a web ACL when none is declared', withAlb({ webAcl: 'edge' }), `${ALB}.webAcl`, /^unknown web ACL 'edge'\. No web ACLs are declared; add one under `webAcls`\.$/],
    ['it gives both a web ACL and an ARN', withWebAcl({}, { webAcl: 'edge', webAclArn: ARN }), `${ALB}.webAclArn`,
      /^is set beside webAcl \('edge'\), but a load balancer has one web ACL\. Remove webAcl to attach the existing web ACL, or remove webAclArn/],
    ['the ARN is of a global web ACL', withAlb({ webAclArn: ARN.replace('regional', 'global') }), `${ALB}.webAclArn`,
      /^'arn:aws:wafv2:us-east-1:123456789012:global\/webacl\/shared\/.*' is a global web ACL, which only CloudFront distributions can use\. Give a web ACL of the Regional scope/],
    ['the ARN is of an AWS WAF Classic web ACL', withAlb({ webAclArn: 'arn:aws:waf-regional:us-east-1:123456789012:webacl/a1b2c3d4-5678-90ab-cdef-111122223333' }),
      `${ALB}.webAclArn`, /^'arn:aws:waf-regional:.*' is an AWS WAF Classic web ACL, which this topology cannot attach\. Migrate it to AWS WAF \(wafv2\)/],
    ['the ARN is of a load balancer', withAlb({ webAclArn: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/web/50dc6c495c0c9188' }),
      `${ALB}.webAclArn`, /^'arn:aws:elasticloadbalancing:.*' is not the ARN of a regional AWS WAF web ACL\. Copy it from the AWS WAF console/],
    ['the ARN is a number', withAlb({ webAclArn: 42 }), `${ALB}.webAclArn`, /^42 is not the ARN of a regional AWS WAF web ACL\./],
    ['a Network Load Balancer names a web ACL', { ...withNlb({ webAcl: 'edge' }), webAcls: { edge: {} } }, 'networkLoadBalancers.edge.webAcl',
      /^unknown field 'webAcl'\./],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts the ARN of a regional web ACL, also in another partition', () => {
    expectValid(withAlb({ webAclArn: ARN }));
    expectValid(withAlb({ webAclArn: 'arn:aws-us-gov:wafv2:us-gov-west-1:123456789012:regional/webacl/shared/a1b2c3d4-5678-90ab-cdef-111122223333' }));
  });

  test('reports every problem of a spec at once', () => {
    const spec = withWebAcl({ managedRuleGroups: [group('AWSManagedRulesSQLiRuleset', 10), group('AWSManagedRulesCommonRuleSet', 10)] }, { webAcl: 'egde' });
    expect(ElbTopology.validateSpec(spec).map((i) => i.path)).toEqual([`${ALB}.webAcl`, `${ACL}.managedRuleGroups[0].name`, `${ACL}.managedRuleGroups[1].priority`]);
  });
});
