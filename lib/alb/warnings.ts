import { Annotations } from 'aws-cdk-lib';
import { ApplicationProtocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { Construct } from 'constructs';
import { resolveAlb } from '../private/resolve';
import { ApplicationLoadBalancerSpec } from '../spec/alb';

/**
 * Legal but risky settings of an ALB, as acknowledgeable warnings with IDs of the form
 * `cdk-elb-topology:alb.<condition>`.
 */
export function warnAboutAlb(scope: Construct, name: string, spec: ApplicationLoadBalancerSpec): void {
  const r = resolveAlb(spec);
  const warn = (id: string, message: string) => Annotations.of(scope).addWarningV2(`cdk-elb-topology:alb.${id}`, message);
  if (!r.deletionProtection) {
    warn('deletionProtectionOff', `Deletion protection of load balancer '${name}' is off: a stack update or deletion can remove it. Turn it on for production.`);
  }
  if (!r.accessLogsEnabled) {
    warn('accessLogsOff', `Access logs of load balancer '${name}' are off: requests cannot be audited or debugged afterwards.`);
  }
  for (const l of r.listeners) {
    const serves = l.protocol === ApplicationProtocol.HTTP && l.spec.defaultAction?.redirect === undefined;
    if (r.internetFacing && serves) {
      warn('httpWithoutRedirect', `Listener '${l.name}' of internet-facing load balancer '${name}' serves plain HTTP on port ${l.port}. Redirect it to HTTPS unless clear text is intended.`);
    }
  }
}
