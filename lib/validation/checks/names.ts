import { TopologySpec } from '../../spec/topology-spec';
import { unknownNameHint } from '../did-you-mean';
import { SpecIssue, SpecPath, issue, show } from '../issue';
import { SPEC_FIELDS } from '../spec-fields';
import { NAME_PATTERN, NAME_RULE, checkBoolean, isObject } from './util';

/** The name-keyed sections of the spec. */
export const MAP_SECTIONS = ['hostedZones', 'fleets', 'targetGroups', 'applicationLoadBalancers', 'networkLoadBalancers', 'gatewayLoadBalancers', 'classicLoadBalancers',
  'webAcls', 'dnsRecords'] as const;

/**
 * Every section is a map, and every name in it follows the naming pattern
 * (names become construct IDs, and parts refer to each other by them).
 */
export function checkNames(spec: TopologySpec): SpecIssue[] {
  const issues: SpecIssue[] = [];
  for (const section of MAP_SECTIONS) {
    const map = (spec as { [key: string]: unknown })[section];
    if (map === undefined) continue;
    const path = SpecPath.ROOT.key(section);
    if (!isObject(map)) {
      issues.push(issue(path, `must be a map from names to ${section}, got ${show(map)}.`));
      continue;
    }
    for (const [name, value] of Object.entries(map)) {
      if (!NAME_PATTERN.test(name)) {
        issues.push(issue(path.key(name), `the name '${name}' is not valid.`, `Use ${NAME_RULE}.`));
      }
      if (!isObject(value)) {
        issues.push(issue(path.key(name), `must be an object, got ${show(value)}.`));
      }
    }
  }
  return issues;
}

const ROOT_KEYS: readonly string[] = SPEC_FIELDS.TopologySpec;

/** Keys at the root that the spec does not know (usually misspelt section names), and root flags. */
export function checkRootKeys(spec: TopologySpec): SpecIssue[] {
  if (!isObject(spec)) return [issue(SpecPath.ROOT, `the spec must be an object, got ${show(spec)}.`)];
  const issues = Object.keys(spec)
    .filter((key) => !ROOT_KEYS.includes(key))
    .sort()
    .map((key) => issue(SpecPath.ROOT.key(key), `unknown section '${key}'.`, unknownNameHint(key, ROOT_KEYS, 'section', 'the spec')));
  checkBoolean(issues, SpecPath.ROOT.key('outputsEnabled'), spec.outputsEnabled);
  return issues;
}
