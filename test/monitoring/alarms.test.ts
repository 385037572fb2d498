import { Match } from 'aws-cdk-lib/assertions';
import * as sns from 'aws-cdk-lib/aws-sns';
import { AlarmKind, MonitoringSpec, TopologySpec } from '../../lib';
import { build, minimalSpec } from '../helpers';
import { getAtt, logicalId, refTo, resourceOf } from '../template-helpers';

/**
 * The minimal spec (ALB `public` forwarding to target group `web`) plus NLB `edge`
 * forwarding to the TCP target group `game`, and target group `spare` that no load
 * balancer forwards to.
 */
function spec(monitoring?: MonitoringSpec): TopologySpec {
  const base = minimalSpec();
  return {
    ...base,
    fleets: { ...base.fleets, game: { port: 7777 } },
    targetGroups: { ...base.targetGroups, game: { fleet: 'game', protocol: 'TCP' as any }, spare: { fleet: 'web' } },
    networkLoadBalancers: { edge: { listeners: { tcp: { protocol: 'TCP' as any, port: 7777, targetGroup: 'game' } } } },
    monitoring,
  };
}

const TOPIC_ARN = 'arn:aws:sns:us-east-1:123456789012:on-call';

describe('alarms with the defaults', () => {
  // GIVEN a topology with no monitoring section
  const { template, topology } = build(spec());
  const topic = () => refTo(topology.alarmTopic as sns.Topic);
  const alarm = (name: string, kind: AlarmKind) => resourceOf(template, topology.alarm(name, kind)).Properties!;
  const albDimension = { Name: 'LoadBalancer', Value: getAtt(topology.applicationLoadBalancer('public'), 'LoadBalancerFullName') };
  const tgDimension = (name: string, tg: any) => ({ Name: 'TargetGroup', Value: getAtt(tg(name), 'TargetGroupFullName') });
  const countAlarm = { ComparisonOperator: 'GreaterThanOrEqualToThreshold', TreatMissingData: 'notBreaching', Period: 60 };

  test('alarm on 5xx responses of the ALB itself: 10 or more in 3 of 3 minutes', () => {
    expect(alarm('public', AlarmKind.LOAD_BALANCER_5XX)).toMatchObject({
      ...countAlarm,
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'HTTPCode_ELB_5XX_Count',
      Statistic: 'Sum',
      Dimensions: [albDimension],
      Threshold: 10,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 3,
    });
  });

  test('alarm on connections the ALB rejects: 1 or more in one minute', () => {
    expect(alarm('public', AlarmKind.REJECTED_CONNECTIONS)).toMatchObject({
      ...countAlarm,
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'RejectedConnectionCount',
      Statistic: 'Sum',
      Dimensions: [albDimension],
      Threshold: 1,
      EvaluationPeriods: 1,
      DatapointsToAlarm: 1,
    });
  });

  test('alarm on unhealthy hosts of an ALB target group, per target group and load balancer', () => {
    expect(alarm('web', AlarmKind.UNHEALTHY_HOSTS)).toMatchObject({
      ...countAlarm,
      Namespace: 'AWS/ApplicationELB',
      MetricName: 'UnHealthyHostCount',
      Statistic: 'Maximum',
      Dimensions: expect.arrayContaining([tgDimension('web', (n: string) => topology.applicationTargetGroup(n))]),
      Threshold: 1,
      EvaluationPeriods: 3,
      DatapointsToAlarm: 3,
    });
    expect(alarm('web', AlarmKind.UNHEALTHY_HOSTS).Dimensions.map((d: any) => d.Name).sort()).toEqual(['LoadBalancer', 'TargetGroup']);
  });

  test('alarm on 5xx responses of the targets of an ALB target group', () => {
    expect(alarm('web', AlarmKind.TARGET_5XX)).toMatchObject({
      ...countAlarm, Namespace: 'AWS/ApplicationELB', MetricName: 'HTTPCode_Target_5XX_Count', Statistic: 'Sum', Threshold: 10,
    });
  });

  test('alarm on the p90 target response time of an ALB target group: 1 second or more in 3 of 3 minutes', () => {
    const props = alarm('web', AlarmKind.TARGET_RESPONSE_TIME);
    expect(props).toMatchObject({
      ...countAlarm, Namespace: 'AWS/ApplicationELB', MetricName: 'TargetResponseTime', ExtendedStatistic: 'p90', Threshold: 1, EvaluationPeriods: 3,
    });
    expect(props.Statistic).toBeUndefined();
  });

  test('alarm on TCP resets sent by the NLB', () => {
    expect(alarm('edge', AlarmKind.TCP_RESETS)).toMatchObject({
      ...countAlarm,
      Namespace: 'AWS/NetworkELB',
      MetricName: 'TCP_ELB_Reset_Count',
      Statistic: 'Sum',
      Threshold: 100,
      Dimensions: [{ Name: 'LoadBalancer', Value: getAtt(topology.networkLoadBalancer('edge'), 'LoadBalancerFullName') }],
    });
  });

  test('alarm on unhealthy hosts of an NLB target group', () => {
    expect(alarm('game', AlarmKind.UNHEALTHY_HOSTS)).toMatchObject({
      ...countAlarm,
      Namespace: 'AWS/NetworkELB',
      MetricName: 'UnHealthyHostCount',
      Statistic: 'Maximum',
      Threshold: 1,
      Dimensions: expect.arrayContaining([tgDimension('game', (n: string) => topology.networkTargetGroup(n))]),
    });
  });

  test('no other alarm: none on a target group no load balancer forwards to, none of a kind that does not fit', () => {
    expect(Object.keys(topology.alarms).sort()).toEqual([
      'edge/tcpResets', 'game/unhealthyHosts', 'public/loadBalancer5xx', 'public/rejectedConnections', 'web/target5xx', 'web/targetResponseTime', 'web/unhealthyHosts',
    ]);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 7);
    expect(() => topology.alarm('spare', AlarmKind.UNHEALTHY_HOSTS)).toThrow(/^ElbTopology has no alarm 'spare\/unhealthyHosts'\. Known: edge\/tcpResets, game\/unhealthyHosts, /);
    expect(() => topology.alarm('public', AlarmKind.TCP_RESETS)).toThrow(/no alarm 'public\/tcpResets'/);
  });

  test('every alarm notifies the alarm topic when it goes off and when it is OK again', () => {
    for (const a of Object.values(template.findResources('AWS::CloudWatch::Alarm'))) {
      expect([a.Properties.AlarmActions, a.Properties.OKActions]).toEqual([[topic()], [topic()]]);
    }
  });

  test('every alarm says in its description what it watches', () => {
    expect(alarm('web', AlarmKind.TARGET_RESPONSE_TIME).AlarmDescription).toBe(
      "ELB topology Test/Topology, target group 'web': 1 or more seconds of target response time at the 90th percentile (TargetResponseTime p90) in 3 of 3 periods of 60 seconds.");
    expect(alarm('public', AlarmKind.REJECTED_CONNECTIONS).AlarmDescription).toMatch(/Application Load Balancer 'public': 1 or more connections rejected .* in 1 period of 60 seconds\.$/);
  });

  test('the alarm topic is its own, separate from the topic of scaling events, encrypted with its own rotated key and TLS only', () => {
    template.resourceCountIs('AWS::SNS::Topic', 2);
    expect(topology.alarmTopic).not.toBe(topology.notificationTopic);
    const props = resourceOf(template, topology.alarmTopic as sns.Topic).Properties!;
    expect(props.DisplayName).toBe('ELB topology Test/Topology: alarms');
    const keyId = props.KmsMasterKeyId['Fn::GetAtt'][0];
    expect(template.toJSON().Resources[keyId].Properties).toMatchObject({ EnableKeyRotation: true, PendingWindowInDays: 7 });
    template.hasResourceProperties('AWS::SNS::TopicPolicy', {
      Topics: [topic()],
      PolicyDocument: { Statement: Match.arrayWith([Match.objectLike({ Effect: 'Deny', Action: 'sns:Publish', Condition: { Bool: { 'aws:SecureTransport': 'false' } } })]) },
    });
  });

  test('the key lets CloudWatch encrypt the notifications, and allows grants only to AWS services', () => {
    const keyId = resourceOf(template, topology.alarmTopic as sns.Topic).Properties!.KmsMasterKeyId['Fn::GetAtt'][0];
    expect(template.toJSON().Resources[keyId].Properties.KeyPolicy.Statement).toEqual(expect.arrayContaining([
      expect.objectContaining({ Effect: 'Allow', Principal: { Service: 'cloudwatch.amazonaws.com' }, Action: ['kms:Decrypt', 'kms:GenerateDataKey*'] }),
      expect.objectContaining({
        Effect: 'Deny',
        Principal: { AWS: '*' },
        Action: 'kms:CreateGrant',
        Condition: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
      }),
    ]));
  });

  test('construct IDs come from the part names, under Monitoring', () => {
    expect(topology.alarm('web', AlarmKind.TARGET_5XX).node.path).toBe('Test/Topology/Monitoring/TargetGroups/web/Target5xx');
    expect(topology.alarm('public', AlarmKind.LOAD_BALANCER_5XX).node.path).toBe('Test/Topology/Monitoring/ApplicationLoadBalancers/public/LoadBalancer5xx');
    expect(topology.alarm('edge', AlarmKind.TCP_RESETS).node.path).toBe('Test/Topology/Monitoring/NetworkLoadBalancers/edge/TcpResets');
    expect(logicalId(topology.alarm('game', AlarmKind.UNHEALTHY_HOSTS))).toMatch(/^TopologyMonitoringTargetGroupsgameUnhealthyHosts/);
  });
});

describe('alarms with settings of their own and a given topic', () => {
  // GIVEN an existing topic, tuned response-time and unhealthy-host alarms, and TCP
  // reset and rejected-connection alarms turned off
  const { template, topology } = build(spec({
    alarmTopicArn: TOPIC_ARN,
    targetResponseTime: { threshold: 0.5, evaluationPeriods: 5, datapointsToAlarm: 2, periodSeconds: 300 },
    unhealthyHosts: { evaluationPeriods: 1 },
    tcpResets: { enabled: false },
    rejectedConnections: { enabled: false, threshold: 5 },
  }));

  test('takes the threshold, periods and datapoints given', () => {
    expect(resourceOf(template, topology.alarm('web', AlarmKind.TARGET_RESPONSE_TIME)).Properties).toMatchObject({
      Threshold: 0.5, EvaluationPeriods: 5, DatapointsToAlarm: 2, Period: 300, ExtendedStatistic: 'p90',
    });
  });

  test('fits the default datapoints to fewer evaluation periods', () => {
    for (const name of ['web', 'game']) {
      const props = resourceOf(template, topology.alarm(name, AlarmKind.UNHEALTHY_HOSTS)).Properties!;
      expect([props.EvaluationPeriods, props.DatapointsToAlarm, props.Threshold]).toEqual([1, 1, 1]);
    }
  });

  test('creates no alarm of a kind turned off', () => {
    template.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { MetricName: 'TCP_ELB_Reset_Count' }, 0);
    template.resourcePropertiesCountIs('AWS::CloudWatch::Alarm', { MetricName: 'RejectedConnectionCount' }, 0);
    expect(Object.keys(topology.alarms)).toHaveLength(5);
  });

  test('notifies the given topic and creates none', () => {
    expect(topology.alarmTopic!.topicArn).toBe(TOPIC_ARN);
    for (const a of Object.values(template.findResources('AWS::CloudWatch::Alarm'))) {
      expect([a.Properties.AlarmActions, a.Properties.OKActions]).toEqual([[TOPIC_ARN], [TOPIC_ARN]]);
    }
    template.resourceCountIs('AWS::SNS::Topic', 1); // the topic of scaling events
    template.resourcePropertiesCountIs('AWS::KMS::Key', { Description: Match.stringLikeRegexp('alarm notifications') }, 0);
  });
});

describe('alarms turned off', () => {
  // GIVEN alarmsEnabled: false, with one kind's own settings still in the spec
  const { template, topology } = build(spec({ alarmsEnabled: false, targetResponseTime: { enabled: true, threshold: 2 } }));

  test('creates no alarm and no alarm topic, but keeps the dashboard', () => {
    template.resourceCountIs('AWS::CloudWatch::Alarm', 0);
    expect(topology.alarms).toEqual({});
    expect(topology.alarmTopic).toBeUndefined();
    template.resourceCountIs('AWS::SNS::Topic', 1);
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
  });
});
