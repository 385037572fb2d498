import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { TIER_SUBNET_TYPES, tierSelection, resolveAlb, resolveClb, resolveFleet, sortedEntries } from '../../private/resolve';
import { ApplicationLoadBalancerSpec } from '../../spec/alb';
import { ClassicLoadBalancerSpec } from '../../spec/clb';
import { SubnetTier } from '../../spec/enums';
import { FleetSpec } from '../../spec/fleet';
import { CheckContext } from '../context';
import { SpecIssue, SpecPath, issue } from '../issue';
import { isObject } from './util';

/**
 * Phase B: the spec against an existing VPC. Every tier the spec places something in
 * must exist in the VPC, and an internal ALB without `ingressCidrs` needs the VPC's
 * CIDR block. (Without an existing VPC the topology creates all three tiers.)
 */
export function checkExistingVpc(ctx: CheckContext): SpecIssue[] {
  const vpc = ctx.existing.vpc;
  if (!vpc) return [];
  const issues: SpecIssue[] = [];
  const hasTier = (tier: SubnetTier) => {
    try {
      return vpc.selectSubnets(tierSelection(tier)).subnets.length > 0;
    } catch {
      return false;
    }
  };
  const requireTier = (path: SpecPath, tier: SubnetTier, what: string) => {
    if (!hasTier(tier)) {
      const kind = TIER_SUBNET_TYPES[tier] ?? `'${tier}'`;
      issues.push(issue(path, `${what} is placed in the ${tier} tier, but the existing VPC has no ${kind} subnets.`,
        `Choose a tier the VPC has in \`subnetTier\`, or pass a VPC with ${kind} subnets.`));
    }
  };
  for (const [name, fleet] of sortedEntries(ctx.spec.fleets)) {
    if (!isObject(fleet)) continue;
    requireTier(SpecPath.ROOT.at('fleets', name, 'subnetTier'), resolveFleet(fleet as FleetSpec).subnetTier, `fleet '${name}'`);
  }
  for (const [name, alb] of sortedEntries(ctx.spec.applicationLoadBalancers)) {
    if (!isObject(alb)) continue;
    const spec = alb as ApplicationLoadBalancerSpec;
    const r = resolveAlb(spec);
    const path = SpecPath.ROOT.at('applicationLoadBalancers', name);
    requireTier(path.key('subnetTier'), r.subnetTier, `load balancer '${name}'`);
    if (!r.internetFacing && spec.ingressCidrs === undefined && !hasCidrBlock(vpc)) {
      issues.push(issue(path.key('ingressCidrs'), 'an internal load balancer admits the VPC\'s CIDR block by default, but the existing VPC was imported without one.',
        'Set ingressCidrs to the ranges that may connect, or import the VPC with its `vpcCidrBlock`.'));
    }
  }
  for (const [name, clb] of sortedEntries(ctx.spec.classicLoadBalancers)) {
    if (!isObject(clb)) continue;
    const spec = clb as ClassicLoadBalancerSpec;
    const r = resolveClb({ ...spec, listeners: {}, healthCheck: undefined }, undefined);
    const path = SpecPath.ROOT.at('classicLoadBalancers', name);
    requireTier(path.key('subnetTier'), r.subnetTier, `Classic Load Balancer '${name}'`);
    if (!r.internetFacing && spec.ingressCidrs === undefined && !hasCidrBlock(vpc)) {
      issues.push(issue(path.key('ingressCidrs'), 'an internal load balancer admits the VPC\'s CIDR block by default, but the existing VPC was imported without one.',
        'Set ingressCidrs to the ranges that may connect, or import the VPC with its `vpcCidrBlock`.'));
    }
  }
  return issues;
}

function hasCidrBlock(vpc: ec2.IVpc): boolean {
  try {
    return vpc.vpcCidrBlock !== undefined;
  } catch {
    return false;
  }
}
