import { Annotations } from 'aws-cdk-lib';
import { Construct } from 'constructs';
import { isClassicSecure, resolveClb } from '../private/resolve';

/**
 * Legal but risky settings of a Classic Load Balancer, as acknowledgeable warnings
 * with IDs of the form `cdk-elb-topology:clb.<condition>`.
 */
export function warnAboutClb(scope: Construct, name: string, r: ReturnType<typeof resolveClb>): void {
  const warn = (id: string, message: string) => Annotations.of(scope).addWarningV2(`cdk-elb-topology:clb.${id}`, message);
  if (!r.accessLogsEnabled) {
    warn('accessLogsOff', `Access logs of Classic Load Balancer '${name}' are off: requests cannot be audited or debugged afterwards.`);
  }
  if (!r.connectionDrainingEnabled) {
    warn('connectionDrainingOff', `Connection draining of Classic Load Balancer '${name}' is off: requests in flight are cut when an instance is deregistered or unhealthy.`);
  }
  if (!r.crossZoneEnabled) {
    warn('crossZoneOff', `Cross-zone load balancing of Classic Load Balancer '${name}' is off: each zone's instances get an equal share of traffic however many there are.`);
  }
  for (const l of r.listeners) {
    if (r.internetFacing && !isClassicSecure(l.externalProtocol)) {
      warn('plainListener', `Listener '${l.name}' of internet-facing Classic Load Balancer '${name}' accepts clear text (${l.externalProtocol}) on port ${l.externalPort}, and a Classic Load Balancer cannot redirect to HTTPS. Use HTTPS or SSL unless clear text is intended.`);
    }
  }
}
