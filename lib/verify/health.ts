/**
 * Target health: one poll of DescribeTargetHealth over every target group, and the loop
 * that polls until every target is healthy or the timeout passes.
 */
import { DescribeTargetHealthCommand, TargetGroup } from '@aws-sdk/client-elastic-load-balancing-v2';
import { EMPTY_TARGET_GROUP_HINT, targetHint } from './hints';
import { AwsContext, HealthCheckSettings, HealthResult, TargetGroupStatus, TargetStatus } from './types';

/** A target group to watch: what DescribeTargetGroups says, and where the stack declares it. */
export interface WatchedTargetGroup {
  readonly logicalId: string;
  readonly stackPath: string;
  readonly group: TargetGroup;
}

/** How long and how often to poll. */
export interface WaitOptions {
  readonly timeoutSeconds: number;
  readonly intervalSeconds: number;
  /** False: poll once. */
  readonly wait: boolean;
  readonly allowEmpty: boolean;
}

/** A clock the tests can run instantly. */
export interface Clock {
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** The state after one poll, for progress output. */
export interface PollProgress {
  readonly poll: number;
  readonly elapsedSeconds: number;
  readonly timeoutSeconds: number;
  readonly targetGroups: TargetGroupStatus[];
}

/** Polls until every target group is ok, the timeout passes, or (without wait) once. */
export async function waitForHealth(groups: WatchedTargetGroup[], aws: AwsContext, options: WaitOptions, clock: Clock,
  onPoll: (progress: PollProgress) => void): Promise<HealthResult> {
  const start = clock.now();
  const deadline = start + options.timeoutSeconds * 1000;
  for (let poll = 1; ; poll++) {
    const targetGroups = await pollHealth(groups, aws, options.allowEmpty);
    const elapsedSeconds = Math.round((clock.now() - start) / 1000);
    onPoll({ poll, elapsedSeconds, timeoutSeconds: options.timeoutSeconds, targetGroups });
    const ok = targetGroups.every(g => g.ok);
    const remaining = deadline - clock.now();
    if (ok || !options.wait || remaining <= 0) {
      return { ok, timedOut: !ok && options.wait, polls: poll, elapsedSeconds, targetGroups };
    }
    await clock.sleep(Math.min(options.intervalSeconds * 1000, remaining));
  }
}

/** One DescribeTargetHealth per target group. */
export async function pollHealth(groups: WatchedTargetGroup[], aws: AwsContext, allowEmpty: boolean): Promise<TargetGroupStatus[]> {
  const statuses: TargetGroupStatus[] = [];
  for (const watched of groups) {
    const arn = watched.group.TargetGroupArn ?? '';
    const out = await aws.call('DescribeTargetHealth', () => aws.elb.send(new DescribeTargetHealthCommand({ TargetGroupArn: arn })));
    const healthCheck = healthCheckOf(watched.group);
    const targets = (out.TargetHealthDescriptions ?? []).map((d): TargetStatus => {
      const state = d.TargetHealth?.State ?? 'unknown';
      const reason = d.TargetHealth?.Reason;
      const ok = state === 'healthy' || (state === 'unavailable' && reason === 'Target.HealthCheckDisabled');
      const port = d.Target?.Port;
      return {
        id: d.Target?.Id ?? '?',
        port,
        availabilityZone: d.Target?.AvailabilityZone,
        state,
        reason,
        description: d.TargetHealth?.Description,
        healthCheckPort: d.HealthCheckPort,
        ok,
        hint: ok ? undefined : targetHint({ reason, state, port }, healthCheck),
      };
    }).sort((a, b) => a.id.localeCompare(b.id) || (a.port ?? 0) - (b.port ?? 0));
    const empty = targets.length === 0;
    statuses.push({
      arn,
      name: watched.group.TargetGroupName ?? arn,
      logicalId: watched.logicalId,
      stackPath: watched.stackPath,
      protocol: watched.group.Protocol,
      port: watched.group.Port,
      targetType: watched.group.TargetType,
      healthCheck,
      targets,
      ok: empty ? allowEmpty : targets.every(t => t.ok),
      hint: empty && !allowEmpty ? EMPTY_TARGET_GROUP_HINT : undefined,
    });
  }
  return statuses;
}

/** The health check settings of a target group, as DescribeTargetGroups returns them. */
export function healthCheckOf(group: TargetGroup): HealthCheckSettings {
  return {
    enabled: group.HealthCheckEnabled ?? true,
    protocol: group.HealthCheckProtocol,
    port: group.HealthCheckPort,
    path: group.HealthCheckPath,
    matcher: group.Matcher?.HttpCode ?? group.Matcher?.GrpcCode,
    intervalSeconds: group.HealthCheckIntervalSeconds,
    timeoutSeconds: group.HealthCheckTimeoutSeconds,
    healthyThreshold: group.HealthyThresholdCount,
    unhealthyThreshold: group.UnhealthyThresholdCount,
  };
}
