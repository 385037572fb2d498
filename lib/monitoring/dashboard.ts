import { Duration, Fn, Names, Stack } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { MonitoredResources } from './alarms';
import { sortedEntries } from '../private/resolve';

const MINUTE = Duration.minutes(1);

/** A metric of one minute with a legend label. */
function m(metric: cloudwatch.Metric, label: string, statistic?: string): cloudwatch.Metric {
  return metric.with({ period: MINUTE, label, ...(statistic ? { statistic } : {}) });
}

function graph(title: string, width: number, left: cloudwatch.IMetric[]): cloudwatch.GraphWidget {
  return new cloudwatch.GraphWidget({ title, width, height: 6, left });
}

function heading(text: string): cloudwatch.TextWidget {
  return new cloudwatch.TextWidget({ markdown: `### ${text}`, width: 24, height: 1 });
}

function albRow(name: string, lb: elbv2.ApplicationLoadBalancer): cloudwatch.IWidget[] {
  return [
    heading(`Application Load Balancer \`${name}\``),
    graph('Requests', 6, [m(lb.metrics.requestCount(), 'RequestCount')]),
    graph('5xx responses', 6, [
      m(lb.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT), 'HTTPCode_ELB_5XX_Count'),
      m(lb.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT), 'HTTPCode_Target_5XX_Count'),
    ]),
    graph('Target response time (seconds)', 6, ['p50', 'p90', 'p99'].map((p) => m(lb.metrics.targetResponseTime(), `TargetResponseTime ${p}`, p))),
    graph('Rejected connections', 6, [m(lb.metrics.rejectedConnectionCount(), 'RejectedConnectionCount')]),
  ];
}

function nlbRow(name: string, lb: elbv2.NetworkLoadBalancer): cloudwatch.IWidget[] {
  return [
    heading(`Network Load Balancer \`${name}\``),
    graph('Flows', 8, [m(lb.metrics.activeFlowCount(), 'ActiveFlowCount'), m(lb.metrics.newFlowCount(), 'NewFlowCount')]),
    graph('Processed bytes', 8, [m(lb.metrics.processedBytes(), 'ProcessedBytes')]),
    graph('TCP resets', 8, [
      m(lb.metrics.tcpClientResetCount(), 'TCP_Client_Reset_Count'),
      m(lb.metrics.tcpElbResetCount(), 'TCP_ELB_Reset_Count'),
      m(lb.metrics.tcpTargetResetCount(), 'TCP_Target_Reset_Count'),
    ]),
  ];
}

function hosts(healthy: cloudwatch.Metric, unhealthy: cloudwatch.Metric): cloudwatch.GraphWidget {
  return graph('Hosts', 8, [m(healthy, 'HealthyHostCount', cloudwatch.Stats.MINIMUM), m(unhealthy, 'UnHealthyHostCount', cloudwatch.Stats.MAXIMUM)]);
}

function albTargetGroupRow(name: string, tg: elbv2.ApplicationTargetGroup): cloudwatch.IWidget[] {
  return [
    heading(`Target group \`${name}\``),
    hosts(tg.metrics.healthyHostCount(), tg.metrics.unhealthyHostCount()),
    graph('Requests and 5xx responses', 8, [
      m(tg.metrics.requestCount(), 'RequestCount'),
      m(tg.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT), 'HTTPCode_Target_5XX_Count'),
    ]),
    graph('Target response time (seconds)', 8, ['p50', 'p90'].map((p) => m(tg.metrics.targetResponseTime(), `TargetResponseTime ${p}`, p))),
  ];
}

function nlbTargetGroupRow(name: string, tg: elbv2.NetworkTargetGroup): cloudwatch.IWidget[] {
  return [heading(`Target group \`${name}\``), hosts(tg.metrics.healthyHostCount(), tg.metrics.unHealthyHostCount())];
}

/** Whether there is anything to put on a dashboard. */
export function hasDashboardContent(r: MonitoredResources): boolean {
  const maps = [r.applicationLoadBalancers, r.networkLoadBalancers, r.applicationTargetGroups, r.networkTargetGroups];
  return maps.some((map) => Object.keys(map).length > 0);
}

/**
 * One dashboard of the topology: the state of its alarms, then a row per load balancer
 * and per target group, each in name order. The name is the construct path and the
 * Region, unique in the account (dashboard names are global) and stable across
 * deployments.
 */
export function buildDashboard(scope: Construct, id: string, r: MonitoredResources, alarms: cloudwatch.IAlarm[]): cloudwatch.Dashboard {
  const dashboard = new cloudwatch.Dashboard(scope, id, {
    dashboardName: Fn.join('-', [Names.uniqueResourceName(scope, { maxLength: 200, separator: '-', allowedSpecialCharacters: '-_' }), Stack.of(scope).region]),
    defaultInterval: Duration.hours(3),
  });
  if (alarms.length > 0) {
    dashboard.addWidgets(new cloudwatch.AlarmStatusWidget({ title: 'Alarms', alarms, width: 24, height: 2 + Math.ceil(alarms.length / 4) }));
  }
  const rows = [
    ...sortedEntries(r.applicationLoadBalancers).map(([name, lb]) => albRow(name, lb)),
    ...sortedEntries(r.networkLoadBalancers).map(([name, lb]) => nlbRow(name, lb)),
    ...[
      ...sortedEntries(r.applicationTargetGroups).map(([name, tg]): [string, cloudwatch.IWidget[]] => [name, albTargetGroupRow(name, tg)]),
      ...sortedEntries(r.networkTargetGroups).map(([name, tg]): [string, cloudwatch.IWidget[]] => [name, nlbTargetGroupRow(name, tg)]),
    ].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, row]) => row),
  ];
  for (const [title, ...graphs] of rows) {
    dashboard.addWidgets(title);
    dashboard.addWidgets(...graphs);
  }
  return dashboard;
}
