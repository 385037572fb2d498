/**
 * Drift: the load balancers, listeners, rules and target groups a template declares,
 * compared with what runs. Resources are matched by logical ID (ListStackResources gives
 * the physical ID); only fields the template sets are compared, and only literal values
 * (an intrinsic value counts as "not compared").
 */
import { LiveState } from './describe';
import { allResources, RESOURCE_TYPES } from './discovery';
import { Comparison, compareActions, conditionsCanon, FieldComparer, Resolver } from './drift-values';
import { CfnResource, CfnTemplate } from './template';
import { StackNode } from './types';

/** The resource types compared. */
const COMPARED_TYPES = [RESOURCE_TYPES.loadBalancer, RESOURCE_TYPES.listener, RESOURCE_TYPES.listenerRule, RESOURCE_TYPES.targetGroup];

/** Target group fields compared one to one with DescribeTargetGroups (same names in both). */
const TARGET_GROUP_FIELDS = [
  'Port', 'Protocol', 'ProtocolVersion', 'TargetType', 'IpAddressType', 'HealthCheckEnabled', 'HealthCheckProtocol', 'HealthCheckPort',
  'HealthCheckPath', 'HealthCheckIntervalSeconds', 'HealthCheckTimeoutSeconds', 'HealthyThresholdCount', 'UnhealthyThresholdCount',
];

/**
 * Compares one stack's template with what runs, adding to `comparison`.
 * `tree` is the whole stack tree (for naming ARNs of other stacks).
 */
export function compareStack(stack: StackNode, template: CfnTemplate, live: LiveState, tree: StackNode, comparison: Comparison): void {
  const resolver = new Resolver(stack.resources, allResources(tree));
  const declared = Object.entries(template.Resources ?? {}).filter(([, r]) => COMPARED_TYPES.includes(r.Type ?? ''))
    .sort(([a], [b]) => a.localeCompare(b));
  const deployed = new Map(stack.resources.filter(r => COMPARED_TYPES.includes(r.type)).map(r => [r.logicalId, r]));

  for (const [logicalId, resource] of declared) {
    const cmp = comparison.resource(resolver, { stackPath: stack.path, logicalId, type: resource.Type ?? '' });
    const inStack = deployed.get(logicalId);
    if (inStack === undefined) {
      cmp.difference('(resource)', 'present', 'not in the deployed stack');
      continue;
    }
    if (!compareResource(cmp, resource, inStack.physicalId, live)) {
      cmp.difference('(resource)', 'present', 'not found in Elastic Load Balancing (deleted outside CloudFormation?)');
    }
  }
  for (const [logicalId, r] of deployed) {
    if (!declared.some(([id]) => id === logicalId)) {
      comparison.resource(resolver, { stackPath: stack.path, logicalId, type: r.type }).difference('(resource)', 'absent', 'deployed');
    }
  }
}

/** Compares one resource; false when AWS does not know its physical ID. */
function compareResource(cmp: FieldComparer, resource: CfnResource, arn: string, live: LiveState): boolean {
  const props = resource.Properties ?? {};
  switch (resource.Type) {
    case RESOURCE_TYPES.loadBalancer: {
      const lb = live.loadBalancers.get(arn);
      if (lb === undefined) return false;
      cmp.field('Name', props.Name, lb.LoadBalancerName);
      cmp.field('Type', props.Type, lb.Type);
      cmp.field('Scheme', props.Scheme, lb.Scheme);
      cmp.field('IpAddressType', props.IpAddressType, lb.IpAddressType);
      compareAttributes(cmp, 'LoadBalancerAttributes', props.LoadBalancerAttributes, live.loadBalancerAttributes.get(arn) ?? {});
      return true;
    }
    case RESOURCE_TYPES.listener: {
      const listener = live.listeners.get(arn);
      if (listener === undefined) return false;
      cmp.field('Port', props.Port, listener.Port);
      cmp.field('Protocol', props.Protocol, listener.Protocol);
      cmp.field('SslPolicy', props.SslPolicy, listener.SslPolicy);
      cmp.field('AlpnPolicy', props.AlpnPolicy, listener.AlpnPolicy);
      const certificates = props.Certificates;
      const first = Array.isArray(certificates) ? (certificates[0] as Record<string, unknown> | undefined)?.CertificateArn : certificates;
      cmp.field('Certificates[0].CertificateArn', first, listener.Certificates?.[0]?.CertificateArn, v => (v === undefined ? undefined : cmp.resolver.label(v)));
      compareActions(cmp, 'DefaultActions', props.DefaultActions, listener.DefaultActions);
      return true;
    }
    case RESOURCE_TYPES.listenerRule: {
      const rule = live.rules.get(arn);
      if (rule === undefined) return false;
      cmp.field('Priority', props.Priority, rule.Priority);
      cmp.field('Conditions', props.Conditions, rule.Conditions, conditionsCanon);
      compareActions(cmp, 'Actions', props.Actions, rule.Actions);
      return true;
    }
    default: {
      const group = live.targetGroups.get(arn);
      if (group === undefined) return false;
      cmp.field('Name', props.Name, group.TargetGroupName);
      const actual = group as unknown as Record<string, unknown>;
      for (const name of TARGET_GROUP_FIELDS) cmp.field(name, props[name], actual[name]);
      const matcher = (props.Matcher ?? {}) as Record<string, unknown>;
      cmp.field('Matcher.HttpCode', matcher.HttpCode, group.Matcher?.HttpCode);
      cmp.field('Matcher.GrpcCode', matcher.GrpcCode, group.Matcher?.GrpcCode);
      compareAttributes(cmp, 'TargetGroupAttributes', props.TargetGroupAttributes, live.targetGroupAttributes.get(arn) ?? {});
      return true;
    }
  }
}

/** Compares each attribute the template sets (`[{ Key, Value }]`) with the attributes AWS reports. */
function compareAttributes(cmp: FieldComparer, name: string, declared: unknown, actual: Record<string, string>): void {
  if (declared === undefined) return;
  if (!Array.isArray(declared)) {
    cmp.field(name, declared, undefined);
    return;
  }
  for (const entry of declared as Record<string, unknown>[]) {
    const key = entry?.Key;
    if (typeof key !== 'string') {
      cmp.field(name, entry, undefined);
      continue;
    }
    cmp.field(`${name}.${key}`, entry.Value, actual[key]);
  }
}
