/**
 * Helpers for the table-driven validation tests: spec fragments built on
 * `minimalSpec()`, and assertions on the exact path and the message and hint of an
 * issue. Validation only: nothing here synthesizes a stack.
 */
import { Protocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { ElbTopology, ExistingResources, TopologySpec } from '../../lib';
import { ApplicationLoadBalancerSpec } from '../../lib/spec/alb';
import { ListenerRuleSpec } from '../../lib/spec/listener-rule';
import { NetworkLoadBalancerSpec } from '../../lib/spec/nlb';
import { TargetGroupSpec } from '../../lib/spec/target-group';
import { minimalSpec } from '../helpers';

/** A row of an error table: what is wrong, the spec, the expected path, the message and hint. */
export type ErrorRow = [description: string, spec: TopologySpec, path: string, messageAndHint: RegExp];

/** Lets a fragment carry values of the wrong type, as a spec loaded from JSON can. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type Loose = any;

/** The minimal spec with the `public` ALB changed. */
export function withAlb(overrides: Partial<ApplicationLoadBalancerSpec> | Loose): TopologySpec {
  const base = minimalSpec().applicationLoadBalancers!.public;
  return minimalSpec({ applicationLoadBalancers: { public: { ...base, ...overrides } } });
}

/** A rule of the `public` ALB that is valid on its own: named, one condition, forwards to `web`. */
export function rule(overrides: Partial<ListenerRuleSpec> | Loose = {}): ListenerRuleSpec {
  return { name: 'api', conditions: { pathPatterns: ['/api/*'] }, forward: { targetGroup: 'web' }, ...overrides };
}

/** The minimal spec whose `public` ALB has these rules. */
export function withRules(...rules: Array<ListenerRuleSpec | Loose>): TopologySpec {
  return withAlb({ rules });
}

/** The minimal spec with target group `web` changed. */
export function withTargetGroup(overrides: Partial<TargetGroupSpec> | Loose): TopologySpec {
  return minimalSpec({ targetGroups: { web: { fleet: 'web', ...overrides } } });
}

/** `message hint`, as the error report prints them after the path. */
function text(i: { message: string; hint?: string }): string {
  return i.hint ? `${i.message} ${i.hint}` : i.message;
}

/**
 * Asserts that the spec has exactly one problem, at exactly `path`, whose message and
 * hint match `expected`.
 */
export function expectOnlyIssue(spec: TopologySpec, path: string, expected: RegExp, existing?: ExistingResources): void {
  const issues = ElbTopology.validateSpec(spec, existing);
  expect(issues.map((i) => `${i.path}: ${text(i)}`)).toEqual([expect.stringMatching(/./)]);
  expect(issues[0].path).toBe(path);
  expect(text(issues[0])).toMatch(expected);
}

/**
 * Asserts that among the spec's problems there is one at exactly `path` whose message
 * and hint match `expected`: for specs that are wrong in more than one place.
 */
export function expectIssue(spec: TopologySpec, path: string, expected: RegExp, existing?: ExistingResources): void {
  const at = ElbTopology.validateSpec(spec, existing).filter((i) => i.path === path).map(text);
  expect(at).toContainEqual(expect.stringMatching(expected));
}

/** Asserts that the spec is valid. */
export function expectValid(spec: TopologySpec, existing?: ExistingResources): void {
  expect(ElbTopology.validateSpec(spec, existing)).toEqual([]);
}

/**
 * The minimal spec plus a fleet `game` on port 7777, a Network Load Balancer target
 * group of each protocol (`game-tcp`, `game-udp`, `game-both` for TCP_UDP, `game-tls`)
 * and the NLB `edge` with these fields: by default one TCP listener on 7777.
 */
export function withNlb(overrides: Partial<NetworkLoadBalancerSpec> | Loose = {},
  targetGroups: { [name: string]: Partial<TargetGroupSpec> | Loose } = {}): TopologySpec {
  const base = minimalSpec();
  return {
    ...base,
    fleets: { ...base.fleets, game: { port: 7777 } },
    targetGroups: {
      ...base.targetGroups,
      'game-tcp': { fleet: 'game', protocol: Protocol.TCP },
      'game-udp': { fleet: 'game', protocol: Protocol.UDP },
      'game-both': { fleet: 'game', protocol: Protocol.TCP_UDP },
      'game-tls': { fleet: 'game', protocol: Protocol.TLS },
      ...targetGroups,
    },
    networkLoadBalancers: { edge: { listeners: { tcp: { protocol: Protocol.TCP, port: 7777, targetGroup: 'game-tcp' } }, ...overrides } },
  };
}
