/**
 * Lambda functions as Application Load Balancer targets: a function given beside the
 * spec and one by ARN, the permission for Elastic Load Balancing to invoke them,
 * multi-value headers and health checks.
 */
import { App, Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ElbTopology } from '../../lib';
import { minimalSpec } from '../helpers';
import { getAtt, logicalId, refTo, resourceOf } from '../template-helpers';

const LEGACY_ARN = 'arn:aws:lambda:us-east-1:123456789012:function:legacy-api';

describe('Lambda function targets', () => {
  // GIVEN a function defined in the app, and three groups: the function with multi-value
  // headers, the same function with a health check, and a function outside the app by ARN
  const stack = new Stack(new App(), 'Test');
  const hello = new lambda.Function(stack, 'Hello', {
    runtime: lambda.Runtime.NODEJS_22_X,
    handler: 'index.handler',
    code: lambda.Code.fromInline('exports.handler = async () => ({ statusCode: 200, body: "hello" });'),
  });
  const base = minimalSpec();
  const topology = new ElbTopology(stack, 'Topology', {
    spec: minimalSpec({
      targetGroups: {
        'web': { fleet: 'web' },
        'fn': { lambdaFunction: 'hello', lambdaMultiValueHeadersEnabled: true },
        'fn-checked': { lambdaFunction: 'hello', healthCheck: { path: '/health', intervalSeconds: 35, timeoutSeconds: 30 } },
        'legacy': { lambdaFunctionArn: LEGACY_ARN },
      },
      applicationLoadBalancers: {
        public: {
          ...base.applicationLoadBalancers!.public,
          rules: [
            { name: 'fn', conditions: { pathPatterns: ['/fn/*'] }, forward: { targetGroup: 'fn' } },
            { name: 'fn-checked', conditions: { pathPatterns: ['/checked/*'] }, forward: { targetGroup: 'fn-checked' } },
            { name: 'legacy', conditions: { pathPatterns: ['/legacy/*'] }, forward: { targetGroup: 'legacy' } },
          ],
        },
      },
    }),
    existing: { lambdaFunctions: { hello } },
  });
  const template = Template.fromStack(stack);
  const tg = (name: string) => resourceOf(template, topology.applicationTargetGroup(name));
  const permissions = () => Object.entries(template.findResources('AWS::Lambda::Permission'));

  test('registers the function in a lambda group without protocol, port or VPC', () => {
    const props = tg('fn').Properties!;
    expect(props).toMatchObject({ TargetType: 'lambda', Targets: [{ Id: getAtt(hello, 'Arn') }] });
    expect(props).not.toHaveProperty('Port');
    expect(props).not.toHaveProperty('Protocol');
    expect(props).not.toHaveProperty('VpcId');
  });

  test('turns multi-value headers on, and sets no attribute AWS refuses for Lambda targets', () => {
    expect(tg('fn').Properties!.TargetGroupAttributes).toEqual([{ Key: 'lambda.multi_value_headers.enabled', Value: 'true' }]);
    expect(tg('legacy').Properties!.TargetGroupAttributes).toBeUndefined();
  });

  test('leaves health checks off by default, and checks the given path when asked', () => {
    expect(tg('fn').Properties!.HealthCheckEnabled).toBe(false);
    expect(tg('fn-checked').Properties!).toMatchObject({ HealthCheckEnabled: true, HealthCheckPath: '/health', HealthCheckIntervalSeconds: 35, HealthCheckTimeoutSeconds: 30 });
  });

  test('lets Elastic Load Balancing of the stack\'s account invoke the function, once for both of its groups', () => {
    const ofHello = permissions().filter(([, p]) => JSON.stringify(p.Properties.FunctionName) === JSON.stringify(getAtt(hello, 'Arn')));
    expect(ofHello.map(([, p]) => p.Properties)).toEqual([{
      Action: 'lambda:InvokeFunction',
      FunctionName: getAtt(hello, 'Arn'),
      Principal: 'elasticloadbalancing.amazonaws.com',
      SourceAccount: { Ref: 'AWS::AccountId' },
    }]);
  });

  test('creates each group after the permission it needs to register the function', () => {
    const [[permissionId]] = permissions().filter(([, p]) => JSON.stringify(p.Properties.FunctionName) === JSON.stringify(getAtt(hello, 'Arn')));
    expect(tg('fn').DependsOn).toContain(permissionId);
    expect(tg('fn-checked').DependsOn).toContain(permissionId);
  });

  test('imports a function by ARN and adds the permission to it', () => {
    expect(tg('legacy').Properties!.Targets).toEqual([{ Id: LEGACY_ARN }]);
    const [[permissionId, permission]] = permissions().filter(([, p]) => p.Properties.FunctionName === LEGACY_ARN);
    expect(permission.Properties).toMatchObject({ Action: 'lambda:InvokeFunction', Principal: 'elasticloadbalancing.amazonaws.com', SourceAccount: { Ref: 'AWS::AccountId' } });
    expect(tg('legacy').DependsOn).toContain(permissionId);
  });

  test('forwards each path to its Lambda group', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/legacy/*'] } }],
      Actions: [{ Type: 'forward', TargetGroupArn: refTo(topology.applicationTargetGroup('legacy')) }],
    });
  });

  test('opens no egress from the load balancer for a Lambda target', () => {
    const egress = resourceOf(template, topology.loadBalancerSecurityGroup('public')).Properties!.SecurityGroupEgress ?? [];
    expect(egress.filter((r: { CidrIp?: string }) => r.CidrIp !== undefined && r.CidrIp !== '255.255.255.255/32')).toEqual([]);
  });

  test('reaches each group\'s function by the group\'s name, and lists the names on a miss', () => {
    expect(topology.lambdaTargetFunction('fn')).toBe(hello);
    expect(topology.lambdaTargetFunction('legacy').functionArn).toBe(LEGACY_ARN);
    expect(logicalId(topology.applicationTargetGroup('legacy'))).toMatch(/^TopologyTargetGroupslegacy/);
    expect(() => topology.lambdaTargetFunction('web')).toThrow(/has no target group with a Lambda function 'web'\. Known: fn, fn-checked, legacy\./);
  });
});
