import { Match } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { ExistingResources } from '../../lib';
import { build, minimalSpec } from '../helpers';
import { logicalId, routesOfTier, subnetRefsOfTier, subnetsOfTier } from '../template-helpers';

const TIERS = ['public', 'app', 'data'];

describe('network with the defaults', () => {
  // GIVEN a spec without a network section
  // WHEN the topology is built
  const built = build(minimalSpec({ network: undefined }));
  const { template } = built;

  test('creates one VPC with the default CIDR block', () => {
    // THEN
    template.resourceCountIs('AWS::EC2::VPC', 1);
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.0.0.0/16' });
  });

  test('spans two Availability Zones with a subnet of each tier in each zone', () => {
    template.resourceCountIs('AWS::EC2::Subnet', 6);
    for (const tier of TIERS) {
      const azs = Object.values(subnetsOfTier(template, tier)).map((s) => s.Properties!.AvailabilityZone);
      expect(azs).toEqual([
        { 'Fn::Select': [0, { 'Fn::GetAZs': '' }] },
        { 'Fn::Select': [1, { 'Fn::GetAZs': '' }] },
      ]);
    }
  });

  test('sizes the tiers /24 public, /22 app and /24 data', () => {
    const masks = (tier: string) => Object.values(subnetsOfTier(template, tier)).map((s) => s.Properties!.CidrBlock.split('/')[1]);
    expect(masks('public')).toEqual(['24', '24']);
    expect(masks('app')).toEqual(['22', '22']);
    expect(masks('data')).toEqual(['24', '24']);
  });

  test('gives public subnets no public IP addresses on launch', () => {
    for (const subnet of Object.values(subnetsOfTier(template, 'public'))) {
      expect(subnet.Properties!.MapPublicIpOnLaunch).toBe(false);
    }
  });

  test('creates one NAT gateway per Availability Zone', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 2);
  });

  test('routes the app tier to the internet through the NAT gateways', () => {
    const routes = routesOfTier(template, 'app');
    expect(routes).toHaveLength(2);
    for (const route of routes) {
      expect(route.Properties).toMatchObject({ DestinationCidrBlock: '0.0.0.0/0', NatGatewayId: { Ref: expect.any(String) } });
    }
  });

  test('routes the public tier to the internet gateway', () => {
    const routes = routesOfTier(template, 'public');
    expect(routes).toHaveLength(2);
    for (const route of routes) {
      expect(route.Properties).toMatchObject({ DestinationCidrBlock: '0.0.0.0/0', GatewayId: { Ref: expect.any(String) } });
    }
  });

  test('gives the data tier no route at all', () => {
    expect(routesOfTier(template, 'data')).toEqual([]);
  });

  test('records all traffic of the VPC in flow logs to a log group', () => {
    const logGroupId = Object.keys(template.findResources('AWS::Logs::LogGroup'))[0];
    template.resourceCountIs('AWS::EC2::FlowLog', 1);
    template.hasResourceProperties('AWS::EC2::FlowLog', {
      ResourceId: { Ref: logicalId(built.topology.vpc) },
      ResourceType: 'VPC',
      TrafficType: 'ALL',
      LogDestinationType: 'cloud-watch-logs',
      LogGroupName: { Ref: logGroupId },
    });
  });

  test('keeps flow logs for 365 days and retains the log group', () => {
    template.resourceCountIs('AWS::Logs::LogGroup', 1);
    template.hasResource('AWS::Logs::LogGroup', {
      Properties: { RetentionInDays: 365 },
      DeletionPolicy: 'Retain',
      UpdateReplacePolicy: 'Retain',
    });
  });

  test('exposes the created VPC as topology.vpc', () => {
    expect(built.topology.vpc).toBeInstanceOf(ec2.Vpc);
    expect(Object.keys(template.findResources('AWS::EC2::VPC'))).toEqual([logicalId(built.topology.vpc)]);
  });
});

describe('network with explicit settings', () => {
  // GIVEN three pinned zones, one NAT gateway, a CIDR block, subnet sizes and a retention
  const built = build(minimalSpec({
    network: {
      cidr: '10.20.0.0/16',
      availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'],
      natGateways: 1,
      publicSubnetCidrMask: 26,
      appSubnetCidrMask: 20,
      dataSubnetCidrMask: 25,
      flowLogsRetentionDays: 30,
    },
  }));
  const { template } = built;

  test('uses the given CIDR block', () => {
    template.hasResourceProperties('AWS::EC2::VPC', { CidrBlock: '10.20.0.0/16' });
  });

  test('places each tier in each of the three given zones', () => {
    template.resourceCountIs('AWS::EC2::Subnet', 9);
    for (const tier of TIERS) {
      const azs = Object.values(subnetsOfTier(template, tier)).map((s) => s.Properties!.AvailabilityZone);
      expect(azs).toEqual(['us-east-1a', 'us-east-1b', 'us-east-1c']);
    }
  });

  test('sizes each tier with its own prefix length', () => {
    const masks = (tier: string) => Object.values(subnetsOfTier(template, tier)).map((s) => s.Properties!.CidrBlock.split('/')[1]);
    expect(masks('public')).toEqual(['26', '26', '26']);
    expect(masks('app')).toEqual(['20', '20', '20']);
    expect(masks('data')).toEqual(['25', '25', '25']);
  });

  test('creates only the requested NAT gateway, shared by every app subnet', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 1);
    const natId = Object.keys(template.findResources('AWS::EC2::NatGateway'))[0];
    const routes = routesOfTier(template, 'app');
    expect(routes.map((r) => r.Properties!.NatGatewayId)).toEqual([{ Ref: natId }, { Ref: natId }, { Ref: natId }]);
  });

  test('keeps flow logs for the given number of days', () => {
    template.hasResourceProperties('AWS::Logs::LogGroup', { RetentionInDays: 30 });
  });
});

describe('network with the default maxAzs raised in an env-agnostic stack', () => {
  // GIVEN maxAzs 3 in a stack without account and region
  const built = build(minimalSpec({ network: { maxAzs: 3, natGateways: 1 } }));

  test('still spans three Availability Zones', () => {
    // THEN each tier has three subnets, in the first three zones of the region
    for (const tier of TIERS) {
      const azs = Object.values(subnetsOfTier(built.template, tier)).map((s) => s.Properties!.AvailabilityZone);
      expect(azs).toEqual([0, 1, 2].map((i) => ({ 'Fn::Select': [i, { 'Fn::GetAZs': '' }] })));
    }
  });
});

describe('network without NAT gateways or flow logs', () => {
  // GIVEN natGateways 0 and flow logs turned off
  const { template } = build(minimalSpec({ network: { natGateways: 0, flowLogsEnabled: false } }));

  test('creates no NAT gateway', () => {
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::EIP', 0);
  });

  test('builds the app tier isolated, with no route out', () => {
    for (const subnet of Object.values(subnetsOfTier(template, 'app'))) {
      expect(subnet.Properties!.Tags).toEqual(expect.arrayContaining([{ Key: 'aws-cdk:subnet-type', Value: 'Isolated' }]));
    }
    expect(routesOfTier(template, 'app')).toEqual([]);
  });

  test('still places the fleet in the app tier', () => {
    template.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', {
      VPCZoneIdentifier: subnetRefsOfTier(template, 'app'),
    });
  });

  test('creates no flow log and no log group', () => {
    template.resourceCountIs('AWS::EC2::FlowLog', 0);
    template.resourceCountIs('AWS::Logs::LogGroup', 0);
  });
});

describe('network with an existing VPC', () => {
  // GIVEN a VPC imported by attributes, with public, private and isolated subnets
  const existing: { vpc?: ec2.IVpc } = {};
  const built = build(minimalSpec({
    network: undefined,
    applicationLoadBalancers: {
      ...minimalSpec().applicationLoadBalancers,
      internal: { internetFacing: false, certificateArn: 'arn:aws:acm:us-east-1:123456789012:certificate/abc' },
    },
  }), existing as ExistingResources, (stack) => {
    existing.vpc = ec2.Vpc.fromVpcAttributes(stack, 'Existing', {
      vpcId: 'vpc-0123456789abcdef0',
      vpcCidrBlock: '172.16.0.0/16',
      availabilityZones: ['eu-west-1a', 'eu-west-1b'],
      publicSubnetIds: ['subnet-public-a', 'subnet-public-b'],
      privateSubnetIds: ['subnet-app-a', 'subnet-app-b'],
      isolatedSubnetIds: ['subnet-data-a', 'subnet-data-b'],
    });
  });
  const { template } = built;

  test('creates no VPC, subnets, gateways or flow logs', () => {
    template.resourceCountIs('AWS::EC2::VPC', 0);
    template.resourceCountIs('AWS::EC2::Subnet', 0);
    template.resourceCountIs('AWS::EC2::NatGateway', 0);
    template.resourceCountIs('AWS::EC2::FlowLog', 0);
  });

  test('exposes the existing VPC as topology.vpc', () => {
    expect(built.topology.vpc).toBe(existing.vpc);
  });

  test('creates the security groups in the existing VPC', () => {
    const groups = Object.values(template.findResources('AWS::EC2::SecurityGroup'));
    expect(groups.length).toBeGreaterThan(0);
    for (const group of groups) expect(group.Properties!.VpcId).toBe('vpc-0123456789abcdef0');
  });

  test('places the fleet in the private subnets with egress (the app tier)', () => {
    template.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', {
      VPCZoneIdentifier: ['subnet-app-a', 'subnet-app-b'],
      AvailabilityZones: ['eu-west-1a', 'eu-west-1b'],
    });
  });

  test('places an internet-facing load balancer in the public subnets', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internet-facing',
      Subnets: ['subnet-public-a', 'subnet-public-b'],
    });
  });

  test('places an internal load balancer in the private subnets and admits the VPC CIDR block', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Scheme: 'internal',
      Subnets: ['subnet-app-a', 'subnet-app-b'],
    });
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      SecurityGroupIngress: Match.arrayWith([Match.objectLike({ CidrIp: '172.16.0.0/16', FromPort: 443 })]),
    });
  });
});
