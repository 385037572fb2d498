import { CfnOutput, Duration, Validations } from 'aws-cdk-lib';
import * as acm from 'aws-cdk-lib/aws-certificatemanager';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as elbv2 from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { Construct } from 'constructs';
import { listenerAction, listenerConditions, NOT_FOUND, TargetGroupLookup } from './actions';
import { CognitoUserPoolLookup, warnAboutAuthentication, withAuthentication } from './authentication';
import { warnAboutAlb } from './warnings';
import { aliasRecord, loadBalancerCertificate } from '../dns/dns';
import { Fleet } from '../fleets/fleet';
import { AccessLogBucket } from '../monitoring/access-logs';
import { BuiltNetwork } from '../network/network';
import { DEFAULT_TLS_POLICY, resolveAlb, resolveRules } from '../private/resolve';
import { admitClients, loadBalancerClients, loadBalancerSecurityGroup } from '../security/ingress';
import { ApplicationLoadBalancerSpec } from '../spec/alb';
import { ListenerActionSpec } from '../spec/listener-rule';

/** What an ALB builder needs from the rest of the topology. */
export interface ApplicationLoadBalancerContext {
  readonly network: BuiltNetwork;
  readonly targetGroup: TargetGroupLookup;
  readonly hostedZone: (name: string) => route53.IHostedZone;
  readonly accessLogs: () => AccessLogBucket;
  readonly fleet: (name: string) => Fleet;
  readonly outputsEnabled: boolean;
  readonly cognitoUserPool: CognitoUserPoolLookup;
}

/**
 * One Application Load Balancer with its security group, listeners, rules,
 * certificate, access logs, alias record and outputs, all under one scope.
 */
export class ApplicationLoadBalancerBuilder extends Construct {
  readonly loadBalancer: elbv2.ApplicationLoadBalancer;
  readonly securityGroup: ec2.SecurityGroup;
  readonly listeners = new Map<string, elbv2.ApplicationListener>();
  readonly rules = new Map<string, elbv2.ApplicationListenerRule>();
  readonly certificate?: acm.ICertificate;
  readonly aliasRecord?: route53.ARecord;

  constructor(scope: Construct, id: string, spec: ApplicationLoadBalancerSpec, ctx: ApplicationLoadBalancerContext) {
    super(scope, id);
    const r = resolveAlb(spec);
    const vpc = ctx.network.vpc;
    warnAboutAlb(this, id, spec);
    warnAboutAuthentication(this, id, spec);
    const action = (a: ListenerActionSpec) => withAuthentication(a, listenerAction(a, ctx.targetGroup), ctx.cognitoUserPool);
    this.securityGroup = loadBalancerSecurityGroup(this, vpc, id);
    this.loadBalancer = new elbv2.ApplicationLoadBalancer(this, 'LoadBalancer', {
      vpc,
      internetFacing: r.internetFacing,
      vpcSubnets: ctx.network.subnets(r.subnetTier),
      securityGroup: this.securityGroup,
      dropInvalidHeaderFields: r.dropInvalidHeaderFields,
      desyncMitigationMode: r.desyncMitigationMode,
      deletionProtection: r.deletionProtection,
      idleTimeout: spec.idleTimeoutSeconds !== undefined ? Duration.seconds(spec.idleTimeoutSeconds) : undefined,
      http2Enabled: true,
    });
    if (r.accessLogsEnabled) {
      ctx.accessLogs().enableFor(this.loadBalancer, id);
    } else {
      Validations.of(this.loadBalancer).acknowledge({ id: 'AwsSolutions-ELB2', reason: 'Access logs were turned off explicitly in the spec (accessLogsEnabled: false).' });
    }

    const zone = spec.hostedZone !== undefined ? ctx.hostedZone(spec.hostedZone) : undefined;
    this.certificate = loadBalancerCertificate(this, spec, zone, r.httpsListeners.length > 0);
    const sniCertificates = (spec.additionalCertificateArns ?? []).map((arn) => elbv2.ListenerCertificate.fromArn(arn));

    this.addIngress(spec, r, ctx);
    for (const l of r.listeners) {
      const https = l.protocol === elbv2.ApplicationProtocol.HTTPS;
      const listener = this.loadBalancer.addListener(`Listener-${l.name}`, {
        protocol: l.protocol,
        port: l.port,
        open: false,
        certificates: https && this.certificate ? [this.certificate] : undefined,
        sslPolicy: https ? l.spec.sslPolicy ?? DEFAULT_TLS_POLICY : undefined,
        defaultAction: action(l.spec.defaultAction ?? NOT_FOUND),
      });
      if (https && sniCertificates.length > 0) listener.addCertificates('SniCertificates', sniCertificates);
      this.listeners.set(l.name, listener);
    }
    if (r.httpRedirectTargetPort !== undefined) {
      // Reachable as listener 'http-redirect' (a name validation reserves for it).
      const redirect = this.loadBalancer.addListener('Listener-http-redirect', {
        protocol: elbv2.ApplicationProtocol.HTTP,
        port: 80,
        open: false,
        defaultAction: elbv2.ListenerAction.redirect({ protocol: 'HTTPS', port: String(r.httpRedirectTargetPort), permanent: true }),
      });
      this.listeners.set('http-redirect', redirect);
    }

    for (const rule of resolveRules(spec)) {
      const listener = this.listeners.get(rule.listener!)!;
      this.rules.set(rule.id, new elbv2.ApplicationListenerRule(this, `Rule-${rule.id}`, {
        listener,
        priority: rule.priority,
        conditions: listenerConditions(rule.spec.conditions),
        action: action(rule.spec),
      }));
    }

    if (zone && spec.domainName && r.aliasRecordEnabled) {
      this.aliasRecord = aliasRecord(this, spec.domainName, zone, this.loadBalancer);
    }
    if (ctx.outputsEnabled) {
      new CfnOutput(this, 'DnsName', { value: this.loadBalancer.loadBalancerDnsName, description: `DNS name of load balancer ${id}` });
      // The URL of the first HTTPS listener (or the first listener), with its port unless it is the scheme's default.
      const main = r.httpsListeners[0] ?? r.listeners[0];
      const https = main.protocol === elbv2.ApplicationProtocol.HTTPS;
      const port = main.port === (https ? 443 : 80) ? '' : `:${main.port}`;
      const host = spec.domainName && zone && r.aliasRecordEnabled ? spec.domainName : this.loadBalancer.loadBalancerDnsName;
      new CfnOutput(this, 'Url', { value: `${https ? 'https' : 'http'}://${host}${port}`, description: `URL of load balancer ${id}` });
    }
  }

  /** Admits each listener port (and the HTTP redirect) from the allowed ranges and fleets. */
  private addIngress(spec: ApplicationLoadBalancerSpec, r: ReturnType<typeof resolveAlb>, ctx: ApplicationLoadBalancerContext): void {
    const ports = [...r.listeners.map((l) => l.port), ...(r.httpRedirectTargetPort !== undefined ? [80] : [])].sort((a, b) => a - b);
    const clients = loadBalancerClients(ctx.network.vpc, r.internetFacing, spec.ingressCidrs, (spec.allowFrom ?? []).map(ctx.fleet));
    admitClients(this.securityGroup, clients, ports.map((p) => ec2.Port.tcp(p)), 'Listener port');
  }
}
