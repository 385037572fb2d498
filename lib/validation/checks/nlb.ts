import { AlpnPolicy, Protocol, SslPolicy } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { inIpv4Block, ipv4Number, ipv4Octets } from '../../private/ipv4';
import { NETWORK_PROTOCOLS, resolveNetwork, resolveNlb, sortedEntries } from '../../private/resolve';
import { isLambdaTargetGroup } from '../../private/targets';
import { SubnetTier } from '../../spec/enums';
import { NetworkListenerSpec, NetworkLoadBalancerSpec } from '../../spec/nlb';
import { TargetGroupSpec } from '../../spec/target-group';
import { CheckContext } from '../context';
import { unknownNameHint } from '../did-you-mean';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { targetGroupsOfAlb } from './fleets';
import { checkAllowFrom, checkCertificate, checkPublicTier } from './load-balancer';
import { targetGroupKind } from './target-groups';
import { checkBoolean, checkCidrList, checkEnum, checkInt, checkKnownFields, checkRef, isObject, NAME_PATTERN, NAME_RULE, parseIpv4Cidr } from './util';

/** AWS's quota of listeners per Network Load Balancer. */
const MAX_LISTENERS = 50;
/** An Elastic IP allocation ID: `eipalloc-` and 8 or 17 hexadecimal digits. */
const ALLOCATION_ID = /^eipalloc-([0-9a-f]{8}|[0-9a-f]{17})$/;
/** The target group protocols each listener protocol can forward to (AWS's table). */
const TARGET_PROTOCOLS: { [listener: string]: readonly string[] } = {
  [Protocol.TCP]: [Protocol.TCP, Protocol.TCP_UDP],
  [Protocol.TLS]: [Protocol.TCP, Protocol.TLS],
  [Protocol.UDP]: [Protocol.UDP, Protocol.TCP_UDP],
  [Protocol.TCP_UDP]: [Protocol.TCP_UDP],
};

/**
 * Network Load Balancers: placement, Elastic IPs and private addresses, the fleets
 * admitted, listeners and the target groups they forward to, certificate and domain.
 */
export function checkNetworkLoadBalancers(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  const users = targetGroupUsers(ctx);
  for (const [name, nlb] of sortedEntries(ctx.spec.networkLoadBalancers)) {
    if (!isObject(nlb)) continue;
    checkNlb(ctx, name, nlb as NetworkLoadBalancerSpec, SpecPath.ROOT.at('networkLoadBalancers', name), users, issues);
  }
  return issues;
}

/** For each target group, the load balancers that forward to it, as "Application Load Balancer 'x'". */
function targetGroupUsers(ctx: CheckContext): Map<string, string[]> {
  const users = new Map<string, string[]>();
  const add = (tg: string, lb: string) => {
    const list = users.get(tg) ?? [];
    if (!list.includes(lb)) list.push(lb);
    users.set(tg, list);
  };
  for (const [name, alb] of sortedEntries(ctx.spec.applicationLoadBalancers)) {
    for (const tg of targetGroupsOfAlb(alb)) add(tg, `Application Load Balancer '${name}'`);
  }
  for (const [name, nlb] of sortedEntries(ctx.spec.networkLoadBalancers)) {
    if (!isObject(nlb) || !isObject(nlb.listeners)) continue;
    for (const l of Object.values(nlb.listeners)) {
      if (isObject(l) && typeof l.targetGroup === 'string') add(l.targetGroup, `Network Load Balancer '${name}'`);
    }
  }
  return users;
}

function checkNlb(ctx: CheckContext, name: string, nlb: NetworkLoadBalancerSpec, path: SpecPath, users: Map<string, string[]>,
  issues: SpecIssue[]): void {
  checkKnownFields(issues, path, nlb, 'NetworkLoadBalancerSpec');
  for (const key of ['internetFacing', 'elasticIpsEnabled', 'crossZoneEnabled', 'deletionProtection', 'aliasRecordEnabled'] as const) {
    checkBoolean(issues, path.key(key), nlb[key]);
  }
  checkEnum(issues, path.key('subnetTier'), nlb.subnetTier, Object.values(SubnetTier));
  checkCidrList(issues, path.key('ingressCidrs'), nlb.ingressCidrs);
  checkAllowFrom(ctx, nlb.allowFrom, path.key('allowFrom'), issues);
  // Resolve only well-formed listeners; the others are reported below.
  const listeners = isObject(nlb.listeners) ? Object.fromEntries(Object.entries(nlb.listeners).filter(([, l]) => isObject(l))) : {};
  const r = resolveNlb({ ...nlb, listeners: listeners as { [name: string]: NetworkListenerSpec } });
  checkPublicTier(r.internetFacing, r.subnetTier, path, issues);
  const internal = nlb.internetFacing === false;
  checkElasticIps(ctx, nlb, path, internal, issues);
  checkPrivateAddresses(ctx, nlb, path, internal, issues);
  checkListeners(ctx, name, nlb, path, users, issues);
  checkCertificate(ctx, nlb, path, {
    secureProtocol: 'TLS',
    hasSecureListener: r.tlsListeners.length > 0,
    aliasRecord: r.aliasRecordEnabled,
    unusedCertificateIsError: true,
    withoutAliasRecord: 'set `aliasRecordEnabled: false`',
  }, issues);
}

/** Elastic IPs: internet-facing only; given ones are allocation IDs, one per Availability Zone. */
function checkElasticIps(ctx: CheckContext, nlb: NetworkLoadBalancerSpec, path: SpecPath, internal: boolean, issues: SpecIssue[]): void {
  const ids: unknown = nlb.elasticIpAllocationIds;
  const idsPath = path.key('elasticIpAllocationIds');
  if (internal && nlb.elasticIpsEnabled === true) {
    issues.push(issue(path.key('elasticIpsEnabled'), 'is true, but the load balancer is internal (`internetFacing: false`), and only an internet-facing load balancer has Elastic IPs.',
      'Remove elasticIpsEnabled, or make the load balancer internet-facing; an internal one can have fixed addresses with privateIpv4Addresses.'));
  }
  if (ids === undefined) return;
  if (internal) {
    issues.push(issue(idsPath, `Elastic IPs are given (${show(ids)}), but the load balancer is internal (\`internetFacing: false\`), and only an internet-facing load balancer has Elastic IPs.`,
      'Remove elasticIpAllocationIds, or make the load balancer internet-facing; an internal one can have fixed addresses with privateIpv4Addresses.'));
  } else if (nlb.elasticIpsEnabled === false) {
    issues.push(issue(path.key('elasticIpsEnabled'), 'is false, but elasticIpAllocationIds are given.',
      'Remove elasticIpsEnabled to use the given Elastic IPs, or remove elasticIpAllocationIds.'));
  }
  if (!Array.isArray(ids)) {
    issues.push(issue(idsPath, `must be a list of Elastic IP allocation IDs, got ${show(ids)}.`, "Write for example ['eipalloc-0123456789abcdef0', 'eipalloc-0123456789abcdef1']."));
    return;
  }
  const seen = new Set<string>();
  ids.forEach((id, i) => {
    if (typeof id !== 'string' || !ALLOCATION_ID.test(id)) {
      issues.push(issue(idsPath.index(i), `${show(id)} is not an Elastic IP allocation ID.`,
        "Copy it from the EC2 console (Elastic IPs): 'eipalloc-' and 8 or 17 hexadecimal digits, for example 'eipalloc-0123456789abcdef0'."));
    } else if (seen.has(id)) {
      issues.push(issue(idsPath.index(i), `'${id}' is listed twice.`, 'Give each Availability Zone its own Elastic IP.'));
    }
    if (typeof id === 'string') seen.add(id);
  });
  if (!internal) checkOnePerZone(ctx, ids.length, 'Elastic IP allocation IDs', idsPath, issues);
}

/** Private addresses: internal only; valid IPv4 addresses in the VPC, one per Availability Zone. */
function checkPrivateAddresses(ctx: CheckContext, nlb: NetworkLoadBalancerSpec, path: SpecPath, internal: boolean, issues: SpecIssue[]): void {
  const addresses: unknown = nlb.privateIpv4Addresses;
  if (addresses === undefined) return;
  const p = path.key('privateIpv4Addresses');
  if (!internal) {
    issues.push(issue(p, `private addresses are given (${show(addresses)}), but the load balancer is internet-facing.`,
      'Set `internetFacing: false` for an internal load balancer, or remove privateIpv4Addresses; an internet-facing one has Elastic IPs for fixed addresses.'));
  }
  if (!Array.isArray(addresses)) {
    issues.push(issue(p, `must be a list of IPv4 addresses, got ${show(addresses)}.`, "Write for example ['10.0.0.10', '10.0.1.10']."));
    return;
  }
  const vpcCidr = ctx.existing.vpc === undefined ? resolveNetwork(isObject(ctx.spec.network) ? ctx.spec.network : {}).cidr : undefined;
  const vpc = typeof vpcCidr === 'string' ? parseIpv4Cidr(vpcCidr) : undefined;
  const seen = new Set<string>();
  addresses.forEach((address, i) => {
    const octets = typeof address === 'string' ? ipv4Octets(address) : undefined;
    if (octets === undefined) {
      issues.push(issue(p.index(i), `${show(address)} is not an IPv4 address.`, "Write four numbers from 0 to 255, for example '10.0.0.10'."));
      return;
    }
    if (seen.has(address)) issues.push(issue(p.index(i), `'${address}' is listed twice.`, 'Give each Availability Zone its own address.'));
    seen.add(address);
    if (vpc && !inIpv4Block(ipv4Number(octets), ipv4Number(vpc.octets), vpc.prefix)) {
      issues.push(issue(p.index(i), `'${address}' is not in the VPC's CIDR block '${vpcCidr}'.`, "Choose an address inside the load balancer's subnet in that Availability Zone."));
    }
  });
  if (internal) checkOnePerZone(ctx, addresses.length, 'private addresses', p, issues);
}

function checkOnePerZone(ctx: CheckContext, count: number, what: string, path: SpecPath, issues: SpecIssue[]): void {
  if (ctx.azCount === undefined || count === ctx.azCount) return;
  issues.push(issue(path, `${count} ${what} are given, but the load balancer has a subnet in each of ${ctx.azCount} Availability Zones.`,
    `Give exactly ${ctx.azCount}, one per Availability Zone, in zone order.`));
}

function checkListeners(ctx: CheckContext, lbName: string, nlb: NetworkLoadBalancerSpec, path: SpecPath, users: Map<string, string[]>,
  issues: SpecIssue[]): void {
  const listenersPath = path.key('listeners');
  if (!isObject(nlb.listeners) || Object.keys(nlb.listeners).length === 0) {
    issues.push(issue(listenersPath, `must be a map with at least one listener, got ${show(nlb.listeners)}.`,
      "Add a listener, for example `{ tcp: { protocol: 'TCP', port: 443, targetGroup: 'web' } }`."));
    return;
  }
  const entries = sortedEntries(nlb.listeners);
  if (entries.length > MAX_LISTENERS) {
    issues.push(issue(listenersPath, `${entries.length} listeners exceed AWS's quota of ${MAX_LISTENERS} per Network Load Balancer.`, 'Spread the listeners across load balancers.'));
  }
  const portOwners = new Map<number, Array<{ name: string; protocol: string }>>();
  for (const [name, value] of entries) {
    const lp = listenersPath.key(name);
    if (!NAME_PATTERN.test(name)) issues.push(issue(lp, `the name '${name}' is not valid.`, `Use ${NAME_RULE}.`));
    if (!isObject(value)) {
      issues.push(issue(lp, `must be an object, got ${show(value)}.`));
      continue;
    }
    const listener = value as NetworkListenerSpec;
    checkKnownFields(issues, lp, listener, 'NetworkListenerSpec');
    checkEnum(issues, lp.key('protocol'), listener.protocol, NETWORK_PROTOCOLS, "A Network Load Balancer listener is 'TCP', 'UDP', 'TCP_UDP' or 'TLS'.");
    const protocol: string = listener.protocol ?? Protocol.TCP;
    const protocolValid = NETWORK_PROTOCOLS.includes(protocol);
    if (listener.port === undefined) {
      issues.push(issue(lp.key('port'), 'is missing.', 'Give the listener a port from 1 to 65535.'));
    }
    checkInt(issues, lp.key('port'), listener.port, 1, 65535);
    checkEnum(issues, lp.key('sslPolicy'), listener.sslPolicy, Object.values(SslPolicy));
    checkEnum(issues, lp.key('alpnPolicy'), listener.alpnPolicy, Object.values(AlpnPolicy));
    if (protocolValid && protocol !== Protocol.TLS) {
      if (listener.sslPolicy !== undefined) {
        issues.push(issue(lp.key('sslPolicy'), `a TLS policy is set on a ${protocol} listener.`, "Remove sslPolicy, or make the listener 'TLS'."));
      }
      if (listener.alpnPolicy !== undefined) {
        issues.push(issue(lp.key('alpnPolicy'), `an ALPN policy is set on a ${protocol} listener.`, "Remove alpnPolicy, or make the listener 'TLS'."));
      }
    }
    const port = listener.port;
    if (protocolValid && Number.isInteger(port)) {
      const owners = portOwners.get(port) ?? [];
      // AWS keeps one listener per port: TCP and UDP on one port is a TCP_UDP listener.
      const owner = owners[0];
      if (owner !== undefined) {
        issues.push(issue(lp.key('port'), `port ${port} is already used by the ${owner.protocol} listener '${owner.name}'.`,
          'A load balancer has one listener per port: for TCP and UDP on one port, use one TCP_UDP listener with a TCP_UDP target group.'));
      } else {
        portOwners.set(port, [...owners, { name, protocol }]);
      }
    }
    checkListenerTargetGroup(ctx, lbName, listener, protocolValid ? protocol : undefined, lp.key('targetGroup'), users, issues);
  }
}

/** The target group of a listener: a Network Load Balancer group, of a protocol the listener can forward to, of this load balancer only. */
function checkListenerTargetGroup(ctx: CheckContext, lbName: string, listener: NetworkListenerSpec, protocol: string | undefined, path: SpecPath,
  users: Map<string, string[]>, issues: SpecIssue[]): void {
  const name = listener.targetGroup;
  if (!checkRef(issues, path, name, ctx.targetGroupNames, 'target group', 'targetGroups')) return;
  const given: unknown = ctx.spec.targetGroups?.[name];
  if (!isObject(given)) return;
  const tg = given as TargetGroupSpec;
  const kind = targetGroupKind(tg);
  if (kind === undefined) return; // an invalid protocol, reported at the target group
  if (isLambdaTargetGroup(tg)) return; // a Lambda target behind an NLB, reported by checks/targets.ts
  const tgProtocol: string = tg.protocol ?? Protocol.HTTP;
  if (kind === 'application') {
    const networkGroups = sortedEntries(ctx.spec.targetGroups).filter(([, g]) => isObject(g) && targetGroupKind(g as TargetGroupSpec) === 'network').map(([n]) => n);
    issues.push(issue(path, `target group '${name}' uses ${tgProtocol}${tg.protocol === undefined ? ' (the default)' : ''}, which a Network Load Balancer cannot forward to.`,
      networkGroups.length > 0
        ? `Forward to a TCP, UDP, TCP_UDP or TLS target group. ${unknownNameHint(name, networkGroups, 'Network Load Balancer target group', 'targetGroups')}`
        : "Forward to a TCP, UDP, TCP_UDP or TLS target group; declare one under `targetGroups` with `protocol: 'TCP'`."));
    return;
  }
  if (protocol !== undefined) {
    const fits = TARGET_PROTOCOLS[protocol];
    if (!fits.includes(tgProtocol)) {
      issues.push(issue(path, `target group '${name}' uses ${tgProtocol}, which a ${protocol} listener cannot forward to.`,
        `A ${protocol} listener forwards to a ${fits.join(' or ')} target group.`));
    } else if (tg.applicationLoadBalancer !== undefined && protocol !== Protocol.TCP) {
      issues.push(issue(path, `target group '${name}' has an Application Load Balancer as its target, which only a TCP listener can forward to, not a ${protocol} listener.`,
        "Make this listener 'TCP'; the Application Load Balancer terminates TLS itself."));
    }
  }
  const others = (users.get(name) ?? []).filter((lb) => lb !== `Network Load Balancer '${lbName}'`);
  if (others.length > 0) {
    issues.push(issue(path, `target group '${name}' is also used by ${others.join(' and ')}, but a target group belongs to one load balancer.`,
      'Declare a separate target group for each load balancer (they may hold the same fleet).'));
  }
}
