import { ArnFormat, Duration, Stack, Token } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { Construct } from 'constructs';
import { resolveTargetGroup } from '../private/resolve';
import { TargetGroupSpec } from '../spec/target-group';

/** The service principal that invokes a Lambda function for a load balancer. */
export const ELB_PRINCIPAL = 'elasticloadbalancing.amazonaws.com';

/**
 * A Lambda function as the target of an Application Load Balancer target group. Before
 * the group registers it, the function's resource policy lets Elastic Load Balancing
 * invoke it, for load balancers of the stack's account only (`aws:SourceAccount`: the
 * target group's ARN would be narrower, but the group can only be created after the
 * permission it needs).
 */
class LambdaFunctionTarget implements elbv2.IApplicationLoadBalancerTarget {
  constructor(private readonly fn: lambda.IFunction) {}

  attachToApplicationTargetGroup(targetGroup: elbv2.IApplicationTargetGroup): elbv2.LoadBalancerTargetProps {
    // One permission per function, under a fixed ID: an ID derived from the principal (as
    // `grantInvoke` does) holds the account token and would differ between syntheses.
    const id = 'InvokeByElasticLoadBalancing';
    if (!this.fn.node.tryFindChild(id)) {
      this.fn.addPermission(id, {
        principal: new iam.ServicePrincipal(ELB_PRINCIPAL),
        action: 'lambda:InvokeFunction',
        sourceAccount: Stack.of(targetGroup).account,
      });
    }
    // Absent when the function is another account's: aws-cdk-lib then warns that its owner must allow the call.
    const permission = this.fn.node.tryFindChild(id);
    if (permission) targetGroup.node.addDependency(permission);
    return { targetType: elbv2.TargetType.LAMBDA, targetJson: { id: this.fn.functionArn } };
  }
}

/**
 * An Application Load Balancer target group of one Lambda function: the function given
 * beside the spec, or one imported by its ARN (under the group, as `Function`). No
 * protocol, port or attributes but multi-value headers; health checks only when the spec
 * gives `healthCheck`.
 */
export function buildLambdaTargetGroup(scope: Construct, id: string, spec: TargetGroupSpec, given: lambda.IFunction | undefined): {
  targetGroup: elbv2.ApplicationTargetGroup;
  fn: lambda.IFunction;
} {
  const hc = resolveTargetGroup(spec, undefined).healthCheck;
  const targetGroup = new elbv2.ApplicationTargetGroup(scope, id, {
    targetType: elbv2.TargetType.LAMBDA,
    multiValueHeadersEnabled: spec.lambdaMultiValueHeadersEnabled,
    healthCheck: spec.healthCheck === undefined ? { enabled: false } : {
      enabled: true,
      path: hc.path,
      healthyHttpCodes: hc.healthyHttpCodes,
      interval: Duration.seconds(hc.intervalSeconds),
      timeout: Duration.seconds(hc.timeoutSeconds),
      healthyThresholdCount: hc.healthyThresholdCount,
      unhealthyThresholdCount: hc.unhealthyThresholdCount,
    },
  });
  const fn = given ?? importFunction(targetGroup, spec.lambdaFunctionArn!);
  targetGroup.addTarget(new LambdaFunctionTarget(fn));
  return { targetGroup, fn };
}

/**
 * A function by ARN. The permission is added to it when its account and Region are the
 * stack's, or either is known only at deployment; otherwise aws-cdk-lib warns that the
 * function's owner must add it.
 */
function importFunction(scope: Construct, functionArn: string): lambda.IFunction {
  const stack = Stack.of(scope);
  const parts = Token.isUnresolved(functionArn) ? undefined : stack.splitArn(functionArn, ArnFormat.COLON_RESOURCE_NAME);
  const same = (stackValue: string, arnValue: string | undefined) =>
    Token.isUnresolved(stackValue) || arnValue === undefined || stackValue === arnValue;
  return lambda.Function.fromFunctionAttributes(scope, 'Function', {
    functionArn,
    sameEnvironment: parts === undefined || (same(stack.account, parts.account) && same(stack.region, parts.region)),
  });
}
