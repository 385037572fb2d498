/**
 * Monitoring: the alarm topic, each kind of alarm's threshold, periods and datapoints,
 * and scaling a fleet on the response time of its target group.
 */
import { FleetSpec, MonitoringSpec } from '../../lib';
import { minimalSpec } from '../helpers';
import { ErrorRow, Loose, expectIssue, expectOnlyIssue, expectValid, rule, withAlb } from './util';

/** The minimal spec with this monitoring section. */
function withMonitoring(monitoring: MonitoringSpec | Loose): ReturnType<typeof minimalSpec> {
  return minimalSpec({ monitoring });
}

/** The minimal spec with fleet `web` changed. */
function withFleet(overrides: Partial<FleetSpec> | Loose): ReturnType<typeof minimalSpec> {
  return minimalSpec({ fleets: { web: { port: 8080, ...overrides } } });
}

const TOPIC = 'arn:aws:sns:us-east-1:123456789012:on-call';

describe('the monitoring section and its alarm topic', () => {
  test.each<ErrorRow>([
    ['the section is a boolean', withMonitoring(true), 'monitoring', /^must be an object, got true\. Write for example `\{ targetResponseTime: \{ threshold: 0\.5 \} \}`/],
    ['a field is misspelt', withMonitoring({ alarmEnabled: false }), 'monitoring.alarmEnabled', /^unknown field 'alarmEnabled'\. Did you mean 'alarmsEnabled'\?/],
    ['an alarm kind is misspelt', withMonitoring({ targetResponseTimes: { threshold: 2 } }), 'monitoring.targetResponseTimes',
      /^unknown field 'targetResponseTimes'\. Did you mean 'targetResponseTime'\?/],
    ['alarmsEnabled is a string from JSON', withMonitoring({ alarmsEnabled: 'false' }), 'monitoring.alarmsEnabled', /^must be true or false, got 'false'\.$/],
    ['dashboardEnabled is a number', withMonitoring({ dashboardEnabled: 0 }), 'monitoring.dashboardEnabled', /^must be true or false, got 0\.$/],
    ['the topic ARN is a topic name', withMonitoring({ alarmTopicArn: 'on-call' }), 'monitoring.alarmTopicArn',
      /^'on-call' is not an SNS topic ARN\. Copy it from the SNS console, for example 'arn:aws:sns:us-east-1:123456789012:alarms'/],
    ['the topic ARN is a queue ARN', withMonitoring({ alarmTopicArn: 'arn:aws:sqs:us-east-1:123456789012:on-call' }), 'monitoring.alarmTopicArn',
      /^'arn:aws:sqs:us-east-1:123456789012:on-call' is not an SNS topic ARN\./],
    ['the topic ARN has a short account', withMonitoring({ alarmTopicArn: 'arn:aws:sns:us-east-1:1234:on-call' }), 'monitoring.alarmTopicArn', /is not an SNS topic ARN\./],
    ['a topic is given with alarms turned off', withMonitoring({ alarmsEnabled: false, alarmTopicArn: TOPIC }), 'monitoring.alarmTopicArn',
      /^a topic is given, but alarmsEnabled is false, so no alarm would notify it\. Remove alarmTopicArn, or remove `alarmsEnabled: false`\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts topic ARNs of other partitions, and alarms and the dashboard turned off', () => {
    expectValid(withMonitoring({ alarmTopicArn: TOPIC }));
    expectValid(withMonitoring({ alarmTopicArn: 'arn:aws-us-gov:sns:us-gov-west-1:123456789012:on_call-1' }));
    expectValid(withMonitoring({ alarmsEnabled: false, dashboardEnabled: false }));
  });
});

describe('alarm settings', () => {
  const M = 'monitoring';
  test.each<ErrorRow>([
    ['an alarm is a number', withMonitoring({ unhealthyHosts: 1 }), `${M}.unhealthyHosts`, /^must be an object, got 1\. Write for example `\{ threshold: 5 \}` or `\{ enabled: false \}`\.$/],
    ['a threshold is 0', withMonitoring({ targetResponseTime: { threshold: 0 } }), `${M}.targetResponseTime.threshold`,
      /^must be a positive number, got 0\. Give the value at or above which the alarm goes off, for example 1 \(the default\)\.$/],
    ['a threshold is negative', withMonitoring({ loadBalancer5xx: { threshold: -5 } }), `${M}.loadBalancer5xx.threshold`,
      /^must be a positive number, got -5\. Give the value at or above which the alarm goes off, for example 10 \(the default\)\.$/],
    ['a threshold is a string from JSON', withMonitoring({ target5xx: { threshold: '10' } }), `${M}.target5xx.threshold`, /^must be a positive number, got '10'\./],
    ['a threshold is infinite', withMonitoring({ tcpResets: { threshold: Infinity } }), `${M}.tcpResets.threshold`, /^must be a positive number, got Infinity\./],
    ['a threshold is not a number', withMonitoring({ rejectedConnections: { threshold: NaN } }), `${M}.rejectedConnections.threshold`, /^must be a positive number, got NaN\./],
    ['enabled is a string', withMonitoring({ tcpResets: { enabled: 'no' } }), `${M}.tcpResets.enabled`, /^must be true or false, got 'no'\.$/],
    ['an alarm field is misspelt', withMonitoring({ unhealthyHosts: { treshold: 2 } }), `${M}.unhealthyHosts.treshold`, /^unknown field 'treshold'\. Did you mean 'threshold'\?/],
    ['evaluationPeriods is 0', withMonitoring({ unhealthyHosts: { evaluationPeriods: 0, datapointsToAlarm: 1 } }), `${M}.unhealthyHosts.evaluationPeriods`,
      /^must be a whole number of at least 1, got 0\. Give a number of periods, for example 3 \(the default\)\.$/],
    ['evaluationPeriods is a fraction', withMonitoring({ target5xx: { evaluationPeriods: 2.5 } }), `${M}.target5xx.evaluationPeriods`, /^must be a whole number of at least 1, got 2\.5\./],
    ['datapointsToAlarm is 0', withMonitoring({ target5xx: { datapointsToAlarm: 0 } }), `${M}.target5xx.datapointsToAlarm`,
      /^must be a whole number of at least 1, got 0\. Give a number of periods, for example 3 \(the default\)\.$/],
    ['datapointsToAlarm is above evaluationPeriods', withMonitoring({ target5xx: { evaluationPeriods: 3, datapointsToAlarm: 4 } }), `${M}.target5xx.datapointsToAlarm`,
      /^4 breaching periods are asked for out of evaluationPeriods 3\. Make datapointsToAlarm at most evaluationPeriods .* or raise evaluationPeriods to 4\.$/],
    ['datapointsToAlarm is above the default evaluationPeriods', withMonitoring({ rejectedConnections: { datapointsToAlarm: 2 } }), `${M}.rejectedConnections.datapointsToAlarm`,
      /^2 breaching periods are asked for out of the default evaluationPeriods 1\./],
    ['periodSeconds is 30 (ELB metrics are per minute)', withMonitoring({ targetResponseTime: { periodSeconds: 30 } }), `${M}.targetResponseTime.periodSeconds`,
      /^must be a multiple of 60 from 60 to 86400, got 30\. Elastic Load Balancing publishes its metrics once a minute: use 60 \(the default\), 300, 3600/],
    ['periodSeconds is not a multiple of 60', withMonitoring({ targetResponseTime: { periodSeconds: 90 } }), `${M}.targetResponseTime.periodSeconds`,
      /^must be a multiple of 60 from 60 to 86400, got 90\./],
    ['periodSeconds is longer than a day', withMonitoring({ targetResponseTime: { periodSeconds: 86460, evaluationPeriods: 1 } }), `${M}.targetResponseTime.periodSeconds`,
      /^must be a multiple of 60 from 60 to 86400, got 86460\./],
    ['the periods last longer than a day', withMonitoring({ unhealthyHosts: { periodSeconds: 3600, evaluationPeriods: 25 } }), `${M}.unhealthyHosts.evaluationPeriods`,
      /^25 periods of 3600 seconds last 90000 seconds, more than the one day \(86400 seconds\) an alarm may look back\. Use fewer or shorter periods\.$/],
    ['the default periods of a long period last longer than a day', withMonitoring({ unhealthyHosts: { periodSeconds: 43200 } }), `${M}.unhealthyHosts.periodSeconds`,
      /^3 periods of 43200 seconds last 129600 seconds, more than the one day/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('fails for every bad alarm at once, each at its own path', () => {
    const spec = withMonitoring({ targetResponseTime: { threshold: -1 }, tcpResets: { threshold: 0 }, unhealthyHosts: { periodSeconds: 10 } });
    expectIssue(spec, `${M}.targetResponseTime.threshold`, /^must be a positive number, got -1\./);
    expectIssue(spec, `${M}.tcpResets.threshold`, /^must be a positive number, got 0\./);
    expectIssue(spec, `${M}.unhealthyHosts.periodSeconds`, /^must be a multiple of 60/);
  });

  test('accepts fractional thresholds, M of N periods, one day of periods, and a fitted default of datapointsToAlarm', () => {
    expectValid(withMonitoring({ targetResponseTime: { threshold: 0.25, evaluationPeriods: 5, datapointsToAlarm: 3, periodSeconds: 300 } }));
    expectValid(withMonitoring({ unhealthyHosts: { evaluationPeriods: 24, periodSeconds: 3600 }, tcpResets: { enabled: false, threshold: 1 } }));
    // The default datapointsToAlarm (3) shrinks to fit one evaluation period.
    expectValid(withMonitoring({ unhealthyHosts: { evaluationPeriods: 1 } }));
  });
});

describe('scaling on response time', () => {
  const P = 'fleets.web.scaleOnResponseTimeSeconds';
  /** Fleet `web` in target groups `web` (forwarded to by the listener) and `green` (by a rule). */
  const twoGroups = (fleet: Partial<FleetSpec> | Loose, rules: Loose[] = [rule({ forward: { targetGroup: 'green' } })]) => {
    const spec = withAlb({ rules });
    return { ...spec, fleets: { web: { port: 8080, ...fleet } }, targetGroups: { ...spec.targetGroups, green: { fleet: 'web' } } };
  };

  test.each<ErrorRow>([
    ['the threshold is 0', withFleet({ scaleOnResponseTimeSeconds: 0 }), P,
      /^must be a number of seconds greater than 0 and at most 4000, got 0\. Give the average response time above which the fleet scales out, for example 0\.5\.$/],
    ['the threshold is negative', withFleet({ scaleOnResponseTimeSeconds: -0.5 }), P, /^must be a number of seconds greater than 0 and at most 4000, got -0\.5\./],
    ['the threshold is above the longest idle timeout', withFleet({ scaleOnResponseTimeSeconds: 4001 }), P, /^must be a number of seconds greater than 0 and at most 4000, got 4001\./],
    ['the threshold is a string from JSON', withFleet({ scaleOnResponseTimeSeconds: '0.5' }), P, /^must be a number of seconds greater than 0 and at most 4000, got '0\.5'\./],
    ['the fleet is in no ALB target group', { ...minimalSpec(), fleets: { web: { port: 8080 }, api: { scaleOnResponseTimeSeconds: 1 } } }, 'fleets.api.scaleOnResponseTimeSeconds',
      /^no Application Load Balancer target group holds fleet 'api', so there is no response time to follow\. Declare a target group with `fleet: 'api'`/],
    ['the fleet is in two ALB target groups and names none', twoGroups({ scaleOnResponseTimeSeconds: 1 }), P,
      /^fleet 'web' is in 2 target groups \(green, web\); it is not clear whose response time to follow\. Name one in `scaleOnRequestsTargetGroup`\.$/],
    ['the named target group is not forwarded to', twoGroups({ scaleOnResponseTimeSeconds: 1, scaleOnRequestsTargetGroup: 'green' }, []), P,
      /^target group 'green' is not forwarded to by any load balancer, so it has no response time to follow\. Forward to 'green' from a listener or rule, or remove scaleOnResponseTimeSeconds\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('fails only at scaleOnRequestsTargetGroup when it names a group of another fleet', () => {
    expectOnlyIssue(withFleet({ scaleOnResponseTimeSeconds: 1, scaleOnRequestsTargetGroup: 'other' }), 'fleets.web.scaleOnRequestsTargetGroup',
      /^'other' is not an Application Load Balancer target group of fleet 'web'\./);
  });

  test('accepts a threshold with the only target group, or the one named, with or without request-count scaling', () => {
    expectValid(withFleet({ scaleOnResponseTimeSeconds: 0.5 }));
    expectValid(withFleet({ scaleOnResponseTimeSeconds: 4000, scaleOnRequestsPerTarget: 100 }));
    expectValid(twoGroups({ scaleOnResponseTimeSeconds: 0.001, scaleOnRequestsTargetGroup: 'green' }));
    expectValid(twoGroups({ scaleOnResponseTimeSeconds: 1, scaleOnRequestsTargetGroup: 'green', scaleOnRequestsPerTarget: 100 }));
  });
});
