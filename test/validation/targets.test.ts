/**
 * Targets beyond fleets: IP addresses in and outside the VPC, Lambda functions and ECS
 * services. One kind of target per group, the addresses and settings AWS accepts, and
 * the functions and services given beside the spec.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Protocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as lambda from 'aws-cdk-lib/aws-lambda';
import { ExistingResources, TopologySpec } from '../../lib';
import { CERT_ARN, buildError, minimalSpec } from '../helpers';
import { Loose, expectIssue, expectOnlyIssue, expectValid, withNlb, withTargetGroup } from './util';

/** A row of a table whose specs need objects beside them. */
type Row = [description: string, spec: TopologySpec, path: string, messageAndHint: RegExp, existing?: ExistingResources];

/**
 * Asserts a row's only issue. A rest parameter, so that jest never takes the optional
 * last element for a `done` callback.
 */
const failsAsExpected = (...[, spec, path, expected, existing]: Row) => expectOnlyIssue(spec, path, expected, existing);

const ON_PREMISES = { ipAddress: '192.168.10.21' };
const IN_VPC = { ipAddress: '10.0.1.15' };

/** The minimal spec plus target group `onprem` (IP targets, changed by `group`) that a rule sends /legacy/* to. */
function withIpGroup(group: Loose): TopologySpec {
  return withGroup('onprem', { ipTargets: [ON_PREMISES], ...group });
}

/** The minimal spec plus target group `name`, which rule `extra` of the ALB forwards /extra/* to. */
function withGroup(name: string, group: Loose): TopologySpec {
  const base = minimalSpec();
  return minimalSpec({
    targetGroups: { ...base.targetGroups, [name]: group },
    applicationLoadBalancers: {
      public: { ...base.applicationLoadBalancers!.public, rules: [{ name: 'extra', conditions: { pathPatterns: ['/extra/*'] }, forward: { targetGroup: name } }] },
    },
  });
}

// The objects beside the spec, created once: a function, a VPC and ECS services in it.
const stack = new Stack(new App(), 'Fixtures');
const hello = lambda.Function.fromFunctionArn(stack, 'Hello', 'arn:aws:lambda:us-east-1:123456789012:function:hello');
const vpc = new ec2.Vpc(stack, 'Vpc', { maxAzs: 2, natGateways: 1 });
const cluster = new ecs.Cluster(stack, 'Cluster', { vpc });
function service(id: string, networkMode: ecs.NetworkMode, ports: number[]): ecs.Ec2Service {
  const taskDefinition = new ecs.Ec2TaskDefinition(stack, `${id}Task`, { networkMode });
  taskDefinition.addContainer('web', {
    image: ecs.ContainerImage.fromRegistry('public.ecr.aws/nginx/nginx:stable'),
    memoryLimitMiB: 256,
    portMappings: ports.map((containerPort) => ({ containerPort, hostPort: networkMode === ecs.NetworkMode.BRIDGE ? 0 : undefined })),
  });
  return new ecs.Ec2Service(stack, id, { cluster, taskDefinition });
}
const api = service('Api', ecs.NetworkMode.BRIDGE, [8080]);
const isolated = service('Isolated', ecs.NetworkMode.NONE, []);
const portless = service('Portless', ecs.NetworkMode.BRIDGE, []);
const FUNCTIONS: ExistingResources = { lambdaFunctions: { hello } };
const SERVICES: ExistingResources = { vpc, ecsServices: { api, isolated, portless } };

const fn = (group: Loose = {}) => withGroup('fn', { lambdaFunction: 'hello', ...group });
const container = (group: Loose = {}) => withGroup('api', { ecsService: 'api', ...group });
const network = minimalSpec().network!;
/** The NLB test spec with IP target group `onprem` (of the given protocol) behind listener `ip`. */
const nlbIpGroup = (protocol: Protocol, group: Loose = {}) => withNlb(
  { listeners: { ip: { protocol, port: 7777, targetGroup: 'onprem' } }, certificateArn: protocol === Protocol.TLS ? CERT_ARN : undefined },
  { onprem: { protocol, port: 7777, ipTargets: [IN_VPC, ON_PREMISES], ...group } },
);

describe('IP targets', () => {
  const P = 'targetGroups.onprem';
  test.each<Row>([
    ['an address is not an IP address', withIpGroup({ ipTargets: [{ ipAddress: '10.0.300.1' }] }), `${P}.ipTargets[0].ipAddress`,
      /^'10\.0\.300\.1' is not an IPv4 or IPv6 address\. Write four numbers from 0 to 255, for example '10\.0\.1\.15'\.$/],
    ['the second address is a host name', withIpGroup({ ipTargets: [IN_VPC, { ipAddress: 'legacy.corp.example' }] }), `${P}.ipTargets[1].ipAddress`,
      /^'legacy\.corp\.example' is not an IPv4 or IPv6 address\./],
    ['an address is IPv6', withIpGroup({ ipTargets: [{ ipAddress: '2001:db8::10' }] }), `${P}.ipTargets[0].ipAddress`,
      /^'2001:db8::10' is an IPv6 address, but the topology registers IPv4 targets only: an IPv6 target group needs a dual-stack load balancer\. Use the target's IPv4 address\.$/],
    ['an address is publicly routable', withIpGroup({ ipTargets: [{ ipAddress: '8.8.8.8' }] }), `${P}.ipTargets[0].ipAddress`,
      /^'8\.8\.8\.8' is a publicly routable address outside the VPC's CIDR block '10\.0\.0\.0\/16', which AWS does not accept as a target\. Register addresses in the VPC, or private addresses outside it \(10\.0\.0\.0\/8, 172\.16\.0\.0\/12, 192\.168\.0\.0\/16, 100\.64\.0\.0\/10\) reached over a Site-to-Site VPN or Direct Connect\.$/],
    ['an address is a loopback address', withIpGroup({ ipTargets: [{ ipAddress: '127.0.0.1' }] }), `${P}.ipTargets[0].ipAddress`,
      /^'127\.0\.0\.1' is a loopback, link-local, multicast or reserved address, which no load balancer sends traffic to\./],
    ['an address is missing', withIpGroup({ ipTargets: [{ port: 8080 }] }), `${P}.ipTargets[0].ipAddress`, /^is missing\. Give the target's IPv4 address/],
    ['an address is a number from JSON', withIpGroup({ ipTargets: [{ ipAddress: 10 }] }), `${P}.ipTargets[0].ipAddress`, /^must be an IPv4 address, got 10\./],
    ['a target port is 0', withIpGroup({ ipTargets: [{ ...ON_PREMISES, port: 0 }] }), `${P}.ipTargets[0].port`, /^0 is outside the allowed range 1-65535\./],
    ['outsideVpc is a string from JSON', withIpGroup({ ipTargets: [{ ...ON_PREMISES, outsideVpc: 'yes' }] }), `${P}.ipTargets[0].outsideVpc`, /^must be true or false, got 'yes'\.$/],
    ['ipTargets is not a list', withIpGroup({ ipTargets: '10.0.1.15' }), `${P}.ipTargets`, /^must be a list of IP targets, got '10\.0\.1\.15'\. Write for example \[/],
    ['ipTargets is empty', withIpGroup({ ipTargets: [] }), `${P}.ipTargets`, /^is empty, so the target group has no targets\./],
    ['a target is a string', withIpGroup({ ipTargets: ['10.0.1.15'] }), `${P}.ipTargets[0]`, /^must be an object with an ipAddress, got '10\.0\.1\.15'\. Write for example \{ ipAddress: '10\.0\.1\.15' \}\.$/],
    ['an address and port are listed twice', withIpGroup({ port: 8080, ipTargets: [ON_PREMISES, { ...ON_PREMISES, port: 8080 }] }), `${P}.ipTargets[1]`,
      /^'192\.168\.10\.21' on port 8080 is already ipTargets\[0\]\. Remove the duplicate; give a different port to register one server twice\.$/],
    ['an address in the VPC is marked outside it', withIpGroup({ ipTargets: [{ ...IN_VPC, outsideVpc: true }] }), `${P}.ipTargets[0].outsideVpc`,
      /^is true, but '10\.0\.1\.15' is inside the VPC's CIDR block '10\.0\.0\.0\/16'\. Remove outsideVpc: it is derived from the VPC's CIDR block\. Or correct the address\.$/],
    ['an address outside the created VPC is marked inside it', withIpGroup({ ipTargets: [{ ...ON_PREMISES, outsideVpc: false }] }), `${P}.ipTargets[0].outsideVpc`,
      /^is false, but '192\.168\.10\.21' is outside the VPC's CIDR block '10\.0\.0\.0\/16', and AWS registers such a target in Availability Zone 'all'\./],
    ['a field of a target is misspelt', withIpGroup({ ipTargets: [{ ...ON_PREMISES, outsideVPC: true }] }), `${P}.ipTargets[0].outsideVPC`,
      /^unknown field 'outsideVPC'\. Did you mean 'outsideVpc'\?/],
    ['a group holds a fleet and IP targets', withTargetGroup({ ipTargets: [ON_PREMISES] }), 'targetGroups.web.ipTargets',
      /^is set together with fleet 'web', but a target group has one target type: Auto Scaling registers a fleet's instances by instance ID, and an IP target group holds only addresses\. Put the fleet in its own target group and keep the addresses here; split the traffic between the two groups with `weightedForward` or a listener rule/],
    ['a UDP group has a target outside the VPC', nlbIpGroup(Protocol.UDP), `${P}.ipTargets[1]`,
      /^'192\.168\.10\.21' is outside the VPC, but a UDP target group always preserves client IP addresses, and AWS preserves client IPs only for targets the load balancer reaches directly \(in its VPC or a peered VPC\), not over a VPN or Direct Connect\. Put servers outside the VPC in a TCP or TLS target group/],
    ['a TCP_UDP group has a target outside the VPC', nlbIpGroup(Protocol.TCP_UDP), `${P}.ipTargets[1]`, /^'192\.168\.10\.21' is outside the VPC, but a TCP_UDP target group always preserves client IP addresses/],
    ['a TCP group preserves client IPs for a target outside the VPC', nlbIpGroup(Protocol.TCP, { preserveClientIp: true }), `${P}.preserveClientIp`,
      /^is true, but ipTargets\[1\] \('192\.168\.10\.21'\) is outside the VPC, and AWS preserves client IPs only for targets the load balancer reaches directly.* Remove preserveClientIp \(off for IP targets\); turn on proxyProtocolV2/],
  ])('fails when %s', failsAsExpected);

  test('accepts AWS and on-premises servers in one group of an ALB, and of a TCP or TLS NLB group', () => {
    expectValid(withIpGroup({ ipTargets: [IN_VPC, { ...ON_PREMISES, port: 8080 }, { ipAddress: '172.16.0.9' }, { ipAddress: '100.64.1.1', outsideVpc: true }] }));
    expectValid(nlbIpGroup(Protocol.TCP, { proxyProtocolV2: true }));
    expectValid(nlbIpGroup(Protocol.TLS));
  });

  test('accepts targets in the VPC in a UDP group', () => {
    expectValid(nlbIpGroup(Protocol.UDP, { ipTargets: [IN_VPC] }));
  });

  test('accepts an address in another block of an existing VPC with a literal CIDR block, marked inside it', () => {
    const existingVpc = ec2.Vpc.fromVpcAttributes(stack, 'Literal', {
      vpcId: 'vpc-0123456789abcdef0',
      vpcCidrBlock: '10.1.0.0/16',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      publicSubnetIds: ['subnet-1', 'subnet-2'],
      privateSubnetIds: ['subnet-3', 'subnet-4'],
    });
    const spec = { ...withIpGroup({ ipTargets: [{ ipAddress: '10.2.0.5', outsideVpc: false }, { ipAddress: '203.0.113.5', outsideVpc: false }] }), network: undefined };
    expectIssue(spec, 'targetGroups.onprem.ipTargets[1].ipAddress', /^'203\.0\.113\.5' is a publicly routable address outside the VPC's CIDR block '10\.1\.0\.0\/16'/, { vpc: existingVpc });
    expectValid({ ...spec, targetGroups: { ...spec.targetGroups, onprem: { ipTargets: [{ ipAddress: '10.2.0.5', outsideVpc: false }] } } }, { vpc: existingVpc });
  });

  test('skips the checks that need the VPC\'s CIDR block when it is a token', () => {
    const spec = { ...withIpGroup({ ipTargets: [{ ipAddress: '203.0.113.5', outsideVpc: true }, { ipAddress: '192.168.1.1', outsideVpc: false }] }), network: undefined };
    expectValid(spec, { vpc });
  });

  test('fails with the spec\'s every problem at once, before anything is built', () => {
    // GIVEN a Lambda target behind an NLB, an address that is not one, and an on-premises target in a UDP group
    const spec = nlbIpGroup(Protocol.UDP, { ipTargets: [{ ipAddress: '10.0.1.999' }, ON_PREMISES] });
    const withLambda = {
      ...spec,
      targetGroups: { ...spec.targetGroups, fn: { lambdaFunction: 'hello' } },
      networkLoadBalancers: { edge: { listeners: { ...spec.networkLoadBalancers!.edge.listeners, tcp: { protocol: Protocol.TCP, port: 80, targetGroup: 'fn' } } } },
    };
    // WHEN the topology is built THEN one error lists the three, each with its path
    const message = buildError(withLambda, FUNCTIONS);
    expect(message).toMatch(/^ElbTopology spec has \d+ problems:/);
    expect(message).toContain("networkLoadBalancers.edge.listeners.tcp.targetGroup: target group 'fn' has a Lambda function as its target, which only an Application Load Balancer can invoke.");
    expect(message).toContain("targetGroups.onprem.ipTargets[0].ipAddress: '10.0.1.999' is not an IPv4 or IPv6 address.");
    expect(message).toContain("targetGroups.onprem.ipTargets[1]: '192.168.10.21' is outside the VPC, but a UDP target group always preserves client IP addresses");
  });
});

describe('Lambda function targets', () => {
  const F = 'targetGroups.fn';
  test.each<Row>([
    ['the function is misspelt', fn({ lambdaFunction: 'helo' }), `${F}.lambdaFunction`,
      /^unknown Lambda function 'helo'\. Did you mean 'hello'\? Known Lambda functions: hello\.$/, FUNCTIONS],
    ['no functions are given beside the spec', fn(), `${F}.lambdaFunction`,
      /^unknown Lambda function 'hello'\. No Lambda functions are given: pass it as `lambdaFunctions: \{ 'hello': \.\.\. \}` in the `existing` prop \(ExistingResources\), or give its ARN in `lambdaFunctionArn`\.$/],
    ['the ARN is not a Lambda function ARN', withGroup('fn', { lambdaFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:layer:tools' }), `${F}.lambdaFunctionArn`,
      /^'arn:aws:lambda:us-east-1:123456789012:layer:tools' is not a Lambda function ARN\. Copy it from the Lambda console/],
    ['both a name and an ARN are given', fn({ lambdaFunctionArn: 'arn:aws:lambda:us-east-1:123456789012:function:hello' }), `${F}.lambdaFunctionArn`,
      /^is set together with lambdaFunction 'hello', but a target group holds one Lambda function\. Keep lambdaFunction for a function given in `ExistingResources\.lambdaFunctions`, or lambdaFunctionArn/, FUNCTIONS],
    ['a group holds IP targets and a function', withIpGroup({ lambdaFunction: 'hello' }), 'targetGroups.onprem.lambdaFunction',
      /^is set together with `ipTargets`, but a target group has one kind of target\. Give each kind of target its own target group, and split the traffic between them/, FUNCTIONS],
    ['the group has a protocol', fn({ protocol: 'HTTP' }), `${F}.protocol`, /^'HTTP' is set, but a Lambda function's target group has no protocol\. Remove protocol\.$/, FUNCTIONS],
    ['the group has a port', fn({ port: 80 }), `${F}.port`, /^80 is set, but a Lambda function's target group has no port\. Remove port\.$/, FUNCTIONS],
    ['the group has slow start', fn({ slowStartSeconds: 60 }), `${F}.slowStartSeconds`,
      /^60 is set, but AWS does not support slowStartSeconds for a Lambda function target\. Remove slowStartSeconds\.$/, FUNCTIONS],
    ['the group has a deregistration delay', fn({ deregistrationDelaySeconds: 30 }), `${F}.deregistrationDelaySeconds`,
      /^30 is set, but AWS does not support deregistrationDelaySeconds for a Lambda function target\./, FUNCTIONS],
    ['the group is sticky', fn({ stickinessType: 'lb_cookie' }), `${F}.stickinessType`, /^'lb_cookie' is set, but AWS does not support stickinessType for a Lambda function target\./, FUNCTIONS],
    ['the group has an algorithm', fn({ algorithm: 'least_outstanding_requests' }), `${F}.algorithm`, /^'least_outstanding_requests' is set, but AWS does not support algorithm/, FUNCTIONS],
    ['the health check has a port', fn({ healthCheck: { port: 8080 } }), `${F}.healthCheck.port`,
      /^8080 is set, but a Lambda function's health check has no port: the load balancer invokes the function\. Remove port\.$/, FUNCTIONS],
    ['multi-value headers are set without a function', withTargetGroup({ lambdaMultiValueHeadersEnabled: true }), 'targetGroups.web.lambdaMultiValueHeadersEnabled',
      /^is set, but the target group has no Lambda function target\. Remove lambdaMultiValueHeadersEnabled, or set lambdaFunction or lambdaFunctionArn\.$/],
    ['multi-value headers are a string from JSON', fn({ lambdaMultiValueHeadersEnabled: 'true' }), `${F}.lambdaMultiValueHeadersEnabled`, /^must be true or false, got 'true'\.$/, FUNCTIONS],
  ])('fails when %s', failsAsExpected);

  test('fails when a Network Load Balancer forwards to a Lambda function', () => {
    // GIVEN a TCP listener of NLB `edge` that forwards to a Lambda function's group
    const spec = withNlb({ listeners: { tcp: { protocol: Protocol.TCP, port: 80, targetGroup: 'fn' } } }, { fn: { lambdaFunction: 'hello' } });
    expectOnlyIssue(spec, 'networkLoadBalancers.edge.listeners.tcp.targetGroup',
      /^target group 'fn' has a Lambda function as its target, which only an Application Load Balancer can invoke\. Forward to it from an Application Load Balancer listener or rule, and give this listener a TCP, UDP, TCP_UDP or TLS target group\.$/, FUNCTIONS);
  });

  test('fails when a Lambda function\'s group has a Network Load Balancer protocol', () => {
    expectOnlyIssue(withNlb({}, { fn: { lambdaFunction: 'hello', protocol: 'TCP' } }), 'targetGroups.fn.protocol',
      /^'TCP' is set, but a Lambda function's target group has no protocol, and only an Application Load Balancer invokes Lambda functions\. Remove protocol\.$/, FUNCTIONS);
  });

  test('accepts a function given beside the spec, or by ARN (also with an alias), with multi-value headers and a health check', () => {
    expectValid(fn({ lambdaMultiValueHeadersEnabled: true, healthCheck: { path: '/health', intervalSeconds: 35, timeoutSeconds: 30 } }), FUNCTIONS);
    expectValid(withGroup('fn', { lambdaFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:hello' }));
    expectValid(withGroup('fn', { lambdaFunctionArn: 'arn:aws:lambda:eu-west-1:123456789012:function:hello:live' }));
  });
});

describe('ECS service targets', () => {
  const E = 'targetGroups.api';
  test.each<Row>([
    ['the service is misspelt', container({ ecsService: 'apj' }), `${E}.ecsService`, /^unknown ECS service 'apj'\. Did you mean 'api'\? Known ECS services: api, isolated, portless\.$/, SERVICES],
    ['no services are given beside the spec', container(), `${E}.ecsService`,
      /^unknown ECS service 'api'\. No ECS services are given: pass it as `ecsServices: \{ 'api': \.\.\. \}` in the `existing` prop \(ExistingResources\)\.$/],
    ['the service runs in a VPC the topology does not use', container(), `${E}.ecsService`,
      /^ECS service 'api' runs in a VPC of its own, but without `ExistingResources\.vpc` the topology creates a new VPC, and a load balancer reaches targets in its own VPC\. Pass the service's VPC as `vpc` in the `existing` prop\.$/,
      { ecsServices: { api } }],
    ['the container is misspelt', container({ ecsContainerName: 'wbe' }), `${E}.ecsContainerName`, /^ECS service 'api': the service's task definition has no container 'wbe'\. Containers: web\.$/, SERVICES],
    ['the container port is not mapped', container({ ecsContainerPort: 8081 }), `${E}.ecsContainerPort`,
      /^ECS service 'api': container 'web' has no TCP port mapping for port 8081\. It maps 8080; use one of them, or add a port mapping\.$/, SERVICES],
    ['the container maps no port', container({ ecsService: 'portless' }), `${E}.ecsService`, /^ECS service 'portless': container 'web' maps no port\. Add a port mapping/, SERVICES],
    ['the service has the none network mode', container({ ecsService: 'isolated' }), `${E}.ecsService`,
      /^ECS service 'isolated': its task definition uses the 'none' network mode, so no load balancer can reach its containers\. Use the 'bridge', 'awsvpc' or 'host' network mode\.$/, SERVICES],
    ['the container port is above 65535', container({ ecsContainerPort: 70000 }), `${E}.ecsContainerPort`, /^70000 is outside the allowed range 1-65535\./, SERVICES],
    ['a container is named without a service', withTargetGroup({ ecsContainerName: 'web' }), 'targetGroups.web.ecsContainerName',
      /^'web' is set, but `ecsService` is not\. Set ecsService to the ECS service whose container receives the traffic, or remove ecsContainerName\.$/],
    ['a group holds a service and a function', container({ lambdaFunction: 'hello' }), `${E}.ecsService`, /^is set together with lambdaFunction 'hello', but a target group has one kind of target\./,
      { ...SERVICES, ...FUNCTIONS }],
  ])('fails when %s', (...[, spec, path, expected, existing]: Row) => expectOnlyIssue({ ...spec, network: existing?.vpc ? undefined : network }, path, expected, existing));

  test('fails when an ECS service is in a Network Load Balancer group', () => {
    const spec = { ...withNlb({ listeners: { tcp: { protocol: Protocol.TCP, port: 80, targetGroup: 'api' } } }, { api: { ecsService: 'api', protocol: 'TCP' } }), network: undefined };
    expectOnlyIssue(spec, 'targetGroups.api.ecsService',
      /^an ECS service is a target of Application Load Balancer groups here, but this group uses TCP, a Network Load Balancer protocol\. Use protocol 'HTTP' or 'HTTPS'/, SERVICES);
  });

  test('accepts a service in the topology\'s VPC, by its default container and port or by given ones', () => {
    expectValid({ ...container(), network: undefined }, SERVICES);
    expectValid({ ...container({ ecsContainerName: 'web', ecsContainerPort: 8080, protocol: 'HTTP', port: 8080 }), network: undefined }, SERVICES);
  });
});

