/**
 * Names and shape: root sections, map keys, unknown fields (usually misspellings in a
 * spec loaded from JSON), and that the validator's field lists match lib/spec.
 */
import * as fs from 'fs';
import * as path from 'path';
import * as ts from 'typescript';
import { SPEC_FIELDS } from '../../lib/validation/spec-fields';
import { minimalSpec } from '../helpers';
import { ErrorRow, Loose, expectIssue, expectOnlyIssue, expectValid, rule, withAlb, withRules, withTargetGroup } from './util';

describe('root sections', () => {
  test.each<ErrorRow>([
    ['a section name is misspelt', { ...minimalSpec(), targetGroup: {} } as Loose, 'targetGroup',
      /^unknown section 'targetGroup'\. Did you mean 'targetGroups'\? Known sections: applicationLoadBalancers, classicLoadBalancers, dnsRecords, fleets, gatewayLoadBalancers, hostedZones, monitoring, network, networkLoadBalancers, outputsEnabled, targetGroups, webAcls\.$/],
    ['a section name has the wrong case', { ...minimalSpec(), Fleets: {} } as Loose, 'Fleets', /^unknown section 'Fleets'\. Did you mean 'fleets'\?/],
    ['a section is unknown and like none', { ...minimalSpec(), loadBalancers: {} } as Loose, 'loadBalancers', /^unknown section 'loadBalancers'\. Known sections: /],
    ['outputsEnabled is a string', minimalSpec({ outputsEnabled: 'yes' as Loose }), 'outputsEnabled', /^must be true or false, got 'yes'\.$/],
    ['a map section is a list', minimalSpec({ hostedZones: [] as Loose, applicationLoadBalancers: {} }), 'hostedZones', /^must be a map from names to hostedZones, got \[\]\.$/],
  ])('fails when %s', (_, spec, p, expected) => expectOnlyIssue(spec, p, expected));

  test('fails when the spec is not an object', () => {
    expectOnlyIssue('network' as Loose, '(spec)', /^the spec must be an object, got 'network'\.$/);
  });
});

describe('names of spec parts', () => {
  const longName = 'a'.repeat(33);
  test.each<ErrorRow>([
    ['a fleet name has upper case', minimalSpec({ fleets: { Web: { port: 8080 } }, targetGroups: { web: { fleet: 'Web' } } }), 'fleets.Web',
      /^the name 'Web' is not valid\. Use lowercase letters, digits and hyphens, beginning with a letter, at most 32 characters\.$/],
    ['a target group name is longer than 32 characters',
      minimalSpec({ targetGroups: { web: { fleet: 'web' }, [longName]: { fleet: 'web' } } }), `targetGroups.${longName}`, new RegExp(`^the name '${longName}' is not valid\\. Use lowercase`)],
    ['a hosted zone name begins with a digit', minimalSpec({ hostedZones: { 'main': minimalSpec().hostedZones!.main, '1zone': minimalSpec().hostedZones!.main } }),
      'hostedZones["1zone"]', /^the name '1zone' is not valid\./],
    ['an ALB name has a dot (the path quotes it)', minimalSpec({ applicationLoadBalancers: { 'public.v2': withAlb({}).applicationLoadBalancers!.public } }),
      'applicationLoadBalancers["public.v2"]', /^the name 'public\.v2' is not valid\./],
    ['a listener name has upper case', withAlb({ listeners: { HTTPS: { defaultAction: { forward: { targetGroup: 'web' } } } } }),
      'applicationLoadBalancers.public.listeners.HTTPS', /^the name 'HTTPS' is not valid\./],
    ['a rule name has an underscore', withRules(rule({ name: 'my_rule' })), 'applicationLoadBalancers.public.rules[0].name',
      /^'my_rule' is not a valid rule name\. Use lowercase letters, digits and hyphens/],
    ['a rule name is a number', withRules(rule({ name: 7 as Loose })), 'applicationLoadBalancers.public.rules[0].name', /^7 is not a valid rule name\./],
    ['a fleet is null', minimalSpec({ fleets: { web: null as Loose }, targetGroups: {}, applicationLoadBalancers: {} }), 'fleets.web', /^must be an object, got null\.$/],
  ])('fails when %s', (_, spec, p, expected) => expectOnlyIssue(spec, p, expected));

  test('accepts a name of exactly 32 characters', () => {
    const name = `w${'e'.repeat(31)}`;
    expectValid(minimalSpec({ fleets: { [name]: { port: 8080 } }, targetGroups: { web: { fleet: name } } }));
  });
});

describe('unknown fields', () => {
  test.each<ErrorRow>([
    ['a fleet field is misspelt', minimalSpec({ fleets: { web: { port: 8080, minCapacty: 2 } as Loose } }), 'fleets.web.minCapacty',
      /^unknown field 'minCapacty'\. Did you mean 'minCapacity'\? Known fields: applianceRules, desiredCapacity, /],
    ['a network field is misspelt', minimalSpec({ network: { maxAZs: 2 } as Loose }), 'network.maxAZs', /^unknown field 'maxAZs'\. Did you mean 'maxAzs'\?/],
    ['a hosted zone field is misspelt', minimalSpec({ hostedZones: { main: { ...minimalSpec().hostedZones!.main, zonename: 'example.com' } as Loose } }),
      'hostedZones.main.zonename', /^unknown field 'zonename'\. Did you mean 'zoneName'\?/],
    ['a target group field is misspelt', withTargetGroup({ healthcheck: { path: '/' } }), 'targetGroups.web.healthcheck', /^unknown field 'healthcheck'\. Did you mean 'healthCheck'\?/],
    ['a health check field is misspelt', withTargetGroup({ healthCheck: { intervalSecs: 10 } }), 'targetGroups.web.healthCheck.intervalSecs',
      /^unknown field 'intervalSecs'\. Did you mean 'intervalSeconds'\? Known fields: healthyHttpCodes, /],
    ['an ALB field is misspelt', withAlb({ certificateARN: 'x' }), 'applicationLoadBalancers.public.certificateARN', /^unknown field 'certificateARN'\. Did you mean 'certificateArn'\?/],
    ['a listener field is misspelt', withAlb({ listeners: { https: { defaultAction: { forward: { targetGroup: 'web' } } }, http: { protocol: 'HTTP', prot: 80 } } as Loose }),
      'applicationLoadBalancers.public.listeners.http.prot', /^unknown field 'prot'\. Did you mean 'port'\?/],
    ['a default action has a rule-only field', withAlb({ listeners: { https: { defaultAction: { forward: { targetGroup: 'web' }, priority: 1 } } } as Loose }),
      'applicationLoadBalancers.public.listeners.https.defaultAction.priority', /^unknown field 'priority'\. Known fields: authenticateCognito, authenticateOidc, fixedResponse, forward, redirect, weightedForward\.$/],
    ['a rule field is misspelt', withRules(rule({ listner: 'https' })), 'applicationLoadBalancers.public.rules[0].listner', /^unknown field 'listner'\. Did you mean 'listener'\?/],
    ['a forward action field is misspelt', withRules(rule({ forward: { targetGroup: 'web', weight: 1 } })), 'applicationLoadBalancers.public.rules[0].forward.weight',
      /^unknown field 'weight'\. Known fields: targetGroup\.$/],
    ['a weighted entry field is misspelt', withRules(rule({ forward: undefined, weightedForward: { targetGroups: [{ targetGroup: 'web', weight: 1, wieght: 2 }] } })),
      'applicationLoadBalancers.public.rules[0].weightedForward.targetGroups[0].wieght', /^unknown field 'wieght'\. Did you mean 'weight'\?/],
    ['a redirect field is misspelt', withRules(rule({ forward: undefined, redirect: { protocol: 'HTTPS', statusCode: 301 } })),
      'applicationLoadBalancers.public.rules[0].redirect.statusCode', /^unknown field 'statusCode'\. Known fields: host, /],
    ['a fixed response field is misspelt', withRules(rule({ forward: undefined, fixedResponse: { statusCode: 404, body: 'x' } })),
      'applicationLoadBalancers.public.rules[0].fixedResponse.body', /^unknown field 'body'\. Known fields: contentType, messageBody, statusCode\.$/],
    ['a query string match field is misspelt', withRules(rule({ conditions: { queryStrings: [{ value: 'x', kye: 'a' }] } })),
      'applicationLoadBalancers.public.rules[0].conditions.queryStrings[0].kye', /^unknown field 'kye'\. Did you mean 'key'\?/],
  ])('fails when %s', (_, spec, p, expected) => expectOnlyIssue(spec, p, expected));

  test('fails when a condition name is misspelt, which leaves the rule without a condition', () => {
    const spec = withRules(rule({ conditions: { pathPattern: ['/api/*'] } }));
    expectIssue(spec, 'applicationLoadBalancers.public.rules[0].conditions.pathPattern', /^unknown field 'pathPattern'\. Did you mean 'pathPatterns'\?/);
    expectIssue(spec, 'applicationLoadBalancers.public.rules[0].conditions', /^has no condition\./);
  });
});

describe('the field lists of the validator', () => {
  /** The properties each interface of lib/spec declares, with those it extends. */
  function specInterfaces(): Map<string, string[]> {
    const dir = path.join(__dirname, '..', '..', 'lib', 'spec');
    const declared = new Map<string, { props: string[]; bases: string[] }>();
    for (const file of fs.readdirSync(dir).filter((f) => f.endsWith('.ts') && !f.endsWith('.d.ts'))) {
      const source = ts.createSourceFile(file, fs.readFileSync(path.join(dir, file), 'utf-8'), ts.ScriptTarget.Latest, true);
      source.forEachChild((node) => {
        if (!ts.isInterfaceDeclaration(node)) return;
        declared.set(node.name.text, {
          props: node.members.filter(ts.isPropertySignature).map((m) => m.name.getText(source)),
          bases: (node.heritageClauses ?? []).flatMap((h) => h.types.map((t) => t.expression.getText(source))),
        });
      });
    }
    const all = (name: string): string[] => {
      const d = declared.get(name)!;
      return [...d.props, ...d.bases.flatMap(all)];
    };
    return new Map([...declared.keys()].map((name) => [name, all(name).sort()]));
  }

  test('name every property of each spec struct they cover, and no other', () => {
    const interfaces = specInterfaces();
    for (const [struct, fields] of Object.entries(SPEC_FIELDS)) {
      expect({ struct, fields: [...fields].sort() }).toEqual({ struct, fields: interfaces.get(struct) });
    }
  });

  test('cover every spec struct of the topology', () => {
    const covered = new Set(Object.keys(SPEC_FIELDS));
    const structs = [...specInterfaces().keys()].filter((name) => name.endsWith('Spec'));
    expect(structs.filter((name) => !covered.has(name))).toEqual([]);
  });
});
