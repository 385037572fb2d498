import { Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { Protocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { checkHealthCheckTimes } from './target-groups';
import { checkBoolean, checkEnum, checkInt, checkKnownFields, checkRef, isObject } from './util';
import { GENEVE_PORT } from '../../fleets/appliance';
import { inspectionTiers, resolveApplianceTargetGroup, resolveFleet, resolveGwlb, sortedEntries, tierSelection } from '../../private/resolve';
import { FlowStickiness, GatewayProtocol, SubnetTier, WebServer } from '../../spec/enums';
import { FleetSpec } from '../../spec/fleet';
import { ApplianceTargetGroupSpec, GatewayLoadBalancerSpec } from '../../spec/gwlb';
import { CheckContext } from '../context';
import { unknownNameHint } from '../did-you-mean';
import { SpecIssue, SpecPath, issue, show } from '../issue';

const IAM_PRINCIPAL = /^arn:aws[a-z-]*:iam::\d{12}:(root|role\/[\w+=,.@/-]+|user\/[\w+=,.@/-]+)$/;
const MAX_RULE_LENGTH = 512;
const HEALTH_CHECK_PROTOCOLS = [Protocol.HTTP, Protocol.HTTPS, Protocol.TCP];

/**
 * Gateway Load Balancers: the listener (no port or protocol), the GENEVE target group and
 * its health check, the endpoint service, the inspection tiers, and the appliance rules
 * of fleets.
 */
export function checkGatewayLoadBalancers(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const [name, gwlb] of sortedEntries(ctx.spec.gatewayLoadBalancers)) {
    if (!isObject(gwlb)) continue;
    checkGwlb(ctx, gwlb as GatewayLoadBalancerSpec, SpecPath.ROOT.at('gatewayLoadBalancers', name), issues);
  }
  checkApplianceRules(ctx, issues);
  checkInspectionTiersExist(ctx, issues);
  checkOneInspectionPerVpc(ctx, issues);
  return issues;
}

/** A VPC's internet gateway has one edge route table, so one Gateway Load Balancer inspects each VPC. */
function checkOneInspectionPerVpc(ctx: CheckContext, issues: SpecIssue[]): void {
  const OWN = {};
  const named = isObject(ctx.existing.vpcs) ? ctx.existing.vpcs : {};
  const byVpc = new Map<unknown, string[]>();
  for (const [name, gwlb] of sortedEntries(ctx.spec.gatewayLoadBalancers)) {
    if (!isObject(gwlb) || !isObject(gwlb.inspection)) continue;
    const vpcName = gwlb.inspection.vpc;
    if (vpcName !== undefined && (typeof vpcName !== 'string' || !(vpcName in named))) continue;
    const vpc = vpcName === undefined ? ctx.existing.vpc ?? OWN : named[vpcName];
    byVpc.set(vpc, [...(byVpc.get(vpc) ?? []), name]);
  }
  for (const names of byVpc.values()) {
    if (names.length < 2) continue;
    for (const name of names) {
      const others = names.filter((n) => n !== name).map((n) => `'${n}'`).join(', ');
      issues.push(issue(SpecPath.ROOT.at('gatewayLoadBalancers', name, 'inspection'), `the VPC is also inspected by Gateway Load Balancer${names.length > 2 ? 's' : ''} ${others}, but a VPC's internet gateway has one edge route table.`,
        'Inspect each VPC with one Gateway Load Balancer, and give its appliance fleet more instances for more traffic.'));
    }
  }
}

function checkGwlb(ctx: CheckContext, gwlb: GatewayLoadBalancerSpec, path: SpecPath, issues: SpecIssue[]): void {
  checkKnownFields(issues, path, gwlb, 'GatewayLoadBalancerSpec');
  checkEnum(issues, path.key('subnetTier'), gwlb.subnetTier, Object.values(SubnetTier));
  checkBoolean(issues, path.key('crossZoneEnabled'), gwlb.crossZoneEnabled);
  checkBoolean(issues, path.key('deletionProtection'), gwlb.deletionProtection);
  checkBoolean(issues, path.key('endpointServiceAcceptanceRequired'), gwlb.endpointServiceAcceptanceRequired);
  checkPrincipals(gwlb.endpointServiceAllowedPrincipals, path.key('endpointServiceAllowedPrincipals'), issues);
  checkListener(ctx, gwlb.listener, path.key('listener'), issues);
  if (gwlb.inspection !== undefined) checkInspection(ctx, gwlb, path.key('inspection'), issues);
  const tier = resolveGwlb(gwlb).subnetTier;
  if (ctx.existing.vpc && Object.values(SubnetTier).includes(tier) && !hasSubnets(ctx.existing.vpc, tierSelection(tier))) {
    issues.push(issue(path.key('subnetTier'), `the existing VPC has no subnets in the ${tier} tier.`, `Give the VPC a subnet group named '${tier}', or choose a tier it has.`));
  }
}

function hasSubnets(vpc: ec2.IVpc, selection: ec2.SubnetSelection): boolean {
  return selectQuietly(vpc, selection).length > 0;
}

function checkListener(ctx: CheckContext, listener: unknown, path: SpecPath, issues: SpecIssue[]): void {
  if (!isObject(listener)) {
    issues.push(issue(path, `must be an object with a \`targetGroup\`, got ${show(listener)}.`, 'Give the listener its appliance target group: `{ targetGroup: { fleet: ... } }`.'));
    return;
  }
  const { port, protocol, ...rest } = listener;
  for (const [key, value] of [['port', port], ['protocol', protocol]] as const) {
    if (value === undefined) continue;
    issues.push(issue(path.key(key), `a Gateway Load Balancer listener has no ${key}, got ${show(value)}.`,
      `Remove \`${key}\`: the listener receives all IP packets on all ports and forwards them to the appliances over GENEVE on UDP ${GENEVE_PORT}.`));
  }
  checkKnownFields(issues, path, rest, 'GatewayListenerSpec');
  checkTargetGroup(ctx, listener.targetGroup, path.key('targetGroup'), issues);
}

function checkTargetGroup(ctx: CheckContext, value: unknown, path: SpecPath, issues: SpecIssue[]): void {
  if (!isObject(value)) {
    issues.push(issue(path, `must be an object naming the appliance fleet, got ${show(value)}.`, 'Write `{ fleet: \'<fleet name>\' }`.'));
    return;
  }
  const tg = value as unknown as ApplianceTargetGroupSpec;
  checkKnownFields(issues, path, tg, 'ApplianceTargetGroupSpec');
  const fleetKnown = checkRef(issues, path.key('fleet'), tg.fleet, ctx.fleetNames, 'fleet', 'fleets');
  if (tg.protocol !== undefined && tg.protocol !== GatewayProtocol.GENEVE) {
    issues.push(issue(path.key('protocol'), `${show(tg.protocol)} is not a Gateway Load Balancer target group protocol.`,
      'Leave `protocol` out or use \'GENEVE\': a Gateway Load Balancer reaches its appliances over GENEVE only.'));
  }
  if (tg.port !== undefined && tg.port !== GENEVE_PORT) {
    issues.push(issue(path.key('port'), `${show(tg.port)} is not the GENEVE port.`, `Leave \`port\` out or use ${GENEVE_PORT}, the only port AWS accepts for GENEVE.`));
  }
  checkInt(issues, path.key('deregistrationDelaySeconds'), tg.deregistrationDelaySeconds, 0, 3600);
  checkEnum(issues, path.key('flowStickiness'), tg.flowStickiness, Object.values(FlowStickiness));
  checkBoolean(issues, path.key('targetFailoverRebalanceEnabled'), tg.targetFailoverRebalanceEnabled);
  const fleet = fleetKnown && isObject(ctx.spec.fleets?.[tg.fleet]) ? ctx.spec.fleets![tg.fleet] : undefined;
  checkHealthCheck(tg.healthCheck, fleet, path.key('healthCheck'), issues);
}

function checkHealthCheck(hc: unknown, fleet: FleetSpec | undefined, path: SpecPath, issues: SpecIssue[]): void {
  if (hc === undefined) return;
  if (!isObject(hc)) {
    issues.push(issue(path, `must be an object, got ${show(hc)}.`));
    return;
  }
  checkKnownFields(issues, path, hc, 'HealthCheckSpec');
  checkEnum(issues, path.key('protocol'), hc.protocol, HEALTH_CHECK_PROTOCOLS,
    'Appliances are checked over HTTP, HTTPS or TCP on a port they serve; GENEVE is not a health check protocol.');
  checkInt(issues, path.key('port'), hc.port, 1, 65535);
  const defaults = resolveApplianceTargetGroup({ fleet: '' }, undefined).healthCheck;
  checkHealthCheckTimes(issues, path, hc, defaults.intervalSeconds, defaults.timeoutSeconds);
  if (hc.protocol === Protocol.TCP && (hc.path !== undefined || hc.healthyHttpCodes !== undefined)) {
    issues.push(issue(path.key(hc.path !== undefined ? 'path' : 'healthyHttpCodes'), 'a TCP health check has no path or HTTP codes.', 'Remove them, or check over HTTP.'));
  }
  if (fleet === undefined || typeof hc.port !== 'number') return;
  const f = resolveFleet(fleet);
  if (f.webServer === WebServer.NONE || hc.port === f.port) return;
  const what = hc.port === GENEVE_PORT ? `UDP ${GENEVE_PORT} carries GENEVE, and nothing answers health checks on it` : `nothing serves port ${hc.port}`;
  issues.push(issue(path.key('port'), `the appliances' default user data serves health checks on port ${f.port} (the fleet's \`port\`), but ${what}.`,
    `Leave \`port\` out or use ${f.port}; or give the fleet \`webServer: 'none'\` and user data that serves port ${hc.port}.`));
}

function checkPrincipals(value: unknown, path: SpecPath, issues: SpecIssue[]): void {
  if (value === undefined) return;
  if (!Array.isArray(value) || value.length === 0) {
    issues.push(issue(path, `must be a non-empty list of IAM principal ARNs, got ${show(value)}.`, 'Leave it out to allow only this account.'));
    return;
  }
  value.forEach((p, i) => {
    if (typeof p !== 'string' || !IAM_PRINCIPAL.test(p)) {
      issues.push(issue(path.index(i), `${show(p)} is not an IAM principal ARN.`, "Write an account root, role or user ARN, for example 'arn:aws:iam::123456789012:root'."));
    }
  });
}

function checkInspection(ctx: CheckContext, gwlb: GatewayLoadBalancerSpec, path: SpecPath, issues: SpecIssue[]): void {
  const inspection: unknown = gwlb.inspection;
  if (!isObject(inspection)) {
    issues.push(issue(path, `must be an object, got ${show(inspection)}.`));
    return;
  }
  checkKnownFields(issues, path, inspection, 'GatewayInspectionSpec');
  const tiers = Object.values(SubnetTier) as string[];
  checkEnum(issues, path.key('protectedSubnetTier'), inspection.protectedSubnetTier, tiers);
  checkEnum(issues, path.key('endpointSubnetTier'), inspection.endpointSubnetTier, tiers);
  const r = resolveGwlb(gwlb).inspection!;
  if (r.protectedSubnetTier === r.endpointSubnetTier) {
    issues.push(issue(path.key('protectedSubnetTier'), `the protected subnets and the endpoints are both in the ${r.protectedSubnetTier} tier.`,
      'Put the endpoints in subnets of their own (`endpointSubnetTier`): a protected subnet\'s default route leads to the endpoint, so the endpoint\'s subnet cannot be protected.'));
  }
  const vpc = inspectedVpc(ctx, inspection.vpc, path.key('vpc'), issues);
  if (vpc === undefined && inspection.vpc === undefined) {
    // The topology's own created VPC: only its public and endpoints tiers route to the internet gateway.
    const internetTiers: string[] = [SubnetTier.PUBLIC, SubnetTier.ENDPOINTS];
    if (!internetTiers.includes(r.protectedSubnetTier) && tiers.includes(r.protectedSubnetTier)) {
      issues.push(issue(path.key('protectedSubnetTier'), `the ${r.protectedSubnetTier} tier has no route to the internet gateway to inspect.`,
        "Protect the 'public' tier, where the internet-facing load balancers are."));
    }
    if (!internetTiers.includes(r.endpointSubnetTier) && tiers.includes(r.endpointSubnetTier)) {
      issues.push(issue(path.key('endpointSubnetTier'), `the ${r.endpointSubnetTier} tier has no route to the internet gateway, where the endpoints send inspected traffic on.`,
        "Leave `endpointSubnetTier` out to place the endpoints in the 'endpoints' tier, or use the 'public' tier."));
    }
    return;
  }
  if (vpc !== undefined) checkZonesCovered(vpc, r.protectedSubnetTier, r.endpointSubnetTier, inspection.vpc !== undefined, path, issues);
}

/** The VPC whose subnets are inspected, when it is an existing one; reports what the routes need of it. */
function inspectedVpc(ctx: CheckContext, name: unknown, path: SpecPath, issues: SpecIssue[]): ec2.IVpc | undefined {
  const given = isObject(ctx.existing.vpcs) ? ctx.existing.vpcs : {};
  let vpc: ec2.IVpc | undefined;
  if (name === undefined) {
    vpc = ctx.existing.vpc;
  } else if (typeof name !== 'string' || !(name in given)) {
    const known = Object.keys(given).sort();
    issues.push(issue(path, `unknown VPC ${show(name)}.`, known.length > 0
      ? unknownNameHint(String(name), known, 'VPC', 'ExistingResources.vpcs')
      : 'Pass the VPC in `ExistingResources.vpcs` under this name.'));
    return undefined;
  } else {
    vpc = given[name];
  }
  if (vpc !== undefined && !(vpc instanceof ec2.Vpc)) {
    issues.push(issue(path, `the ${name === undefined ? 'existing VPC' : `VPC '${name}'`} is imported, so the topology cannot change its routes.`,
      'Inspect a VPC built by `ec2.Vpc` in this CDK app, whose protected subnets\' default routes the topology can point at the endpoints.'));
  }
  return vpc;
}

function checkZonesCovered(
  vpc: ec2.IVpc,
  protectedTier: SubnetTier,
  endpointTier: SubnetTier,
  named: boolean,
  path: SpecPath,
  issues: SpecIssue[],
): void {
  const selection = (tier: SubnetTier) => (named ? { subnetGroupName: tier } : tierSelection(tier));
  const zonesOf = (tier: SubnetTier): string[] => selectQuietly(vpc, selection(tier)).map((s) => s.availabilityZone);
  const protectedZones = zonesOf(protectedTier);
  const endpointZones = zonesOf(endpointTier);
  // Only a VPC built by `ec2.Vpc` tells public subnets apart; an imported one is reported as such.
  const isPublic = (tier: SubnetTier) => !(vpc instanceof ec2.Vpc) || selectQuietly(vpc, selection(tier)).every((s) => s instanceof ec2.PublicSubnet);
  if (protectedZones.length > 0 && !isPublic(protectedTier)) {
    issues.push(issue(path.key('protectedSubnetTier'), `the ${protectedTier} subnets have no route to the internet gateway to inspect.`,
      'Protect public subnets, where the internet-facing load balancers are.'));
  }
  if (endpointZones.length > 0 && !isPublic(endpointTier)) {
    issues.push(issue(path.key('endpointSubnetTier'), `the ${endpointTier} subnets have no route to the internet gateway, where the endpoints send inspected traffic on.`,
      'Place the endpoints in public subnets of their own.'));
  }
  const endpointSubnets = selectQuietly(vpc, selection(endpointTier));
  if (protectedTier !== endpointTier && selectQuietly(vpc, selection(protectedTier)).some((s) => endpointSubnets.includes(s))) {
    // Without `inspection.vpc`, the three first tiers of an existing VPC are selected by subnet type.
    issues.push(issue(path.key('protectedSubnetTier'), `the ${protectedTier} tier of the existing VPC is every subnet of that type, so it includes the endpoints' subnet group '${endpointTier}'.`,
      'Pass the VPC in `ExistingResources.vpcs` too and name it in `inspection.vpc`: the tiers are then selected by subnet group name.'));
  }
  for (const [tier, zones, key] of [[protectedTier, protectedZones, 'protectedSubnetTier'], [endpointTier, endpointZones, 'endpointSubnetTier']] as const) {
    if (zones.length === 0) {
      issues.push(issue(path.key(key), `the inspected VPC has no subnets in the ${tier} tier.`, `Give the VPC a subnet group named '${tier}', or choose a tier it has.`));
    }
  }
  if (!protectedZones.length || !endpointZones.length || [...protectedZones, ...endpointZones].some((z) => Token.isUnresolved(z))) return;
  const missing = [...new Set(protectedZones.filter((z) => !endpointZones.includes(z)))];
  if (missing.length > 0) {
    issues.push(issue(path.key('endpointSubnetTier'), `protected subnets in ${missing.join(', ')} have no endpoint subnet in their Availability Zone.`,
      `Add a subnet of the ${endpointTier} tier in ${missing.length === 1 ? 'that zone' : 'those zones'}: each protected subnet routes through the endpoint of its own zone.`));
  }
}

function selectQuietly(vpc: ec2.IVpc, selection: ec2.SubnetSelection): ec2.ISubnet[] {
  try {
    return vpc.selectSubnets(selection).subnets;
  } catch {
    return [];
  }
}

/** Appliance rules belong to fleets that a Gateway Load Balancer targets and that run the default user data. */
function checkApplianceRules(ctx: CheckContext, issues: SpecIssue[]): void {
  const appliances = new Set(Object.values(ctx.spec.gatewayLoadBalancers ?? {})
    .map((g) => (isObject(g) && isObject(g.listener) && isObject(g.listener.targetGroup) ? g.listener.targetGroup.fleet : undefined)));
  for (const [name, fleet] of sortedEntries(ctx.spec.fleets)) {
    if (!isObject(fleet) || fleet.applianceRules === undefined) continue;
    const path = SpecPath.ROOT.at('fleets', name, 'applianceRules');
    const rules: unknown = fleet.applianceRules;
    if (!appliances.has(name)) {
      issues.push(issue(path, `fleet '${name}' is not the target of a Gateway Load Balancer, so it runs no appliance.`,
        'Remove `applianceRules`, or name the fleet in a Gateway Load Balancer\'s `listener.targetGroup.fleet`.'));
    } else if (fleet.webServer === WebServer.NONE) {
      issues.push(issue(path, 'the rules are applied by the default user data, which `webServer: \'none\'` turns off.', 'Apply the rules in your own user data, or use a web server for the health checks.'));
    }
    if (!Array.isArray(rules)) {
      issues.push(issue(path, `must be a list of nftables rules, got ${show(rules)}.`));
      continue;
    }
    rules.forEach((rule, i) => {
      if (typeof rule !== 'string' || rule.trim() === '' || /[\r\n]/.test(rule) || rule.length > MAX_RULE_LENGTH || rule.trim() === 'RULES') {
        issues.push(issue(path.index(i), `${show(rule)} is not one nftables rule on one line.`,
          `Write one rule per entry, at most ${MAX_RULE_LENGTH} characters, for example 'limit rate over 50000/second drop'.`));
      }
    });
  }
}

/** The `appliances` and `endpoints` tiers exist in the created VPC only when Gateway Load Balancers need them. */
function checkInspectionTiersExist(ctx: CheckContext, issues: SpecIssue[]): void {
  if (ctx.existing.vpc) return;
  const tiers = inspectionTiers(ctx.spec);
  const sections = ['fleets', 'applicationLoadBalancers', 'networkLoadBalancers', 'gatewayLoadBalancers', 'classicLoadBalancers'] as const;
  for (const section of sections) {
    for (const [name, part] of sortedEntries(ctx.spec[section] as { [name: string]: unknown } | undefined)) {
      if (!isObject(part)) continue;
      const tier = part.subnetTier ?? (section === 'gatewayLoadBalancers' ? SubnetTier.APPLIANCES : undefined);
      const missing = (tier === SubnetTier.APPLIANCES && !tiers.appliances) || (tier === SubnetTier.ENDPOINTS && !tiers.endpoints);
      if (missing) {
        issues.push(issue(SpecPath.ROOT.at(section, name, 'subnetTier'), `the VPC has no ${tier} tier: it has one only when ${tier === SubnetTier.APPLIANCES
          ? 'the spec has a Gateway Load Balancer' : 'a Gateway Load Balancer inspects the topology\'s own VPC'}.`, "Use the 'public', 'app' or 'data' tier."));
      }
    }
  }
}
