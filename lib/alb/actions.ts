import { Duration } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { sortedEntries } from '../private/resolve';
import { FixedResponseContentType, RedirectProtocol } from '../spec/enums';
import { ListenerActionSpec, ListenerConditionSpec } from '../spec/listener-rule';

/** Looks up a built target group by its spec name. */
export type TargetGroupLookup = (name: string) => elbv2.IApplicationTargetGroup;

/** The ELB action of a validated action spec (exactly one field is set). */
export function listenerAction(spec: ListenerActionSpec, targetGroup: TargetGroupLookup): elbv2.ListenerAction {
  if (spec.forward) {
    return elbv2.ListenerAction.forward([targetGroup(spec.forward.targetGroup)]);
  }
  if (spec.weightedForward) {
    const wf = spec.weightedForward;
    return elbv2.ListenerAction.weightedForward(
      wf.targetGroups.map((g) => ({ targetGroup: targetGroup(g.targetGroup), weight: g.weight })),
      wf.stickinessDurationSeconds !== undefined ? { stickinessDuration: Duration.seconds(wf.stickinessDurationSeconds) } : undefined,
    );
  }
  if (spec.redirect) {
    const r = spec.redirect;
    return elbv2.ListenerAction.redirect({
      protocol: r.protocol ?? RedirectProtocol.KEEP,
      host: r.host,
      port: r.port !== undefined ? String(r.port) : undefined,
      path: r.path,
      query: r.query,
      permanent: r.permanent ?? true,
    });
  }
  const f = spec.fixedResponse!;
  return elbv2.ListenerAction.fixedResponse(f.statusCode, {
    contentType: f.contentType ?? FixedResponseContentType.TEXT_PLAIN,
    messageBody: f.messageBody,
  });
}

/** The ELB conditions of a rule's condition spec, in a fixed order. */
export function listenerConditions(c: ListenerConditionSpec): elbv2.ListenerCondition[] {
  const conditions: elbv2.ListenerCondition[] = [];
  if (c.pathPatterns) conditions.push(elbv2.ListenerCondition.pathPatterns(c.pathPatterns));
  if (c.hostHeaders) conditions.push(elbv2.ListenerCondition.hostHeaders(c.hostHeaders));
  for (const [name, values] of sortedEntries(c.httpHeaders)) {
    conditions.push(elbv2.ListenerCondition.httpHeader(name, values));
  }
  if (c.queryStrings) conditions.push(elbv2.ListenerCondition.queryStrings(c.queryStrings.map((q) => ({ key: q.key, value: q.value }))));
  if (c.httpRequestMethods) conditions.push(elbv2.ListenerCondition.httpRequestMethods(c.httpRequestMethods));
  if (c.sourceIps) conditions.push(elbv2.ListenerCondition.sourceIps(c.sourceIps));
  return conditions;
}

/** The default action of a listener without one: a plain 404. */
export const NOT_FOUND: ListenerActionSpec = {
  fixedResponse: { statusCode: 404, contentType: FixedResponseContentType.TEXT_PLAIN, messageBody: 'Not Found' },
};
