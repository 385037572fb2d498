import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { Fleet } from '../fleets/fleet';
import { resolveTargetGroup } from '../private/resolve';
import { StickinessType } from '../spec/enums';
import { TargetGroupSpec } from '../spec/target-group';

/**
 * An Application Load Balancer target group holding a fleet, with its health check
 * and attributes (draining, slow start, algorithm, anomaly mitigation, stickiness).
 */
export function buildApplicationTargetGroup(
  scope: Construct,
  id: string,
  spec: TargetGroupSpec,
  vpc: ec2.IVpc,
  fleet: Fleet,
  fleetSpec: Parameters<typeof resolveTargetGroup>[1],
): elbv2.ApplicationTargetGroup {
  const r = resolveTargetGroup(spec, fleetSpec);
  const hc = r.healthCheck;
  const sticky = spec.stickinessType !== undefined;
  const tg = new elbv2.ApplicationTargetGroup(scope, id, {
    vpc,
    protocol: r.protocol === elbv2.Protocol.HTTPS ? elbv2.ApplicationProtocol.HTTPS : elbv2.ApplicationProtocol.HTTP,
    port: r.port,
    targetType: elbv2.TargetType.INSTANCE,
    targets: [fleet.autoScalingGroup],
    healthCheck: {
      enabled: true,
      protocol: hc.protocol,
      path: hc.path,
      port: hc.port !== undefined ? String(hc.port) : 'traffic-port',
      healthyHttpCodes: hc.healthyHttpCodes,
      interval: Duration.seconds(hc.intervalSeconds),
      timeout: Duration.seconds(hc.timeoutSeconds),
      healthyThresholdCount: hc.healthyThresholdCount,
      unhealthyThresholdCount: hc.unhealthyThresholdCount,
    },
    deregistrationDelay: Duration.seconds(spec.deregistrationDelaySeconds ?? 300),
    slowStart: spec.slowStartSeconds ? Duration.seconds(spec.slowStartSeconds) : undefined,
    loadBalancingAlgorithmType: spec.algorithm,
    enableAnomalyMitigation: spec.anomalyMitigationEnabled,
    stickinessCookieDuration: sticky ? Duration.seconds(spec.stickinessCookieDurationSeconds ?? 86400) : undefined,
    stickinessCookieName: spec.stickinessType === StickinessType.APP_COOKIE ? spec.stickinessCookieName : undefined,
  });
  // A health check on another port than the traffic port must be admitted too.
  if (hc.port !== undefined && hc.port !== r.port) {
    tg.registerConnectable(fleet.autoScalingGroup, ec2.Port.tcp(hc.port));
  }
  return tg;
}
