/**
 * ECS services as Application Load Balancer targets: an EC2 service with bridge
 * networking and dynamic host ports, and a Fargate service (awsvpc), registered by
 * container and port, with the security groups wired both ways.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { ElbTopology } from '../../lib';
import { checkUnusedTargetGroups } from '../../lib/validation/checks/usage';
import { createContext } from '../../lib/validation/context';
import { minimalSpec } from '../helpers';
import { getAtt, ingressRulesOf, logicalId, refTo, resourceOf } from '../template-helpers';

describe('ECS service targets', () => {
  // GIVEN a VPC with an ECS cluster on EC2 capacity: a bridge-mode service with a dynamic
  // host port, and a Fargate service
  const stack = new Stack(new App(), 'Test');
  const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
  const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
  const capacity = cluster.addCapacity('Capacity', { instanceType: new ec2.InstanceType('t3.small'), minCapacity: 1 });
  const apiTask = new ecs.Ec2TaskDefinition(stack, 'ApiTask', { networkMode: ecs.NetworkMode.BRIDGE });
  apiTask.addContainer('web', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:stable'),
    memoryLimitMiB: 256,
    portMappings: [{ containerPort: 8080, hostPort: 0 }],
  });
  const api = new ecs.Ec2Service(stack, 'Api', { cluster, taskDefinition: apiTask });
  const workerTask = new ecs.FargateTaskDefinition(stack, 'WorkerTask');
  workerTask.addContainer('sidecar', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/docker/library/busybox:stable'), essential: true });
  workerTask.addContainer('worker', { image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:stable'), portMappings: [{ containerPort: 80 }, { containerPort: 9090 }] });
  const worker = new ecs.FargateService(stack, 'Worker', { cluster, taskDefinition: workerTask });
  const base = minimalSpec();
  const topology = new ElbTopology(stack, 'Topology', {
    spec: {
      ...minimalSpec({
        targetGroups: {
          web: { fleet: 'web' },
          api: { ecsService: 'api' },
          worker: { ecsService: 'worker', ecsContainerName: 'worker', ecsContainerPort: 9090, healthCheck: { path: '/ready' } },
        },
        applicationLoadBalancers: {
          public: {
            ...base.applicationLoadBalancers!.public,
            rules: [
              { name: 'api', conditions: { pathPatterns: ['/api/*'] }, forward: { targetGroup: 'api' } },
              { name: 'worker', conditions: { pathPatterns: ['/jobs/*'] }, forward: { targetGroup: 'worker' } },
            ],
          },
        },
      }),
      network: undefined,
    },
    existing: { vpc, ecsServices: { api, worker } },
  });
  const template = Template.fromStack(stack);
  const tg = (name: string) => resourceOf(template, topology.applicationTargetGroup(name)).Properties!;
  const albGroupId = getAtt(topology.loadBalancerSecurityGroup('public'), 'GroupId');
  const fromAlb = (rule: { SourceSecurityGroupId?: unknown }) => JSON.stringify(rule.SourceSecurityGroupId) === JSON.stringify(albGroupId);

  test('registers the bridge-mode service by container instance, on the default container\'s port', () => {
    expect(tg('api')).toMatchObject({ TargetType: 'instance', Protocol: 'HTTP', Port: 8080 });
    expect(resourceOf(template, api).Properties!.LoadBalancers).toEqual([
      { ContainerName: 'web', ContainerPort: 8080, TargetGroupArn: refTo(topology.applicationTargetGroup('api')) },
    ]);
  });

  test('lets the container instances admit the ALB on the ephemeral ports of dynamic host-port mapping', () => {
    const capacityGroup = capacity.connections.securityGroups[0];
    const ranges = ingressRulesOf(template, capacityGroup).filter(fromAlb).map((r) => `${r.IpProtocol} ${r.FromPort}-${r.ToPort}`);
    expect(ranges).toEqual(['tcp 32768-65535']);
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: albGroupId,
      DestinationSecurityGroupId: getAtt(capacityGroup, 'GroupId'),
      FromPort: 32768,
      ToPort: 65535,
    });
  });

  test('registers the Fargate service by task address, on the given container and port', () => {
    expect(tg('worker')).toMatchObject({ TargetType: 'ip', Port: 9090, HealthCheckPath: '/ready' });
    expect(resourceOf(template, worker).Properties!.LoadBalancers).toEqual([
      { ContainerName: 'worker', ContainerPort: 9090, TargetGroupArn: refTo(topology.applicationTargetGroup('worker')) },
    ]);
  });

  test('lets the Fargate service\'s security group admit the ALB on the container port only', () => {
    const ports = ingressRulesOf(template, worker.connections.securityGroups[0]).filter(fromAlb).map((r) => `${r.IpProtocol} ${r.FromPort}-${r.ToPort}`);
    expect(ports).toEqual(['tcp 9090-9090']);
  });

  test('warns about a service\'s group that no load balancer forwards to, which ECS cannot create the service with', () => {
    const issues = checkUnusedTargetGroups(createContext({ ...base, targetGroups: { ...base.targetGroups, idle: { ecsService: 'api' } } }, { ecsServices: { api } }));
    expect(issues).toEqual([{
      path: 'targetGroups.idle',
      message: "no load balancer forwards to this target group, so ECS cannot register service 'api' in it and the deployment fails.",
      hint: 'Forward to it from a listener or rule, or remove it.',
    }]);
  });

  test('builds the groups under the target groups\' namespace, by name', () => {
    expect(topology.applicationTargetGroup('api').node.path).toBe('Test/Topology/TargetGroups/api');
    expect(logicalId(topology.applicationTargetGroup('worker'))).toMatch(/^TopologyTargetGroupsworker/);
  });
});
