import { Match } from 'aws-cdk-lib/assertions';
import { build, minimalSpec } from '../helpers';
import { getAtt, logicalId, refTo, resourceOf } from '../template-helpers';

describe('scaling on response time', () => {
  // GIVEN fleet `web` scaling on the response time of its only target group, beside
  // request-count tracking; fleet `api` on the response time of the group it names
  // (without request-count scaling); and fleet `static` without latency scaling
  const base = minimalSpec();
  const { template, topology } = build(minimalSpec({
    fleets: {
      web: { port: 8080, scaleOnResponseTimeSeconds: 0.5, scaleOnRequestsPerTarget: 500 },
      api: { port: 3000, scaleOnResponseTimeSeconds: 2, scaleOnRequestsTargetGroup: 'api-green' },
      static: { port: 8081 },
    },
    targetGroups: { 'web': { fleet: 'web' }, 'api-blue': { fleet: 'api' }, 'api-green': { fleet: 'api' }, 'static': { fleet: 'static' } },
    applicationLoadBalancers: {
      public: {
        ...base.applicationLoadBalancers!.public,
        rules: [
          { name: 'blue', conditions: { pathPatterns: ['/blue/*'] }, forward: { targetGroup: 'api-blue' } },
          { name: 'green', conditions: { pathPatterns: ['/green/*'] }, forward: { targetGroup: 'api-green' } },
          { name: 'static', conditions: { pathPatterns: ['/static/*'] }, forward: { targetGroup: 'static' } },
        ],
      },
    },
  }));
  const stepPolicies = (fleet: string) => Object.values(template.findResources('AWS::AutoScaling::ScalingPolicy', {
    Properties: { PolicyType: 'StepScaling', AutoScalingGroupName: refTo(topology.fleet(fleet)) },
  }));
  const responseTimeAlarms = (targetGroup: string) => template.findResources('AWS::CloudWatch::Alarm', {
    Properties: {
      MetricName: 'TargetResponseTime',
      Statistic: 'Average',
      Dimensions: Match.arrayWith([{ Name: 'TargetGroup', Value: getAtt(topology.applicationTargetGroup(targetGroup), 'TargetGroupFullName') }]),
    },
  });

  test('adds one step out at the threshold and two at twice it', () => {
    const out = stepPolicies('web').find((p) => p.Properties.StepAdjustments.some((s: any) => s.ScalingAdjustment > 0));
    expect(out?.Properties).toMatchObject({
      AdjustmentType: 'ChangeInCapacity',
      MetricAggregationType: 'Average',
      StepAdjustments: [
        { MetricIntervalLowerBound: 0, MetricIntervalUpperBound: 0.5, ScalingAdjustment: 1 },
        { MetricIntervalLowerBound: 0.5, ScalingAdjustment: 2 },
      ],
    });
  });

  test('removes one instance at or below half the threshold', () => {
    const scaleIn = stepPolicies('web').find((p) => p.Properties.StepAdjustments.some((s: any) => s.ScalingAdjustment < 0));
    expect(scaleIn?.Properties.StepAdjustments).toEqual([{ MetricIntervalUpperBound: 0, ScalingAdjustment: -1 }]);
  });

  test('sets the policies off with alarms on the average TargetResponseTime of the fleet target group, 3 minutes in a row', () => {
    const alarms = Object.values(responseTimeAlarms('web')).map((a) => a.Properties);
    const common = { Namespace: 'AWS/ApplicationELB', Period: 60, EvaluationPeriods: 3, DatapointsToAlarm: 3 };
    expect(alarms).toEqual(expect.arrayContaining([
      expect.objectContaining({ ...common, ComparisonOperator: 'GreaterThanOrEqualToThreshold', Threshold: 0.5 }),
      expect.objectContaining({ ...common, ComparisonOperator: 'LessThanOrEqualToThreshold', Threshold: 0.25 }),
    ]));
    expect(alarms).toHaveLength(2);
  });

  test('each alarm acts on its own step policy, and notifies nobody', () => {
    const scaling = topology.fleet('web').node.scope!.node.findChild('ResponseTimeScaling');
    const alarm = (id: string) => resourceOf(template, scaling.node.findChild(id)).Properties!;
    expect(alarm('UpperAlarm')).toMatchObject({ Threshold: 0.5, AlarmActions: [refTo(scaling.node.findChild('UpperPolicy'))] });
    expect(alarm('LowerAlarm')).toMatchObject({ Threshold: 0.25, AlarmActions: [refTo(scaling.node.findChild('LowerPolicy'))] });
    expect([alarm('UpperAlarm').OKActions, alarm('LowerAlarm').OKActions]).toEqual([undefined, undefined]);
  });

  test('keeps the target tracking on requests per target beside it', () => {
    template.hasResourceProperties('AWS::AutoScaling::ScalingPolicy', {
      PolicyType: 'TargetTrackingScaling',
      AutoScalingGroupName: refTo(topology.fleet('web')),
      TargetTrackingConfiguration: Match.objectLike({ TargetValue: 500 }),
    });
  });

  test('follows the target group named in scaleOnRequestsTargetGroup, without request-count scaling', () => {
    expect(Object.values(responseTimeAlarms('api-green')).map((a) => a.Properties.Threshold).sort()).toEqual([1, 2]);
    expect(responseTimeAlarms('api-blue')).toEqual({});
    expect(stepPolicies('api')).toHaveLength(2);
    template.resourcePropertiesCountIs('AWS::AutoScaling::ScalingPolicy', { PolicyType: 'TargetTrackingScaling', AutoScalingGroupName: refTo(topology.fleet('api')) }, 0);
  });

  test('adds no step scaling to a fleet without scaleOnResponseTimeSeconds', () => {
    expect(stepPolicies('static')).toEqual([]);
    expect(responseTimeAlarms('static')).toEqual({});
  });

  test('places the policies and alarms under the fleet, named after scaling on response time', () => {
    const scaling = topology.fleet('web').node.scope!.node.findChild('ResponseTimeScaling');
    const ids = ['UpperPolicy', 'UpperAlarm', 'LowerPolicy', 'LowerAlarm'].map((id) => logicalId(scaling.node.findChild(id)));
    expect(ids.every((id) => id.startsWith('TopologyFleetswebResponseTimeScaling'))).toBe(true);
    expect(Object.keys(responseTimeAlarms('web')).sort()).toEqual([ids[1], ids[3]].sort());
  });
});
