import { Duration } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as elbv2Targets from 'aws-cdk-lib/aws-elasticloadbalancingv2-targets';
import { Construct } from 'constructs';
import { Fleet } from '../fleets/fleet';
import { resolveTargetGroup } from '../private/resolve';
import { StickinessType } from '../spec/enums';
import { TargetGroupSpec } from '../spec/target-group';

/**
 * The props every Application Load Balancer target group with a protocol and port
 * shares (those of a fleet, IP addresses or an ECS service): protocol and port, health
 * check and attributes (draining, slow start, algorithm, anomaly mitigation,
 * stickiness). `r` is the group resolved with `resolveTargetGroup`.
 */
export function applicationTargetGroupProps(
  spec: TargetGroupSpec,
  r: ReturnType<typeof resolveTargetGroup>,
  vpc: ec2.IVpc,
): elbv2.ApplicationTargetGroupProps {
  const hc = r.healthCheck;
  const sticky = spec.stickinessType !== undefined;
  return {
    vpc,
    protocol: r.protocol === elbv2.Protocol.HTTPS ? elbv2.ApplicationProtocol.HTTPS : elbv2.ApplicationProtocol.HTTP,
    port: r.port,
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
  };
}

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
  const tg = new elbv2.ApplicationTargetGroup(scope, id, {
    ...applicationTargetGroupProps(spec, r, vpc),
    targetType: elbv2.TargetType.INSTANCE,
    targets: [fleet.autoScalingGroup],
  });
  // A health check on another port than the traffic port must be admitted too.
  if (hc.port !== undefined && hc.port !== r.port) {
    tg.registerConnectable(fleet.autoScalingGroup, ec2.Port.tcp(hc.port));
  }
  return tg;
}

/** What a Network Load Balancer target group sends traffic to. */
export interface NetworkTargets {
  /** The fleet whose instances are the targets. */
  readonly fleet?: Fleet;
  /** The listener of an Application Load Balancer that is the target. */
  readonly albListener?: elbv2.ApplicationListener;
  /** The protocol of that listener, which its health checks speak. */
  readonly albListenerProtocol?: string;
  /** IP addresses that are the targets. */
  readonly ipTargets?: elbv2.INetworkLoadBalancerTarget[];
}

/**
 * A Network Load Balancer target group holding a fleet or an Application Load
 * Balancer, with its health check and attributes (draining, client IP preservation,
 * proxy protocol v2, connection termination, source-IP stickiness).
 */
export function buildNetworkTargetGroup(
  scope: Construct,
  id: string,
  spec: TargetGroupSpec,
  vpc: ec2.IVpc,
  targets: NetworkTargets,
  fleetSpec: Parameters<typeof resolveTargetGroup>[1],
): elbv2.NetworkTargetGroup {
  const r = resolveTargetGroup(spec, fleetSpec, targets.albListenerProtocol);
  const hc = r.healthCheck;
  const http = hc.protocol === elbv2.Protocol.HTTP || hc.protocol === elbv2.Protocol.HTTPS;
  const albTarget = targets.albListener !== undefined;
  const tg = new elbv2.NetworkTargetGroup(scope, id, {
    vpc,
    protocol: r.protocol as elbv2.Protocol,
    port: r.port,
    targetType: albTarget ? elbv2.TargetType.ALB : targets.ipTargets ? elbv2.TargetType.IP : elbv2.TargetType.INSTANCE,
    targets: albTarget ? [new elbv2Targets.AlbListenerTarget(targets.albListener!)] : targets.ipTargets ?? [targets.fleet!.autoScalingGroup],
    healthCheck: {
      enabled: true,
      protocol: hc.protocol,
      path: http ? hc.path : undefined,
      healthyHttpCodes: http ? hc.healthyHttpCodes : undefined,
      port: hc.port !== undefined ? String(hc.port) : 'traffic-port',
      interval: Duration.seconds(hc.intervalSeconds),
      timeout: Duration.seconds(hc.timeoutSeconds),
      healthyThresholdCount: hc.healthyThresholdCount,
      unhealthyThresholdCount: hc.unhealthyThresholdCount,
    },
    deregistrationDelay: Duration.seconds(spec.deregistrationDelaySeconds ?? 300),
    // ALB targets always see the client's address; the attribute is not theirs to set.
    preserveClientIp: albTarget ? undefined : r.preserveClientIp,
    proxyProtocolV2: spec.proxyProtocolV2,
    connectionTermination: spec.connectionTerminationEnabled,
  });
  if (spec.stickinessType === StickinessType.SOURCE_IP) {
    tg.setAttribute('stickiness.enabled', 'true');
    tg.setAttribute('stickiness.type', 'source_ip');
  }
  return tg;
}
