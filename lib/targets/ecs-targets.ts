import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { applicationTargetGroupProps } from './target-group';
import { resolveTargetGroup } from '../private/resolve';
import { ResolvedEcsContainer, isResolvedContainer, resolveEcsContainer } from '../private/targets';
import { TargetGroupSpec } from '../spec/target-group';

/**
 * An Application Load Balancer target group of an ECS service's tasks, registered by
 * one container and port. ECS registers each task as it starts: by container instance
 * and host port with the `bridge` and `host` network modes (`instance` targets), by
 * task address with `awsvpc` (`ip` targets). Through the Connections API, every load
 * balancer that forwards to the group may reach the tasks, and the service admits it:
 * the container instances' security group on 32768-65535 for dynamic host ports (host
 * port 0), on the host port otherwise, or the service's security group on the
 * container port (`awsvpc`). The group's port is the container port unless the spec
 * gives one.
 */
export function buildEcsTargetGroup(
  scope: Construct,
  id: string,
  spec: TargetGroupSpec,
  vpc: ec2.IVpc,
  service: ecs.BaseService,
): elbv2.ApplicationTargetGroup {
  const c = resolveEcsContainer(service, spec.ecsContainerName, spec.ecsContainerPort);
  if (!isResolvedContainer(c)) throw new Error(`ECS service '${spec.ecsService}': ${c.message}`); // validation reports it first
  const r = resolveTargetGroup({ ...spec, port: spec.port ?? c.containerPort }, undefined);
  const tg = new elbv2.ApplicationTargetGroup(scope, id, {
    ...applicationTargetGroupProps(spec, r, vpc),
    targetType: targetType(c),
    targets: [service.loadBalancerTarget({ containerName: c.container.containerName, containerPort: c.containerPort })],
  });
  // A health check on another port than the traffic port must be admitted too.
  const hcPort = r.healthCheck.port;
  if (hcPort !== undefined && hcPort !== r.port) tg.registerConnectable(service, ec2.Port.tcp(hcPort));
  return tg;
}

function targetType(c: ResolvedEcsContainer): elbv2.TargetType {
  return c.networkMode === ecs.NetworkMode.AWS_VPC ? elbv2.TargetType.IP : elbv2.TargetType.INSTANCE;
}
