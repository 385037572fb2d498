/**
 * Reporting: every problem in one error, sorted by path, before anything is built;
 * `validateSpec` without building; a crashing check contained; deterministic output.
 * The only tests of the validation suite that construct an ElbTopology.
 */
import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { ElbTopology, TopologySpec } from '../../lib';
import { minimalSpec } from '../helpers';
import { Loose, rule, withAlb } from './util';

/** A spec with six independent problems, in five sections. */
function brokenSpec(): TopologySpec {
  const spec = withAlb({
    domainName: 'www.example.org',
    rules: [
      rule({ name: 'a' }),
      rule({ name: 'b', conditions: { pathPatterns: ['/b'] } }),
      rule({ name: 'c', conditions: { pathPatterns: ['/c'] }, forward: { targetGroup: 'wbe' } }),
    ],
  });
  return {
    ...spec,
    fleets: { web: { port: 8080, minCapacity: 5, maxCapacity: 3 } },
    targetGroups: { web: { fleet: 'web', healthCheck: { intervalSeconds: 10, timeoutSeconds: 10 } } },
    network: { maxAzs: 2, natGateways: 3 },
    targetGroup: {},
  } as Loose;
}

/** The error thrown by constructing a topology, and the stack it was constructed in. */
function construct(spec: TopologySpec): { stack: Stack; error?: Error } {
  const stack = new Stack(new App(), 'Test');
  try {
    new ElbTopology(stack, 'Topology', { spec });
    return { stack };
  } catch (e) {
    return { stack, error: e as Error };
  }
}

/** The same data with the keys of every map and struct in reverse order (arrays keep theirs). */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as unknown as T;
  if (typeof value !== 'object' || value === null) return value;
  return Object.fromEntries(Object.keys(value).reverse().map((k) => [k, reverseKeys((value as Loose)[k])])) as T;
}

describe('the error report', () => {
  test('fails with all problems in one error, one line each, sorted by path', () => {
    const { error } = construct(brokenSpec());
    expect(error).toBeInstanceOf(Error);
    const [first, ...lines] = error!.message.split('\n');
    expect(first).toBe('ElbTopology spec has 6 problems:');
    expect(lines.map((l) => l.slice(2, l.indexOf(': ')))).toEqual([
      'applicationLoadBalancers.public.domainName',
      'applicationLoadBalancers.public.rules[2].forward.targetGroup',
      'fleets.web.maxCapacity',
      'network.natGateways',
      'targetGroup',
      'targetGroups.web.healthCheck.timeoutSeconds',
    ]);
    expect(lines).toEqual([
      expect.stringMatching(/^ {2}applicationLoadBalancers\.public\.domainName: 'www\.example\.org' is not in the hosted zone 'example\.com'\. Use a name that/),
      expect.stringMatching(/^ {2}applicationLoadBalancers\.public\.rules\[2\]\.forward\.targetGroup: unknown target group 'wbe'\. Did you mean 'web'\? Known target groups: web\.$/),
      expect.stringMatching(/^ {2}fleets\.web\.maxCapacity: maxCapacity 3 is below minCapacity 5\. Make maxCapacity at least minCapacity\.$/),
      expect.stringMatching(/^ {2}network\.natGateways: 3 is outside the allowed range 0-2\. /),
      expect.stringMatching(/^ {2}targetGroup: unknown section 'targetGroup'\. Did you mean 'targetGroups'\?/),
      expect.stringMatching(/^ {2}targetGroups\.web\.healthCheck\.timeoutSeconds: the timeout \(10 s\) is not below the interval \(10 s\)\. /),
    ]);
  });

  test('fails with "1 problem" for a single problem', () => {
    const { error } = construct(withAlb({ hostedZone: 'mian' }));
    expect(error!.message).toMatch(/^ElbTopology spec has 1 problem:\n {2}applicationLoadBalancers\.public\.hostedZone: unknown hosted zone 'mian'\. Did you mean 'main'\?/);
  });

  test('lists the same problems as validateSpec, in the same order', () => {
    const { error } = construct(brokenSpec());
    const lines = ElbTopology.validateSpec(brokenSpec()).map((i) => `  ${i.path}: ${i.message}${i.hint ? ` ${i.hint}` : ''}`);
    expect(error!.message.split('\n').slice(1)).toEqual(lines);
  });
});

describe('nothing is built when validation fails', () => {
  test('fails before creating any resource: no VPC, no resource at all, nothing under the topology', () => {
    const { stack, error } = construct(brokenSpec());
    expect(error).toBeDefined();
    const resources = stack.node.findAll().filter(CfnResource.isCfnResource);
    expect(resources.filter((r) => r.cfnResourceType === 'AWS::EC2::VPC')).toEqual([]);
    expect(resources).toEqual([]);
    // The construct itself is attached to the stack before it validates; it stays empty.
    expect(stack.node.tryFindChild('Topology')?.node.children ?? []).toEqual([]);
  });
});

describe('validateSpec', () => {
  test('returns no issue for the minimal spec', () => {
    expect(ElbTopology.validateSpec(minimalSpec())).toEqual([]);
  });

  test('returns issues as { path, message, hint }', () => {
    expect(ElbTopology.validateSpec(withAlb({ hostedZone: 'mian' }))).toEqual([{
      path: 'applicationLoadBalancers.public.hostedZone',
      message: "unknown hosted zone 'mian'.",
      hint: "Did you mean 'main'? Known hosted zones: main.",
    }]);
  });

  test('treats existing resources given as null like none', () => {
    expect(ElbTopology.validateSpec(minimalSpec(), null as Loose)).toEqual([]);
  });

  // No JSON-loadable value makes a check throw (the real case found, an existing hosted
  // zone imported by ID whose name cannot be read, is now reported as its own issue).
  // A getter that throws, as some CDK objects' do, stands in for an unforeseen bug.
  test('reports a check that throws as an issue at its section, and still runs the others', () => {
    const fleet: Loose = { port: 8080 };
    Object.defineProperty(fleet, 'minCapacity', { enumerable: true, get: () => { throw new Error('minCapacity is not readable.'); } });
    const spec = { ...withAlb({ hostedZone: 'mian' }), fleets: { web: fleet } };
    expect(ElbTopology.validateSpec(spec)).toEqual([
      { path: 'applicationLoadBalancers.public.hostedZone', message: "unknown hosted zone 'mian'.", hint: expect.stringMatching(/^Did you mean 'main'\?/) },
      { path: 'fleets', message: 'could not be checked: minCapacity is not readable.', hint: 'Check that this section has the shape the documentation gives.' },
    ]);
  });
});

describe('deterministic output', () => {
  test('gives the same list for the same spec, whatever the order of its map keys', () => {
    const issues = ElbTopology.validateSpec(brokenSpec());
    expect(ElbTopology.validateSpec(brokenSpec())).toEqual(issues);
    expect(ElbTopology.validateSpec(reverseKeys(brokenSpec()))).toEqual(issues);
  });

  test('gives the same list whatever the order of the names in a section', () => {
    const tgs = (names: string[]) => Object.fromEntries(names.map((n) => [n, { fleet: 'wbe' }]));
    const a = ElbTopology.validateSpec(minimalSpec({ targetGroups: tgs(['web', 'api', 'static']) }));
    const b = ElbTopology.validateSpec(minimalSpec({ targetGroups: tgs(['static', 'web', 'api']) }));
    expect(b).toEqual(a);
    expect(a.map((i) => i.path)).toEqual(['targetGroups.api.fleet', 'targetGroups.static.fleet', 'targetGroups.web.fleet']);
  });

  test('sorts array elements by index, so rules[2] comes before rules[10]', () => {
    const rules = Array.from({ length: 11 }, (_, i) => rule({ name: `r${i}`, conditions: { pathPatterns: [`/p${i}`] }, forward: { targetGroup: i === 2 || i === 10 ? 'wbe' : 'web' } }));
    expect(ElbTopology.validateSpec(withAlb({ rules })).map((i) => i.path)).toEqual([
      'applicationLoadBalancers.public.rules[2].forward.targetGroup',
      'applicationLoadBalancers.public.rules[10].forward.targetGroup',
    ]);
  });
});
