/**
 * Listener rules and their actions: identity, priorities, listener, conditions, the
 * exactly-one-of actions, forward and weighted forward, redirect and fixed response.
 */
import { ListenerRuleSpec } from '../../lib';
import { minimalSpec } from '../helpers';
import { ErrorRow, Loose, expectIssue, expectOnlyIssue, expectValid, rule, withAlb, withRules } from './util';

const R0 = 'applicationLoadBalancers.public.rules[0]';
const R1 = 'applicationLoadBalancers.public.rules[1]';
const forwardToWeb = { forward: { targetGroup: 'web' } };
/** Two HTTPS listeners, so that rules must name theirs. */
const twoListeners = { https: { defaultAction: forwardToWeb }, admin: { port: 8443, defaultAction: forwardToWeb } };

/** `n` valid rules, each named and with its own path. */
function manyRules(n: number): ListenerRuleSpec[] {
  return Array.from({ length: n }, (_, i) => rule({ name: `r${i}`, conditions: { pathPatterns: [`/p${i}`] } }));
}

/** Weighted forward over target groups `tg0`…, which the spec declares, with these weights. */
function weighted(weights: Loose[], names = weights.map((_, i) => `tg${i}`)) {
  const targetGroups = Object.fromEntries([...new Set(names)].map((n) => [n, { fleet: 'web' }]));
  return {
    ...withRules(rule({ forward: undefined, weightedForward: { targetGroups: weights.map((weight, i) => ({ targetGroup: names[i], weight })) } })),
    targetGroups: { web: { fleet: 'web' }, ...targetGroups },
  };
}

describe('rule references', () => {
  test.each<ErrorRow>([
    ["a rule forwards to 'wbe' when 'web' exists", withRules(rule({ forward: { targetGroup: 'wbe' } })), `${R0}.forward.targetGroup`,
      /^unknown target group 'wbe'\. Did you mean 'web'\? Known target groups: web\.$/],
    ['a rule forwards to a target group like none', withRules(rule({ forward: { targetGroup: 'payments' } })), `${R0}.forward.targetGroup`,
      /^unknown target group 'payments'\. Known target groups: web\.$/],
    ['a rule forwards to no target group', withRules(rule({ forward: {} as Loose })), `${R0}.forward.targetGroup`, /^must name a target group, got nothing\./],
    ['a weighted forward names an unknown target group', withRules(rule({ forward: undefined, weightedForward: { targetGroups: [{ targetGroup: 'webb', weight: 1 }] } })),
      `${R0}.weightedForward.targetGroups[0].targetGroup`, /^unknown target group 'webb'\. Did you mean 'web'\?/],
    ['a rule names an unknown listener', withRules(rule({ listener: 'htps' })), `${R0}.listener`, /^unknown listener 'htps'\. Did you mean 'https'\? Known listeners: https\.$/],
    ['a rule names no listener on an ALB with two HTTPS listeners', withAlb({ listeners: twoListeners, rules: [rule()] }), `${R0}.listener`,
      /^the load balancer has 2 listeners and the rule names none\. Set listener to one of: admin, https\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test.each(['TCP', 'UDP', 'TCP_UDP', 'TLS'])('fails when a rule forwards to a %s (Network Load Balancer) target group', (protocol) => {
    const spec = { ...withRules(rule({ forward: { targetGroup: 'nlb' } })), targetGroups: { web: { fleet: 'web' }, nlb: { fleet: 'web', protocol: protocol as Loose } } };
    expectOnlyIssue(spec, `${R0}.forward.targetGroup`,
      new RegExp(`^target group 'nlb' uses ${protocol}, which an Application Load Balancer cannot forward to\\. Forward to an HTTP or HTTPS target group\\.$`));
  });

  test('fails when a weighted forward or a default action names a Network Load Balancer target group', () => {
    const targetGroups = { web: { fleet: 'web' }, nlb: { fleet: 'web', protocol: 'TCP' as Loose } };
    expectOnlyIssue({ ...withRules(rule({ forward: undefined, weightedForward: { targetGroups: [{ targetGroup: 'web', weight: 1 }, { targetGroup: 'nlb', weight: 1 }] } })), targetGroups },
      `${R0}.weightedForward.targetGroups[1].targetGroup`, /^target group 'nlb' uses TCP, which an Application Load Balancer cannot forward to\./);
    expectOnlyIssue({ ...withAlb({ listeners: { https: { defaultAction: { forward: { targetGroup: 'nlb' } } } } }), targetGroups },
      'applicationLoadBalancers.public.listeners.https.defaultAction.forward.targetGroup', /^target group 'nlb' uses TCP, which an Application Load Balancer cannot forward to\./);
  });

  test('accepts a rule on a named listener of an ALB with two HTTPS listeners', () => {
    expectValid(withAlb({ listeners: twoListeners, rules: [rule({ listener: 'admin' })] }));
  });
});

describe('rule identity and priorities', () => {
  test.each<ErrorRow>([
    ['a rule has neither name nor priority', withRules(rule({ name: undefined })), R0,
      /^has neither a name nor a priority, so it has no stable identity\. Give the rule a `name` \(its priority is then derived from its place in the list\) or an explicit `priority`\.$/],
    ['two rules on one listener have the same priority', withRules(rule({ name: 'a', priority: 5 }), rule({ name: 'b', priority: 5, conditions: { pathPatterns: ['/b'] } })),
      `${R1}.priority`, /^priority 5 is already used by rules\[0\] on listener 'https'\. Give each rule of a listener its own priority\.$/],
    ['two unnamed rules on one listener have the same priority', withRules(rule({ name: undefined, priority: 5 }), rule({ name: undefined, priority: 5, conditions: { pathPatterns: ['/b'] } })),
      `${R1}.priority`, /^priority 5 is already used by rules\[0\] on listener 'https'\./],
    ['an explicit priority repeats a derived one', withRules(rule({ name: 'a' }), rule({ name: 'b', priority: 10, conditions: { pathPatterns: ['/b'] } })),
      `${R1}.priority`, /^priority 10 is already used by rules\[0\] on listener 'https'\./],
    ['two unnamed rules on different listeners have the same priority',
      withAlb({ listeners: twoListeners, rules: [rule({ name: undefined, priority: 5, listener: 'https' }), rule({ name: undefined, priority: 5, listener: 'admin' })] }),
      `${R1}.priority`, /^rules\[0\] also has priority 5 and no name, so both would be identified as 'priority-5'\. Give one of the two rules a `name`\.$/],
    ["an unnamed rule's identity is another rule's name", withRules(rule({ name: 'priority-20', priority: 30 }), rule({ name: undefined, priority: 20, conditions: { pathPatterns: ['/b'] } })),
      `${R1}.priority`, /^a rule without a name is identified as 'priority-20', which rules\[0\] uses as its name\. Give one of the two rules a `name`\.$/],
    ['two rules have the same name', withRules(rule({ name: 'api' }), rule({ name: 'api', conditions: { pathPatterns: ['/b'] } })), `${R1}.name`,
      /^rule 'api' is declared twice \(also rules\[0\]\)\. Give each rule of a load balancer its own name\.$/],
    ['the priority is 0', withRules(rule({ priority: 0 })), `${R0}.priority`, /^0 is outside the allowed range 1-50000\. Use a value from 1 to 50000\.$/],
    ['the priority is above 50000', withRules(rule({ priority: 50001 })), `${R0}.priority`, /^50001 is outside the allowed range 1-50000\./],
    ['the priority is a string from JSON', withRules(rule({ priority: '10' })), `${R0}.priority`, /^must be a whole number from 1 to 50000, got '10'\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('fails when an ALB has more than 100 rules', () => {
    expectOnlyIssue(withRules(...manyRules(101)), 'applicationLoadBalancers.public.rules',
      /^101 rules exceed AWS's default quota of 100 per Application Load Balancer\. Split the routes across load balancers/);
  });

  test('fails when a derived priority passes 50000 (the 5001st rule without one)', () => {
    const spec = withRules(...manyRules(5001));
    expectIssue(spec, 'applicationLoadBalancers.public.rules[5000]', /^the derived priority 50010 exceeds 50000\. Give this rule an explicit priority from 1 to 50000\.$/);
    expectIssue(spec, 'applicationLoadBalancers.public.rules', /^5001 rules exceed AWS's default quota of 100/);
  });

  test.each<ErrorRow>([
    ['rules is not a list', withAlb({ rules: { api: rule() } }), 'applicationLoadBalancers.public.rules', /^must be a list of rules, got \{"api":/],
    ['a rule is not an object', withRules(rule(), 'api'), R1, /^must be an object, got 'api'\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts 100 rules, priorities 1 and 50000, and the same priority on different listeners', () => {
    expectValid(withRules(...manyRules(100)));
    expectValid(withRules(rule({ name: 'first', priority: 1 }), rule({ name: 'last', priority: 50000, conditions: { pathPatterns: ['/z'] } })));
    expectValid(withAlb({ listeners: twoListeners, rules: [rule({ name: 'a', priority: 5, listener: 'https' }), rule({ name: 'b', priority: 5, listener: 'admin' })] }));
  });
});

describe('rule conditions', () => {
  const C = `${R0}.conditions`;
  test.each<ErrorRow>([
    ['a rule has more than 5 condition values', withRules(rule({ conditions: { pathPatterns: ['/a', '/b', '/c'], hostHeaders: ['a.example.com', 'b.example.com', 'c.example.com'] } })), C,
      /^6 condition values exceed AWS's limit of 5 per rule\. Split the values across several rules with the same action\.$/],
    ['header and query values make more than 5', withRules(rule({ conditions: { httpHeaders: { 'X-Env': ['a', 'b', 'c'] }, queryStrings: [{ value: 'x' }, { key: 'k', value: 'y' }, { value: 'z' }] } })), C,
      /^6 condition values exceed AWS's limit of 5 per rule\./],
    ['a rule has more than 5 wildcards', withRules(rule({ conditions: { pathPatterns: ['/a*?*', '/b*?*'] } })), C,
      /^6 wildcards exceed AWS's limit of 5 per rule\. Use fewer `\*` and `\?`, or split the values across rules\.$/],
    ['a rule has no condition', withRules(rule({ conditions: {} })), C, /^has no condition\. Set at least one of pathPatterns, hostHeaders, httpHeaders, queryStrings, httpRequestMethods or sourceIps/],
    ['conditions is missing', withRules(rule({ conditions: undefined })), C, /^must be an object of match lists, got nothing\. Set at least one of /],
    ['a path pattern is relative', withRules(rule({ conditions: { pathPatterns: ['api/*'] } })), `${C}.pathPatterns[0]`, /^'api\/\*' does not begin with '\/'\. Write an absolute path pattern/],
    ['path patterns are a string', withRules(rule({ conditions: { pathPatterns: '/api/*' } })), `${C}.pathPatterns`, /^must be a non-empty list of strings, got '\/api\/\*'\.$/],
    ['host headers are empty', withRules(rule({ conditions: { hostHeaders: [] } })), `${C}.hostHeaders`, /^must be a non-empty list of strings, got \[\]\.$/],
    ['a method is in lower case', withRules(rule({ conditions: { httpRequestMethods: ['get'] } })), `${C}.httpRequestMethods[0]`, /^'get' is not an HTTP method in upper case\./],
    ['a source IP is not a CIDR block', withRules(rule({ conditions: { sourceIps: ['300.0.0.0/8'] } })), `${C}.sourceIps[0]`,
      /^'300\.0\.0\.0\/8' is not an IPv4 CIDR block\. Write it as address\/prefix, for example '203\.0\.113\.0\/24'\.$/],
    ['a source IP has no prefix', withRules(rule({ conditions: { sourceIps: ['192.0.2.10'] } })), `${C}.sourceIps[0]`, /^'192\.0\.2\.10' is not an IPv4 CIDR block\./],
    ['a header has no values', withRules(rule({ conditions: { httpHeaders: { 'X-Env': [] } } })), `${C}.httpHeaders.X-Env`, /^must be a non-empty list of non-empty values, got \[\]\.$/],
    ['a header value is empty', withRules(rule({ conditions: { httpHeaders: { 'X-Env': [''] } } })), `${C}.httpHeaders.X-Env`, /^must be a non-empty list of non-empty values, got \[""\]\.$/],
    ['a query string match has no value', withRules(rule({ conditions: { queryStrings: [{ key: 'lang' }] } })), `${C}.queryStrings[0]`,
      /^must be \{ key\?, value \} with a non-empty value \(and key, if given\), got \{"key":"lang"\}\.$/],
    ['a query string key is a number from JSON', withRules(rule({ conditions: { queryStrings: [{ key: 5, value: 'x' }] } })), `${C}.queryStrings[0]`,
      /^must be \{ key\?, value \} with a non-empty value \(and key, if given\), got \{"key":5,"value":"x"\}\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts exactly 5 condition values with exactly 5 wildcards', () => {
    expectValid(withRules(rule({ conditions: { pathPatterns: ['/a*', '/b*', '/c*'], hostHeaders: ['*.example.com', '?.example.net'] } })));
  });
});

describe('rule actions', () => {
  test.each<ErrorRow>([
    ['a rule has no action', withRules(rule({ forward: undefined })), R0,
      /^has no action\. Set exactly one of `forward`, `weightedForward`, `redirect` or `fixedResponse`\.$/],
    ['a rule has two actions', withRules(rule({ fixedResponse: { statusCode: 404 } })), R0,
      /^has 2 actions \(forward, fixedResponse\), but exactly one is allowed\. Set exactly one of `forward`, `weightedForward`, `redirect` or `fixedResponse`\.$/],
    ['forward is a string', withRules(rule({ forward: 'web' })), `${R0}.forward`, /^must be an object with a targetGroup, got 'web'\.$/],
    ['a redirect changes nothing, so it loops', withRules(rule({ forward: undefined, redirect: { permanent: false } })), `${R0}.redirect`,
      /^redirects every request to itself, which loops\. Change at least one of protocol, host, port, path or query\.$/],
    ['a redirect path is relative', withRules(rule({ forward: undefined, redirect: { path: 'new' } })), `${R0}.redirect.path`, /^'new' is not an absolute path\. Begin it with '\/'/],
    ['a redirect query keeps its ?', withRules(rule({ forward: undefined, redirect: { query: '?a=1' } })), `${R0}.redirect.query`, /^'\?a=1' is not a query string without its leading '\?'\./],
    ['a redirect host is empty', withRules(rule({ forward: undefined, redirect: { host: '' } })), `${R0}.redirect.host`,
      /^'' is not a host name of 1 to 128 characters\. Write for example 'www\.example\.com', or leave host out to keep the request's host\.$/],
    ['a redirect host is a list from JSON', withRules(rule({ forward: undefined, redirect: { host: ['a.example.com'] } })), `${R0}.redirect.host`, /^\["a\.example\.com"\] is not a host name of 1 to 128 characters\./],
    ['a redirect protocol is in lower case', withRules(rule({ forward: undefined, redirect: { protocol: 'https' } })), `${R0}.redirect.protocol`, /^'https' is not one of 'HTTP', 'HTTPS', '#\{protocol\}'\.$/],
    ['a fixed response has a 3XX status', withRules(rule({ forward: undefined, fixedResponse: { statusCode: 301 } })), `${R0}.fixedResponse.statusCode`,
      /^301 is not an HTTP status code of class 2XX, 4XX or 5XX\. Use for example 200, 404 or 503\.$/],
    ['a fixed response status is a string from JSON', withRules(rule({ forward: undefined, fixedResponse: { statusCode: '404' } })), `${R0}.fixedResponse.statusCode`,
      /^'404' is not an HTTP status code of class 2XX, 4XX or 5XX\./],
    ['a fixed response body is longer than 1024 characters', withRules(rule({ forward: undefined, fixedResponse: { statusCode: 200, messageBody: 'x'.repeat(1025) } })),
      `${R0}.fixedResponse.messageBody`, /^must be text of at most 1024 characters, got 1025 characters\.$/],
    ['a fixed response content type is unknown', withRules(rule({ forward: undefined, fixedResponse: { statusCode: 200, contentType: 'text/xml' } })), `${R0}.fixedResponse.contentType`,
      /^'text\/xml' is not one of 'text\/plain', 'text\/css', 'text\/html', 'application\/javascript', 'application\/json'\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));
});

describe('weighted forward', () => {
  const WF = `${R0}.weightedForward`;
  test.each<ErrorRow>([
    ['it lists more than 5 target groups', weighted([1, 1, 1, 1, 1, 1]), `${WF}.targetGroups`,
      /^6 target groups exceed AWS's limit of 5 per forward action\. Split the traffic with several rules, or combine target groups\.$/],
    ['a weight is above 999', weighted([1000]), `${WF}.targetGroups[0].weight`, /^1000 is outside the allowed range 0-999\. Use a value from 0 to 999\.$/],
    ['a weight is negative', weighted([-1, 1]), `${WF}.targetGroups[0].weight`, /^-1 is outside the allowed range 0-999\./],
    ['a weight is a string from JSON', weighted(['50', 50]), `${WF}.targetGroups[0].weight`, /^must be a whole number from 0 to 999, got '50'\.$/],
    ['a weight is missing', weighted([undefined, 1]), `${WF}.targetGroups[0].weight`, /^is missing\. Give each target group a weight from 0 to 999\.$/],
    ['all weights are 0', weighted([0, 0]), `${WF}.targetGroups`,
      /^every weight is 0, so no target group would receive requests\. Give at least one target group a weight above 0\.$/],
    ['a target group is listed twice', weighted([1, 2], ['tg0', 'tg0']), `${WF}.targetGroups[1].targetGroup`,
      /^target group 'tg0' is listed twice\. List each target group once, with its total weight\.$/],
    ['it lists no target groups', weighted([]), `${WF}.targetGroups`, /^must list 1 to 5 target groups with weights, got \[\]\.$/],
    ['an entry is a string', withRules(rule({ forward: undefined, weightedForward: { targetGroups: ['web'] } })), `${WF}.targetGroups[0]`, /^must be \{ targetGroup, weight \}, got 'web'\.$/],
    ['the stickiness duration is above 7 days', { ...weighted([1]), ...withRules(rule({ forward: undefined, weightedForward: { targetGroups: [{ targetGroup: 'web', weight: 1 }], stickinessDurationSeconds: 604801 } })) },
      `${WF}.stickinessDurationSeconds`, /^604801 is outside the allowed range 1-604800\./],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts 5 target groups with weights from 0 to 999', () => {
    expectValid(weighted([0, 1, 500, 998, 999]));
  });
});

describe('rules of several load balancers', () => {
  test('reports each rule at the path of its own load balancer', () => {
    const good = withRules(rule()).applicationLoadBalancers!.public;
    const spec = minimalSpec({ applicationLoadBalancers: { a: good, b: { ...good, rules: [rule({ forward: { targetGroup: 'wbe' } })] } } });
    expectOnlyIssue(spec, 'applicationLoadBalancers.b.rules[0].forward.targetGroup', /^unknown target group 'wbe'\. Did you mean 'web'\?/);
  });
});
