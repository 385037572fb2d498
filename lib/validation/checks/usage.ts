import { sortedEntries } from '../../private/resolve';
import { ListenerActionSpec } from '../../spec/listener-rule';
import { CheckContext } from '../context';
import { SpecIssue, SpecPath, issue } from '../issue';
import { isObject } from './util';

/** The target groups an action forwards to. */
function forwardedTo(action: unknown): string[] {
  if (!isObject(action)) return [];
  const a = action as ListenerActionSpec;
  const names: string[] = [];
  if (isObject(a.forward) && typeof a.forward.targetGroup === 'string') names.push(a.forward.targetGroup);
  if (isObject(a.weightedForward) && Array.isArray(a.weightedForward.targetGroups)) {
    for (const g of a.weightedForward.targetGroups) if (isObject(g) && typeof g.targetGroup === 'string') names.push(g.targetGroup);
  }
  return names;
}

/** Every target group some load balancer forwards to. */
export function usedTargetGroups(ctx: CheckContext): Set<string> {
  const used = new Set<string>();
  for (const [, alb] of sortedEntries(ctx.spec.applicationLoadBalancers)) {
    if (!isObject(alb)) continue;
    for (const [, listener] of sortedEntries(isObject(alb.listeners) ? alb.listeners : {})) {
      if (isObject(listener)) forwardedTo(listener.defaultAction).forEach((n) => used.add(n));
    }
    for (const rule of Array.isArray(alb.rules) ? alb.rules : []) forwardedTo(rule).forEach((n) => used.add(n));
  }
  for (const [, nlb] of sortedEntries(ctx.spec.networkLoadBalancers)) {
    if (!isObject(nlb)) continue;
    for (const [, listener] of sortedEntries(isObject(nlb.listeners) ? nlb.listeners : {})) {
      if (isObject(listener) && typeof listener.targetGroup === 'string') used.add(listener.targetGroup);
    }
  }
  return used;
}

/**
 * A fleet's target group that no load balancer forwards to fails at deployment:
 * Auto Scaling cannot register instances in a target group without a load balancer, and
 * ECS cannot create a service whose target group has none.
 * The topology reports these as warnings when it builds.
 */
export function checkUnusedTargetGroups(ctx: CheckContext): SpecIssue[] {
  const used = usedTargetGroups(ctx);
  return sortedEntries(ctx.spec.targetGroups)
    .filter(([name, tg]) => isObject(tg) && (typeof tg.fleet === 'string' || typeof tg.ecsService === 'string') && !used.has(name))
    .map(([name, tg]) => issue(SpecPath.ROOT.at('targetGroups', name),
      typeof tg.fleet === 'string'
        ? `no load balancer forwards to this target group, so Auto Scaling cannot register fleet '${tg.fleet}' in it and the deployment fails.`
        : `no load balancer forwards to this target group, so ECS cannot register service '${tg.ecsService}' in it and the deployment fails.`,
      'Forward to it from a listener or rule, or remove it.'));
}
