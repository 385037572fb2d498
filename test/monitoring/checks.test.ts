/**
 * A topology with every alarm, the dashboard, a created alarm topic and scaling on
 * response time, synthesized the way the examples are: with aws-cdk-lib's
 * CloudFormation validation, cdk-nag's AwsSolutions pack and the Control Tower guard
 * rules. Synthesis throws on any finding that is not acknowledged.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { checkedApp } from '../../examples/checks';
import { ElbTopology } from '../../lib';
import { minimalSpec } from '../helpers';
import { failedReports } from '../validation-report';

describe('monitoring under the validators of the examples', () => {
  let assembly: CloudAssembly;
  const previous = process.env.CDK_VALIDATION;

  beforeAll(() => {
    process.env.CDK_VALIDATION = 'true';
    // GIVEN alarms on an ALB, an NLB and their target groups, and a fleet scaling on latency
    const app = checkedApp();
    const stack = new Stack(app, 'Monitored');
    const base = minimalSpec();
    new ElbTopology(stack, 'Topology', {
      spec: {
        ...base,
        fleets: { web: { port: 8080, scaleOnResponseTimeSeconds: 0.5, scaleOnRequestsPerTarget: 500 }, game: { port: 7777 } },
        targetGroups: { ...base.targetGroups, game: { fleet: 'game', protocol: 'TCP' as any } },
        networkLoadBalancers: { edge: { listeners: { tcp: { protocol: 'TCP' as any, port: 7777, targetGroup: 'game' } } } },
      },
    });
    // WHEN it is synthesized (this throws with the validators' report on any finding)
    assembly = app.synth();
  });

  afterAll(() => {
    process.env.CDK_VALIDATION = previous;
  });

  test('passes CloudFormation validation, cdk-nag AwsSolutions and the Control Tower rules', () => {
    // app.synth() already threw on any finding; the written report lists no failure either.
    const report = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'validation-report.json'), 'utf-8'));
    expect(failedReports(report)).toEqual([]);
  });

  test('has the alarms, the dashboard and the scaling alarms it is about', () => {
    const resources = Object.values<{ Type: string }>(assembly.getStackByName('Monitored').template.Resources);
    const count = (type: string) => resources.filter((r) => r.Type === type).length;
    // 7 load balancer and target group alarms, and 2 for scaling on response time
    expect([count('AWS::CloudWatch::Alarm'), count('AWS::CloudWatch::Dashboard')]).toEqual([9, 1]);
  });

  test('fails for an alarm that notifies nobody (so a pass means the alarm rules ran)', () => {
    const negative = checkedApp();
    const metric = new cloudwatch.Metric({ namespace: 'AWS/ApplicationELB', metricName: 'RequestCount' });
    new cloudwatch.Alarm(new Stack(negative, 'Silent'), 'Alarm', { metric, threshold: 1, evaluationPeriods: 1 });
    expect(() => negative.synth()).toThrow(/CT\.CLOUDWATCH\.PR\.1/);
  });
});
