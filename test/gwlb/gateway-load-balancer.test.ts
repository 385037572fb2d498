/**
 * The Gateway Load Balancer builder: the load balancer in the appliances subnets, its
 * GENEVE target group of the appliance fleet, the listener without port or protocol, the
 * fleet's security group and user data, the VPC endpoint service and its permissions,
 * the outputs and the getters; and the whole under the validators of the examples.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { Capture, Template } from 'aws-cdk-lib/assertions';
import { Protocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { IConstruct } from 'constructs';
import { checkedApp } from '../../examples/checks';
import { ElbTopology, FlowStickiness, SubnetTier, TopologySpec, WebServer } from '../../lib';
import { build } from '../helpers';
import { getAtt, ingressRulesOf, logicalId, refTo, resourceOf, subnetRefsOfTier, subnetsOfTier } from '../template-helpers';
import { failedReports } from '../validation-report';

/** A firewall fleet behind a Gateway Load Balancer that inspects the VPC, and a plain web fleet. */
const DEFAULT: TopologySpec = {
  network: { maxAzs: 2, natGateways: 2 },
  fleets: {
    firewall: { subnetTier: SubnetTier.APPLIANCES, webServer: WebServer.PYTHON, port: 8080, healthCheckPath: '/ready' },
    web: { webServer: WebServer.PYTHON },
  },
  gatewayLoadBalancers: { inspection: { listener: { targetGroup: { fleet: 'firewall' } }, inspection: {} } },
};

/** Two Gateway Load Balancers with every option set, and no outputs. */
const CUSTOM: TopologySpec = {
  network: { maxAzs: 2, natGateways: 2 },
  outputsEnabled: false,
  fleets: {
    'fw-a': { subnetTier: SubnetTier.APPLIANCES, webServer: WebServer.PYTHON, port: 8080 },
    'fw-b': { subnetTier: SubnetTier.APPLIANCES, webServer: WebServer.PYTHON },
  },
  gatewayLoadBalancers: {
    a: {
      crossZoneEnabled: false,
      deletionProtection: false,
      endpointServiceAcceptanceRequired: true,
      endpointServiceAllowedPrincipals: ['arn:aws:iam::123456789012:root', 'arn:aws:iam::210987654321:role/network'],
      listener: {
        targetGroup: {
          fleet: 'fw-a',
          healthCheck: { protocol: Protocol.TCP, intervalSeconds: 30 },
          deregistrationDelaySeconds: 30,
          flowStickiness: FlowStickiness.TWO_TUPLE,
          targetFailoverRebalanceEnabled: true,
        },
      },
    },
    b: { listener: { targetGroup: { fleet: 'fw-b', flowStickiness: FlowStickiness.THREE_TUPLE } } },
  },
};

const props = (template: Template, construct: IConstruct) => resourceOf(template, construct).Properties!;

/** The CIDR blocks of the appliances subnets, in logical ID order. */
const applianceCidrs = (template: Template) =>
  Object.entries(subnetsOfTier(template, 'appliances')).sort(([a], [b]) => a.localeCompare(b)).map(([, s]) => s.Properties!.CidrBlock as string);

/** The decoded user data of a fleet's launch template. */
function userDataOf(template: Template, topology: ElbTopology, fleet: string): string {
  const encoded = props(template, topology.launchTemplate(fleet)).LaunchTemplateData.UserData['Fn::Base64'];
  expect(typeof encoded).toBe('string');
  return encoded;
}

describe('a Gateway Load Balancer with the defaults', () => {
  // GIVEN a firewall fleet behind a Gateway Load Balancer that inspects the topology's VPC
  const { template, topology } = build(DEFAULT);
  const lb = () => props(template, topology.gatewayLoadBalancer('inspection'));
  const tg = () => props(template, topology.gatewayTargetGroup('inspection'));
  const service = () => topology.endpointService('inspection');

  test('is a gateway load balancer in the appliances subnets', () => {
    const subnets = new Capture();
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Type: 'gateway', Subnets: subnets });
    expect(subnets.asArray()).toHaveLength(2);
    expect(subnets.asArray()).toEqual(subnetRefsOfTier(template, 'appliances'));
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
  });

  test('balances across zones and is protected from deletion', () => {
    expect(lb().LoadBalancerAttributes).toEqual(expect.arrayContaining([
      { Key: 'load_balancing.cross_zone.enabled', Value: 'true' },
      { Key: 'deletion_protection.enabled', Value: 'true' },
    ]));
  });

  test('has a GENEVE target group on 6081 of instances in the VPC', () => {
    expect(tg()).toMatchObject({ Protocol: 'GENEVE', Port: 6081, TargetType: 'instance', VpcId: refTo(topology.vpc) });
  });

  test('checks the appliances over HTTP on the fleet\'s port and health check path, every 10 seconds', () => {
    expect(tg()).toMatchObject({
      HealthCheckEnabled: true,
      HealthCheckProtocol: 'HTTP',
      HealthCheckPort: '8080',
      HealthCheckPath: '/ready',
      Matcher: { HttpCode: '200' },
      HealthCheckIntervalSeconds: 10,
      HealthCheckTimeoutSeconds: 5,
      HealthyThresholdCount: 3,
      UnhealthyThresholdCount: 3,
    });
  });

  test('drains for 300 seconds, keeps no stickiness and does not move flows on failover', () => {
    expect(tg().TargetGroupAttributes).toEqual([
      { Key: 'deregistration_delay.timeout_seconds', Value: '300' },
      { Key: 'target_failover.on_deregistration', Value: 'no_rebalance' },
      { Key: 'target_failover.on_unhealthy', Value: 'no_rebalance' },
    ]);
  });

  test('registers the appliance Auto Scaling group in the target group', () => {
    expect(props(template, topology.fleet('firewall')).TargetGroupARNs).toContainEqual(refTo(topology.gatewayTargetGroup('inspection')));
  });

  test('has a listener that forwards to the target group, with no port or protocol', () => {
    const listener = props(template, topology.gatewayListener('inspection'));
    expect(listener).toEqual({
      LoadBalancerArn: refTo(topology.gatewayLoadBalancer('inspection')),
      DefaultActions: [{ Type: 'forward', TargetGroupArn: refTo(topology.gatewayTargetGroup('inspection')) }],
    });
    expect(listener).not.toHaveProperty('Port');
    expect(listener).not.toHaveProperty('Protocol');
  });

  test('admits GENEVE and the health checks only from each appliances subnet', () => {
    const cidrs = applianceCidrs(template);
    expect(cidrs).toHaveLength(2);
    const rules = ingressRulesOf(template, topology.fleetSecurityGroup('firewall'));
    expect(rules).toEqual(expect.arrayContaining(cidrs.flatMap((cidr) => [
      expect.objectContaining({ CidrIp: cidr, IpProtocol: 'udp', FromPort: 6081, ToPort: 6081 }),
      expect.objectContaining({ CidrIp: cidr, IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080 }),
    ])));
    expect(rules).toHaveLength(4);
  });

  test('lets the appliances send GENEVE back to each appliances subnet', () => {
    const egress = props(template, topology.fleetSecurityGroup('firewall')).SecurityGroupEgress;
    for (const cidr of applianceCidrs(template)) {
      expect(egress).toContainEqual(expect.objectContaining({ CidrIp: cidr, IpProtocol: 'udp', FromPort: 6081, ToPort: 6081 }));
    }
  });

  test('makes the appliance fleet\'s instances GENEVE appliances, and no other fleet\'s', () => {
    expect(userDataOf(template, topology, 'firewall')).toContain('systemctl enable --now gwlb-appliance.service');
    expect(userDataOf(template, topology, 'web')).not.toContain('gwlb-appliance');
  });

  test('offers an endpoint service of the load balancer that accepts endpoints without a manual step', () => {
    expect(props(template, service())).toEqual({
      AcceptanceRequired: false,
      GatewayLoadBalancerArns: [refTo(topology.gatewayLoadBalancer('inspection'))],
    });
  });

  test('allows only the stack\'s own account to create endpoints of the service', () => {
    template.resourceCountIs('AWS::EC2::VPCEndpointServicePermissions', 1);
    template.hasResourceProperties('AWS::EC2::VPCEndpointServicePermissions', {
      ServiceId: refTo(service()),
      AllowedPrincipals: [{ 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { Ref: 'AWS::AccountId' }, ':root']] }],
    });
  });

  test('outputs the endpoint service name and the endpoint IDs', () => {
    const values = Object.values<{ Value: unknown }>(template.toJSON().Outputs).map((o) => o.Value);
    expect(values).toContainEqual({ 'Fn::Join': ['', ['com.amazonaws.vpce.', { Ref: 'AWS::Region' }, '.', getAtt(service(), 'ServiceId')]] });
    const ids = topology.gatewayEndpoints('inspection').map(refTo);
    expect(ids).toHaveLength(2);
    expect(values).toContainEqual({ 'Fn::Join': ['', [ids[0], ',', ids[1]]] });
  });

  test('returns what it built through its getters and its map', () => {
    const types = [
      topology.gatewayLoadBalancer('inspection'), topology.gatewayTargetGroup('inspection'), topology.gatewayListener('inspection'),
      topology.endpointService('inspection'), ...topology.gatewayEndpoints('inspection'), topology.edgeRouteTable('inspection')!,
    ].map((c) => resourceOf(template, c).Type);
    expect(types).toEqual([
      'AWS::ElasticLoadBalancingV2::LoadBalancer', 'AWS::ElasticLoadBalancingV2::TargetGroup', 'AWS::ElasticLoadBalancingV2::Listener',
      'AWS::EC2::VPCEndpointService', 'AWS::EC2::VPCEndpoint', 'AWS::EC2::VPCEndpoint', 'AWS::EC2::RouteTable',
    ]);
    expect(topology.gatewayLoadBalancers).toEqual({ inspection: topology.gatewayLoadBalancer('inspection') });
  });

  test.each([
    ['gatewayLoadBalancer', (t: ElbTopology) => t.gatewayLoadBalancer('inspect')],
    ['gatewayTargetGroup', (t: ElbTopology) => t.gatewayTargetGroup('inspect')],
    ['gatewayListener', (t: ElbTopology) => t.gatewayListener('inspect')],
    ['endpointService', (t: ElbTopology) => t.endpointService('inspect')],
    ['gatewayEndpoints', (t: ElbTopology) => t.gatewayEndpoints('inspect')],
    ['edgeRouteTable', (t: ElbTopology) => t.edgeRouteTable('inspect')],
  ])('fails %s for an unknown load balancer, listing the known ones', (_, get) => {
    expect(() => get(topology)).toThrow("ElbTopology has no Gateway Load Balancer 'inspect'. Known: inspection.");
  });
});

describe('Gateway Load Balancers with every option set', () => {
  // GIVEN two Gateway Load Balancers: one with every option, one with three-tuple stickiness
  const { template, topology } = build(CUSTOM);
  const tg = (name: string) => props(template, topology.gatewayTargetGroup(name));

  test('can keep traffic in its zone and be deleted', () => {
    expect(props(template, topology.gatewayLoadBalancer('a')).LoadBalancerAttributes).toEqual(expect.arrayContaining([
      { Key: 'load_balancing.cross_zone.enabled', Value: 'false' },
      { Key: 'deletion_protection.enabled', Value: 'false' },
    ]));
  });

  test('checks the appliances over TCP on the fleet\'s port, with no path or matcher', () => {
    expect(tg('a')).toMatchObject({ HealthCheckProtocol: 'TCP', HealthCheckPort: '8080', HealthCheckIntervalSeconds: 30 });
    expect(tg('a')).not.toHaveProperty('HealthCheckPath');
    expect(tg('a')).not.toHaveProperty('Matcher');
  });

  test('admits the TCP health checks on the fleet\'s port from each appliances subnet', () => {
    const rules = ingressRulesOf(template, topology.fleetSecurityGroup('fw-a'));
    for (const cidr of applianceCidrs(template)) {
      expect(rules).toContainEqual(expect.objectContaining({ CidrIp: cidr, IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080 }));
    }
  });

  test('sets the deregistration delay, two-tuple stickiness and rebalancing on failover', () => {
    expect(tg('a').TargetGroupAttributes).toEqual([
      { Key: 'deregistration_delay.timeout_seconds', Value: '30' },
      { Key: 'stickiness.enabled', Value: 'true' },
      { Key: 'stickiness.type', Value: 'source_ip_dest_ip' },
      { Key: 'target_failover.on_deregistration', Value: 'rebalance' },
      { Key: 'target_failover.on_unhealthy', Value: 'rebalance' },
    ]);
  });

  test('sets three-tuple stickiness', () => {
    expect(tg('b').TargetGroupAttributes).toEqual(expect.arrayContaining([
      { Key: 'stickiness.enabled', Value: 'true' },
      { Key: 'stickiness.type', Value: 'source_ip_dest_ip_proto' },
    ]));
  });

  test('requires each endpoint connection to be accepted', () => {
    expect(props(template, topology.endpointService('a')).AcceptanceRequired).toBe(true);
    expect(props(template, topology.endpointService('b')).AcceptanceRequired).toBe(false);
  });

  test('allows the given principals to create endpoints of the service', () => {
    template.hasResourceProperties('AWS::EC2::VPCEndpointServicePermissions', {
      ServiceId: refTo(topology.endpointService('a')),
      AllowedPrincipals: ['arn:aws:iam::123456789012:root', 'arn:aws:iam::210987654321:role/network'],
    });
  });

  test('has no outputs with outputsEnabled false', () => {
    expect(Object.keys(template.toJSON().Outputs ?? {})).toEqual([]);
  });

  test('lists every Gateway Load Balancer in its map, and names them when one is unknown', () => {
    expect(Object.keys(topology.gatewayLoadBalancers).sort()).toEqual(['a', 'b']);
    expect(logicalId(topology.gatewayLoadBalancers.b)).toBe(logicalId(topology.gatewayLoadBalancer('b')));
    expect(() => topology.gatewayLoadBalancer('c')).toThrow("ElbTopology has no Gateway Load Balancer 'c'. Known: a, b.");
  });
});

/** Each violation of the plugin reports of a validation report file that are not a success, as `plugin rule: description (paths)`. */
function failuresIn(reportFile: string): string[] {
  return failedReports(JSON.parse(fs.readFileSync(reportFile, 'utf-8')))
    .flatMap((r) => (r.violations ?? [{ ruleName: '?', description: 'no violations listed' }])
      .map((v) => `${r.pluginName} ${v.ruleName}: ${v.description} (${(v.violatingConstructs ?? []).map((c) => c.constructPath).join(', ')})`));
}

describe('a Gateway Load Balancer under the validators of the examples', () => {
  let assembly: CloudAssembly | undefined;
  let error: string | undefined;
  let failures: string[] = [];
  const previous = process.env.CDK_VALIDATION;

  beforeAll(() => {
    // GIVEN the strict CloudFormation validation, cdk-nag AwsSolutions and the Control Tower rules
    process.env.CDK_VALIDATION = 'true';
    try {
      const app = checkedApp();
      new ElbTopology(new Stack(app, 'Inspection'), 'Topology', { spec: DEFAULT });
      // WHEN it synthesizes, which throws with the validators' report on any finding
      assembly = app.synth();
      failures = failuresIn(path.join(assembly.directory, 'validation-report.json'));
    } catch (e) {
      error = (e as Error).message;
      const reportFile = /\S+validation-report\.json/.exec(error)?.[0];
      if (reportFile) failures = failuresIn(reportFile);
    } finally {
      if (previous === undefined) delete process.env.CDK_VALIDATION;
      else process.env.CDK_VALIDATION = previous;
    }
  });

  test('passes CloudFormation validation, cdk-nag AwsSolutions and the Control Tower rules', () => {
    // THEN synthesis succeeds, and the written report lists no failure either
    expect({ error, failures }).toEqual({ error: undefined, failures: [] });
  });

  test('reports no error or warning annotations', () => {
    expect(assembly).toBeDefined();
    const messages = assembly!.getStackByName('Inspection').messages.filter((m) => m.level !== 'info');
    expect(messages.map((m) => `${m.id}: ${m.entry.data}`)).toEqual([]);
  });
});
