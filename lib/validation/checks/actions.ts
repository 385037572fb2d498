import { Protocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { isApplicationTargetGroup } from '../../private/resolve';
import { FixedResponseContentType, RedirectProtocol } from '../../spec/enums';
import { ListenerActionSpec } from '../../spec/listener-rule';
import { CheckContext } from '../context';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { checkBoolean, checkEnum, checkInt, checkKnownFields, checkRef, isObject } from './util';

export const ACTION_FIELDS = ['forward', 'weightedForward', 'redirect', 'fixedResponse'] as const;
/** AWS's quota of target groups in one forward action of an ALB. */
const MAX_WEIGHTED_TARGET_GROUPS = 5;

/**
 * A listener action (a rule's or a listener's default): exactly one kind, each
 * well-formed. The caller checks the action's own fields, which differ between a
 * rule and a default action.
 */
export function checkActionSpec(ctx: CheckContext, action: ListenerActionSpec, path: SpecPath, issues: SpecIssue[]): void {
  if (!isObject(action)) {
    issues.push(issue(path, `must be an object, got ${show(action)}.`));
    return;
  }
  const set = ACTION_FIELDS.filter((f) => action[f] !== undefined);
  if (set.length !== 1) {
    issues.push(issue(path, set.length === 0 ? 'has no action.' : `has ${set.length} actions (${set.join(', ')}), but exactly one is allowed.`,
      'Set exactly one of `forward`, `weightedForward`, `redirect` or `fixedResponse`.'));
  }
  if (action.forward !== undefined) {
    const p = path.key('forward');
    if (!isObject(action.forward)) {
      issues.push(issue(p, `must be an object with a targetGroup, got ${show(action.forward)}.`));
    } else {
      checkKnownFields(issues, p, action.forward, 'ForwardActionSpec');
      checkTargetGroupRef(ctx, action.forward.targetGroup, p.key('targetGroup'), issues);
    }
  }
  if (action.weightedForward !== undefined) checkWeightedForward(ctx, action, path.key('weightedForward'), issues);
  if (action.redirect !== undefined) checkRedirect(action, path.key('redirect'), issues);
  if (action.fixedResponse !== undefined) checkFixedResponse(action, path.key('fixedResponse'), issues);
}

function checkTargetGroupRef(ctx: CheckContext, name: unknown, path: SpecPath, issues: SpecIssue[]): void {
  if (!checkRef(issues, path, name, ctx.targetGroupNames, 'target group', 'targetGroups')) return;
  const target = ctx.spec.targetGroups?.[name as string] ?? {};
  const protocol = target.protocol ?? Protocol.HTTP;
  if (!isApplicationTargetGroup(target)) {
    issues.push(issue(path, `target group '${name}' uses ${protocol}, which an Application Load Balancer cannot forward to.`, 'Forward to an HTTP or HTTPS target group.'));
  }
}

function checkWeightedForward(ctx: CheckContext, action: ListenerActionSpec, path: SpecPath, issues: SpecIssue[]): void {
  const wf = action.weightedForward;
  if (!isObject(wf)) {
    issues.push(issue(path, `must be an object with targetGroups, got ${show(wf)}.`));
    return;
  }
  checkKnownFields(issues, path, wf, 'WeightedForwardActionSpec');
  checkInt(issues, path.key('stickinessDurationSeconds'), wf.stickinessDurationSeconds, 1, 604800);
  const groups = wf.targetGroups;
  const gp = path.key('targetGroups');
  if (!Array.isArray(groups) || groups.length === 0) {
    issues.push(issue(gp, `must list 1 to ${MAX_WEIGHTED_TARGET_GROUPS} target groups with weights, got ${show(groups)}.`));
    return;
  }
  if (groups.length > MAX_WEIGHTED_TARGET_GROUPS) {
    issues.push(issue(gp, `${groups.length} target groups exceed AWS's limit of ${MAX_WEIGHTED_TARGET_GROUPS} per forward action.`, 'Split the traffic with several rules, or combine target groups.'));
  }
  const seen = new Set<string>();
  groups.forEach((g, i) => {
    const p = gp.index(i);
    if (!isObject(g)) {
      issues.push(issue(p, `must be { targetGroup, weight }, got ${show(g)}.`));
      return;
    }
    checkKnownFields(issues, p, g, 'WeightedTargetGroupSpec');
    checkTargetGroupRef(ctx, g.targetGroup, p.key('targetGroup'), issues);
    if (typeof g.targetGroup === 'string') {
      if (seen.has(g.targetGroup)) issues.push(issue(p.key('targetGroup'), `target group '${g.targetGroup}' is listed twice.`, 'List each target group once, with its total weight.'));
      seen.add(g.targetGroup);
    }
    if (g.weight === undefined) issues.push(issue(p.key('weight'), 'is missing.', 'Give each target group a weight from 0 to 999.'));
    checkInt(issues, p.key('weight'), g.weight, 0, 999);
  });
  if (groups.every((g) => isObject(g) && g.weight === 0)) {
    issues.push(issue(gp, 'every weight is 0, so no target group would receive requests.', 'Give at least one target group a weight above 0.'));
  }
}

function checkRedirect(action: ListenerActionSpec, path: SpecPath, issues: SpecIssue[]): void {
  const r = action.redirect;
  if (!isObject(r)) {
    issues.push(issue(path, `must be an object, got ${show(r)}.`));
    return;
  }
  checkKnownFields(issues, path, r, 'RedirectActionSpec');
  checkEnum(issues, path.key('protocol'), r.protocol, Object.values(RedirectProtocol));
  if (r.host !== undefined && (typeof r.host !== 'string' || r.host === '' || r.host.length > 128)) {
    issues.push(issue(path.key('host'), `${show(r.host)} is not a host name of 1 to 128 characters.`, "Write for example 'www.example.com', or leave host out to keep the request's host."));
  }
  checkInt(issues, path.key('port'), r.port, 1, 65535);
  checkBoolean(issues, path.key('permanent'), r.permanent);
  if (r.path !== undefined && (typeof r.path !== 'string' || !r.path.startsWith('/'))) {
    issues.push(issue(path.key('path'), `${show(r.path)} is not an absolute path.`, "Begin it with '/', for example '/' or '/new/#{path}'."));
  }
  if (r.query !== undefined && (typeof r.query !== 'string' || r.query.startsWith('?'))) {
    issues.push(issue(path.key('query'), `${show(r.query)} is not a query string without its leading '?'.`, "Write it without '?', for example 'lang=en'."));
  }
  if (r.protocol === undefined && r.host === undefined && r.port === undefined && r.path === undefined && r.query === undefined) {
    issues.push(issue(path, 'redirects every request to itself, which loops.', 'Change at least one of protocol, host, port, path or query.'));
  }
}

function checkFixedResponse(action: ListenerActionSpec, path: SpecPath, issues: SpecIssue[]): void {
  const f = action.fixedResponse;
  if (!isObject(f)) {
    issues.push(issue(path, `must be an object with a statusCode, got ${show(f)}.`));
    return;
  }
  checkKnownFields(issues, path, f, 'FixedResponseActionSpec');
  const code = f.statusCode;
  if (typeof code !== 'number' || !Number.isInteger(code) || !((code >= 200 && code < 300) || (code >= 400 && code < 600))) {
    issues.push(issue(path.key('statusCode'), `${show(code)} is not an HTTP status code of class 2XX, 4XX or 5XX.`, 'Use for example 200, 404 or 503.'));
  }
  checkEnum(issues, path.key('contentType'), f.contentType, Object.values(FixedResponseContentType));
  if (f.messageBody !== undefined && (typeof f.messageBody !== 'string' || f.messageBody.length > 1024)) {
    issues.push(issue(path.key('messageBody'), `must be text of at most 1024 characters, got ${typeof f.messageBody === 'string' ? `${f.messageBody.length} characters` : show(f.messageBody)}.`));
  }
}
