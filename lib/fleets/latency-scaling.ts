import { Duration } from 'aws-cdk-lib';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import * as cloudwatch from 'aws-cdk-lib/aws-cloudwatch';
import * as actions from 'aws-cdk-lib/aws-cloudwatch-actions';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { resolveLatencyScaling } from '../private/resolve-monitoring';

/**
 * Step scaling of a fleet on the average response time of an Application Load Balancer
 * target group (which must already be on a listener): one instance more while it stays
 * at or above `scaleOnResponseTimeSeconds`, two at twice that, one fewer while it stays
 * at or below half of it. The two alarms act on the group; they notify nobody.
 *
 * This is what `AutoScalingGroup.scaleOnMetric` builds, made from its parts because
 * that method passes a deprecated, unused `cooldown` on and so prints a warning at
 * every synthesis.
 */
export class LatencyScaling extends Construct {
  readonly scaleOut: autoscaling.StepScalingAction;
  readonly scaleIn: autoscaling.StepScalingAction;
  readonly scaleOutAlarm: cloudwatch.Alarm;
  readonly scaleInAlarm: cloudwatch.Alarm;

  constructor(scope: Construct, id: string, group: autoscaling.AutoScalingGroup, targetGroup: elbv2.ApplicationTargetGroup,
    scaleOnResponseTimeSeconds: number) {
    super(scope, id);
    const r = resolveLatencyScaling(scaleOnResponseTimeSeconds);
    const metric = targetGroup.metrics.targetResponseTime({ period: Duration.minutes(1), statistic: cloudwatch.Stats.AVERAGE });
    const step = {
      autoScalingGroup: group,
      adjustmentType: autoscaling.AdjustmentType.CHANGE_IN_CAPACITY,
      metricAggregationType: autoscaling.MetricAggregationType.AVERAGE,
    };
    const alarm = { metric, evaluationPeriods: r.evaluationMinutes, datapointsToAlarm: r.evaluationMinutes };

    this.scaleOut = new autoscaling.StepScalingAction(this, 'UpperPolicy', step);
    // Bounds are relative to the alarm's threshold.
    this.scaleOut.addAdjustment({ lowerBound: 0, upperBound: r.scaleOutFastSeconds - r.scaleOutSeconds, adjustment: 1 });
    this.scaleOut.addAdjustment({ lowerBound: r.scaleOutFastSeconds - r.scaleOutSeconds, adjustment: 2 });
    this.scaleOutAlarm = new cloudwatch.Alarm(this, 'UpperAlarm', {
      ...alarm,
      threshold: r.scaleOutSeconds,
      comparisonOperator: cloudwatch.ComparisonOperator.GREATER_THAN_OR_EQUAL_TO_THRESHOLD,
      alarmDescription: `Scales out: average response time at or above ${r.scaleOutSeconds} seconds for ${r.evaluationMinutes} minutes.`,
    });
    this.scaleOutAlarm.addAlarmAction(new actions.AutoScalingAction(this.scaleOut));

    this.scaleIn = new autoscaling.StepScalingAction(this, 'LowerPolicy', step);
    this.scaleIn.addAdjustment({ upperBound: 0, adjustment: -1 });
    this.scaleInAlarm = new cloudwatch.Alarm(this, 'LowerAlarm', {
      ...alarm,
      threshold: r.scaleInSeconds,
      comparisonOperator: cloudwatch.ComparisonOperator.LESS_THAN_OR_EQUAL_TO_THRESHOLD,
      alarmDescription: `Scales in: average response time at or below ${r.scaleInSeconds} seconds for ${r.evaluationMinutes} minutes.`,
    });
    this.scaleInAlarm.addAlarmAction(new actions.AutoScalingAction(this.scaleIn));
  }
}
