/**
 * Stack discovery: the stack (DescribeStacks) and its resources (ListStackResources,
 * following NextToken), with nested stacks read the same way.
 */
import { DescribeStacksCommand, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { AwsContext, StackNode, StackResource, VerifyError } from './types';

/** The CloudFormation types the command reads. */
export const RESOURCE_TYPES = {
  loadBalancer: 'AWS::ElasticLoadBalancingV2::LoadBalancer',
  listener: 'AWS::ElasticLoadBalancingV2::Listener',
  listenerRule: 'AWS::ElasticLoadBalancingV2::ListenerRule',
  targetGroup: 'AWS::ElasticLoadBalancingV2::TargetGroup',
  classicLoadBalancer: 'AWS::ElasticLoadBalancing::LoadBalancer',
  nestedStack: 'AWS::CloudFormation::Stack',
};

/** Reads the stack, its resources and those of its nested stacks. */
export async function discoverStack(stackName: string, region: string, aws: AwsContext): Promise<StackNode> {
  let stack;
  try {
    const out = await aws.call('DescribeStacks', () => aws.cfn.send(new DescribeStacksCommand({ StackName: stackName })));
    stack = out.Stacks?.[0];
  } catch (error) {
    if (isStackMissing(error)) {
      throw new VerifyError(`Stack '${stackName}' does not exist in ${region}.`,
        'Check the stack name (`npx cdk list` shows the stacks of the app; a stack can have a `stackName` other than its ID) and the region (AWS_REGION or the profile\'s region).');
    }
    throw error;
  }
  if (stack?.StackId === undefined) throw new VerifyError(`Stack '${stackName}' does not exist in ${region}.`);
  return readNode({ name: stack.StackName ?? stackName, id: stack.StackId, status: stack.StackStatus ?? 'UNKNOWN', path: stack.StackName ?? stackName }, aws);
}

/** All resources of every stack in the tree. */
export function allResources(node: StackNode): StackResource[] {
  return [...node.resources, ...node.children.flatMap(allResources)];
}

/** The resources of the tree that are of `type`. */
export function resourcesOfType(node: StackNode, type: string): StackResource[] {
  return allResources(node).filter(r => r.type === type);
}

interface NodeHead {
  readonly name: string;
  readonly id: string;
  readonly status: string;
  readonly path: string;
  readonly logicalIdInParent?: string;
}

async function readNode(head: NodeHead, aws: AwsContext): Promise<StackNode> {
  const resources = await listResources(head, aws);
  const children: StackNode[] = [];
  for (const nested of resources.filter(r => r.type === RESOURCE_TYPES.nestedStack)) {
    children.push(await readNode({
      name: stackNameOfArn(nested.physicalId),
      id: nested.physicalId,
      status: nested.status,
      path: `${head.path}/${nested.logicalId}`,
      logicalIdInParent: nested.logicalId,
    }, aws));
  }
  return { ...head, resources, children };
}

async function listResources(head: NodeHead, aws: AwsContext): Promise<StackResource[]> {
  const resources: StackResource[] = [];
  let nextToken: string | undefined;
  do {
    const page = await aws.call('ListStackResources', () => aws.cfn.send(new ListStackResourcesCommand({ StackName: head.id, NextToken: nextToken })));
    for (const r of page.StackResourceSummaries ?? []) {
      // A resource that failed to create has no physical ID: there is nothing to inspect.
      if (r.LogicalResourceId === undefined || r.PhysicalResourceId === undefined || r.ResourceType === undefined) continue;
      resources.push({ stackPath: head.path, logicalId: r.LogicalResourceId, physicalId: r.PhysicalResourceId, type: r.ResourceType, status: r.ResourceStatus ?? 'UNKNOWN' });
    }
    nextToken = page.NextToken;
  } while (nextToken);
  return resources.sort((a, b) => a.logicalId.localeCompare(b.logicalId));
}

/** `arn:aws:cloudformation:eu-west-1:123456789012:stack/Name/uuid` → `Name`. */
function stackNameOfArn(arn: string): string {
  return arn.split(':stack/')[1]?.split('/')[0] ?? arn;
}

/** CloudFormation answers a missing stack with a ValidationError "Stack with id X does not exist". */
function isStackMissing(error: unknown): boolean {
  const e = error as { name?: string; message?: string };
  return e?.name === 'ValidationError' && /does not exist/.test(e.message ?? '');
}
