import { resolveListeners, resolveRules, sortedEntries } from '../../private/resolve';
import { ApplicationLoadBalancerSpec } from '../../spec/alb';
import { ListenerConditionSpec } from '../../spec/listener-rule';
import { CheckContext } from '../context';
import { unknownNameHint } from '../did-you-mean';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { checkActionSpec } from './actions';
import { SPEC_FIELDS } from '../spec-fields';
import { checkCidrList, checkInt, checkKnownFields, isObject, NAME_PATTERN, NAME_RULE } from './util';

/** AWS's quotas for ALB rules. */
const MAX_RULES_PER_ALB = 100;
const MAX_CONDITION_VALUES = 5;
const MAX_WILDCARDS = 5;
const METHOD = /^[A-Z_-]{1,40}$/;
const LIST_CONDITIONS = ['pathPatterns', 'hostHeaders', 'httpRequestMethods', 'sourceIps'] as const;

/** Listener rules of every ALB: identity, priorities, listener, conditions and action. */
export function checkListenerRules(ctx: CheckContext): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const [name, alb] of sortedEntries(ctx.spec.applicationLoadBalancers)) {
    if (!isObject(alb) || alb.rules === undefined) continue;
    checkRules(ctx, alb as ApplicationLoadBalancerSpec, SpecPath.ROOT.at('applicationLoadBalancers', name), issues);
  }
  return issues;
}

function checkRules(ctx: CheckContext, alb: ApplicationLoadBalancerSpec, albPath: SpecPath, issues: SpecIssue[]): void {
  const path = albPath.key('rules');
  if (!Array.isArray(alb.rules)) {
    issues.push(issue(path, `must be a list of rules, got ${show(alb.rules)}.`));
    return;
  }
  if (alb.rules.length > MAX_RULES_PER_ALB) {
    issues.push(issue(path, `${alb.rules.length} rules exceed AWS's default quota of ${MAX_RULES_PER_ALB} per Application Load Balancer.`, 'Split the routes across load balancers, or combine rules with several condition values.'));
  }
  if (alb.rules.some((r) => !isObject(r))) {
    alb.rules.forEach((r, i) => { if (!isObject(r)) issues.push(issue(path.index(i), `must be an object, got ${show(r)}.`)); });
    return;
  }
  const listenerNames = isObject(alb.listeners) ? Object.keys(alb.listeners).sort() : ['https'];
  const ids = new Map<string, number>();
  const priorities = new Map<string, number>();
  const listeners = resolveListeners(alb);
  const rules = resolveRules(alb);
  for (const rule of rules) {
    const rp = path.index(rule.index);
    const spec = rule.spec;
    checkKnownFields(issues, rp, spec, 'ListenerRuleSpec');
    if (spec.name !== undefined && (typeof spec.name !== 'string' || !NAME_PATTERN.test(spec.name))) {
      issues.push(issue(rp.key('name'), `${show(spec.name)} is not a valid rule name.`, `Use ${NAME_RULE}.`));
    }
    checkInt(issues, rp.key('priority'), spec.priority, 1, 50000);
    if (spec.priority === undefined && rule.priority > 50000) {
      issues.push(issue(rp, `the derived priority ${rule.priority} exceeds 50000.`, 'Give this rule an explicit priority from 1 to 50000.'));
    }
    let samePriorityOnListener = false;
    if (spec.listener !== undefined && !listenerNames.includes(spec.listener)) {
      issues.push(issue(rp.key('listener'), `unknown listener ${show(spec.listener)}.`, unknownNameHint(String(spec.listener), listenerNames, 'listener', 'listeners')));
    } else if (rule.listener === undefined) {
      issues.push(issue(rp.key('listener'), `the load balancer has ${listeners.length} listeners and the rule names none.`, `Set listener to one of: ${listenerNames.join(', ')}.`));
    } else if (Number.isInteger(rule.priority)) {
      const key = `${rule.listener}#${rule.priority}`;
      const other = priorities.get(key);
      if (other !== undefined) {
        samePriorityOnListener = true;
        issues.push(issue(rp.key('priority'), `priority ${rule.priority} is already used by rules[${other}] on listener '${rule.listener}'.`, 'Give each rule of a listener its own priority.'));
      } else {
        priorities.set(key, rule.index);
      }
    }
    // The rule's identity (its construct ID): its name, or `priority-<n>` without one.
    if (spec.name === undefined && spec.priority === undefined) {
      issues.push(issue(rp, 'has neither a name nor a priority, so it has no stable identity.', 'Give the rule a `name` (its priority is then derived from its place in the list) or an explicit `priority`.'));
    } else {
      const other = ids.get(rule.id);
      if (other === undefined) {
        ids.set(rule.id, rule.index);
      } else if (spec.name !== undefined) {
        issues.push(issue(rp.key('name'), `rule '${rule.id}' is declared twice (also rules[${other}]).`, 'Give each rule of a load balancer its own name.'));
      } else if (!samePriorityOnListener) {
        // Unnamed rules are identified by priority, across all listeners of the load balancer.
        const named = rules[other].spec.name !== undefined;
        issues.push(issue(rp.key('priority'),
          named ? `a rule without a name is identified as '${rule.id}', which rules[${other}] uses as its name.` : `rules[${other}] also has priority ${rule.priority} and no name, so both would be identified as '${rule.id}'.`,
          'Give one of the two rules a `name`.'));
      }
    }
    checkConditions(spec.conditions, rp.key('conditions'), issues);
    checkActionSpec(ctx, spec, rp, issues);
  }
}

function checkConditions(conditions: ListenerConditionSpec, path: SpecPath, issues: SpecIssue[]): void {
  if (!isObject(conditions)) {
    issues.push(issue(path, `must be an object of match lists, got ${show(conditions)}.`, 'Set at least one of pathPatterns, hostHeaders, httpHeaders, queryStrings, httpRequestMethods or sourceIps.'));
    return;
  }
  checkKnownFields(issues, path, conditions, 'ListenerConditionSpec');
  const values: string[] = [];
  for (const key of LIST_CONDITIONS) {
    const list = conditions[key];
    if (list === undefined) continue;
    if (!Array.isArray(list) || list.length === 0 || list.some((v) => typeof v !== 'string' || v === '')) {
      issues.push(issue(path.key(key), `must be a non-empty list of strings, got ${show(list)}.`));
      continue;
    }
    values.push(...list);
  }
  if (Array.isArray(conditions.pathPatterns)) {
    conditions.pathPatterns.forEach((p, i) => {
      if (typeof p === 'string' && !p.startsWith('/') && !p.startsWith('*')) issues.push(issue(path.key('pathPatterns').index(i), `'${p}' does not begin with '/'.`, "Write an absolute path pattern, for example '/api/*'."));
    });
  }
  if (Array.isArray(conditions.httpRequestMethods)) {
    conditions.httpRequestMethods.forEach((m, i) => {
      if (typeof m === 'string' && !METHOD.test(m)) issues.push(issue(path.key('httpRequestMethods').index(i), `'${m}' is not an HTTP method in upper case.`, "Write for example 'GET' or 'POST'."));
    });
  }
  checkCidrList(issues, path.key('sourceIps'), conditions.sourceIps);
  if (conditions.httpHeaders !== undefined) {
    if (!isObject(conditions.httpHeaders) || Object.keys(conditions.httpHeaders).length === 0) {
      issues.push(issue(path.key('httpHeaders'), `must map header names to lists of values, got ${show(conditions.httpHeaders)}.`));
    } else {
      for (const [header, list] of sortedEntries(conditions.httpHeaders)) {
        if (!Array.isArray(list) || list.length === 0 || list.some((v) => typeof v !== 'string' || v === '')) {
          issues.push(issue(path.key('httpHeaders').key(header), `must be a non-empty list of non-empty values, got ${show(list)}.`));
        } else {
          values.push(...list);
        }
      }
    }
  }
  if (conditions.queryStrings !== undefined) {
    if (!Array.isArray(conditions.queryStrings) || conditions.queryStrings.length === 0) {
      issues.push(issue(path.key('queryStrings'), `must be a non-empty list of { key?, value }, got ${show(conditions.queryStrings)}.`));
    } else {
      conditions.queryStrings.forEach((q, i) => {
        if (!isObject(q) || typeof q.value !== 'string' || q.value === '' || (q.key !== undefined && (typeof q.key !== 'string' || q.key === ''))) {
          issues.push(issue(path.key('queryStrings').index(i), `must be { key?, value } with a non-empty value (and key, if given), got ${show(q)}.`));
        } else {
          checkKnownFields(issues, path.key('queryStrings').index(i), q, 'QueryStringMatchSpec');
          values.push(`${q.key ?? ''}${q.value}`);
        }
      });
    }
  }
  const known: readonly string[] = SPEC_FIELDS.ListenerConditionSpec;
  const set = known.filter((k) => (conditions as { [k: string]: unknown })[k] !== undefined);
  if (set.length === 0) {
    issues.push(issue(path, 'has no condition.', 'Set at least one of pathPatterns, hostHeaders, httpHeaders, queryStrings, httpRequestMethods or sourceIps; use the listener\'s defaultAction for requests that match anything.'));
  }
  if (values.length > MAX_CONDITION_VALUES) {
    issues.push(issue(path, `${values.length} condition values exceed AWS's limit of ${MAX_CONDITION_VALUES} per rule.`, 'Split the values across several rules with the same action.'));
  }
  const wildcards = values.reduce((n, v) => n + (v.match(/[*?]/g)?.length ?? 0), 0);
  if (wildcards > MAX_WILDCARDS) {
    issues.push(issue(path, `${wildcards} wildcards exceed AWS's limit of ${MAX_WILDCARDS} per rule.`, 'Use fewer `*` and `?`, or split the values across rules.'));
  }
}
