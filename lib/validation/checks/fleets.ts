import { isApplicationTargetGroup, resolveFleet, sortedEntries } from '../../private/resolve';
import { SubnetTier, WebServer } from '../../spec/enums';
import { FleetSpec } from '../../spec/fleet';
import { CheckContext } from '../context';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { checkEnum, checkInt, checkKnownFields, isObject } from './util';

/** A path the user data can serve as a file: no spaces, quotes or shell characters. */
const HEALTH_PATH = /^\/[A-Za-z0-9._~/-]{0,255}$/;
const INSTANCE_TYPE = /^[a-z][a-z0-9-]*\.[a-z0-9]+$/;
const IMAGE_ID = /^ami-([0-9a-f]{8}|[0-9a-f]{17})$/;

/** The ALB target groups (HTTP or HTTPS) that hold a fleet, sorted by name. */
export function albTargetGroupsOfFleet(ctx: CheckContext, fleetName: string): string[] {
  return sortedEntries(ctx.spec.targetGroups)
    .filter(([, tg]) => isObject(tg) && tg.fleet === fleetName && isApplicationTargetGroup(tg))
    .map(([name]) => name);
}

/** The target groups that the listeners and rules of one Application Load Balancer forward to, sorted. */
export function targetGroupsOfAlb(alb: unknown): string[] {
  const names = new Set<string>();
  const addAction = (action: unknown) => {
    if (!isObject(action)) return;
    if (isObject(action.forward) && typeof action.forward.targetGroup === 'string') names.add(action.forward.targetGroup);
    const weighted = isObject(action.weightedForward) ? action.weightedForward.targetGroups : undefined;
    if (Array.isArray(weighted)) {
      for (const g of weighted) if (isObject(g) && typeof g.targetGroup === 'string') names.add(g.targetGroup);
    }
  };
  if (!isObject(alb)) return [];
  if (isObject(alb.listeners)) {
    for (const listener of Object.values(alb.listeners)) if (isObject(listener)) addAction(listener.defaultAction);
  }
  if (Array.isArray(alb.rules)) alb.rules.forEach(addAction);
  return [...names].sort();
}

/** The target groups that some listener or rule of an Application Load Balancer forwards to, sorted. */
export function forwardedTargetGroups(ctx: CheckContext): string[] {
  const names = new Set<string>();
  for (const [, alb] of sortedEntries(ctx.spec.applicationLoadBalancers)) targetGroupsOfAlb(alb).forEach((n) => names.add(n));
  return [...names].sort();
}

/** Fleets: instance type, capacities, port, server, health path and scaling. */
export function checkFleets(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const [name, fleet] of sortedEntries(ctx.spec.fleets)) {
    if (!isObject(fleet)) continue;
    const path = SpecPath.ROOT.at('fleets', name);
    checkFleet(ctx, name, fleet as FleetSpec, path, issues);
  }
  return issues;
}

function checkFleet(ctx: CheckContext, name: string, fleet: FleetSpec, path: SpecPath, issues: SpecIssue[]): void {
  checkKnownFields(issues, path, fleet, 'FleetSpec');
  if (fleet.instanceType !== undefined && (typeof fleet.instanceType !== 'string' || !INSTANCE_TYPE.test(fleet.instanceType))) {
    issues.push(issue(path.key('instanceType'), `${show(fleet.instanceType)} is not an EC2 instance type.`, "Write family and size, for example 't3.micro' or 'm7g.large'."));
  }
  if (fleet.imageId !== undefined && (typeof fleet.imageId !== 'string' || !IMAGE_ID.test(fleet.imageId))) {
    issues.push(issue(path.key('imageId'), `${show(fleet.imageId)} is not a machine image ID.`, "Write the AMI's ID, for example 'ami-0123456789abcdef0'."));
  }
  checkInt(issues, path.key('minCapacity'), fleet.minCapacity, 0, 10000);
  checkInt(issues, path.key('maxCapacity'), fleet.maxCapacity, 1, 10000);
  checkInt(issues, path.key('desiredCapacity'), fleet.desiredCapacity, 0, 10000);
  const r = resolveFleet(fleet);
  // Name the defaults, so that a capacity the user never set is not a puzzle.
  const min = `${fleet.minCapacity === undefined ? 'the default ' : ''}minCapacity ${r.minCapacity}`;
  const max = `${fleet.maxCapacity === undefined ? 'the default ' : ''}maxCapacity ${r.maxCapacity}`;
  const capacitiesValid = Number.isInteger(r.minCapacity) && Number.isInteger(r.maxCapacity);
  if (capacitiesValid && r.minCapacity > r.maxCapacity) {
    issues.push(issue(path.key('maxCapacity'), `maxCapacity ${r.maxCapacity} is below ${min}.`,
      fleet.minCapacity === undefined ? `Raise maxCapacity, or set minCapacity to ${r.maxCapacity} or less.` : 'Make maxCapacity at least minCapacity.'));
  }
  if (capacitiesValid && r.minCapacity <= r.maxCapacity && Number.isInteger(r.desiredCapacity)
    && (r.desiredCapacity! < r.minCapacity || r.desiredCapacity! > r.maxCapacity)) {
    issues.push(issue(path.key('desiredCapacity'), `desiredCapacity ${r.desiredCapacity} is outside ${min} to ${max}.`,
      'Choose a desired capacity between the minimum and the maximum, or leave it out.'));
  }
  checkInt(issues, path.key('port'), fleet.port, 1, 65535);
  checkEnum(issues, path.key('webServer'), fleet.webServer, Object.values(WebServer));
  checkEnum(issues, path.key('subnetTier'), fleet.subnetTier, Object.values(SubnetTier));
  if (fleet.healthCheckPath !== undefined && (typeof fleet.healthCheckPath !== 'string' || !HEALTH_PATH.test(fleet.healthCheckPath) || fleet.healthCheckPath.split('/').includes('..'))) {
    issues.push(issue(path.key('healthCheckPath'), `${show(fleet.healthCheckPath)} is not a plain absolute path.`, "Begin it with '/' and use letters, digits and . _ ~ - /, for example '/health'."));
  }
  if (fleet.userDataCommands !== undefined && (!Array.isArray(fleet.userDataCommands) || fleet.userDataCommands.some((c) => typeof c !== 'string'))) {
    issues.push(issue(path.key('userDataCommands'), `must be a list of shell commands, got ${show(fleet.userDataCommands)}.`));
  }
  if (r.webServer === WebServer.NONE && r.userDataCommands.length === 0) {
    issues.push(issue(path.key('userDataCommands'), 'the fleet has `webServer: none` and no commands, so nothing serves its port.', 'Add the commands that start your server, or choose a web server.'));
  }
  if (r.subnetTier === SubnetTier.DATA && r.webServer !== WebServer.NONE && r.webServer !== WebServer.PYTHON) {
    issues.push(issue(path.key('webServer'), `the ${r.webServer} server is installed from package repositories, but the data tier has no route to them.`, "Use webServer 'python' (no packages needed) or 'none' with your own image, or place the fleet in the app tier."));
  }
  checkInt(issues, path.key('healthCheckGracePeriodSeconds'), fleet.healthCheckGracePeriodSeconds, 0, 7200);
  checkInt(issues, path.key('rootVolumeSizeGiB'), fleet.rootVolumeSizeGiB, 8, 16384);
  checkInt(issues, path.key('scaleOnCpuPercent'), fleet.scaleOnCpuPercent, 1, 100);
  checkInt(issues, path.key('scaleOnRequestsPerTarget'), fleet.scaleOnRequestsPerTarget, 1, 1_000_000);
  checkScalingTargetGroup(ctx, name, fleet, path, issues);
}

function checkScalingTargetGroup(ctx: CheckContext, name: string, fleet: FleetSpec, path: SpecPath, issues: SpecIssue[]): void {
  const candidates = albTargetGroupsOfFleet(ctx, name);
  let tracked: string | undefined;
  if (fleet.scaleOnRequestsTargetGroup !== undefined) {
    if (!candidates.includes(fleet.scaleOnRequestsTargetGroup)) {
      issues.push(issue(path.key('scaleOnRequestsTargetGroup'), `${show(fleet.scaleOnRequestsTargetGroup)} is not an Application Load Balancer target group of fleet '${name}'.`,
        candidates.length ? `Target groups of this fleet: ${candidates.join(', ')}.` : `Declare a target group with \`fleet: '${name}'\` first.`));
    } else {
      tracked = fleet.scaleOnRequestsTargetGroup;
    }
    if (fleet.scaleOnRequestsPerTarget === undefined) {
      // Scaling on response time follows the same group (checked in checks/latency-scaling.ts).
      if (fleet.scaleOnResponseTimeSeconds === undefined) {
        issues.push(issue(path.key('scaleOnRequestsTargetGroup'), 'is set, but `scaleOnRequestsPerTarget` is not.', 'Set scaleOnRequestsPerTarget to the requests per target per minute to keep.'));
      }
      return;
    }
  } else if (fleet.scaleOnRequestsPerTarget !== undefined) {
    if (candidates.length !== 1) {
      issues.push(issue(path.key('scaleOnRequestsPerTarget'),
        candidates.length === 0 ? `no Application Load Balancer target group holds fleet '${name}', so there is no request count to track.` : `fleet '${name}' is in ${candidates.length} target groups (${candidates.join(', ')}); it is not clear whose request count to track.`,
        candidates.length === 0 ? `Declare a target group with \`fleet: '${name}'\`, or remove scaleOnRequestsPerTarget.` : 'Name one in `scaleOnRequestsTargetGroup`.'));
    } else {
      tracked = candidates[0];
    }
  }
  // The request count per target exists only for a target group that a load balancer forwards to.
  if (tracked !== undefined && !forwardedTargetGroups(ctx).includes(tracked)) {
    const p = path.key(fleet.scaleOnRequestsTargetGroup !== undefined ? 'scaleOnRequestsTargetGroup' : 'scaleOnRequestsPerTarget');
    issues.push(issue(p, `target group '${tracked}' is not forwarded to by any load balancer, so it has no request count to track.`,
      `Forward to '${tracked}' from a listener or rule, or remove scaleOnRequestsPerTarget.`));
  }
}
