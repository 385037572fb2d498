/**
 * Small readers of synthesized templates, shared by the builder tests: find the
 * resources of a subnet tier, the logical ID of a construct, the ingress rules of a
 * security group. They only read; every assertion stays in the tests.
 */
import { CfnElement, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { IConstruct } from 'constructs';

/** A resource as it appears in a template. */
export interface TemplateResource {
  readonly Type: string;
  readonly Properties?: { [key: string]: any };
  readonly DependsOn?: string[];
  readonly DeletionPolicy?: string;
  readonly UpdateReplacePolicy?: string;
}

/** The logical ID of a construct's CloudFormation resource (its default child for L2s). */
export function logicalId(construct: IConstruct): string {
  const element = (construct instanceof CfnElement ? construct : construct.node.defaultChild) as CfnElement;
  return Stack.of(construct).getLogicalId(element);
}

/** The template entry of a construct's CloudFormation resource. */
export function resourceOf(template: Template, construct: IConstruct): TemplateResource {
  const resource = template.toJSON().Resources[logicalId(construct)];
  if (!resource) throw new Error(`no resource ${logicalId(construct)} in the template`);
  return resource;
}

/** `{ Ref: <logical ID> }` of a construct, as the template references it. */
export function refTo(construct: IConstruct): { Ref: string } {
  return { Ref: logicalId(construct) };
}

/** `{ 'Fn::GetAtt': [<logical ID>, attribute] }` of a construct. */
export function getAtt(construct: IConstruct, attribute: string): { 'Fn::GetAtt': [string, string] } {
  return { 'Fn::GetAtt': [logicalId(construct), attribute] };
}

/** The subnets of a created VPC's tier (subnet group), by logical ID. */
export function subnetsOfTier(template: Template, tier: string): { [logicalId: string]: TemplateResource } {
  return <{ [logicalId: string]: TemplateResource }>template.findResources('AWS::EC2::Subnet', {
    Properties: { Tags: Match.arrayWith([{ Key: 'aws-cdk:subnet-name', Value: tier }]) },
  });
}

/** `Ref`s to the subnets of a created VPC's tier, sorted by logical ID. */
export function subnetRefsOfTier(template: Template, tier: string): Array<{ Ref: string }> {
  return Object.keys(subnetsOfTier(template, tier)).sort().map((id) => ({ Ref: id }));
}

/** The routes of the route tables associated with a tier's subnets. */
export function routesOfTier(template: Template, tier: string): TemplateResource[] {
  const subnets = new Set(Object.keys(subnetsOfTier(template, tier)));
  const routeTables = new Set(Object.values(template.findResources('AWS::EC2::SubnetRouteTableAssociation'))
    .filter((a) => subnets.has(a.Properties.SubnetId.Ref))
    .map((a) => a.Properties.RouteTableId.Ref));
  return Object.values(template.findResources('AWS::EC2::Route'))
    .filter((r) => routeTables.has(r.Properties.RouteTableId.Ref)) as TemplateResource[];
}

/** One ingress rule of a security group, inline or as an `AWS::EC2::SecurityGroupIngress`. */
export interface IngressRule {
  /** The logical ID of the security group that admits. */
  readonly groupId: string;
  readonly rule: { [key: string]: any };
}

/** Every ingress rule of the template, inline in security groups or standalone. */
export function ingressRules(template: Template): IngressRule[] {
  const rules: IngressRule[] = [];
  for (const [id, sg] of Object.entries(template.findResources('AWS::EC2::SecurityGroup'))) {
    for (const rule of sg.Properties?.SecurityGroupIngress ?? []) rules.push({ groupId: id, rule });
  }
  for (const ingress of Object.values(template.findResources('AWS::EC2::SecurityGroupIngress'))) {
    rules.push({ groupId: ingress.Properties.GroupId['Fn::GetAtt'][0], rule: ingress.Properties });
  }
  return rules;
}

/** The ingress rules of one security group. */
export function ingressRulesOf(template: Template, securityGroup: IConstruct): Array<{ [key: string]: any }> {
  const id = logicalId(securityGroup);
  return ingressRules(template).filter((r) => r.groupId === id).map((r) => r.rule);
}

/** Whether a security group rule lets the given TCP port through. */
export function admitsPort(rule: { [key: string]: any }, port: number): boolean {
  if (rule.IpProtocol === '-1') return true;
  return rule.IpProtocol === 'tcp' && rule.FromPort <= port && port <= rule.ToPort;
}
