/**
 * A topology with weighted and failover records, synthesized once the way the examples
 * are: CloudFormation validation as errors, cdk-nag's AwsSolutions pack and the Control
 * Tower guard rules. Synthesis throws on any unacknowledged finding.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { checkedApp } from '../../examples/checks';
import { ElbTopology, TopologySpec } from '../../lib';
import { minimalSpec } from '../helpers';
import { failedReports } from '../validation-report';

// This file checks the template with every validator, including the built-in one.
process.env.CDK_VALIDATION = 'true';

type Loose = any;
const https = (targetGroup: string) => ({ https: { defaultAction: { forward: { targetGroup } } } });

/** Failover for app.example.com (ALB blue, then ALB green) and a 9:1 canary for beta.example.com (ALB blue and NLB edge). */
const SPEC: TopologySpec = minimalSpec({
  // The NLB's targets see the clients' addresses, so they serve on a port that is not among the high-risk ones.
  fleets: { web: { port: 8080 }, game: { port: 7777 } },
  targetGroups: { web: { fleet: 'web' }, canary: { fleet: 'web' }, edge: { fleet: 'game', protocol: 'TCP' as Loose } },
  applicationLoadBalancers: {
    blue: { domainName: 'app.example.com', subjectAlternativeNames: ['beta.example.com'], hostedZone: 'main', aliasRecordEnabled: false, listeners: https('web') },
    green: { domainName: 'app.example.com', hostedZone: 'main', aliasRecordEnabled: false, listeners: https('canary') },
  },
  networkLoadBalancers: { edge: { listeners: { tcp: { port: 443, targetGroup: 'edge' } } } },
  dnsRecords: {
    'app-blue': { domainName: 'app.example.com', hostedZone: 'main', applicationLoadBalancer: 'blue', failover: route53.Failover.PRIMARY },
    'app-green': { domainName: 'app.example.com', hostedZone: 'main', applicationLoadBalancer: 'green', failover: route53.Failover.SECONDARY },
    'beta-blue': { domainName: 'beta.example.com', hostedZone: 'main', applicationLoadBalancer: 'blue', weight: 9 },
    'beta-edge': { domainName: 'beta.example.com', hostedZone: 'main', networkLoadBalancer: 'edge', weight: 1, healthCheckEnabled: true },
  },
});

const app = checkedApp();
const stack = new Stack(app, 'DnsRecords');
new ElbTopology(stack, 'Topology', { spec: SPEC });
let assembly: CloudAssembly;

beforeAll(() => {
  // Throws with the validators' report if any finding is not acknowledged.
  assembly = app.synth();
});

test('passes CloudFormation validation, cdk-nag AwsSolutions and the Control Tower rules', () => {
  // app.synth() already threw on any finding; the written report lists no failure either.
  const report = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'validation-report.json'), 'utf-8'));
  const failures = failedReports(report);
  expect(failures).toEqual([]);
});

test('reports no error or warning annotations', () => {
  const messages = assembly.getStackByName('DnsRecords').messages.filter((m) => m.level !== 'info');
  expect(messages.map((m) => `${m.id}: ${m.entry.data}`)).toEqual([]);
});

test('holds the four records and the two health checks that were checked', () => {
  const template = Template.fromJSON(assembly.getStackByName('DnsRecords').template);
  template.resourceCountIs('AWS::Route53::RecordSet', 4);
  template.resourceCountIs('AWS::Route53::HealthCheck', 2);
});
