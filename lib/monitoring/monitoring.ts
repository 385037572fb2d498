import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as sns from 'aws-cdk-lib/aws-sns';
import { Construct } from 'constructs';
import { AlarmTopic } from './alarm-topic';
import { MonitoredResources, buildAlarms, hasAlarms } from './alarms';
import { buildDashboard, hasDashboardContent } from './dashboard';
import { resolveMonitoring } from '../private/resolve-monitoring';
import { MonitoringSpec } from '../spec/monitoring';

/**
 * The topology's CloudWatch alarms, the SNS topic they notify (given, or created at
 * `AlarmTopic`) and its dashboard (`Dashboard`). Build it after every load balancer, so
 * that each target group is on its load balancer.
 */
export class Monitoring extends Construct {
  /** The alarms, keyed `<part name>/<alarm kind>`. */
  readonly alarms: Map<string, cloudwatch.Alarm>;
  /** The topic the alarms notify; undefined when there is no alarm. */
  readonly alarmTopic?: sns.ITopic;
  /** The dashboard; undefined when it is turned off or there is nothing to show. */
  readonly dashboard?: cloudwatch.Dashboard;

  constructor(scope: Construct, id: string, spec: MonitoringSpec | undefined, resources: MonitoredResources, label: string) {
    super(scope, id);
    const r = resolveMonitoring(spec);
    this.alarms = new Map();
    if (r.alarmsEnabled && hasAlarms(spec, resources)) {
      this.alarmTopic = r.alarmTopicArn !== undefined
        ? sns.Topic.fromTopicArn(this, 'AlarmTopic', r.alarmTopicArn)
        : new AlarmTopic(this, 'AlarmTopic', label).topic;
      this.alarms = buildAlarms(this, spec, resources, this.alarmTopic, label);
    }
    if (r.dashboardEnabled && hasDashboardContent(resources)) {
      this.dashboard = buildDashboard(this, 'Dashboard', resources, [...this.alarms.values()]);
    }
  }
}
