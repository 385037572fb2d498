/**
 * A topology with every target beyond fleets (on-premises and in-VPC IP targets behind
 * the ALB and an NLB, a Lambda function, an ECS service on Fargate) through the
 * validators the examples use: aws-cdk-lib's CloudFormation validation as errors,
 * cdk-nag's AwsSolutions pack and the Control Tower guard rules. Synthesis throws on any
 * unacknowledged finding. The stack is env-agnostic, as the examples are.
 */
import { Stack, Validations } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Protocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import * as logs from 'aws-cdk-lib/aws-logs';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { checkedApp } from '../../examples/checks';
import { ElbTopology } from '../../lib';
import { buildNetwork } from '../../lib/network/network';
import { logsEncryptionKey } from '../../lib/security/logs-key';
import { minimalSpec } from '../helpers';
import { failedPluginReports } from '../validation-report';

// This file checks the template with every validator, including the built-in one.
process.env.CDK_VALIDATION = 'true';

const app = checkedApp();
const stack = new Stack(app, 'Targets');

// The objects beside the spec: a VPC (built as the topology builds its own), a function
// in it, and a Fargate service.
const vpc = buildNetwork(stack, { maxAzs: 2, natGateways: 1 }, undefined).vpc;
const hello = new lambda.Function(stack, 'Hello', {
  runtime: lambda.Runtime.NODEJS_22_X,
  handler: 'index.handler',
  code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "hello" });'),
  vpc,
  vpcSubnets: { subnetType: ec2.SubnetType.PRIVATE_WITH_EGRESS },
});
const MANAGED_POLICY = 'AwsSolutions::AwsSolutions-IAM4[Policy::arn:<AWS::Partition>:iam::aws:policy/service-role/';
Validations.of(hello).acknowledge(
  { id: `${MANAGED_POLICY}AWSLambdaBasicExecutionRole]`, reason: 'Test fixture: the function\'s role uses the AWS managed basic execution policy.' },
  { id: `${MANAGED_POLICY}AWSLambdaVPCAccessExecutionRole]`, reason: 'Test fixture: the function\'s role uses the AWS managed VPC access policy.' },
  { id: 'AwsSolutions-L1', reason: 'Test fixture: the runtime is pinned so that the template does not change with each new Node.js release.' },
);
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc, containerInsightsV2: ecs.ContainerInsights.ENABLED });
const task = new ecs.FargateTaskDefinition(stack, 'Task');
task.addContainer('web', {
  image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:stable'),
  portMappings: [{ containerPort: 8080 }],
  memoryLimitMiB: 512,
  readonlyRootFilesystem: true,
  user: '1000',
  logging: ecs.LogDrivers.awsLogs({
    streamPrefix: 'web',
    logGroup: new logs.LogGroup(stack, 'TaskLogs', { encryptionKey: logsEncryptionKey(stack, 'TaskLogsKey', 'Test task logs'), retention: logs.RetentionDays.ONE_YEAR }),
  }),
});
const service = new ecs.FargateService(stack, 'Service', { cluster, taskDefinition: task, circuitBreaker: { rollback: true }, minHealthyPercent: 100 });

const base = minimalSpec();
new ElbTopology(stack, 'Topology', {
  spec: {
    ...minimalSpec({
      targetGroups: {
        web: { fleet: 'web' },
        legacy: { port: 8080, ipTargets: [{ ipAddress: '192.168.10.21' }, { ipAddress: '192.168.10.22' }] },
        hybrid: { ipTargets: [{ ipAddress: '10.0.1.15', outsideVpc: false }, { ipAddress: '172.16.5.5', outsideVpc: true }] },
        fn: { lambdaFunction: 'hello', lambdaMultiValueHeadersEnabled: true },
        api: { ecsService: 'api' },
        database: { protocol: Protocol.TCP, port: 5432, ipTargets: [{ ipAddress: '192.168.20.5', outsideVpc: true }] },
      },
      applicationLoadBalancers: {
        public: {
          ...base.applicationLoadBalancers!.public,
          rules: [
            { name: 'legacy', conditions: { pathPatterns: ['/legacy/*'] }, forward: { targetGroup: 'legacy' } },
            { name: 'fn', conditions: { pathPatterns: ['/fn/*'] }, forward: { targetGroup: 'fn' } },
            { name: 'api', conditions: { pathPatterns: ['/api/*'] }, forward: { targetGroup: 'api' } },
            {
              name: 'canary',
              conditions: { pathPatterns: ['/app/*'] },
              weightedForward: { targetGroups: [{ targetGroup: 'web', weight: 90 }, { targetGroup: 'hybrid', weight: 10 }] },
            },
          ],
        },
      },
      networkLoadBalancers: {
        db: { internetFacing: false, ingressCidrs: ['10.0.0.0/16'], listeners: { pg: { protocol: Protocol.TCP, port: 5432, targetGroup: 'database' } } },
      },
    }),
    network: undefined,
  },
  existing: { vpc, lambdaFunctions: { hello }, ecsServices: { api: service } },
});
let assembly: CloudAssembly;

beforeAll(() => {
  // Throws with the validators' report if any finding is not acknowledged.
  assembly = app.synth();
});

test('IP, Lambda and ECS targets pass CloudFormation validation, cdk-nag AwsSolutions and the Control Tower rules', () => {
  expect(failedPluginReports(assembly.directory)).toEqual([]);
  const types = Object.values(assembly.getStackByName('Targets').template.Resources).map((r) => (r as { Type: string }).Type);
  expect(types).toEqual(expect.arrayContaining(['AWS::Lambda::Permission', 'AWS::ECS::Service', 'AWS::ElasticLoadBalancingV2::TargetGroup']));
});

test('reports no error or warning annotations', () => {
  const messages = assembly.getStackByName('Targets').messages.filter((m) => m.level !== 'info');
  expect(messages.map((m) => `${m.id}: ${m.entry.data}`)).toEqual([]);
});
