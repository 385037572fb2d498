/**
 * Hints for targets that do not receive traffic: for each reason code of
 * DescribeTargetHealth, the usual causes and what to check, phrased with the target
 * group's own health check settings.
 *
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html
 * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/load-balancer-troubleshooting.html
 */
import { HealthCheckSettings } from './types';

/** What a hint needs to know about the target. */
export interface HintTarget {
  readonly reason?: string;
  readonly state: string;
  /** The port the target receives traffic on. */
  readonly port?: number;
}

/** The hint for a target that is not ok. */
export function targetHint(target: HintTarget, healthCheck: HealthCheckSettings): string {
  const port = healthCheck.port === 'traffic-port' || healthCheck.port === undefined ? target.port : healthCheck.port;
  const onPort = port === undefined ? 'on the health check port' : `on port ${port}`;
  const path = healthCheck.path ?? '/';
  const sg = `that the target's security group lets the load balancer in ${onPort} (allow the load balancer's security group, not only the listener port)`;
  switch (target.reason) {
    case 'Elb.RegistrationInProgress':
      return 'The target is being registered. This is normal for a minute after a deployment or a scale-out: keep waiting (a longer --timeout).';
    case 'Elb.InitialHealthChecking': {
      const seconds = (healthCheck.healthyThreshold ?? 0) * (healthCheck.intervalSeconds ?? 0);
      const needs = seconds > 0 ? ` A target needs ${healthCheck.healthyThreshold} passing checks ${healthCheck.intervalSeconds} s apart (about ${seconds} s).` : '';
      return `The load balancer is still sending the first health checks.${needs} If it stays here, the checks are not passing yet: the instance may still be running its user data (installing the web server).`;
    }
    case 'Target.ResponseCodeMismatch':
      return `The health check ${healthCheck.protocol ?? ''} ${path} ${onPort} answered with a status code outside the matcher '${healthCheck.matcher ?? '200'}'. `
        + `Check that the service answers ${path} with one of those codes (a redirect to HTTPS answers 301 or 302, a login page 401 or 403, a missing page 404), `
        + 'or change the health check path or the matcher.';
    case 'Target.Timeout':
      return `The target did not answer ${onPort} within the ${healthCheck.timeoutSeconds ?? '?'} s timeout. Check ${sg}, `
        + `that the service listens ${onPort} and has started (the instance finished its user data), that no network ACL drops the traffic, `
        + `and that ${path} answers within the timeout.`;
    case 'Target.FailedHealthChecks':
      return `The load balancer could not connect ${onPort}, or the answer was malformed. Check that the service is running and listens ${onPort} `
        + `on all interfaces (not only 127.0.0.1), that the instance finished its user data, and ${sg}.`;
    case 'Elb.InternalError':
      return 'Elastic Load Balancing had an internal error while checking the target. It usually clears by itself; if it persists, contact AWS Support.';
    case 'Target.NotRegistered':
      return 'The target is not registered with the target group. Check that the Auto Scaling group lists this target group and has running instances, or register the target.';
    case 'Target.NotInUse':
      return 'No load balancer sends traffic to this target group (no listener or rule forwards to it), or the target is in an Availability Zone '
        + 'the load balancer is not enabled in. Add a listener or rule that forwards to the target group, or enable that Availability Zone.';
    case 'Target.InvalidState':
      return 'The target is stopped or terminated. Start it, or let its Auto Scaling group replace it.';
    case 'Target.IpUnusable':
      return 'The target\'s IP address is reserved for use by a load balancer. Register another address.';
    case 'Target.DeregistrationInProgress':
      return 'The target is being deregistered (scale-in, instance refresh or replacement). It leaves the target group after the deregistration delay.';
    case 'Target.HealthCheckDisabled':
      return 'Health checks are turned off for this target group, so the load balancer cannot tell whether the target works. Turn them on to catch failures.';
    default:
      return `The target is ${target.state}${target.reason ? ` (${target.reason})` : ''}. `
        + 'See the reason codes at https://docs.aws.amazon.com/elasticloadbalancing/latest/APIReference/API_TargetHealth.html.';
  }
}

/** The hint for a target group without targets. */
export const EMPTY_TARGET_GROUP_HINT = 'No target is registered. For a fleet, check that its Auto Scaling group has a desired capacity above 0 '
  + 'and lists this target group; register IP or Lambda targets yourself. Pass --allow-empty to accept target groups without targets.';
