import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import { ElbTopology, TopologySpec } from '../../lib';
import { build, minimalSpec } from '../helpers';
import { getAtt, resourceOf } from '../template-helpers';

/** The minimal spec plus NLB `edge` forwarding to the TCP target group `game`. */
function spec(overrides: Partial<TopologySpec> = {}): TopologySpec {
  const base = minimalSpec();
  return {
    ...base,
    fleets: { ...base.fleets, game: { port: 7777 } },
    targetGroups: { ...base.targetGroups, game: { fleet: 'game', protocol: 'TCP' as any } },
    networkLoadBalancers: { edge: { listeners: { tcp: { protocol: 'TCP' as any, port: 7777, targetGroup: 'game' } } } },
    ...overrides,
  };
}

/** A widget of the dashboard body, with tokens replaced by `<token>`. */
interface Widget {
  readonly type: string;
  readonly width: number;
  readonly properties: { title?: string; markdown?: string; alarms?: string[]; metrics?: unknown[][] };
}

/** The widgets of a dashboard's body (a Fn::Join of JSON text and tokens). */
function widgetsOf(body: any): Widget[] {
  const text = typeof body === 'string' ? body : body['Fn::Join'][1].map((part: unknown) => (typeof part === 'string' ? part : '<token>')).join('');
  return JSON.parse(text).widgets;
}

describe('the dashboard', () => {
  // GIVEN a topology with an ALB, an NLB and a target group on each, and the defaults
  const { template, topology } = build(spec());
  const body = () => resourceOf(template, topology.dashboard!).Properties!.DashboardBody;
  const widgets = widgetsOf(body());
  const graph = (title: string, after: string) => {
    const start = widgets.findIndex((w) => w.properties.markdown === `### ${after}`);
    return widgets.slice(start).find((w) => w.properties.title === title)!;
  };
  /** The metric names of a graph, each metric being [namespace, name, dimension, value, ...]. */
  const metricNames = (w: Widget) => w.properties.metrics!.map((m) => `${m[0]} ${m[1]}`);

  test('is one per topology, named after its construct path and the Region', () => {
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 1);
    expect(resourceOf(template, topology.dashboard!).Properties!.DashboardName).toEqual({
      'Fn::Join': ['-', [expect.stringMatching(/^Test-Topology-Monitoring-[0-9A-F]{8}$/), { Ref: 'AWS::Region' }]],
    });
  });

  test('shows the state of every alarm first', () => {
    expect(widgets[0]).toMatchObject({ type: 'alarm', width: 24, properties: { title: 'Alarms' } });
    expect(widgets[0].properties.alarms).toHaveLength(Object.keys(topology.alarms).length);
    expect(JSON.stringify(body())).toContain(JSON.stringify(getAtt(topology.alarms['web/targetResponseTime'], 'Arn')));
  });

  test('has a row per load balancer and per target group, each under a heading, in name order', () => {
    expect(widgets.filter((w) => w.type === 'text').map((w) => w.properties.markdown)).toEqual([
      '### Application Load Balancer `public`', '### Network Load Balancer `edge`', '### Target group `game`', '### Target group `web`',
    ]);
  });

  test('shows requests, 5xx responses, response time percentiles and rejected connections of an ALB', () => {
    const alb = 'Application Load Balancer `public`';
    expect(metricNames(graph('Requests', alb))).toEqual(['AWS/ApplicationELB RequestCount']);
    expect(metricNames(graph('5xx responses', alb))).toEqual(['AWS/ApplicationELB HTTPCode_ELB_5XX_Count', 'AWS/ApplicationELB HTTPCode_Target_5XX_Count']);
    const responseTime = graph('Target response time (seconds)', alb).properties.metrics!;
    expect(responseTime.map((m) => (m[m.length - 1] as any).stat)).toEqual(['p50', 'p90', 'p99']);
    expect(metricNames(graph('Rejected connections', alb))).toEqual(['AWS/ApplicationELB RejectedConnectionCount']);
  });

  test('shows flows, processed bytes and every kind of TCP reset of an NLB', () => {
    const nlb = 'Network Load Balancer `edge`';
    expect(metricNames(graph('Flows', nlb))).toEqual(['AWS/NetworkELB ActiveFlowCount', 'AWS/NetworkELB NewFlowCount']);
    expect(metricNames(graph('Processed bytes', nlb))).toEqual(['AWS/NetworkELB ProcessedBytes']);
    expect(metricNames(graph('TCP resets', nlb))).toEqual(['AWS/NetworkELB TCP_Client_Reset_Count', 'AWS/NetworkELB TCP_ELB_Reset_Count', 'AWS/NetworkELB TCP_Target_Reset_Count']);
  });

  test('shows healthy and unhealthy hosts of every target group, and requests and response time of an ALB target group', () => {
    expect(metricNames(graph('Hosts', 'Target group `game`'))).toEqual(['AWS/NetworkELB HealthyHostCount', 'AWS/NetworkELB UnHealthyHostCount']);
    expect(metricNames(graph('Hosts', 'Target group `web`'))).toEqual(['AWS/ApplicationELB HealthyHostCount', 'AWS/ApplicationELB UnHealthyHostCount']);
    expect(metricNames(graph('Requests and 5xx responses', 'Target group `web`'))).toEqual(['AWS/ApplicationELB RequestCount', 'AWS/ApplicationELB HTTPCode_Target_5XX_Count']);
    expect(metricNames(graph('Target response time (seconds)', 'Target group `web`'))).toEqual(['AWS/ApplicationELB TargetResponseTime', 'AWS/ApplicationELB TargetResponseTime']);
  });
});

describe('the dashboard turned off or with nothing to show', () => {
  test('is not created with dashboardEnabled: false, while the alarms still are', () => {
    // GIVEN the dashboard turned off
    const { template, topology } = build(spec({ monitoring: { dashboardEnabled: false } }));
    // THEN there is no dashboard, and the alarms remain
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    expect(topology.dashboard).toBeUndefined();
    expect(Object.keys(topology.alarms)).toHaveLength(7);
  });

  test('is not created, nor any alarm or alarm topic, for a topology without Application or Network Load Balancers', () => {
    // GIVEN only a fleet (no load balancer), built without synthesizing the rest
    const stack = new Stack(new App(), 'Bare');
    const topology = new ElbTopology(stack, 'Topology', { spec: { network: { maxAzs: 2, natGateways: 1 }, fleets: { web: {} } } });
    const template = Template.fromStack(stack);
    template.resourceCountIs('AWS::CloudWatch::Dashboard', 0);
    template.resourceCountIs('AWS::CloudWatch::Alarm', 0);
    expect([topology.dashboard, topology.alarmTopic]).toEqual([undefined, undefined]);
  });
});
