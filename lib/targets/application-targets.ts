import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { buildEcsTargetGroup } from './ecs-targets';
import { buildIpTargetGroup } from './ip-targets';
import { buildLambdaTargetGroup } from './lambda-targets';
import { buildApplicationTargetGroup } from './target-group';
import { Fleet } from '../fleets/fleet';
import { isApplicationTargetGroup, sortedEntries } from '../private/resolve';
import { KnownVpcCidr } from '../private/targets';
import { ExistingResources, TopologySpec } from '../spec/topology-spec';

/** What the Application Load Balancer target groups are built from. */
export interface ApplicationTargetsContext {
  readonly vpc: ec2.IVpc;
  /** What is known of the VPC's CIDR block, to place IP targets in or outside it. */
  readonly vpcCidr: KnownVpcCidr;
  readonly fleets: ReadonlyMap<string, Fleet>;
  readonly existing: ExistingResources;
}

/** The Application Load Balancer target groups, and the Lambda function of each Lambda group. */
export interface ApplicationTargets {
  readonly targetGroups: Map<string, elbv2.ApplicationTargetGroup>;
  readonly lambdaFunctions: Map<string, lambda.IFunction>;
}

/**
 * Every Application Load Balancer target group of a (validated) spec, by name, under
 * `scope`: a fleet's instances, IP addresses, a Lambda function or an ECS service's tasks.
 */
export function buildApplicationTargets(scope: Construct, spec: TopologySpec, ctx: ApplicationTargetsContext): ApplicationTargets {
  const targetGroups = new Map<string, elbv2.ApplicationTargetGroup>();
  const lambdaFunctions = new Map<string, lambda.IFunction>();
  for (const [name, tg] of sortedEntries(spec.targetGroups).filter(([, t]) => isApplicationTargetGroup(t))) {
    if (tg.ipTargets !== undefined) {
      targetGroups.set(name, buildIpTargetGroup(scope, name, tg, ctx.vpc, ctx.vpcCidr));
    } else if (tg.lambdaFunction !== undefined || tg.lambdaFunctionArn !== undefined) {
      const given = tg.lambdaFunction !== undefined ? ctx.existing.lambdaFunctions![tg.lambdaFunction] : undefined;
      const built = buildLambdaTargetGroup(scope, name, tg, given);
      targetGroups.set(name, built.targetGroup);
      lambdaFunctions.set(name, built.fn);
    } else if (tg.ecsService !== undefined) {
      targetGroups.set(name, buildEcsTargetGroup(scope, name, tg, ctx.vpc, ctx.existing.ecsServices![tg.ecsService]));
    } else {
      targetGroups.set(name, buildApplicationTargetGroup(scope, name, tg, ctx.vpc, ctx.fleets.get(tg.fleet!)!, spec.fleets?.[tg.fleet!]));
    }
  }
  return { targetGroups, lambdaFunctions };
}
