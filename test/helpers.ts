/**
 * Shared test fixtures: small valid specs and a stack factory. Stacks are
 * env-agnostic and use no context lookups, so every test runs offline.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Annotations, Template } from 'aws-cdk-lib/assertions';
import { ElbTopology, ExistingResources, TopologySpec } from '../lib';
import { SpecIssue } from '../lib/validation/issue';

export const ZONE = { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'example.com' };
export const CERT_ARN = 'arn:aws:acm:us-east-1:123456789012:certificate/11111111-2222-3333-4444-555555555555';

/**
 * The smallest useful valid spec: one fleet, one target group, one internet-facing
 * ALB with a DNS-validated certificate for www.example.com. Pass overrides per section.
 */
export function minimalSpec(overrides: Partial<TopologySpec> = {}): TopologySpec {
  return {
    network: { maxAzs: 2, natGateways: 1 },
    hostedZones: { main: ZONE },
    fleets: { web: { port: 8080 } },
    targetGroups: { web: { fleet: 'web' } },
    applicationLoadBalancers: {
      public: {
        domainName: 'www.example.com',
        hostedZone: 'main',
        listeners: { https: { defaultAction: { forward: { targetGroup: 'web' } } } },
      },
    },
    ...overrides,
  };
}

export interface Built {
  readonly app: App;
  readonly stack: Stack;
  readonly topology: ElbTopology;
  readonly template: Template;
  readonly annotations: Annotations;
}

/** Builds a topology in a fresh env-agnostic stack and synthesizes it once. */
export function build(spec: TopologySpec, existing?: ExistingResources, configure?: (stack: Stack) => void): Built {
  const app = new App();
  const stack = new Stack(app, 'Test');
  configure?.(stack);
  const topology = new ElbTopology(stack, 'Topology', { spec, existing });
  return { app, stack, topology, template: Template.fromStack(stack), annotations: Annotations.fromStack(stack) };
}

/** The issues of a spec, as `path: message hint` lines for compact assertions. */
export function issueLines(spec: TopologySpec, existing?: ExistingResources): string[] {
  return ElbTopology.validateSpec(spec, existing).map((i: SpecIssue) => `${i.path}: ${i.message}${i.hint ? ` ${i.hint}` : ''}`);
}

/** The error message thrown when building the spec, or undefined when it builds. */
export function buildError(spec: TopologySpec, existing?: ExistingResources): string | undefined {
  try {
    build(spec, existing);
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}
