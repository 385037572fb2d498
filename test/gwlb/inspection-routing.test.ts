/**
 * The Gateway Load Balancer endpoints and the routes that steer the protected subnets'
 * internet traffic through the endpoint of their own zone, in both directions: in the
 * topology's own VPC (two zones, three pinned zones), without inspection, without a
 * Gateway Load Balancer at all, and in a second VPC inspected from the topology's VPC.
 */
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { GatewayInspectionSpec, NetworkSpec, SubnetTier, TopologySpec, WebServer } from '../../lib';
import { Built, build } from '../helpers';
import { getAtt, logicalId, refTo } from '../template-helpers';
import { ZonedSubnet, defaultRoutesOf, gatewayAttachmentId, internetGatewayRef, routesOfTable, subnetsOf, waitsFor } from './routing-helpers';

/** One appliance fleet behind a Gateway Load Balancer named `inspection`. */
function gwlbSpec(network: NetworkSpec, inspection?: GatewayInspectionSpec): TopologySpec {
  return {
    network,
    fleets: { firewall: { subnetTier: SubnetTier.APPLIANCES, webServer: WebServer.PYTHON } },
    gatewayLoadBalancers: { inspection: { listener: { targetGroup: { fleet: 'firewall' } }, inspection } },
  };
}

const THREE_ZONES = ['us-east-1a', 'us-east-1b', 'us-east-1c'];

// GIVEN a Gateway Load Balancer inspecting the topology's own VPC, in two and in three zones
const twoZones = build(gwlbSpec({ maxAzs: 2, natGateways: 2 }, {}));
const threeZones = build(gwlbSpec({ availabilityZones: THREE_ZONES, natGateways: 3 }, {}));

/** The subnets of a tier of the topology's VPC. */
const tier = (built: Built, name: string) => subnetsOf(built.template, built.topology.vpc, name);

/** The endpoint of each zone, as `{ Ref }`, by the zone of the endpoint subnet it is in. */
function endpointsByZone(built: Built, vpc: ec2.IVpc, endpointTier: string): Map<string, { Ref: string }> {
  const subnets = new Map(subnetsOf(built.template, vpc, endpointTier).map((s) => [s.id, s]));
  const byZone = new Map<string, { Ref: string }>();
  for (const endpoint of built.topology.gatewayEndpoints('inspection')) {
    const props = built.template.toJSON().Resources[logicalId(endpoint)].Properties;
    expect(props.SubnetIds).toHaveLength(1);
    byZone.set(subnets.get(props.SubnetIds[0].Ref)!.zone, refTo(endpoint));
  }
  return byZone;
}

/** The zone (as JSON) of every subnet of a tier, in order. */
const zonesOf = (subnets: ZonedSubnet[]) => subnets.map((s) => s.zone);

describe.each([
  ['two zones', twoZones, 2],
  ['three pinned zones', threeZones, 3],
])('inspection of the topology\'s own VPC in %s', (_, built, zoneCount) => {
  const { template, topology } = built;
  const vpc = topology.vpc as ec2.Vpc;
  const edgeTableId = () => logicalId(topology.edgeRouteTable('inspection')!);

  test('has a public, an endpoints and an appliances subnet in every zone', () => {
    expect(zonesOf(tier(built, 'endpoints'))).toHaveLength(zoneCount);
    expect(zonesOf(tier(built, 'endpoints'))).toEqual(zonesOf(tier(built, 'public')));
    expect(zonesOf(tier(built, 'appliances'))).toEqual(zonesOf(tier(built, 'public')));
  });

  test('creates one Gateway Load Balancer endpoint per zone, each in the endpoints subnet of its zone', () => {
    template.resourceCountIs('AWS::EC2::VPCEndpoint', zoneCount);
    const byZone = endpointsByZone(built, vpc, 'endpoints');
    expect([...byZone.keys()].sort()).toEqual(zonesOf(tier(built, 'endpoints')).sort());
    for (const endpoint of topology.gatewayEndpoints('inspection')) {
      expect(template.toJSON().Resources[logicalId(endpoint)].Properties)
        .toMatchObject({ VpcEndpointType: 'GatewayLoadBalancer', VpcId: refTo(vpc) });
    }
  });

  test('names the endpoint service of the load balancer in each endpoint, which waits for its permissions', () => {
    const service = topology.endpointService('inspection');
    const permissions = Object.keys(template.findResources('AWS::EC2::VPCEndpointServicePermissions', {
      Properties: { ServiceId: { Ref: logicalId(service) } },
    }));
    expect(permissions).toHaveLength(1);
    for (const endpoint of topology.gatewayEndpoints('inspection')) {
      const resource = template.toJSON().Resources[logicalId(endpoint)];
      expect(resource.Properties.ServiceName).toEqual({
        'Fn::Join': ['', ['com.amazonaws.vpce.', { Ref: 'AWS::Region' }, '.', getAtt(service, 'ServiceId')]],
      });
      expect(resource.DependsOn).toContain(permissions[0]);
    }
  });

  test('associates the edge route table of the VPC with its internet gateway', () => {
    template.resourceCountIs('AWS::EC2::GatewayRouteTableAssociation', 1);
    template.hasResourceProperties('AWS::EC2::GatewayRouteTableAssociation', {
      GatewayId: internetGatewayRef(vpc),
      RouteTableId: { Ref: edgeTableId() },
    });
    expect(template.toJSON().Resources[edgeTableId()]).toMatchObject({
      Type: 'AWS::EC2::RouteTable',
      Properties: { VpcId: refTo(vpc), Tags: [{ Key: 'Name', Value: 'Test/Topology/GatewayLoadBalancers/inspection/Inspection/EdgeRouteTable' }] },
    });
  });

  test('associates the edge route table only once the internet gateway is attached to the VPC', () => {
    const [association] = Object.keys(template.findResources('AWS::EC2::GatewayRouteTableAssociation'));
    expect(waitsFor(template, association)).toContain(gatewayAttachmentId(template, vpc));
  });

  test('routes each public subnet\'s range, exactly, from the internet gateway to the endpoint of its zone', () => {
    const byZone = endpointsByZone(built, vpc, 'endpoints');
    const routes = routesOfTable(template, edgeTableId());
    const publicSubnets = tier(built, 'public');
    expect(routes).toHaveLength(publicSubnets.length);
    for (const subnet of publicSubnets) {
      expect(routes.filter((r) => r.DestinationCidrBlock === subnet.cidr)).toEqual([
        { RouteTableId: { Ref: edgeTableId() }, DestinationCidrBlock: subnet.cidr, VpcEndpointId: byZone.get(subnet.zone) },
      ]);
    }
  });

  test('routes each public subnet\'s default route to the endpoint of its zone, not the internet gateway', () => {
    const byZone = endpointsByZone(built, vpc, 'endpoints');
    for (const subnet of tier(built, 'public')) {
      const routes = defaultRoutesOf(template, subnet.id);
      expect(routes).toHaveLength(1);
      expect(routes[0].VpcEndpointId).toEqual(byZone.get(subnet.zone));
      expect(routes[0]).not.toHaveProperty('GatewayId');
    }
  });

  test('keeps the endpoints subnets\' default route to the internet gateway', () => {
    for (const subnet of tier(built, 'endpoints')) {
      expect(defaultRoutesOf(template, subnet.id)).toEqual([expect.objectContaining({ GatewayId: internetGatewayRef(vpc) })]);
    }
  });

  test('places one NAT gateway in the endpoints subnet of each zone, outside the inspected subnets', () => {
    const natSubnets = Object.values(template.findResources('AWS::EC2::NatGateway')).map((n) => n.Properties.SubnetId.Ref).sort();
    expect(natSubnets).toEqual(tier(built, 'endpoints').map((s) => s.id).sort());
  });

  test.each(['app', 'appliances'])('routes the %s subnets to the internet through the NAT gateway of their zone', (name) => {
    const natByZone = new Map(Object.entries(template.findResources('AWS::EC2::NatGateway')).map(([id, n]) => {
      const subnet = tier(built, 'endpoints').find((s) => s.id === n.Properties.SubnetId.Ref)!;
      return [subnet.zone, { Ref: id }];
    }));
    const subnets = tier(built, name);
    expect(subnets).toHaveLength(zoneCount);
    for (const subnet of subnets) {
      expect(defaultRoutesOf(template, subnet.id)).toEqual([expect.objectContaining({ NatGatewayId: natByZone.get(subnet.zone) })]);
    }
  });
});

test('names the three pinned zones literally', () => {
  expect(zonesOf(tier(threeZones, 'endpoints')).map((z) => JSON.parse(z))).toEqual(THREE_ZONES);
});

describe('a Gateway Load Balancer without inspection', () => {
  // GIVEN a Gateway Load Balancer that only offers its endpoint service
  const built = build(gwlbSpec({ maxAzs: 2, natGateways: 2 }));
  const { template, topology } = built;

  test('creates no endpoints and no edge route table', () => {
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 0);
    template.resourceCountIs('AWS::EC2::GatewayRouteTableAssociation', 0);
    // One route table per subnet, and none besides.
    template.resourceCountIs('AWS::EC2::RouteTable', Object.keys(template.findResources('AWS::EC2::Subnet')).length);
    expect(topology.gatewayEndpoints('inspection')).toEqual([]);
    expect(topology.edgeRouteTable('inspection')).toBeUndefined();
  });

  test('has appliances subnets but no endpoints subnets', () => {
    expect(tier(built, 'appliances')).toHaveLength(2);
    expect(tier(built, 'endpoints')).toEqual([]);
  });

  test('keeps the NAT gateways in the public subnets, which route to the internet gateway', () => {
    const natSubnets = Object.values(template.findResources('AWS::EC2::NatGateway')).map((n) => n.Properties.SubnetId.Ref).sort();
    expect(natSubnets).toEqual(tier(built, 'public').map((s) => s.id));
    for (const subnet of tier(built, 'public')) {
      expect(defaultRoutesOf(template, subnet.id)).toEqual([expect.objectContaining({ GatewayId: internetGatewayRef(topology.vpc as ec2.Vpc) })]);
    }
  });
});

describe('a topology without a Gateway Load Balancer', () => {
  // GIVEN the same network and a fleet, but no Gateway Load Balancer
  const built = build({ network: { maxAzs: 2, natGateways: 2 }, fleets: { web: { webServer: WebServer.PYTHON } } });

  test('has only the public, app and data tiers', () => {
    const names = Object.values(built.template.findResources('AWS::EC2::Subnet'))
      .map((s) => s.Properties.Tags.find((t: { Key: string }) => t.Key === 'aws-cdk:subnet-name').Value);
    expect([...new Set(names)].sort()).toEqual(['app', 'data', 'public']);
  });

  test.each(['public', 'app', 'data'])('keeps the %s subnets as they are with one: same logical IDs, zones and ranges', (name) => {
    expect(tier(built, name)).toEqual(tier(twoZones, name));
  });
});

describe('a central inspection VPC inspecting another VPC of the app', () => {
  // GIVEN a workload VPC with public subnets and small public endpoint subnets
  const vpcs: { [name: string]: ec2.IVpc } = {};
  const built = build(gwlbSpec({ maxAzs: 2, natGateways: 2 }, { vpc: 'workload' }), { vpcs }, (stack) => {
    vpcs.workload = new ec2.Vpc(stack, 'Workload', {
      ipAddresses: ec2.IpAddresses.cidr('10.1.0.0/16'),
      maxAzs: 2,
      natGateways: 0,
      subnetConfiguration: [
        { name: 'public', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 24 },
        { name: 'endpoints', subnetType: ec2.SubnetType.PUBLIC, cidrMask: 28 },
      ],
    });
  });
  const { template, topology } = built;
  const workload = vpcs.workload as ec2.Vpc;
  const inWorkload = (name: string) => subnetsOf(template, workload, name);

  test('places one endpoint per zone in the workload VPC\'s endpoints subnets', () => {
    template.resourceCountIs('AWS::EC2::VPCEndpoint', 2);
    const byZone = endpointsByZone(built, workload, 'endpoints');
    expect([...byZone.keys()].sort()).toEqual(zonesOf(inWorkload('endpoints')).sort());
    for (const endpoint of topology.gatewayEndpoints('inspection')) {
      expect(template.toJSON().Resources[logicalId(endpoint)].Properties.VpcId).toEqual(refTo(workload));
    }
  });

  test('associates an edge route table of the workload VPC with its internet gateway', () => {
    const table = topology.edgeRouteTable('inspection')!;
    expect(template.toJSON().Resources[logicalId(table)].Properties.VpcId).toEqual(refTo(workload));
    template.hasResourceProperties('AWS::EC2::GatewayRouteTableAssociation', { GatewayId: internetGatewayRef(workload), RouteTableId: refTo(table) });
    const [association] = Object.keys(template.findResources('AWS::EC2::GatewayRouteTableAssociation'));
    expect(waitsFor(template, association)).toContain(gatewayAttachmentId(template, workload));
  });

  test('routes each workload public subnet\'s range from the gateway, and its default route, to the endpoint of its zone', () => {
    const byZone = endpointsByZone(built, workload, 'endpoints');
    const edgeRoutes = routesOfTable(template, logicalId(topology.edgeRouteTable('inspection')!));
    const publicSubnets = inWorkload('public');
    expect(edgeRoutes.map((r) => r.DestinationCidrBlock).sort()).toEqual(publicSubnets.map((s) => s.cidr).sort());
    for (const subnet of publicSubnets) {
      expect(edgeRoutes.find((r) => r.DestinationCidrBlock === subnet.cidr)!.VpcEndpointId).toEqual(byZone.get(subnet.zone));
      const [route] = defaultRoutesOf(template, subnet.id);
      expect(route.VpcEndpointId).toEqual(byZone.get(subnet.zone));
      expect(route).not.toHaveProperty('GatewayId');
    }
  });

  test('keeps the workload endpoints subnets\' default route to the workload internet gateway', () => {
    for (const subnet of inWorkload('endpoints')) {
      expect(defaultRoutesOf(template, subnet.id)).toEqual([expect.objectContaining({ GatewayId: internetGatewayRef(workload) })]);
    }
  });

  test('keeps the load balancer and the appliances in the topology\'s VPC, in its appliances subnets', () => {
    const appliances = tier(built, 'appliances').map((s) => ({ Ref: s.id }));
    expect(appliances).toHaveLength(2);
    expect(template.toJSON().Resources[logicalId(topology.gatewayLoadBalancer('inspection'))].Properties.Subnets).toEqual(appliances);
    const group = template.toJSON().Resources[logicalId(topology.fleet('firewall'))].Properties;
    expect(group.VPCZoneIdentifier).toEqual(appliances);
  });

  test('gives the topology\'s VPC no endpoints tier and leaves its routes alone', () => {
    expect(tier(built, 'endpoints')).toEqual([]);
    const igw = internetGatewayRef(topology.vpc as ec2.Vpc);
    for (const subnet of tier(built, 'public')) {
      expect(defaultRoutesOf(template, subnet.id)).toEqual([expect.objectContaining({ GatewayId: igw })]);
    }
    const natSubnets = Object.values(template.findResources('AWS::EC2::NatGateway')).map((n) => n.Properties.SubnetId.Ref).sort();
    expect(natSubnets).toEqual(tier(built, 'public').map((s) => s.id));
  });
});
