/**
 * ELB description: what runs for the load balancers, listeners, rules and target groups
 * the stack holds (DescribeLoadBalancers, DescribeListeners, DescribeRules and
 * DescribeTargetGroups, each following NextMarker; the attributes for the drift check).
 * A resource the stack lists but AWS no longer knows (deleted outside CloudFormation) is
 * simply absent from the maps.
 */
import {
  DescribeListenersCommand, DescribeLoadBalancerAttributesCommand, DescribeLoadBalancersCommand, DescribeRulesCommand,
  DescribeTargetGroupAttributesCommand, DescribeTargetGroupsCommand, Listener, LoadBalancer, Rule, TargetGroup,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import { RESOURCE_TYPES, resourcesOfType } from './discovery';
import { AwsContext, StackNode } from './types';

/** What AWS says about the stack's load balancing resources, keyed by ARN. */
export interface LiveState {
  readonly loadBalancers: Map<string, LoadBalancer>;
  readonly loadBalancerAttributes: Map<string, Record<string, string>>;
  readonly listeners: Map<string, Listener>;
  readonly rules: Map<string, Rule>;
  readonly targetGroups: Map<string, TargetGroup>;
  readonly targetGroupAttributes: Map<string, Record<string, string>>;
}

/** The most ARNs DescribeLoadBalancers and DescribeTargetGroups accept in one call. */
const ARNS_PER_CALL = 20;

/** Describes the stack's ELBv2 resources; with `attributes`, also the load balancer and target group attributes. */
export async function describeLive(stack: StackNode, aws: AwsContext, attributes: boolean): Promise<LiveState> {
  const arnsOf = (type: string) => resourcesOfType(stack, type).map(r => r.physicalId);
  const loadBalancers = await describeByArns(arnsOf(RESOURCE_TYPES.loadBalancer), aws, 'DescribeLoadBalancers', async (arns, marker) => {
    const out = await aws.elb.send(new DescribeLoadBalancersCommand({ LoadBalancerArns: arns, Marker: marker }));
    return { items: out.LoadBalancers ?? [], next: out.NextMarker };
  }, lb => lb.LoadBalancerArn);
  const targetGroups = await describeByArns(arnsOf(RESOURCE_TYPES.targetGroup), aws, 'DescribeTargetGroups', async (arns, marker) => {
    const out = await aws.elb.send(new DescribeTargetGroupsCommand({ TargetGroupArns: arns, Marker: marker }));
    return { items: out.TargetGroups ?? [], next: out.NextMarker };
  }, tg => tg.TargetGroupArn);
  const listeners = await describeListeners(arnsOf(RESOURCE_TYPES.listener), [...loadBalancers.keys()], aws);
  const rules = await describeRules(arnsOf(RESOURCE_TYPES.listenerRule), [...listeners.values()], aws);
  const live: LiveState = { loadBalancers, listeners, rules, targetGroups, loadBalancerAttributes: new Map(), targetGroupAttributes: new Map() };
  if (attributes) {
    for (const arn of loadBalancers.keys()) {
      const out = await aws.call('DescribeLoadBalancerAttributes', () => aws.elb.send(new DescribeLoadBalancerAttributesCommand({ LoadBalancerArn: arn })));
      live.loadBalancerAttributes.set(arn, toRecord(out.Attributes));
    }
    for (const arn of targetGroups.keys()) {
      const out = await aws.call('DescribeTargetGroupAttributes', () => aws.elb.send(new DescribeTargetGroupAttributesCommand({ TargetGroupArn: arn })));
      live.targetGroupAttributes.set(arn, toRecord(out.Attributes));
    }
  }
  return live;
}

interface Page<T> {
  readonly items: T[];
  readonly next?: string;
}

/**
 * Describes resources by ARN, 20 at a time, following NextMarker. A "not found" error
 * fails the whole call, so that batch is then described one ARN at a time, and the
 * missing ones are left out.
 */
async function describeByArns<T>(arns: string[], aws: AwsContext, operation: string,
  fetch: (arns: string[], marker?: string) => Promise<Page<T>>, arnOf: (item: T) => string | undefined): Promise<Map<string, T>> {
  const found = new Map<string, T>();
  const fetchAll = async (batch: string[]) => {
    let marker: string | undefined;
    do {
      const page = await aws.call(operation, () => fetch(batch, marker));
      for (const item of page.items) found.set(arnOf(item) ?? '', item);
      marker = page.next;
    } while (marker);
  };
  for (let i = 0; i < arns.length; i += ARNS_PER_CALL) {
    const batch = arns.slice(i, i + ARNS_PER_CALL);
    try {
      await fetchAll(batch);
    } catch (error) {
      if (!isNotFound(error)) throw error;
      for (const arn of batch) await ignoreNotFound(() => fetchAll([arn]));
    }
  }
  return found;
}

/** The listeners of each load balancer (paged), then any listener of the stack on a load balancer outside it. */
async function describeListeners(stackArns: string[], loadBalancerArns: string[], aws: AwsContext): Promise<Map<string, Listener>> {
  const all = new Map<string, Listener>();
  for (const lbArn of loadBalancerArns) {
    await pages(aws, 'DescribeListeners', async marker => {
      const out = await aws.elb.send(new DescribeListenersCommand({ LoadBalancerArn: lbArn, Marker: marker }));
      for (const l of out.Listeners ?? []) all.set(l.ListenerArn ?? '', l);
      return out.NextMarker;
    });
  }
  const listeners = new Map<string, Listener>();
  for (const arn of stackArns) {
    const known = all.get(arn);
    if (known) {
      listeners.set(arn, known);
      continue;
    }
    await ignoreNotFound(async () => {
      const out = await aws.call('DescribeListeners', () => aws.elb.send(new DescribeListenersCommand({ ListenerArns: [arn] })));
      for (const l of out.Listeners ?? []) listeners.set(arn, l);
    });
  }
  return listeners;
}

/** The rules of each HTTP and HTTPS listener (paged), then any rule of the stack on a listener outside it. */
async function describeRules(stackArns: string[], listeners: Listener[], aws: AwsContext): Promise<Map<string, Rule>> {
  const all = new Map<string, Rule>();
  for (const listener of listeners.filter(l => l.Protocol === 'HTTP' || l.Protocol === 'HTTPS')) {
    await pages(aws, 'DescribeRules', async marker => {
      const out = await aws.elb.send(new DescribeRulesCommand({ ListenerArn: listener.ListenerArn, Marker: marker }));
      for (const r of out.Rules ?? []) all.set(r.RuleArn ?? '', r);
      return out.NextMarker;
    });
  }
  const rules = new Map<string, Rule>();
  for (const arn of stackArns) {
    const known = all.get(arn);
    if (known) {
      rules.set(arn, known);
      continue;
    }
    await ignoreNotFound(async () => {
      const out = await aws.call('DescribeRules', () => aws.elb.send(new DescribeRulesCommand({ RuleArns: [arn] })));
      for (const r of out.Rules ?? []) rules.set(arn, r);
    });
  }
  return rules;
}

/** Calls `fetchPage` with each NextMarker until there is none; each page is retried on throttling. */
async function pages(aws: AwsContext, operation: string, fetchPage: (marker?: string) => Promise<string | undefined>): Promise<void> {
  let marker: string | undefined;
  do {
    const current = marker;
    marker = await aws.call(operation, () => fetchPage(current));
  } while (marker);
}

async function ignoreNotFound(fn: () => Promise<void>): Promise<void> {
  try {
    await fn();
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}

/** `LoadBalancerNotFoundException`, `ListenerNotFoundException`, `RuleNotFoundException`, `TargetGroupNotFoundException`. */
function isNotFound(error: unknown): boolean {
  return /^(LoadBalancer|Listener|Rule|TargetGroup)NotFound(Exception)?$/.test((error as { name?: string })?.name ?? '');
}

function toRecord(attributes: { Key?: string; Value?: string }[] | undefined): Record<string, string> {
  const record: Record<string, string> = {};
  for (const a of attributes ?? []) if (a.Key !== undefined) record[a.Key] = a.Value ?? '';
  return record;
}
