import { ApplicationProtocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { FixedResponseContentType, ListenerRuleSpec, RedirectProtocol, TopologySpec } from '../../lib';
import { build, minimalSpec } from '../helpers';
import { logicalId, refTo, resourceOf } from '../template-helpers';

const RULES: ListenerRuleSpec[] = [
  { name: 'paths', conditions: { pathPatterns: ['/api/*', '/v2/*'] }, forward: { targetGroup: 'api' } },
  { name: 'hosts', conditions: { hostHeaders: ['api.example.com'] }, forward: { targetGroup: 'api' } },
  {
    name: 'headers',
    conditions: { httpHeaders: { 'X-Version': ['2'], 'User-Agent': ['*Mobile*'] } },
    weightedForward: { targetGroups: [{ targetGroup: 'api', weight: 90 }, { targetGroup: 'canary', weight: 10 }], stickinessDurationSeconds: 300 },
  },
  {
    name: 'queries',
    conditions: { queryStrings: [{ key: 'version', value: 'v2' }, { value: 'beta' }] },
    weightedForward: { targetGroups: [{ targetGroup: 'api', weight: 1 }, { targetGroup: 'canary', weight: 1 }] },
  },
  {
    name: 'methods',
    conditions: { httpRequestMethods: ['POST', 'PUT'] },
    fixedResponse: { statusCode: 405, contentType: FixedResponseContentType.APPLICATION_JSON, messageBody: '{"error":"method not allowed"}' },
  },
  {
    priority: 500,
    conditions: { sourceIps: ['203.0.113.0/24', '198.51.100.7/32'] },
    redirect: { protocol: RedirectProtocol.HTTPS, host: 'admin.example.com', port: 8443, path: '/admin/#{path}', query: 'from=edge', permanent: false },
  },
  { name: 'old', conditions: { pathPatterns: ['/old/*'] }, redirect: { path: '/new/#{path}' } },
  { name: 'teapot', conditions: { pathPatterns: ['/tea'] }, fixedResponse: { statusCode: 418 } },
  { name: 'plain-status', listener: 'plain', conditions: { pathPatterns: ['/status'] }, fixedResponse: { statusCode: 200, messageBody: 'up' } },
];

function rulesSpec(rules: ListenerRuleSpec[]): TopologySpec {
  return minimalSpec({
    fleets: { web: { port: 8080 }, api: { port: 3000 } },
    targetGroups: { web: { fleet: 'web' }, api: { fleet: 'api' }, canary: { fleet: 'api' } },
    applicationLoadBalancers: {
      public: {
        ...minimalSpec().applicationLoadBalancers!.public,
        listeners: {
          https: { defaultAction: { forward: { targetGroup: 'web' } } },
          plain: { protocol: ApplicationProtocol.HTTP, port: 8080 },
        },
        rules,
      },
    },
  });
}

/** The priority of every listener rule of a template, by logical ID. */
function prioritiesById(template: ReturnType<typeof build>['template']): { [logicalId: string]: number } {
  return Object.fromEntries(Object.entries(template.findResources('AWS::ElasticLoadBalancingV2::ListenerRule'))
    .map(([id, r]) => [id, r.Properties.Priority]));
}

describe('listener rules', () => {
  // GIVEN one rule per condition kind and action kind
  const built = build(rulesSpec(RULES));
  const { template, topology } = built;
  const rule = (name: string) => resourceOf(template, topology.listenerRule('public', name)).Properties!;
  const tgArn = (name: string) => refTo(topology.applicationTargetGroup(name));

  test('creates one listener rule per entry', () => {
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::ListenerRule', RULES.length);
  });

  describe('conditions', () => {
    test('path patterns', () => {
      expect(rule('paths').Conditions).toEqual([{ Field: 'path-pattern', PathPatternConfig: { Values: ['/api/*', '/v2/*'] } }]);
    });

    test('host headers', () => {
      expect(rule('hosts').Conditions).toEqual([{ Field: 'host-header', HostHeaderConfig: { Values: ['api.example.com'] } }]);
    });

    test('HTTP headers, one condition per header, sorted by name', () => {
      expect(rule('headers').Conditions).toEqual([
        { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'User-Agent', Values: ['*Mobile*'] } },
        { Field: 'http-header', HttpHeaderConfig: { HttpHeaderName: 'X-Version', Values: ['2'] } },
      ]);
    });

    test('query strings, with and without a key', () => {
      expect(rule('queries').Conditions).toEqual([{
        Field: 'query-string',
        QueryStringConfig: { Values: [{ Key: 'version', Value: 'v2' }, { Value: 'beta' }] },
      }]);
    });

    test('HTTP request methods', () => {
      expect(rule('methods').Conditions).toEqual([{ Field: 'http-request-method', HttpRequestMethodConfig: { Values: ['POST', 'PUT'] } }]);
    });

    test('source IP ranges', () => {
      expect(rule('priority-500').Conditions).toEqual([{ Field: 'source-ip', SourceIpConfig: { Values: ['203.0.113.0/24', '198.51.100.7/32'] } }]);
    });
  });

  describe('actions', () => {
    test('forward to a target group', () => {
      expect(rule('paths').Actions).toEqual([{ Type: 'forward', TargetGroupArn: tgArn('api') }]);
    });

    test('weighted forward with target group stickiness', () => {
      expect(rule('headers').Actions).toEqual([{
        Type: 'forward',
        ForwardConfig: {
          TargetGroups: [{ TargetGroupArn: tgArn('api'), Weight: 90 }, { TargetGroupArn: tgArn('canary'), Weight: 10 }],
          TargetGroupStickinessConfig: { Enabled: true, DurationSeconds: 300 },
        },
      }]);
    });

    test('weighted forward without stickiness', () => {
      expect(rule('queries').Actions).toEqual([{
        Type: 'forward',
        ForwardConfig: { TargetGroups: [{ TargetGroupArn: tgArn('api'), Weight: 1 }, { TargetGroupArn: tgArn('canary'), Weight: 1 }] },
      }]);
    });

    test('redirect with every part set, temporary', () => {
      expect(rule('priority-500').Actions).toEqual([{
        Type: 'redirect',
        RedirectConfig: { Protocol: 'HTTPS', Host: 'admin.example.com', Port: '8443', Path: '/admin/#{path}', Query: 'from=edge', StatusCode: 'HTTP_302' },
      }]);
    });

    test('redirect keeps the request protocol and is permanent by default', () => {
      expect(rule('old').Actions).toEqual([{ Type: 'redirect', RedirectConfig: { Protocol: '#{protocol}', Path: '/new/#{path}', StatusCode: 'HTTP_301' } }]);
    });

    test('fixed response with a content type and body', () => {
      expect(rule('methods').Actions).toEqual([{
        Type: 'fixed-response',
        FixedResponseConfig: { StatusCode: '405', ContentType: 'application/json', MessageBody: '{"error":"method not allowed"}' },
      }]);
    });

    test('fixed response is plain text without a body by default', () => {
      expect(rule('teapot').Actions).toEqual([{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '418', ContentType: 'text/plain' } }]);
    });

    test('a listener without a default action answers 404 Not Found', () => {
      template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
        Port: 8080,
        DefaultActions: [{ Type: 'fixed-response', FixedResponseConfig: { StatusCode: '404', ContentType: 'text/plain', MessageBody: 'Not Found' } }],
      });
    });
  });

  describe('listeners and priorities', () => {
    test('a rule without a listener is on the HTTPS listener', () => {
      expect(rule('paths').ListenerArn).toEqual(refTo(topology.applicationListener('public', 'https')));
    });

    test('a rule naming a listener is on that listener', () => {
      expect(rule('plain-status').ListenerArn).toEqual(refTo(topology.applicationListener('public', 'plain')));
    });

    test('derives priorities 10, 20, 30 in list order', () => {
      expect(['paths', 'hosts', 'headers', 'queries', 'methods'].map((n) => rule(n).Priority)).toEqual([10, 20, 30, 40, 50]);
    });

    test('keeps an explicit priority', () => {
      expect(rule('priority-500').Priority).toBe(500);
    });

    test('numbers the rules without a priority on, skipping the explicit one', () => {
      expect(['old', 'teapot', 'plain-status'].map((n) => rule(n).Priority)).toEqual([60, 70, 80]);
    });

    test('a rule without a name takes its ID from its priority', () => {
      const id = logicalId(topology.listenerRule('public', 'priority-500'));
      expect(id).toMatch(/^TopologyApplicationLoadBalancerspublicRulepriority500[0-9A-F]{8}$/);
      expect(template.findResources('AWS::ElasticLoadBalancingV2::ListenerRule')[id].Properties.Priority).toBe(500);
    });

    test('a named rule takes its ID from its name', () => {
      expect(logicalId(topology.listenerRule('public', 'paths'))).toMatch(/^TopologyApplicationLoadBalancerspublicRulepaths[0-9A-F]{8}$/);
    });
  });

  describe('stable identity', () => {
    const before = prioritiesById(template);

    test('appending a rule changes no logical ID or priority of the existing rules', () => {
      // WHEN a rule is appended to the list
      const appended = build(rulesSpec([...RULES, { name: 'new', conditions: { pathPatterns: ['/new/*'] }, forward: { targetGroup: 'web' } }]));
      // THEN every existing rule keeps its logical ID and priority, and the new rule comes last
      const after = prioritiesById(appended.template);
      expect(after).toMatchObject(before);
      expect(Object.keys(after)).toHaveLength(RULES.length + 1);
      expect(resourceOf(appended.template, appended.topology.listenerRule('public', 'new')).Properties!.Priority).toBe(90);
    });

    test('inserting a rule with an explicit priority changes no logical ID or priority of the existing rules', () => {
      // WHEN a rule with priority 15 is inserted between the first two
      const inserted = build(rulesSpec([RULES[0], { name: 'between', priority: 15, conditions: { pathPatterns: ['/between/*'] }, forward: { targetGroup: 'web' } }, ...RULES.slice(1)]));
      // THEN every existing rule keeps its logical ID and priority
      const after = prioritiesById(inserted.template);
      expect(after).toMatchObject(before);
      expect(resourceOf(inserted.template, inserted.topology.listenerRule('public', 'between')).Properties!.Priority).toBe(15);
    });

    test('moving a named rule in the list keeps every logical ID', () => {
      // WHEN the first rule is moved to the end (its priority follows its new position)
      const moved = build(rulesSpec([...RULES.slice(1), RULES[0]]));
      expect(Object.keys(prioritiesById(moved.template)).sort()).toEqual(Object.keys(before).sort());
    });
  });
});
