import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { ElbTopology, SubnetTier } from '../../lib';
import { minimalSpec } from '../helpers';

function importedVpc(subnets: { public?: boolean; app?: boolean; cidr?: boolean }): ec2.IVpc {
  const stack = new Stack(new App(), 'Existing');
  return ec2.Vpc.fromVpcAttributes(stack, 'Vpc', {
    vpcId: 'vpc-0123456789abcdef0',
    availabilityZones: ['us-east-1a', 'us-east-1b'],
    vpcCidrBlock: subnets.cidr === false ? undefined : '10.0.0.0/16',
    publicSubnetIds: subnets.public === false ? undefined : ['subnet-0a', 'subnet-0b'],
    privateSubnetIds: subnets.app === false ? undefined : ['subnet-1a', 'subnet-1b'],
  });
}

const withoutNetwork = (overrides = {}) => ({ ...minimalSpec(overrides), network: undefined });

describe('the spec against an existing VPC', () => {
  test('accepts a VPC with the tiers the spec uses', () => {
    expect(ElbTopology.validateSpec(withoutNetwork(), { vpc: importedVpc({}) })).toEqual([]);
  });

  test('fails when a fleet is placed in a tier the VPC does not have', () => {
    const issues = ElbTopology.validateSpec(withoutNetwork(), { vpc: importedVpc({ app: false }) });
    expect(issues).toEqual([expect.objectContaining({
      path: 'fleets.web.subnetTier',
      message: "fleet 'web' is placed in the app tier, but the existing VPC has no Private subnets.",
      hint: expect.stringMatching(/^Choose a tier the VPC has in `subnetTier`/),
    })]);
  });

  test('fails when the load balancer is placed in a tier the VPC does not have', () => {
    const issues = ElbTopology.validateSpec(withoutNetwork(), { vpc: importedVpc({ public: false }) });
    expect(issues.map((i) => `${i.path}: ${i.message}`)).toEqual([
      "applicationLoadBalancers.public.subnetTier: load balancer 'public' is placed in the public tier, but the existing VPC has no Public subnets.",
    ]);
  });

  test('fails when an internal load balancer has no ingressCidrs and the VPC no CIDR block', () => {
    const spec = withoutNetwork();
    const alb = spec.applicationLoadBalancers!.public;
    const internal = { ...spec, applicationLoadBalancers: { public: { ...alb, internetFacing: false, subnetTier: SubnetTier.APP } } };
    const issues = ElbTopology.validateSpec(internal, { vpc: importedVpc({ cidr: false }) });
    expect(issues.map((i) => i.path)).toEqual(['applicationLoadBalancers.public.ingressCidrs']);
    expect(issues[0].hint).toMatch(/^Set ingressCidrs to the ranges that may connect/);
  });
});
