import { ExistingResources, TopologySpec } from '../spec/topology-spec';
import { checkApplicationLoadBalancers } from './checks/alb';
import { checkAuthentication } from './checks/authentication';
import { checkClassicLoadBalancers } from './checks/clb';
import { checkDnsRecords } from './checks/dns-records';
import { checkExistingVpc } from './checks/existing-vpc';
import { checkFleets } from './checks/fleets';
import { checkGatewayLoadBalancers } from './checks/gwlb';
import { checkHostedZones } from './checks/hosted-zones';
import { checkLatencyScaling } from './checks/latency-scaling';
import { checkMonitoring } from './checks/monitoring';
import { checkNames, checkRootKeys } from './checks/names';
import { checkNetwork } from './checks/network';
import { checkNetworkLoadBalancers } from './checks/nlb';
import { checkListenerRules } from './checks/rules';
import { checkTargetGroups } from './checks/target-groups';
import { checkTargetSources } from './checks/targets';
import { checkLoadBalancerWebAcls, checkWebAcls } from './checks/waf';
import { CheckContext, createContext } from './context';
import { SpecIssue, SpecPath, issue } from './issue';

interface SpecCheck {
  /** The spec section the check covers: where a crash of the check is reported. */
  readonly section: string;
  readonly run: (ctx: CheckContext) => SpecIssue[];
}

/** Every check, one concern each, run in this order; issues are sorted afterwards. */
const CHECKS: SpecCheck[] = [
  { section: '', run: (ctx) => checkRootKeys(ctx.spec) },
  { section: '', run: (ctx) => checkNames(ctx.spec) },
  { section: 'network', run: checkNetwork },
  { section: 'hostedZones', run: checkHostedZones },
  { section: 'fleets', run: checkFleets },
  { section: 'targetGroups', run: checkTargetGroups },
  { section: 'targetGroups', run: checkTargetSources },
  { section: 'applicationLoadBalancers', run: checkApplicationLoadBalancers },
  { section: 'applicationLoadBalancers', run: checkListenerRules },
  { section: 'applicationLoadBalancers', run: checkAuthentication },
  { section: 'networkLoadBalancers', run: checkNetworkLoadBalancers },
  { section: 'gatewayLoadBalancers', run: checkGatewayLoadBalancers },
  { section: 'classicLoadBalancers', run: checkClassicLoadBalancers },
  { section: 'dnsRecords', run: checkDnsRecords },
  { section: 'webAcls', run: checkWebAcls },
  { section: 'applicationLoadBalancers', run: checkLoadBalancerWebAcls },
  { section: 'monitoring', run: checkMonitoring },
  { section: 'fleets', run: checkLatencyScaling },
  { section: '', run: checkExistingVpc },
];

/**
 * Runs every check over the spec (and the existing resources beside it) and returns
 * all issues, sorted by path. A check that throws is reported as an issue at its
 * section; it never stops the other checks.
 */
export function validateSpec(spec: TopologySpec, existing: ExistingResources = {}): SpecIssue[] {
  if (typeof spec !== 'object' || spec === null || Array.isArray(spec)) return checkRootKeys(spec);
  const ctx = createContext(spec, existing);
  const issues: SpecIssue[] = [];
  for (const check of CHECKS) {
    try {
      issues.push(...check.run(ctx));
    } catch (e) {
      const path = check.section ? SpecPath.ROOT.key(check.section) : SpecPath.ROOT;
      const reason = String(e instanceof Error ? e.message : e).trim().replace(/\.+$/, '');
      issues.push(issue(path, `could not be checked: ${reason}.`, 'Check that this section has the shape the documentation gives.'));
    }
  }
  return sortIssues(dedupe(issues));
}

function dedupe(issues: SpecIssue[]): SpecIssue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const key = `${i.path}\u0000${i.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);

/**
 * Compares paths part by part, array indices by number, so `rules[2]` comes before
 * `rules[10]` and a path comes before the paths below it.
 */
function comparePaths(a: string, b: string): number {
  const pa = a.split(/(\[\d+\])/);
  const pb = b.split(/(\[\d+\])/);
  for (let i = 0; i < Math.min(pa.length, pb.length); i++) {
    if (pa[i] === pb[i]) continue;
    const ia = /^\[(\d+)\]$/.exec(pa[i]);
    const ib = /^\[(\d+)\]$/.exec(pb[i]);
    return ia && ib ? Number(ia[1]) - Number(ib[1]) : cmp(pa[i], pb[i]);
  }
  return pa.length - pb.length;
}

function sortIssues(issues: SpecIssue[]): SpecIssue[] {
  return [...issues].sort((a, b) => comparePaths(a.path, b.path) || cmp(a.message, b.message) || cmp(a.hint ?? '', b.hint ?? ''));
}

/** One report line per issue: path, what is wrong, how to fix it. */
export function formatIssues(issues: SpecIssue[]): string {
  const count = issues.length === 1 ? '1 problem' : `${issues.length} problems`;
  const lines = issues.map((i) => `  ${i.path}: ${i.message}${i.hint ? ` ${i.hint}` : ''}`);
  return [`ElbTopology spec has ${count}:`, ...lines].join('\n');
}

/**
 * The error thrown for an invalid spec. Internal: jsii forbids exporting subclasses
 * of Error, so callers match on the message or use `ElbTopology.validateSpec`.
 */
export class SpecValidationError extends Error {
  constructor(readonly issues: SpecIssue[]) {
    super(formatIssues(issues));
    this.name = 'SpecValidationError';
  }
}

/** Throws one error listing every issue, if there is any. */
export function assertValidSpec(spec: TopologySpec, existing?: ExistingResources): void {
  const issues = validateSpec(spec, existing);
  if (issues.length > 0) throw new SpecValidationError(issues);
}
