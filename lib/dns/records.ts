import { Annotations, Duration } from 'aws-cdk-lib';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import * as route53Targets from 'aws-cdk-lib/aws-route53-targets';
import { Construct } from 'constructs';
import { ResolvedDnsHealthCheck, resolveDnsRecord } from '../private/resolve-dns-records';
import { DnsRecordSpec } from '../spec/dns';
import { TopologySpec } from '../spec/topology-spec';

/** What a DNS record builder needs from the rest of the topology. */
export interface DnsRecordContext {
  /** The whole spec, for the load balancer the record points at. */
  readonly spec: TopologySpec;
  readonly hostedZone: (name: string) => route53.IHostedZone;
  readonly applicationLoadBalancer: (name: string) => elbv2.IApplicationLoadBalancer;
  readonly networkLoadBalancer: (name: string) => elbv2.INetworkLoadBalancer;
}

const HEALTH_CHECK_TYPES: { [protocol: string]: route53.HealthCheckType } = {
  HTTP: route53.HealthCheckType.HTTP,
  HTTPS: route53.HealthCheckType.HTTPS,
  TCP: route53.HealthCheckType.TCP,
};

/**
 * One weighted or failover alias A record of a set, pointing at a load balancer with
 * evaluate target health, and the Route 53 health check of that load balancer when the
 * record has one, all under one scope named after the record (its set identifier).
 *
 * Only A records are created: the topology's load balancers are IPv4 only.
 */
export class DnsRecordBuilder extends Construct {
  readonly record: route53.ARecord;
  readonly healthCheck?: route53.HealthCheck;

  constructor(scope: Construct, id: string, spec: DnsRecordSpec, ctx: DnsRecordContext) {
    super(scope, id);
    const r = resolveDnsRecord(ctx.spec, spec);
    const loadBalancer = spec.applicationLoadBalancer !== undefined
      ? ctx.applicationLoadBalancer(spec.applicationLoadBalancer)
      : ctx.networkLoadBalancer(spec.networkLoadBalancer!);
    if (r.healthCheck) {
      this.healthCheck = this.buildHealthCheck(r.healthCheck, loadBalancer);
      if (r.target && !r.target.admitsInternet) {
        Annotations.of(this).addWarningV2('cdk-elb-topology:dns.healthCheckBlocked',
          `DNS record ${id} has a Route 53 health check, but load balancer ${r.target.name} admits only its ingressCidrs. Unless they include the `
          + 'ROUTE53_HEALTHCHECKS address ranges of AWS (ip-ranges.json), every check fails and Route 53 treats the record as unhealthy.');
      }
    }
    this.record = new route53.ARecord(this, 'Record', {
      zone: ctx.hostedZone(spec.hostedZone),
      recordName: `${spec.domainName.toLowerCase()}.`,
      target: route53.RecordTarget.fromAlias(new route53Targets.LoadBalancerTarget(loadBalancer, { evaluateTargetHealth: true })),
      setIdentifier: id,
      weight: spec.weight,
      failover: spec.failover,
      healthCheck: this.healthCheck,
      comment: `${spec.failover !== undefined ? `Failover ${spec.failover}` : `Weight ${spec.weight}`}: ${r.target?.kind === 'network' ? 'Network' : 'Application'} Load Balancer ${r.target?.name}`,
    });
  }

  /**
   * A health check of the load balancer's own DNS name (never the record's name, which
   * resolves through the set itself and would follow the failover). HTTPS checks send
   * that name by SNI; Route 53 does not validate the certificate.
   */
  private buildHealthCheck(hc: ResolvedDnsHealthCheck, loadBalancer: elbv2.ILoadBalancerV2): route53.HealthCheck {
    const type = HEALTH_CHECK_TYPES[hc.protocol];
    return new route53.HealthCheck(this, 'HealthCheck', {
      type,
      fqdn: loadBalancer.loadBalancerDnsName,
      port: hc.port,
      resourcePath: hc.path,
      enableSNI: type === route53.HealthCheckType.HTTPS ? true : undefined,
      requestInterval: Duration.seconds(hc.intervalSeconds),
      failureThreshold: hc.failureThreshold,
    });
  }
}
