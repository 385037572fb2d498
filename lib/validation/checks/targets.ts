import { Token } from 'aws-cdk-lib';
import * as ecs from 'aws-cdk-lib/aws-ecs';
import { Protocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { resolveTargetGroup, sortedEntries } from '../../private/resolve';
import {
  KnownVpcCidr, PRIVATE_RANGES, TARGET_FIELDS, ecsServiceVpc, hasOtherTargets, inBlock, isIpv6, isLambdaTargetGroup, isOutsideVpc,
  isPrivateAddress, isResolvedContainer, knownVpcCidr, parseIpv4, resolveEcsContainer,
} from '../../private/targets';
import { IpTargetSpec } from '../../spec/ip-target';
import { TargetGroupSpec } from '../../spec/target-group';
import { CheckContext } from '../context';
import { unknownNameHint } from '../did-you-mean';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { targetGroupKind } from './target-groups';
import { checkBoolean, checkInt, checkKnownFields, isObject } from './util';

/** A Lambda function ARN, with an optional version or alias. */
const LAMBDA_ARN = /^arn:aws[a-z-]*:lambda:[a-z]{2}(-[a-z]+)+-\d:\d{12}:function:[A-Za-z0-9_-]{1,64}(:(\$LATEST|[A-Za-z0-9_-]{1,128}))?$/;
/** Target group settings AWS does not support for a Lambda function target. */
const NOT_FOR_LAMBDA = ['deregistrationDelaySeconds', 'slowStartSeconds', 'algorithm', 'anomalyMitigationEnabled', 'stickinessType',
  'stickinessCookieDurationSeconds', 'stickinessCookieName'] as const;
/** Addresses no load balancer sends to: "this network", loopback, link-local, multicast and reserved. */
const SPECIAL_RANGES = ['0.0.0.0/8', '127.0.0.0/8', '169.254.0.0/16', '224.0.0.0/4', '240.0.0.0/4'];
const SPLIT_HINT = 'Give each kind of target its own target group, and split the traffic between them with `weightedForward` or listener rules.';

/**
 * Targets beyond fleets: IP addresses in and outside the VPC (hybrid), Lambda functions
 * and ECS services. One kind of target per group; addresses AWS accepts, in the right
 * Availability Zone placement, on load balancers and settings that reach them; Lambda
 * functions only behind Application Load Balancers, without the settings AWS refuses for
 * them; and (phase B) the functions and services given in `ExistingResources`.
 */
export function checkTargetSources(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const vpc = knownVpcCidr(ctx.spec, ctx.existing);
  for (const [name, value] of sortedEntries(ctx.spec.targetGroups)) {
    if (!isObject(value)) continue;
    const tg = value as TargetGroupSpec;
    const path = SpecPath.ROOT.at('targetGroups', name);
    checkLoneSettings(tg, path, issues);
    if (!hasOtherTargets(tg)) continue;
    checkOneKind(tg, path, issues);
    if (tg.ipTargets !== undefined) checkIpTargets(tg, path, vpc, issues);
    if (isLambdaTargetGroup(tg)) checkLambda(ctx, tg, path, issues);
    if (tg.ecsService !== undefined) checkEcs(ctx, tg, path, issues);
  }
  checkLambdaBehindNlb(ctx, issues);
  return issues;
}

/** Settings of a Lambda or ECS target in a group without one. */
function checkLoneSettings(tg: TargetGroupSpec, path: SpecPath, issues: SpecIssue[]): void {
  if (tg.lambdaMultiValueHeadersEnabled !== undefined && !isLambdaTargetGroup(tg)) {
    issues.push(issue(path.key('lambdaMultiValueHeadersEnabled'), 'is set, but the target group has no Lambda function target.',
      'Remove lambdaMultiValueHeadersEnabled, or set lambdaFunction or lambdaFunctionArn.'));
  }
  for (const key of ['ecsContainerName', 'ecsContainerPort'] as const) {
    if (tg[key] !== undefined && tg.ecsService === undefined) {
      issues.push(issue(path.key(key), `${show(tg[key])} is set, but \`ecsService\` is not.`, `Set ecsService to the ECS service whose container receives the traffic, or remove ${key}.`));
    }
  }
}

/** How a target field appears in a message: its name and value. */
function describe(tg: TargetGroupSpec, field: typeof TARGET_FIELDS[number]): string {
  const value: unknown = tg[field];
  return field === 'ipTargets' ? '`ipTargets`' : `${field} ${show(value)}`;
}

/** Exactly one kind of target: a fleet never shares a group with IP targets, and a group holds one Lambda function. */
function checkOneKind(tg: TargetGroupSpec, path: SpecPath, issues: SpecIssue[]): void {
  const given = TARGET_FIELDS.filter((f) => tg[f] !== undefined);
  const [first, ...others] = given;
  for (const field of others) {
    const p = path.key(field);
    if (field === 'lambdaFunctionArn' && first === 'lambdaFunction') {
      issues.push(issue(p, `is set together with lambdaFunction ${show(tg.lambdaFunction)}, but a target group holds one Lambda function.`,
        'Keep lambdaFunction for a function given in `ExistingResources.lambdaFunctions`, or lambdaFunctionArn for one outside the app, and remove the other.'));
    } else if (field === 'ipTargets' && first === 'fleet') {
      issues.push(issue(p, `is set together with fleet ${show(tg.fleet)}, but a target group has one target type: Auto Scaling registers a fleet's instances by instance ID, and an IP target group holds only addresses.`,
        'Put the fleet in its own target group and keep the addresses here; split the traffic between the two groups with `weightedForward` or a listener rule (for example `/legacy/*` to the addresses).'));
    } else {
      issues.push(issue(p, `is set together with ${describe(tg, first)}, but a target group has one kind of target.`, SPLIT_HINT));
    }
  }
}

/** IP targets: valid IPv4 addresses AWS accepts, each once, placed in or outside the VPC consistently, on a load balancer that can reach them. */
function checkIpTargets(tg: TargetGroupSpec, path: SpecPath, vpc: KnownVpcCidr, issues: SpecIssue[]): void {
  const p = path.key('ipTargets');
  const list: unknown = tg.ipTargets;
  if (!Array.isArray(list)) {
    issues.push(issue(p, `must be a list of IP targets, got ${show(list)}.`, "Write for example [{ ipAddress: '10.0.1.15' }, { ipAddress: '192.168.10.21', port: 8080 }]."));
    return;
  }
  if (list.length === 0) {
    issues.push(issue(p, 'is empty, so the target group has no targets.', "Add a target, for example { ipAddress: '10.0.1.15' }, or give the group another kind of target."));
    return;
  }
  const groupPort = resolveTargetGroup(tg, undefined).port;
  const seen = new Map<string, number>();
  const outside: Array<{ index: number; address: string }> = [];
  list.forEach((value: unknown, i) => {
    const tp = p.index(i);
    if (!isObject(value)) {
      issues.push(issue(tp, `must be an object with an ipAddress, got ${show(value)}.`, "Write for example { ipAddress: '10.0.1.15' }."));
      return;
    }
    const target = value as unknown as IpTargetSpec;
    checkKnownFields(issues, tp, target, 'IpTargetSpec');
    checkInt(issues, tp.key('port'), target.port, 1, 65535);
    checkBoolean(issues, tp.key('outsideVpc'), target.outsideVpc);
    const address = checkAddress(target, tp, vpc, issues);
    if (address === undefined) return;
    const port = typeof target.port === 'number' ? target.port : groupPort;
    const key = `${address}:${port}`;
    const earlier = seen.get(key);
    if (earlier !== undefined) {
      issues.push(issue(tp, `'${address}' on port ${port} is already ipTargets[${earlier}].`, 'Remove the duplicate; give a different port to register one server twice.'));
    } else {
      seen.set(key, i);
    }
    if (isOutsideVpc({ ...target, outsideVpc: typeof target.outsideVpc === 'boolean' ? target.outsideVpc : undefined }, vpc)) outside.push({ index: i, address });
  });
  checkOutsideTargets(tg, path, outside, issues);
}

/** One IP address: IPv4, not publicly routable outside the VPC, and placed consistently with the VPC's CIDR block. Returns it when valid. */
function checkAddress(target: IpTargetSpec, tp: SpecPath, vpc: KnownVpcCidr, issues: SpecIssue[]): string | undefined {
  const address: unknown = target.ipAddress;
  const ap = tp.key('ipAddress');
  if (address === undefined) {
    issues.push(issue(ap, 'is missing.', "Give the target's IPv4 address, for example '10.0.1.15'."));
    return undefined;
  }
  if (typeof address !== 'string') {
    issues.push(issue(ap, `must be an IPv4 address, got ${show(address)}.`, "Write four numbers from 0 to 255, for example '10.0.1.15'."));
    return undefined;
  }
  // An address known only at deployment (a token) is AWS's to check.
  if (Token.isUnresolved(address)) return undefined;
  const n = parseIpv4(address);
  if (n === undefined) {
    issues.push(isIpv6(address)
      ? issue(ap, `'${address}' is an IPv6 address, but the topology registers IPv4 targets only: an IPv6 target group needs a dual-stack load balancer.`, "Use the target's IPv4 address.")
      : issue(ap, `'${address}' is not an IPv4 or IPv6 address.`, "Write four numbers from 0 to 255, for example '10.0.1.15'."));
    return undefined;
  }
  const inVpc = vpc.cidr !== undefined && inBlock(n, vpc.cidr);
  if (!inVpc && SPECIAL_RANGES.some((range) => inBlock(n, range))) {
    issues.push(issue(ap, `'${address}' is a loopback, link-local, multicast or reserved address, which no load balancer sends traffic to.`, "Give the server's own IPv4 address."));
    return undefined;
  }
  if (!inVpc && vpc.cidr !== undefined && !isPrivateAddress(n)) {
    issues.push(issue(ap, `'${address}' is a publicly routable address outside the VPC's CIDR block '${vpc.cidr}', which AWS does not accept as a target.`,
      `Register addresses in the VPC, or private addresses outside it (${PRIVATE_RANGES.join(', ')}) reached over a Site-to-Site VPN or Direct Connect.`));
    return undefined;
  }
  if (vpc.cidr !== undefined && target.outsideVpc === true && inVpc) {
    issues.push(issue(tp.key('outsideVpc'), `is true, but '${address}' is inside the VPC's CIDR block '${vpc.cidr}'.`,
      'Remove outsideVpc: it is derived from the VPC\'s CIDR block. Or correct the address.'));
  }
  if (vpc.cidr !== undefined && vpc.complete && target.outsideVpc === false && !inVpc) {
    issues.push(issue(tp.key('outsideVpc'), `is false, but '${address}' is outside the VPC's CIDR block '${vpc.cidr}', and AWS registers such a target in Availability Zone 'all'.`,
      'Remove outsideVpc: it is derived from the VPC\'s CIDR block. Or correct the address.'));
  }
  return address;
}

/**
 * Targets outside the VPC on a Network Load Balancer: client IP preservation needs targets
 * the load balancer reaches directly (its VPC or a peered one), not over a VPN or Direct
 * Connect, and UDP and TCP_UDP groups always preserve client IPs.
 */
function checkOutsideTargets(tg: TargetGroupSpec, path: SpecPath, outside: Array<{ index: number; address: string }>, issues: SpecIssue[]): void {
  if (outside.length === 0 || targetGroupKind(tg) !== 'network') return;
  const protocol = tg.protocol as string;
  const rule = 'AWS preserves client IPs only for targets the load balancer reaches directly (in its VPC or a peered VPC), not over a VPN or Direct Connect';
  if (protocol === Protocol.UDP || protocol === Protocol.TCP_UDP) {
    for (const { index, address } of outside) {
      issues.push(issue(path.key('ipTargets').index(index), `'${address}' is outside the VPC, but a ${protocol} target group always preserves client IP addresses, and ${rule}.`,
        'Put servers outside the VPC in a TCP or TLS target group, where client IP preservation is off for IP targets.'));
    }
  } else if (tg.preserveClientIp === true) {
    const { index, address } = outside[0];
    issues.push(issue(path.key('preserveClientIp'), `is true, but ipTargets[${index}] ('${address}') is outside the VPC, and ${rule}.`,
      'Remove preserveClientIp (off for IP targets); turn on proxyProtocolV2 if the servers need the clients\' addresses.'));
  }
}

/** A Lambda function target: a known function or a valid ARN, in an Application Load Balancer group without the settings AWS refuses for it. */
function checkLambda(ctx: CheckContext, tg: TargetGroupSpec, path: SpecPath, issues: SpecIssue[]): void {
  if (tg.lambdaFunction !== undefined) {
    checkExistingName(tg.lambdaFunction, Object.keys(ctx.existing.lambdaFunctions ?? {}), path.key('lambdaFunction'), {
      kind: 'Lambda function', field: 'lambdaFunctions', alternative: ', or give its ARN in `lambdaFunctionArn`',
    }, issues);
  }
  const arn: unknown = tg.lambdaFunctionArn;
  if (arn !== undefined && !(typeof arn === 'string' && (Token.isUnresolved(arn) || LAMBDA_ARN.test(arn)))) {
    issues.push(issue(path.key('lambdaFunctionArn'), `${show(arn)} is not a Lambda function ARN.`,
      "Copy it from the Lambda console, for example 'arn:aws:lambda:us-east-1:123456789012:function:my-function' (a version or alias may follow)."));
  }
  const protocol: unknown = tg.protocol;
  if (protocol !== undefined) {
    const network = targetGroupKind(tg) === 'network';
    issues.push(issue(path.key('protocol'), `${show(protocol)} is set, but a Lambda function's target group has no protocol${network ? ', and only an Application Load Balancer invokes Lambda functions' : ''}.`,
      'Remove protocol.'));
  }
  if (tg.port !== undefined) {
    issues.push(issue(path.key('port'), `${show(tg.port)} is set, but a Lambda function's target group has no port.`, 'Remove port.'));
  }
  for (const key of NOT_FOR_LAMBDA) {
    if (tg[key] === undefined) continue;
    issues.push(issue(path.key(key), `${show(tg[key])} is set, but AWS does not support ${key} for a Lambda function target.`, `Remove ${key}.`));
  }
  const hc: unknown = tg.healthCheck;
  if (isObject(hc)) {
    for (const key of ['protocol', 'port'] as const) {
      if (hc[key] === undefined) continue;
      issues.push(issue(path.at('healthCheck', key), `${show(hc[key])} is set, but a Lambda function's health check has no ${key}: the load balancer invokes the function.`, `Remove ${key}.`));
    }
  }
  checkBoolean(issues, path.key('lambdaMultiValueHeadersEnabled'), tg.lambdaMultiValueHeadersEnabled);
}

/** An ECS service target: a known service in the topology's VPC, in an Application Load Balancer group, registered by a container port it maps. */
function checkEcs(ctx: CheckContext, tg: TargetGroupSpec, path: SpecPath, issues: SpecIssue[]): void {
  const sp = path.key('ecsService');
  const kind = targetGroupKind(tg);
  if (kind === 'network') {
    issues.push(issue(sp, `an ECS service is a target of Application Load Balancer groups here, but this group uses ${tg.protocol}, a Network Load Balancer protocol.`,
      "Use protocol 'HTTP' or 'HTTPS' (the default is 'HTTP') and forward to the group from an Application Load Balancer listener or rule."));
  }
  const containerName: unknown = tg.ecsContainerName;
  if (containerName !== undefined && (typeof containerName !== 'string' || containerName === '')) {
    issues.push(issue(path.key('ecsContainerName'), `must be the name of a container, got ${show(containerName)}.`));
  }
  checkInt(issues, path.key('ecsContainerPort'), tg.ecsContainerPort, 1, 65535);
  const services = ctx.existing.ecsServices ?? {};
  if (!checkExistingName(tg.ecsService, Object.keys(services), sp, { kind: 'ECS service', field: 'ecsServices', alternative: '' }, issues)) return;
  const service = services[tg.ecsService!];
  checkEcsVpc(ctx, tg.ecsService!, service, sp, issues);
  const given: unknown = tg.ecsContainerPort;
  if (given !== undefined && !(Number.isInteger(given) && (given as number) >= 1 && (given as number) <= 65535)) return; // reported above
  const port = given as number | undefined;
  const name = typeof containerName === 'string' && containerName !== '' ? containerName : undefined;
  const r = resolveEcsContainer(service, name, port);
  if (!isResolvedContainer(r)) issues.push(issue(path.key(r.field), `ECS service '${tg.ecsService}': ${r.message}`, r.hint));
}

/** The service runs in the topology's VPC: the existing VPC given beside the spec. */
function checkEcsVpc(ctx: CheckContext, name: string, service: ecs.BaseService, path: SpecPath, issues: SpecIssue[]): void {
  const serviceVpc = ecsServiceVpc(service);
  const vpc = ctx.existing.vpc;
  if (serviceVpc === undefined) return;
  if (vpc === undefined) {
    issues.push(issue(path, `ECS service '${name}' runs in a VPC of its own, but without \`ExistingResources.vpc\` the topology creates a new VPC, and a load balancer reaches targets in its own VPC.`,
      "Pass the service's VPC as `vpc` in the `existing` prop."));
    return;
  }
  const a = serviceVpc.vpcId;
  const b = vpc.vpcId;
  if (serviceVpc !== vpc && a !== b && !Token.isUnresolved(a) && !Token.isUnresolved(b)) {
    issues.push(issue(path, `ECS service '${name}' runs in VPC '${a}', but the topology is built in VPC '${b}'.`, "Pass the service's VPC as `vpc` in the `existing` prop, or use a service in that VPC."));
  }
}

interface ExistingKind {
  /** What the objects are, for example 'Lambda function'. */
  readonly kind: string;
  /** The field of ExistingResources they are given in. */
  readonly field: string;
  /** Another way to give the target, appended to the hint when none is given. */
  readonly alternative: string;
}

/** A name of an object given in `ExistingResources`, with a did-you-mean hint; true when it is known. */
function checkExistingName(value: unknown, known: string[], path: SpecPath, what: ExistingKind, issues: SpecIssue[]): boolean {
  if (typeof value !== 'string' || value === '') {
    issues.push(issue(path, `must name a ${what.kind} given in \`ExistingResources.${what.field}\`, got ${show(value)}.`));
    return false;
  }
  if (known.includes(value)) return true;
  issues.push(issue(path, `unknown ${what.kind} '${value}'.`, known.length === 0
    ? `No ${what.kind}s are given: pass it as \`${what.field}: { '${value}': ... }\` in the \`existing\` prop (ExistingResources)${what.alternative}.`
    : unknownNameHint(value, known, what.kind, `ExistingResources.${what.field}`)));
  return false;
}

/** A Lambda target behind a Network Load Balancer: only Application Load Balancers invoke Lambda functions. */
function checkLambdaBehindNlb(ctx: CheckContext, issues: SpecIssue[]): void {
  for (const [lbName, nlb] of sortedEntries(ctx.spec.networkLoadBalancers)) {
    if (!isObject(nlb) || !isObject(nlb.listeners)) continue;
    for (const [listenerName, listener] of sortedEntries(nlb.listeners)) {
      if (!isObject(listener) || typeof listener.targetGroup !== 'string') continue;
      const tg: unknown = ctx.spec.targetGroups?.[listener.targetGroup];
      if (!isObject(tg) || !isLambdaTargetGroup(tg)) continue;
      issues.push(issue(SpecPath.ROOT.at('networkLoadBalancers', lbName, 'listeners', listenerName, 'targetGroup'),
        `target group '${listener.targetGroup}' has a Lambda function as its target, which only an Application Load Balancer can invoke.`,
        'Forward to it from an Application Load Balancer listener or rule, and give this listener a TCP, UDP, TCP_UDP or TLS target group.'));
    }
  }
}
