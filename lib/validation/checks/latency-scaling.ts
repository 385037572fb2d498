import { sortedEntries } from '../../private/resolve';
import { MAX_SCALE_ON_RESPONSE_TIME_SECONDS } from '../../private/resolve-monitoring';
import { FleetSpec } from '../../spec/fleet';
import { CheckContext } from '../context';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { albTargetGroupsOfFleet, forwardedTargetGroups } from './fleets';
import { isObject } from './util';

/**
 * Scaling on latency: `scaleOnResponseTimeSeconds` is a positive number of seconds,
 * and the fleet has one Application Load Balancer target group, forwarded to, whose
 * response time to follow (the same group request-count scaling uses).
 */
export function checkLatencyScaling(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const [name, value] of sortedEntries(ctx.spec.fleets)) {
    if (!isObject(value)) continue;
    const fleet = value as FleetSpec;
    const seconds: unknown = fleet.scaleOnResponseTimeSeconds;
    if (seconds === undefined) continue;
    const path = SpecPath.ROOT.at('fleets', name, 'scaleOnResponseTimeSeconds');
    if (typeof seconds !== 'number' || !Number.isFinite(seconds) || seconds <= 0 || seconds > MAX_SCALE_ON_RESPONSE_TIME_SECONDS) {
      issues.push(issue(path, `must be a number of seconds greater than 0 and at most ${MAX_SCALE_ON_RESPONSE_TIME_SECONDS}, got ${show(seconds)}.`,
        'Give the average response time above which the fleet scales out, for example 0.5.'));
    }
    checkTargetGroup(ctx, name, fleet, path, issues);
  }
  return issues;
}

function checkTargetGroup(ctx: CheckContext, name: string, fleet: FleetSpec, path: SpecPath, issues: SpecIssue[]): void {
  const candidates = albTargetGroupsOfFleet(ctx, name);
  let followed: string | undefined;
  if (fleet.scaleOnRequestsTargetGroup !== undefined) {
    // A group that is not one of the fleet's is reported at scaleOnRequestsTargetGroup.
    if (!candidates.includes(fleet.scaleOnRequestsTargetGroup)) return;
    followed = fleet.scaleOnRequestsTargetGroup;
  } else if (candidates.length === 0) {
    issues.push(issue(path, `no Application Load Balancer target group holds fleet '${name}', so there is no response time to follow.`,
      `Declare a target group with \`fleet: '${name}'\` that an Application Load Balancer forwards to, or remove scaleOnResponseTimeSeconds.`));
    return;
  } else if (candidates.length > 1) {
    issues.push(issue(path, `fleet '${name}' is in ${candidates.length} target groups (${candidates.join(', ')}); it is not clear whose response time to follow.`,
      'Name one in `scaleOnRequestsTargetGroup`.'));
    return;
  } else {
    followed = candidates[0];
  }
  if (!forwardedTargetGroups(ctx).includes(followed)) {
    issues.push(issue(path, `target group '${followed}' is not forwarded to by any load balancer, so it has no response time to follow.`,
      `Forward to '${followed}' from a listener or rule, or remove scaleOnResponseTimeSeconds.`));
  }
}
