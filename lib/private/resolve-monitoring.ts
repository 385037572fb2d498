/**
 * The defaults of the monitoring spec and of scaling on latency, resolved in one place
 * for validation and builders alike, so the documented `@default`s, the checks and the
 * built alarms cannot disagree.
 */
import { AlarmKind, AlarmSpec, MonitoringSpec } from '../spec/monitoring';

/** An alarm's settings with every default applied. */
export interface ResolvedAlarm {
  readonly enabled: boolean;
  readonly threshold: number;
  readonly evaluationPeriods: number;
  readonly datapointsToAlarm: number;
  readonly periodSeconds: number;
}

/** The defaults of each kind of alarm, as documented on the fields of `MonitoringSpec`. */
export const ALARM_DEFAULTS: Readonly<Record<AlarmKind, ResolvedAlarm>> = {
  [AlarmKind.UNHEALTHY_HOSTS]: { enabled: true, threshold: 1, evaluationPeriods: 3, datapointsToAlarm: 3, periodSeconds: 60 },
  [AlarmKind.LOAD_BALANCER_5XX]: { enabled: true, threshold: 10, evaluationPeriods: 3, datapointsToAlarm: 3, periodSeconds: 60 },
  [AlarmKind.TARGET_5XX]: { enabled: true, threshold: 10, evaluationPeriods: 3, datapointsToAlarm: 3, periodSeconds: 60 },
  [AlarmKind.TARGET_RESPONSE_TIME]: { enabled: true, threshold: 1, evaluationPeriods: 3, datapointsToAlarm: 3, periodSeconds: 60 },
  [AlarmKind.REJECTED_CONNECTIONS]: { enabled: true, threshold: 1, evaluationPeriods: 1, datapointsToAlarm: 1, periodSeconds: 60 },
  [AlarmKind.TCP_RESETS]: { enabled: true, threshold: 100, evaluationPeriods: 3, datapointsToAlarm: 3, periodSeconds: 60 },
};

/** Every kind of alarm, in the order of `MonitoringSpec`. */
export const ALARM_KINDS: readonly AlarmKind[] = Object.values(AlarmKind);

/** The longest time all evaluation periods of an alarm may cover together: one day. */
export const MAX_ALARM_EVALUATION_SECONDS = 86_400;

/** The settings of one kind of alarm: the spec's values over the kind's defaults. */
export function resolveAlarm(monitoring: MonitoringSpec | undefined, kind: AlarmKind): ResolvedAlarm {
  const defaults = ALARM_DEFAULTS[kind];
  const given: AlarmSpec = monitoring?.[kind] ?? {};
  const evaluationPeriods = given.evaluationPeriods ?? defaults.evaluationPeriods;
  return {
    enabled: (monitoring?.alarmsEnabled ?? true) && (given.enabled ?? defaults.enabled),
    threshold: given.threshold ?? defaults.threshold,
    evaluationPeriods,
    // Fewer periods than the default "M" would make an invalid alarm: M shrinks with N.
    datapointsToAlarm: given.datapointsToAlarm ?? Math.min(defaults.datapointsToAlarm, evaluationPeriods),
    periodSeconds: given.periodSeconds ?? defaults.periodSeconds,
  };
}

/** Whether the topology creates alarms and a dashboard. */
export function resolveMonitoring(monitoring: MonitoringSpec | undefined) {
  return {
    alarmsEnabled: monitoring?.alarmsEnabled ?? true,
    dashboardEnabled: monitoring?.dashboardEnabled ?? true,
    alarmTopicArn: monitoring?.alarmTopicArn,
  };
}

/** How a fleet scales on the response time of its target group, from `FleetSpec.scaleOnResponseTimeSeconds`. */
export interface ResolvedLatencyScaling {
  /** At or above this average response time, in seconds, the fleet scales out by one instance. */
  readonly scaleOutSeconds: number;
  /** At or above this one, it scales out by two. */
  readonly scaleOutFastSeconds: number;
  /** At or below this one, it scales in by one instance. */
  readonly scaleInSeconds: number;
  /** The minutes in a row a bound must be crossed before the fleet scales. */
  readonly evaluationMinutes: number;
}

/** The largest `scaleOnResponseTimeSeconds`: the longest idle timeout of an Application Load Balancer. */
export const MAX_SCALE_ON_RESPONSE_TIME_SECONDS = 4000;

export function resolveLatencyScaling(scaleOnResponseTimeSeconds: number): ResolvedLatencyScaling {
  return {
    scaleOutSeconds: scaleOnResponseTimeSeconds,
    scaleOutFastSeconds: 2 * scaleOnResponseTimeSeconds,
    scaleInSeconds: scaleOnResponseTimeSeconds / 2,
    evaluationMinutes: 3,
  };
}
