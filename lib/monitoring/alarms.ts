import { Duration } from 'aws-cdk-lib';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { sortedEntries } from '../private/resolve';
import { ResolvedAlarm, resolveAlarm } from '../private/resolve-monitoring';
import { AlarmKind, MonitoringSpec } from '../spec/monitoring';

/**
 * The load balancers and target groups to monitor, by spec name. Only target groups on
 * a load balancer belong here: their metrics are per load balancer.
 */
export interface MonitoredResources {
  readonly applicationLoadBalancers: { [name: string]: elbv2.ApplicationLoadBalancer };
  readonly applicationTargetGroups: { [name: string]: elbv2.ApplicationTargetGroup };
  readonly networkLoadBalancers: { [name: string]: elbv2.NetworkLoadBalancer };
  readonly networkTargetGroups: { [name: string]: elbv2.NetworkTargetGroup };
}

/** One alarm to create: what it watches, and under which namespace construct. */
interface AlarmSubject {
  /** The namespace construct of the watched part's section. */
  readonly section: string;
  readonly name: string;
  readonly kind: AlarmKind;
  readonly metric: cloudwatch.Metric;
  /** The watched part in words, for the alarm's description. */
  readonly subject: string;
}

/** The construct ID of each kind of alarm, below its part's namespace. */
const ALARM_IDS: Record<AlarmKind, string> = {
  [AlarmKind.UNHEALTHY_HOSTS]: 'UnhealthyHosts',
  [AlarmKind.LOAD_BALANCER_5XX]: 'LoadBalancer5xx',
  [AlarmKind.TARGET_5XX]: 'Target5xx',
  [AlarmKind.TARGET_RESPONSE_TIME]: 'TargetResponseTime',
  [AlarmKind.REJECTED_CONNECTIONS]: 'RejectedConnections',
  [AlarmKind.TCP_RESETS]: 'TcpResets',
};

/** What each kind of alarm measures, for its description. */
const MEASURES: Record<AlarmKind, string> = {
  [AlarmKind.UNHEALTHY_HOSTS]: 'unhealthy hosts (maximum of UnHealthyHostCount)',
  [AlarmKind.LOAD_BALANCER_5XX]: '5xx responses from the load balancer itself (HTTPCode_ELB_5XX_Count)',
  [AlarmKind.TARGET_5XX]: '5xx responses from the targets (HTTPCode_Target_5XX_Count)',
  [AlarmKind.TARGET_RESPONSE_TIME]: 'seconds of target response time at the 90th percentile (TargetResponseTime p90)',
  [AlarmKind.REJECTED_CONNECTIONS]: 'connections rejected at the maximum number of connections (RejectedConnectionCount)',
  [AlarmKind.TCP_RESETS]: 'TCP resets sent by the load balancer (TCP_ELB_Reset_Count)',
};

/** Every alarm the monitored parts can have, in a fixed order: by section, then name, then kind. */
function alarmSubjects(r: MonitoredResources): AlarmSubject[] {
  const subjects: AlarmSubject[] = [];
  for (const [name, lb] of sortedEntries(r.applicationLoadBalancers)) {
    const subject = `Application Load Balancer '${name}'`;
    const section = 'ApplicationLoadBalancers';
    subjects.push(
      { section, name, subject, kind: AlarmKind.LOAD_BALANCER_5XX, metric: lb.metrics.httpCodeElb(elbv2.HttpCodeElb.ELB_5XX_COUNT) },
      { section, name, subject, kind: AlarmKind.REJECTED_CONNECTIONS, metric: lb.metrics.rejectedConnectionCount() },
    );
  }
  for (const [name, lb] of sortedEntries(r.networkLoadBalancers)) {
    subjects.push({ section: 'NetworkLoadBalancers', name, subject: `Network Load Balancer '${name}'`, kind: AlarmKind.TCP_RESETS, metric: lb.metrics.tcpElbResetCount() });
  }
  // Target group names are unique across both kinds: one namespace holds them all.
  const targetGroups: Array<[string, AlarmSubject[]]> = [
    ...sortedEntries(r.applicationTargetGroups).map(([name, tg]): [string, AlarmSubject[]] => {
      const s = { section: 'TargetGroups', name, subject: `target group '${name}'` };
      return [name, [
        { ...s, kind: AlarmKind.UNHEALTHY_HOSTS, metric: tg.metrics.unhealthyHostCount({ statistic: cloudwatch.Stats.MAXIMUM }) },
        { ...s, kind: AlarmKind.TARGET_5XX, metric: tg.metrics.httpCodeTarget(elbv2.HttpCodeTarget.TARGET_5XX_COUNT) },
        { ...s, kind: AlarmKind.TARGET_RESPONSE_TIME, metric: tg.metrics.targetResponseTime({ statistic: cloudwatch.Stats.p(90) }) },
      ]];
    }),
    ...sortedEntries(r.networkTargetGroups).map(([name, tg]): [string, AlarmSubject[]] => [name, [{
      section: 'TargetGroups',
      name,
      subject: `target group '${name}'`,
      kind: AlarmKind.UNHEALTHY_HOSTS,
      metric: tg.metrics.unHealthyHostCount({ statistic: cloudwatch.Stats.MAXIMUM }),
    }]]),
  ];
  targetGroups.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).forEach(([, s]) => subjects.push(...s));
  return subjects;
}

/** Whether any alarm is on for the monitored parts, so that a topic is needed. */
export function hasAlarms(spec: MonitoringSpec | undefined, resources: MonitoredResources): boolean {
  return alarmSubjects(resources).some((s) => resolveAlarm(spec, s.kind).enabled);
}

/**
 * Creates the enabled alarms of every monitored part under `scope`, at
 * `<Section>/<name>/<Kind>`, each notifying `topic` when it goes off and when it is OK
 * again. Returns them keyed `<name>/<kind>`.
 */
export function buildAlarms(scope: Construct, spec: MonitoringSpec | undefined, resources: MonitoredResources, topic: sns.ITopic,
  label: string): Map<string, cloudwatch.Alarm> {
  const alarms = new Map<string, cloudwatch.Alarm>();
  const action = new actions.SnsAction(topic);
  for (const s of alarmSubjects(resources)) {
    const settings = resolveAlarm(spec, s.kind);
    if (!settings.enabled) continue;
    const section = scope.node.tryFindChild(s.section) ?? new Construct(scope, s.section);
    const parent = section.node.tryFindChild(s.name) ?? new Construct(section, s.name);
    const alarm = new cloudwatch.Alarm(parent, ALARM_IDS[s.kind], {
      metric: s.metric.with({ period: Duration.seconds(settings.periodSeconds) }),
      threshold: settings.threshold,
      evaluationPeriods: settings.evaluationPeriods,
      datapointsToAlarm: settings.datapointsToAlarm,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      // No data means no traffic (or no unhealthy host reported): nothing is wrong.
      treatMissingData: cloudwatch.TreatMissingData.NOT_BREACHING,
      alarmDescription: describe(label, s, settings),
    });
    alarm.addAlarmAction(action);
    alarm.addOkAction(action);
    alarms.set(`${s.name}/${s.kind}`, alarm);
  }
  return alarms;
}

function describe(label: string, s: AlarmSubject, a: ResolvedAlarm): string {
  const periods = a.evaluationPeriods === 1 ? `1 period of ${a.periodSeconds} seconds` : `${a.datapointsToAlarm} of ${a.evaluationPeriods} periods of ${a.periodSeconds} seconds`;
  return `ELB topology ${label}, ${s.subject}: ${a.threshold} or more ${MEASURES[s.kind]} in ${periods}.`;
}
