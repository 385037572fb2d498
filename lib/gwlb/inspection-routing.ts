import { CfnResource, Tags } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Construct } from 'constructs';
import { BuiltNetwork } from '../network/network';
import { SubnetTier } from '../spec/enums';

/** What the inspection routing of one Gateway Load Balancer needs. */
export interface InspectionRoutingProps {
  /** The inspected VPC: built by `ec2.Vpc` in this app (validation makes sure), so its routes can change. */
  readonly vpc: ec2.IVpc;
  /** The topology's network, when the inspected VPC is the topology's own. */
  readonly ownVpc?: BuiltNetwork;
  readonly protectedSubnetTier: SubnetTier;
  readonly endpointSubnetTier: SubnetTier;
  /** The name of the Gateway Load Balancer's endpoint service. */
  readonly serviceName: string;
  /** Created before the endpoints. */
  readonly dependency: CfnResource;
}

/**
 * The Gateway Load Balancer endpoints of one inspected VPC, one per Availability Zone, and
 * the routes that make both directions of the protected subnets' internet traffic pass
 * the endpoint of their own zone:
 * - inbound: an edge route table, associated with the internet gateway, sends each
 *   protected subnet's range to the endpoint in that subnet's zone;
 * - outbound: each protected subnet's default route goes to that endpoint instead of the
 *   internet gateway.
 * The endpoint subnets keep their default route to the internet gateway, where the
 * endpoints send inspected traffic on.
 */
export class InspectionRouting extends Construct {
  /** The endpoints, in the zone order of the endpoint subnets. */
  readonly endpoints: ec2.CfnVPCEndpoint[] = [];
  readonly edgeRouteTable: ec2.CfnRouteTable;

  constructor(scope: Construct, id: string, props: InspectionRoutingProps) {
    super(scope, id);
    const vpc = props.vpc;
    const select = (tier: SubnetTier) =>
      vpc.selectSubnets(props.ownVpc ? props.ownVpc.subnets(tier) : { subnetGroupName: tier }).subnets;

    const endpointByZone = new Map<string, ec2.CfnVPCEndpoint>();
    const endpointSubnets = select(props.endpointSubnetTier);
    for (const subnet of endpointSubnets) {
      if (endpointByZone.has(subnet.availabilityZone)) continue;
      const endpoint = new ec2.CfnVPCEndpoint(this, `Endpoint${this.endpoints.length + 1}`, {
        vpcId: vpc.vpcId,
        serviceName: props.serviceName,
        vpcEndpointType: 'GatewayLoadBalancer',
        subnetIds: [subnet.subnetId],
      });
      endpoint.node.addDependency(props.dependency);
      endpointByZone.set(subnet.availabilityZone, endpoint);
      this.endpoints.push(endpoint);
    }

    this.edgeRouteTable = new ec2.CfnRouteTable(this, 'EdgeRouteTable', { vpcId: vpc.vpcId });
    Tags.of(this.edgeRouteTable).add('Name', `${this.node.path}/EdgeRouteTable`);
    const association = new ec2.CfnGatewayRouteTableAssociation(this, 'EdgeRouteTableAssociation', {
      gatewayId: (vpc as ec2.Vpc).internetGatewayId!,
      routeTableId: this.edgeRouteTable.ref,
    });
    // The gateway must be attached to the VPC first. The VPC's `internetConnectivityEstablished`
    // is the gateway alone; that of the endpoint subnets is their default route to the
    // gateway, which waits for the attachment.
    association.node.addDependency(vpc.internetConnectivityEstablished);
    for (const subnet of endpointSubnets) association.node.addDependency(subnet.internetConnectivityEstablished);

    select(props.protectedSubnetTier).forEach((subnet, i) => {
      const endpoint = endpointByZone.get(subnet.availabilityZone)!;
      new ec2.CfnRoute(this, `EdgeRoute${i + 1}`, {
        routeTableId: this.edgeRouteTable.ref,
        destinationCidrBlock: subnet.ipv4CidrBlock,
        vpcEndpointId: endpoint.ref,
      });
      // The subnet's own default route, made by the VPC construct, now leads to the endpoint.
      const defaultRoute = subnet.node.findChild('DefaultRoute') as ec2.CfnRoute;
      defaultRoute.gatewayId = undefined;
      defaultRoute.vpcEndpointId = endpoint.ref;
    });
  }
}
