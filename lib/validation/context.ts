import { Token } from 'aws-cdk-lib';
import { ExistingResources, TopologySpec } from '../spec/topology-spec';
import { isObject } from './checks/util';

/** What every check may read: the spec, the existing resources and the declared names. */
export interface CheckContext {
  readonly spec: TopologySpec;
  readonly existing: ExistingResources;
  readonly fleetNames: string[];
  readonly targetGroupNames: string[];
  readonly hostedZoneNames: string[];
  readonly albNames: string[];
  readonly nlbNames: string[];
  /** The number of Availability Zones, when known before building (undefined for an unresolved VPC). */
  readonly azCount?: number;
}

function keys(map: unknown): string[] {
  return isObject(map) ? Object.keys(map).sort() : [];
}

export function createContext(spec: TopologySpec, given?: ExistingResources): CheckContext {
  // `existing` may come from another jsii language or from JavaScript as null.
  const existing: ExistingResources = isObject(given) ? given : {};
  let azCount: number | undefined;
  if (existing.vpc) {
    // Each zone name may be a token; only a list that is itself a token has an unknown length.
    const azs: unknown = existing.vpc.availabilityZones;
    azCount = Array.isArray(azs) && !Token.isUnresolved(azs) ? azs.length : undefined;
  } else if (isObject(spec.network)) {
    const n = spec.network;
    azCount = Array.isArray(n.availabilityZones) ? n.availabilityZones.length : typeof n.maxAzs === 'number' ? n.maxAzs : 2;
  } else {
    azCount = 2;
  }
  return {
    spec,
    existing,
    fleetNames: keys(spec.fleets),
    targetGroupNames: keys(spec.targetGroups),
    hostedZoneNames: [...new Set([...keys(spec.hostedZones), ...keys(existing.hostedZones)])].sort(),
    albNames: keys(spec.applicationLoadBalancers),
    nlbNames: keys(spec.networkLoadBalancers),
    azCount,
  };
}
