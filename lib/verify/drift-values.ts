/**
 * Values for the drift check: template values resolved where that is certain (literals,
 * and `Ref`s to resources of the stack whose `Ref` is the ARN the stack lists), the
 * comparison of one field, and canonical forms of listener actions and rule conditions
 * so that the template and DescribeRules can be compared.
 */
import { Action, RuleCondition } from '@aws-sdk/client-elastic-load-balancing-v2';
import { RESOURCE_TYPES } from './discovery';
import { DriftDifference, StackResource } from './types';

/** A template value that is an intrinsic function: not compared. */
export const INTRINSIC = Symbol('intrinsic');

/** Resource types whose `Ref` returns the physical ID that ListStackResources lists (an ARN). */
const REF_IS_PHYSICAL_ID = new Set([
  RESOURCE_TYPES.loadBalancer, RESOURCE_TYPES.listener, RESOURCE_TYPES.listenerRule, RESOURCE_TYPES.targetGroup,
  'AWS::CertificateManager::Certificate',
]);

/** Resolves template values against one stack's resources, and names ARNs by logical ID for display. */
export class Resolver {
  private readonly refs = new Map<string, string>();
  private readonly labels = new Map<string, string>();

  /** `stackResources`: the stack the template belongs to; `allResources`: every stack, for labels. */
  constructor(stackResources: StackResource[], allResources: StackResource[]) {
    for (const r of stackResources) if (REF_IS_PHYSICAL_ID.has(r.type)) this.refs.set(r.logicalId, r.physicalId);
    for (const r of allResources) this.labels.set(r.physicalId, r.logicalId);
  }

  /** The literal value, with resolvable `Ref`s replaced; INTRINSIC when any part is another intrinsic. */
  resolve(value: unknown): unknown {
    if (Array.isArray(value)) {
      const items = value.map(v => this.resolve(v));
      return items.includes(INTRINSIC) ? INTRINSIC : items;
    }
    if (typeof value !== 'object' || value === null) return value;
    const entries = Object.entries(value);
    if (entries.length === 1 && (entries[0][0] === 'Ref' || entries[0][0].startsWith('Fn::'))) {
      const [key, arg] = entries[0];
      return key === 'Ref' && typeof arg === 'string' && this.refs.has(arg) ? this.refs.get(arg) : INTRINSIC;
    }
    const resolved = entries.map(([k, v]) => [k, this.resolve(v)] as const);
    return resolved.some(([, v]) => v === INTRINSIC) ? INTRINSIC : Object.fromEntries(resolved);
  }

  /** The logical ID of the stack resource with this physical ID, or the value itself. */
  label(value: unknown): string {
    const text = String(value);
    return this.labels.get(text) ?? text;
  }
}

/** Turns a value into the text compared and shown; undefined when not set. */
export type Canon = (value: unknown) => string | undefined;

/** The text of a plain value: numbers and booleans as strings, lists joined with commas. */
export const plain: Canon = value => {
  if (value === undefined || value === null) return undefined;
  if (Array.isArray(value)) return value.map(v => plain(v) ?? '').join(', ');
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
};

/** Counts compared and skipped fields and collects the differences. */
export class Comparison {
  compared = 0;
  notCompared = 0;
  readonly differences: DriftDifference[] = [];

  /** Compares the fields of one resource. */
  resource(resolver: Resolver, where: { readonly stackPath: string; readonly logicalId: string; readonly type: string }): FieldComparer {
    return new FieldComparer(this, resolver, where);
  }
}

/** Compares the fields of one resource with what runs. */
export class FieldComparer {
  constructor(private readonly comparison: Comparison, readonly resolver: Resolver,
    private readonly where: { readonly stackPath: string; readonly logicalId: string; readonly type: string }) {}

  /**
   * Compares a declared field with its actual value. A field the template does not set is
   * skipped (AWS's default applies); an intrinsic one is counted as not compared.
   */
  field(name: string, declared: unknown, actual: unknown, canon: Canon = plain): void {
    if (declared === undefined) return;
    const resolved = this.resolver.resolve(declared);
    if (resolved === INTRINSIC) {
      this.comparison.notCompared++;
      return;
    }
    this.comparison.compared++;
    const d = canon(resolved) ?? '(not set)';
    const a = canon(actual) ?? '(not set)';
    if (d !== a) this.difference(name, d, a);
  }

  /** Records a difference found without a field comparison (a missing resource). */
  difference(field: string, declared: string, actual: string): void {
    const { stackPath, logicalId, type } = this.where;
    this.comparison.differences.push({ stackPath, logicalId, resourceType: type, field, declared, actual });
  }
}

type Loose = Record<string, unknown>;

/** Compares a template's action list (`DefaultActions` or `Actions`) with the actions AWS reports. */
export function compareActions(cmp: FieldComparer, prefix: string, declared: unknown, actual: Action[] | undefined): void {
  if (declared === undefined) return;
  if (!Array.isArray(declared)) {
    cmp.field(prefix, declared, undefined);
    return;
  }
  const byOrder = (list: Loose[]) => list.map((a, i) => ({ a, order: typeof a.Order === 'number' ? a.Order : i + 1 }))
    .sort((x, y) => x.order - y.order).map(x => x.a);
  const mine = byOrder(declared as Loose[]);
  const theirs = byOrder((actual ?? []) as unknown as Loose[]);
  cmp.field(prefix, mine.map(a => a.Type), theirs.map(a => a.Type));
  mine.forEach((a, i) => {
    const b = theirs[i];
    if (b === undefined || a.Type !== b.Type) return;
    const p = `${prefix}[${i}]`;
    const forward = forwardTargets(a);
    if (forward !== undefined) {
      const weighted = Array.isArray(forward) && forward.every(t => (t as Loose)?.Weight !== undefined);
      cmp.field(`${p}.TargetGroups`, forward, forwardTargets(b), targetGroupsCanon(cmp.resolver, weighted));
      const sticky = ((a.ForwardConfig as Loose)?.TargetGroupStickinessConfig ?? {}) as Loose;
      const actualSticky = ((b.ForwardConfig as Loose)?.TargetGroupStickinessConfig ?? {}) as Loose;
      for (const key of Object.keys(sticky)) cmp.field(`${p}.ForwardConfig.TargetGroupStickinessConfig.${key}`, sticky[key], actualSticky[key]);
    }
    for (const config of ['RedirectConfig', 'FixedResponseConfig']) {
      const mineConfig = a[config];
      if (typeof mineConfig !== 'object' || mineConfig === null) continue;
      const theirConfig = (b[config] ?? {}) as Loose;
      for (const [key, value] of Object.entries(mineConfig)) cmp.field(`${p}.${config}.${key}`, value, theirConfig[key]);
    }
  });
}

/** The target groups of a forward action: its ForwardConfig's list, or its one TargetGroupArn. */
function forwardTargets(action: Loose): unknown {
  const config = action.ForwardConfig as Loose | undefined;
  if (config?.TargetGroups !== undefined) return config.TargetGroups;
  return action.TargetGroupArn === undefined ? undefined : [{ TargetGroupArn: action.TargetGroupArn }];
}

function targetGroupsCanon(resolver: Resolver, weighted: boolean): Canon {
  return value => Array.isArray(value)
    ? value.map(t => {
      const entry = t as Loose;
      return `${resolver.label(entry.TargetGroupArn)}${weighted ? ` (weight ${entry.Weight ?? 1})` : ''}`;
    }).sort().join(', ')
    : undefined;
}

/** Rule conditions as one text: each condition's field and values, sorted. */
export const conditionsCanon: Canon = value => Array.isArray(value)
  ? value.map(c => conditionText(c as RuleCondition)).sort().join(' AND ')
  : undefined;

function conditionText(c: RuleCondition): string {
  const list = (values?: string[], regex?: string[]) => [...(values ?? []), ...(regex ?? []).map(r => `regex:${r}`)].sort().join(' | ');
  switch (c.Field) {
    case 'host-header': return `host-header ${list(c.HostHeaderConfig?.Values ?? c.Values, c.HostHeaderConfig?.RegexValues)}`;
    case 'path-pattern': return `path-pattern ${list(c.PathPatternConfig?.Values ?? c.Values, c.PathPatternConfig?.RegexValues)}`;
    case 'http-header': return `http-header ${c.HttpHeaderConfig?.HttpHeaderName}: ${list(c.HttpHeaderConfig?.Values, c.HttpHeaderConfig?.RegexValues)}`;
    case 'query-string':
      return `query-string ${list(c.QueryStringConfig?.Values?.map(kv => (kv.Key === undefined ? `${kv.Value}` : `${kv.Key}=${kv.Value}`)))}`;
    case 'http-request-method': return `http-request-method ${list(c.HttpRequestMethodConfig?.Values ?? c.Values)}`;
    case 'source-ip': return `source-ip ${list(c.SourceIpConfig?.Values ?? c.Values)}`;
    default: return `${c.Field} ${list(c.Values)}`;
  }
}
