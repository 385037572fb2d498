import { ApplicationProtocol, DesyncMitigationMode, SslPolicy } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { SubnetTier } from './enums';
import { ListenerActionSpec, ListenerRuleSpec } from './listener-rule';

/**
 * A listener of an Application Load Balancer.
 *
 * @example
 * const https: ApplicationListenerSpec = {
 *   protocol: ApplicationProtocol.HTTPS,
 *   defaultAction: { forward: { targetGroup: 'web' } },
 * };
 */
export interface ApplicationListenerSpec {
  /**
   * The protocol clients use to connect.
   *
   * `HTTPS` needs a certificate on the load balancer (`domainName` with a
   * `hostedZone`, or `certificateArn`).
   *
   * @default ApplicationProtocol.HTTPS
   */
  readonly protocol?: ApplicationProtocol;

  /**
   * The port the listener accepts connections on, from 1 to 65535, unique on the
   * load balancer.
   *
   * @default - 443 for HTTPS, 80 for HTTP
   */
  readonly port?: number;

  /**
   * The TLS security policy of an HTTPS listener.
   *
   * @default SslPolicy.TLS13_12_PQ (TLS 1.3 and 1.2, with post-quantum key exchange)
   * @see https://docs.aws.amazon.com/elasticloadbalancing/latest/application/describe-ssl-policies.html
   */
  readonly sslPolicy?: SslPolicy;

  /**
   * What the listener does with requests that match no rule.
   *
   * @default - a fixed 404 response
   */
  readonly defaultAction?: ListenerActionSpec;
}

/**
 * An Application Load Balancer (layer 7: HTTP and HTTPS).
 *
 * By default it is internet-facing in the public subnets, with an HTTPS listener on
 * 443 (TLS 1.3 policy), an HTTP listener on 80 that redirects to it, invalid header
 * fields dropped, defensive desync mitigation, deletion protection, and access logs to
 * an encrypted S3 bucket that is retained when the stack is deleted.
 *
 * @example
 * const alb: ApplicationLoadBalancerSpec = {
 *   domainName: 'www.example.com',
 *   hostedZone: 'main',
 *   listeners: { https: { defaultAction: { forward: { targetGroup: 'web' } } } },
 *   rules: [{ name: 'api', conditions: { pathPatterns: ['/api/*'] }, forward: { targetGroup: 'api' } }],
 * };
 */
export interface ApplicationLoadBalancerSpec {
  /**
   * Whether the load balancer has public addresses and accepts traffic from the
   * internet, rather than only from inside the VPC.
   *
   * @default true
   */
  readonly internetFacing?: boolean;

  /**
   * The subnet tier the load balancer's nodes are placed in.
   *
   * An internet-facing load balancer must be in the public tier.
   *
   * @default - SubnetTier.PUBLIC when internet-facing, SubnetTier.APP when internal
   */
  readonly subnetTier?: SubnetTier;

  /**
   * The IPv4 ranges, in CIDR notation, that may connect to the listeners.
   *
   * @default - ['0.0.0.0/0'] when internet-facing; when internal, the VPC's CIDR block
   * unless `allowFrom` names the callers
   */
  readonly ingressCidrs?: string[];

  /**
   * The fleets that may connect to the listeners, by name: their security groups are
   * admitted, on the listener ports only. For an internal load balancer in front of an
   * app tier, this is the least-privilege choice.
   *
   * @default - no fleet is admitted by security group
   */
  readonly allowFrom?: string[];

  /**
   * The listeners, by name.
   *
   * @default - { https: { protocol: HTTPS, port: 443 } }
   */
  readonly listeners?: { [name: string]: ApplicationListenerSpec };

  /**
   * Whether an HTTP listener on port 80 redirects every request to the HTTPS listener.
   *
   * Only added when the load balancer has an HTTPS listener and no listener of its own
   * on port 80.
   *
   * @default true
   */
  readonly httpToHttpsRedirectEnabled?: boolean;

  /**
   * The listener rules, each evaluated in priority order on its listener.
   *
   * At most 100 rules per load balancer (AWS's quota, not counting default actions).
   *
   * @default - no rules: requests get each listener's default action
   */
  readonly rules?: ListenerRuleSpec[];

  /**
   * The domain name clients use, for example `www.example.com`.
   *
   * With `hostedZone`, the topology requests an ACM certificate for it, validated by
   * DNS in that zone (unless `certificateArn` is given), and creates an alias record
   * pointing at the load balancer. It must be the zone's name or below it.
   *
   * @default - no domain: clients use the load balancer's DNS name
   */
  readonly domainName?: string;

  /**
   * Further names on the requested certificate, for example `example.com` beside
   * `www.example.com`. Each must be in the hosted zone.
   *
   * @default - none
   */
  readonly subjectAlternativeNames?: string[];

  /**
   * The hosted zone of `domainName`: the name of an entry in
   * `TopologySpec.hostedZones` or in `ExistingResources.hostedZones`.
   *
   * @default - no hosted zone: no certificate is requested and no record is created
   */
  readonly hostedZone?: string;

  /**
   * The ARN of an existing ACM certificate for the HTTPS listeners, used instead of
   * requesting one.
   *
   * @default - a certificate is requested for `domainName` when it has a `hostedZone`
   */
  readonly certificateArn?: string;

  /**
   * ARNs of further ACM certificates that the HTTPS listeners serve by SNI, for more
   * domains on the same load balancer.
   *
   * @default - none
   */
  readonly additionalCertificateArns?: string[];

  /**
   * Whether an alias record for `domainName` pointing at the load balancer is created
   * in the hosted zone.
   *
   * @default true
   */
  readonly aliasRecordEnabled?: boolean;

  /**
   * Whether HTTP headers with invalid header fields are removed before routing.
   *
   * @default true
   */
  readonly dropInvalidHeaderFieldsEnabled?: boolean;

  /**
   * How the load balancer handles requests that might pose an HTTP desync risk.
   *
   * @default DesyncMitigationMode.DEFENSIVE
   */
  readonly desyncMitigationMode?: DesyncMitigationMode;

  /**
   * Whether deletion protection keeps the load balancer from being deleted.
   *
   * While it is on, `cdk destroy` fails until it is turned off and deployed.
   *
   * @default true
   */
  readonly deletionProtection?: boolean;

  /**
   * Whether access logs are written to the topology's encrypted log bucket.
   *
   * @default true
   */
  readonly accessLogsEnabled?: boolean;

  /**
   * How long an idle connection is kept open, in seconds. From 1 to 4000.
   *
   * @default 60
   */
  readonly idleTimeoutSeconds?: number;

  /**
   * The AWS WAF web ACL that inspects the load balancer's requests: the name of an
   * entry in `TopologySpec.webAcls`. Several load balancers may share one.
   *
   * At most one of `webAcl` and `webAclArn`.
   *
   * @default - no web ACL, unless `webAclArn` is given
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html
   */
  readonly webAcl?: string;

  /**
   * The ARN of an existing regional AWS WAF web ACL to associate with the load
   * balancer, for example
   * `arn:aws:wafv2:us-east-1:123456789012:regional/webacl/my-acl/a1b2c3d4-5678-90ab-cdef-EXAMPLE11111`.
   * It must be in the load balancer's Region.
   *
   * At most one of `webAcl` and `webAclArn`.
   *
   * @default - no web ACL, unless `webAcl` is given
   * @see https://docs.aws.amazon.com/waf/latest/developerguide/web-acl-associating-aws-resource.html
   */
  readonly webAclArn?: string;
}
