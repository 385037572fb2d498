/**
 * Every example stack, synthesized once in an app with the strict CloudFormation
 * validation, cdk-nag's AwsSolutions pack and the Control Tower guard rules: synthesis
 * fails on any unacknowledged finding. Each template is snapshotted; `npm run
 * test:update` accepts a deliberate change, `npm test` fails on any drift.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as s3 from 'aws-cdk-lib/aws-s3';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { failedReports } from './validation-report';
import { checkedApp } from '../examples/checks';
import { ClassicStack } from '../examples/classic';
import { FullTopologyStack } from '../examples/full-topology';
import { GameNlbStack } from '../examples/game-nlb';
import { HybridStack } from '../examples/hybrid';
import { InspectionGwlbStack } from '../examples/inspection-gwlb';
import { ThreeTierStack } from '../examples/three-tier';
import { WebAlbStack } from '../examples/web-alb';

const SCENARIOS: Array<[string, new (scope: any, id: string) => Stack]> = [
  ['FullTopology', FullTopologyStack],
  ['WebAlb', WebAlbStack],
  ['GameNlb', GameNlbStack],
  ['ThreeTier', ThreeTierStack],
  ['InspectionGwlb', InspectionGwlbStack],
  ['Hybrid', HybridStack],
  ['Classic', ClassicStack],
];

// This file checks the templates with every validator, including the built-in one.
process.env.CDK_VALIDATION = 'true';

/** How many HTTPS and TLS listeners each example has (ELBv2 listeners only). */
const SECURE_LISTENERS: { [name: string]: number } = { FullTopology: 1, WebAlb: 1, ThreeTier: 1, InspectionGwlb: 1, Hybrid: 2 };

const app = checkedApp();
for (const [name, StackClass] of SCENARIOS) new StackClass(app, name);
let assembly: CloudAssembly;

beforeAll(() => {
  // Throws with the validators' report if any finding is not acknowledged.
  assembly = app.synth();
});

describe.each(SCENARIOS)('example %s', (name) => {
  test('passes CloudFormation validation, cdk-nag AwsSolutions and the Control Tower rules', () => {
    // app.synth() already threw on any finding; the written report lists no failure either.
    const report = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'validation-report.json'), 'utf-8'));
    const failures = failedReports(report);
    expect(failures).toEqual([]);
  });

  test('reports no error or warning annotations', () => {
    const messages = assembly.getStackByName(name).messages.filter((m) => m.level !== 'info');
    expect(messages.map((m) => `${m.id}: ${m.entry.data}`)).toEqual([]);
  });

  test('every HTTPS and TLS listener carries an explicit TLS 1.3 policy', () => {
    const template = Template.fromJSON(assembly.getStackByName(name).template);
    const listeners = Object.values(template.findResources('AWS::ElasticLoadBalancingV2::Listener'))
      .filter((l) => ['HTTPS', 'TLS'].includes(l.Properties.Protocol));
    expect(listeners.length).toBe(SECURE_LISTENERS[name] ?? 0);
    for (const listener of listeners) expect(listener.Properties.SslPolicy).toMatch(/^ELBSecurityPolicy-TLS13-/);
  });

  test('every Classic HTTPS and SSL listener carries the TLS 1.2 policy (the intent of ct-elasticloadbalancing-pr-12)', () => {
    const template = Template.fromJSON(assembly.getStackByName(name).template);
    for (const clb of Object.values(template.findResources('AWS::ElasticLoadBalancing::LoadBalancer'))) {
      const tls12 = (clb.Properties.Policies ?? [])
        .filter((p: any) => p.PolicyType === 'SSLNegotiationPolicyType'
          && p.Attributes.some((a: any) => a.Name === 'Reference-Security-Policy' && a.Value === 'ELBSecurityPolicy-TLS-1-2-2017-01'))
        .map((p: any) => p.PolicyName);
      for (const listener of clb.Properties.Listeners.filter((l: any) => ['HTTPS', 'SSL'].includes(l.Protocol))) {
        expect(listener.PolicyNames.filter((n: string) => tls12.includes(n))).toHaveLength(1);
      }
    }
  });

  test('matches the snapshot', () => {
    expect(assembly.getStackByName(name).template).toMatchSnapshot();
  });
});

describe('the validators of the examples', () => {
  test('fail synthesis of a stack with findings (so a passing example means something)', () => {
    const negative = checkedApp();
    const stack = new Stack(negative, 'Negative');
    new s3.CfnBucket(stack, 'OpenBucket');
    expect(() => negative.synth()).toThrow(/AwsSolutions-S1|CT\.S3\.PR/);
  });
});
