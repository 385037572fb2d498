import { Token } from 'aws-cdk-lib';
import { ALARM_DEFAULTS, ALARM_KINDS, MAX_ALARM_EVALUATION_SECONDS } from '../../private/resolve-monitoring';
import { AlarmKind, AlarmSpec, MonitoringSpec } from '../../spec/monitoring';
import { CheckContext } from '../context';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { checkBoolean, checkKnownFields, isObject } from './util';

/** An SNS topic ARN: partition, Region, account and a topic name of letters, digits, hyphens and underscores. */
const SNS_TOPIC_ARN = /^arn:aws(-[a-z]+)*:sns:[a-z0-9-]+:\d{12}:[A-Za-z0-9_-]{1,256}(\.fifo)?$/;

/** Monitoring: the alarm topic, and each kind of alarm's threshold, periods and datapoints. */
export function checkMonitoring(ctx: CheckContext): SpecIssue[] {
  const monitoring: unknown = ctx.spec.monitoring;
  if (monitoring === undefined) return [];
  const path = SpecPath.ROOT.key('monitoring');
  if (!isObject(monitoring)) {
    return [issue(path, `must be an object, got ${show(monitoring)}.`, 'Write for example `{ targetResponseTime: { threshold: 0.5 } }`, or leave it out for the defaults.')];
  }
  const spec = monitoring as MonitoringSpec;
  const issues: SpecIssue[] = [];
  checkKnownFields(issues, path, spec, 'MonitoringSpec');
  checkBoolean(issues, path.key('alarmsEnabled'), spec.alarmsEnabled);
  checkBoolean(issues, path.key('dashboardEnabled'), spec.dashboardEnabled);
  checkAlarmTopic(spec, path.key('alarmTopicArn'), issues);
  for (const kind of ALARM_KINDS) checkAlarm(kind, spec[kind], path.key(kind), issues);
  return issues;
}

function checkAlarmTopic(spec: MonitoringSpec, path: SpecPath, issues: SpecIssue[]): void {
  const arn: unknown = spec.alarmTopicArn;
  if (arn === undefined) return;
  if (typeof arn !== 'string' || (!Token.isUnresolved(arn) && !SNS_TOPIC_ARN.test(arn))) {
    issues.push(issue(path, `${show(arn)} is not an SNS topic ARN.`,
      "Copy it from the SNS console, for example 'arn:aws:sns:us-east-1:123456789012:alarms', or leave it out to have the topology create a topic."));
  }
  if (spec.alarmsEnabled === false) {
    issues.push(issue(path, 'a topic is given, but alarmsEnabled is false, so no alarm would notify it.', 'Remove alarmTopicArn, or remove `alarmsEnabled: false`.'));
  }
}

function checkAlarm(kind: AlarmKind, value: unknown, path: SpecPath, issues: SpecIssue[]): void {
  if (value === undefined) return;
  if (!isObject(value)) {
    issues.push(issue(path, `must be an object, got ${show(value)}.`, 'Write for example `{ threshold: 5 }` or `{ enabled: false }`.'));
    return;
  }
  const alarm = value as AlarmSpec;
  const defaults = ALARM_DEFAULTS[kind];
  checkKnownFields(issues, path, alarm, 'AlarmSpec');
  checkBoolean(issues, path.key('enabled'), alarm.enabled);
  const threshold: unknown = alarm.threshold;
  if (threshold !== undefined && (typeof threshold !== 'number' || !Number.isFinite(threshold) || threshold <= 0)) {
    issues.push(issue(path.key('threshold'), `must be a positive number, got ${show(threshold)}.`,
      `Give the value at or above which the alarm goes off, for example ${defaults.threshold} (the default).`));
  }
  const periods = checkWholeNumber(issues, path.key('evaluationPeriods'), alarm.evaluationPeriods, `for example ${defaults.evaluationPeriods} (the default)`);
  const datapoints = checkWholeNumber(issues, path.key('datapointsToAlarm'), alarm.datapointsToAlarm, `for example ${defaults.datapointsToAlarm} (the default)`);
  const periodSeconds = checkPeriod(issues, path.key('periodSeconds'), alarm.periodSeconds);
  const n = alarm.evaluationPeriods === undefined ? defaults.evaluationPeriods : periods;
  const seconds = alarm.periodSeconds === undefined ? defaults.periodSeconds : periodSeconds;
  if (datapoints !== undefined && n !== undefined && datapoints > n) {
    const given = alarm.evaluationPeriods === undefined ? `the default evaluationPeriods ${n}` : `evaluationPeriods ${n}`;
    issues.push(issue(path.key('datapointsToAlarm'), `${datapoints} breaching periods are asked for out of ${given}.`,
      `Make datapointsToAlarm at most evaluationPeriods (an alarm goes off on M breaching periods out of the last N), or raise evaluationPeriods to ${datapoints}.`));
  }
  if (n !== undefined && seconds !== undefined && n * seconds > MAX_ALARM_EVALUATION_SECONDS) {
    const at = alarm.evaluationPeriods !== undefined ? 'evaluationPeriods' : 'periodSeconds';
    issues.push(issue(path.key(at), `${n} periods of ${seconds} seconds last ${n * seconds} seconds, more than the one day (86400 seconds) an alarm may look back.`,
      'Use fewer or shorter periods.'));
  }
}

/** A whole number of at least 1, or undefined (after reporting) when it is not one. */
function checkWholeNumber(issues: SpecIssue[], path: SpecPath, value: unknown, example: string): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 1) {
    issues.push(issue(path, `must be a whole number of at least 1, got ${show(value)}.`, `Give a number of periods, ${example}.`));
    return undefined;
  }
  return value;
}

/** A period of a multiple of 60 seconds, up to a day, or undefined (after reporting) when it is not one. */
function checkPeriod(issues: SpecIssue[], path: SpecPath, value: unknown): number | undefined {
  if (value === undefined) return undefined;
  if (typeof value !== 'number' || !Number.isInteger(value) || value < 60 || value > MAX_ALARM_EVALUATION_SECONDS || value % 60 !== 0) {
    issues.push(issue(path, `must be a multiple of 60 from 60 to 86400, got ${show(value)}.`,
      'Elastic Load Balancing publishes its metrics once a minute: use 60 (the default), 300, 3600 or another whole number of minutes.'));
    return undefined;
  }
  return value;
}
