/**
 * Readers of the routes of a synthesized template, for the Gateway Load Balancer tests:
 * the subnets of one VPC's tier with their zones and ranges, the default route of a
 * subnet, the routes of a route table, and what a resource waits for. They only read;
 * every assertion stays in the tests.
 */
import { Stack } from 'aws-cdk-lib';
import { Template } from 'aws-cdk-lib/assertions';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { logicalId, subnetsOfTier } from '../template-helpers';

/** One subnet of a created VPC: its logical ID, zone (as JSON, literal or `Fn::Select`) and range. */
export interface ZonedSubnet {
  readonly id: string;
  readonly zone: string;
  readonly cidr: string;
}

/** The subnets of a tier (subnet group) of one created VPC, sorted by logical ID. */
export function subnetsOf(template: Template, vpc: ec2.IVpc, tier: string): ZonedSubnet[] {
  const vpcId = logicalId(vpc);
  return Object.entries(subnetsOfTier(template, tier))
    .filter(([, s]) => s.Properties!.VpcId.Ref === vpcId)
    .map(([id, s]) => ({ id, zone: JSON.stringify(s.Properties!.AvailabilityZone), cidr: s.Properties!.CidrBlock }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

/** The properties of every `AWS::EC2::Route` of a route table, by the table's logical ID. */
export function routesOfTable(template: Template, routeTableId: string): Array<{ [key: string]: any }> {
  return Object.values(template.findResources('AWS::EC2::Route'))
    .filter((r) => r.Properties.RouteTableId.Ref === routeTableId)
    .map((r) => r.Properties);
}

/** The properties of the `0.0.0.0/0` routes of the route table associated with a subnet. */
export function defaultRoutesOf(template: Template, subnetId: string): Array<{ [key: string]: any }> {
  const tables = Object.values(template.findResources('AWS::EC2::SubnetRouteTableAssociation'))
    .filter((a) => a.Properties.SubnetId.Ref === subnetId)
    .map((a) => a.Properties.RouteTableId.Ref as string);
  return tables.flatMap((t) => routesOfTable(template, t)).filter((r) => r.DestinationCidrBlock === '0.0.0.0/0');
}

/** The logical IDs a resource waits for, directly or through the resources it waits for. */
export function waitsFor(template: Template, id: string): Set<string> {
  const resources = template.toJSON().Resources;
  const seen = new Set<string>();
  const pending = [...(resources[id].DependsOn ?? [])];
  while (pending.length > 0) {
    const next = pending.pop()!;
    if (seen.has(next)) continue;
    seen.add(next);
    pending.push(...(resources[next]?.DependsOn ?? []));
  }
  return seen;
}

/** `{ Ref: <logical ID> }` of a created VPC's internet gateway. */
export function internetGatewayRef(vpc: ec2.Vpc): { Ref: string } {
  return Stack.of(vpc).resolve(vpc.internetGatewayId);
}

/** The logical ID of a created VPC's internet gateway attachment. */
export function gatewayAttachmentId(template: Template, vpc: ec2.Vpc): string {
  const igw = internetGatewayRef(vpc).Ref;
  const [id] = Object.entries(template.findResources('AWS::EC2::VPCGatewayAttachment'))
    .filter(([, a]) => a.Properties.InternetGatewayId.Ref === igw)
    .map(([key]) => key);
  return id;
}
