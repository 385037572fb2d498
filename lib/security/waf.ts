import { Annotations, ArnFormat, Aws, Fn, Names, RemovalPolicy, Stack } from 'aws-cdk-lib';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import * as wafv2 from 'aws-cdk-lib/aws-wafv2';
import { Construct } from 'constructs';
import { logsEncryptionKey } from './logs-key';
import { sortedEntries } from '../private/resolve';
import {
  AWS_VENDOR, BOT_CONTROL_INSPECTION_LEVEL, ResolvedIpList, ResolvedManagedRuleGroup, ResolvedRateLimit, ResolvedWebAcl, WAF_LOG_GROUP_PREFIX,
  isIpv6Cidr, resolveWebAcl,
} from '../private/web-acl';
import { ApplicationLoadBalancerSpec } from '../spec/alb';
import { WebAclSpec } from '../spec/waf';

type Rule = wafv2.CfnWebACL.RuleProperty;

/** Headers whose values never reach the logs: credentials and session cookies. */
const REDACTED_HEADERS = ['authorization', 'cookie'];

/** Metrics and sampled requests for a rule, or for the web ACL's default action. */
function visibility(metricName: string): wafv2.CfnWebACL.VisibilityConfigProperty {
  return { cloudWatchMetricsEnabled: true, metricName, sampledRequestsEnabled: true };
}

/**
 * Where the topology's web ACLs log: one customer managed KMS key and one CloudWatch
 * Logs resource policy (account-wide, of which a Region allows 10) for all of them,
 * made on first use, and a log group per web ACL.
 */
export class WafLogDestinations {
  private key?: kms.Key;
  private delivery?: iam.PolicyStatement;
  private policy?: logs.ResourcePolicy;

  constructor(private readonly scope: Construct) {}

  /** The log group of a web ACL, which AWS WAF's log delivery may write to. */
  logGroup(owner: Construct, retentionDays: number): { logGroup: logs.LogGroup; policy: logs.ResourcePolicy } {
    // AWS WAF requires the prefix. The stack's ID makes the name new for each stack
    // creation, so a log group retained from a deleted stack never blocks a new one.
    const stackId = Fn.select(0, Fn.split('-', Fn.select(2, Fn.split('/', Aws.STACK_ID))));
    const logGroup = new logs.LogGroup(owner, 'Logs', {
      logGroupName: Fn.join('-', [`${WAF_LOG_GROUP_PREFIX}${Names.uniqueResourceName(owner, { maxLength: 64, separator: '-' })}`, stackId]),
      retention: retentionDays as logs.RetentionDays,
      encryptionKey: this.key ??= logsEncryptionKey(this.scope, 'LogsKey', 'Encrypts the AWS WAF log groups of the ELB topology'),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    this.deliveryStatement().addResources(logGroup.logGroupArn);
    return { logGroup, policy: this.policy! };
  }

  /** CloudWatch Logs' log delivery (which AWS WAF logs through) may write to the log groups, for this account only. */
  private deliveryStatement(): iam.PolicyStatement {
    if (this.delivery) return this.delivery;
    const stack = Stack.of(this.scope);
    this.delivery = new iam.PolicyStatement({
      sid: 'AWSLogDeliveryWrite',
      principals: [new iam.ServicePrincipal('delivery.logs.amazonaws.com')],
      actions: ['logs:CreateLogStream', 'logs:PutLogEvents'],
      conditions: {
        StringEquals: { 'aws:SourceAccount': stack.account },
        ArnLike: { 'aws:SourceArn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:*` },
      },
    });
    this.policy = new logs.ResourcePolicy(this.scope, 'LogDelivery', { policyStatements: [this.delivery] });
    return this.delivery;
  }
}

/**
 * One AWS WAF web ACL (scope REGIONAL, for Application Load Balancers) with its IP
 * sets, its rules (each with CloudWatch metrics) and its logging.
 */
export class WebAclBuilder extends Construct {
  readonly webAcl: wafv2.CfnWebACL;
  /** The IP sets of the allow and block lists, by construct ID (`AllowListIpv4`, `BlockListIpv6`, ...). */
  readonly ipSets = new Map<string, wafv2.CfnIPSet>();
  readonly logGroup?: logs.LogGroup;

  constructor(scope: Construct, id: string, spec: WebAclSpec, destinations: WafLogDestinations) {
    super(scope, id);
    const r = resolveWebAcl(spec);
    const rules: Rule[] = [
      ...(r.allowList ? [this.ipListRule('allow-list', 'AllowList', r.allowList, { allow: {} })] : []),
      ...(r.blockList ? [this.ipListRule('block-list', 'BlockList', r.blockList, r.countOnly ? { count: {} } : { block: {} })] : []),
      ...(r.rateLimit ? [rateLimitRule(r.rateLimit)] : []),
      ...r.managedRuleGroups.map(managedRule),
    ].sort((a, b) => a.priority - b.priority);
    this.webAcl = new wafv2.CfnWebACL(this, 'WebAcl', {
      scope: 'REGIONAL',
      description: `Web ACL ${id} of an ELB topology`,
      defaultAction: r.blockUnmatchedRequests ? { block: {} } : { allow: {} },
      visibilityConfig: visibility(id),
      rules,
    });
    if (r.loggingEnabled) this.logGroup = this.addLogging(r, destinations);
    warnAboutWebAcl(this, id, r);
  }

  /** A rule that matches the client addresses of a list: one IP set per IP version, since AWS WAF keeps them apart. */
  private ipListRule(name: string, idPrefix: string, list: ResolvedIpList, action: wafv2.CfnWebACL.RuleActionProperty): Rule {
    const versions: Array<[string, string[]]> = [
      ['IPV4', list.cidrs.filter((c) => !isIpv6Cidr(c))],
      ['IPV6', list.cidrs.filter(isIpv6Cidr)],
    ];
    const statements = versions.filter(([, addresses]) => addresses.length > 0).map(([version, addresses]) => {
      const id = `${idPrefix}${version === 'IPV4' ? 'Ipv4' : 'Ipv6'}`;
      const ipSet = new wafv2.CfnIPSet(this, id, { scope: 'REGIONAL', ipAddressVersion: version, addresses });
      this.ipSets.set(id, ipSet);
      return { ipSetReferenceStatement: { arn: ipSet.attrArn } };
    });
    return {
      name,
      priority: list.priority,
      statement: statements.length === 1 ? statements[0] : { orStatement: { statements } },
      action,
      visibilityConfig: visibility(name),
    };
  }

  private addLogging(r: ResolvedWebAcl, destinations: WafLogDestinations): logs.LogGroup {
    const { logGroup, policy } = destinations.logGroup(this, r.logRetentionDays);
    const logging = new wafv2.CfnLoggingConfiguration(this, 'Logging', {
      resourceArn: this.webAcl.attrArn,
      // AWS WAF takes the log group's ARN without the ':*' that its Arn attribute ends with.
      logDestinationConfigs: [Stack.of(this).formatArn({
        service: 'logs', resource: 'log-group', resourceName: logGroup.logGroupName, arnFormat: ArnFormat.COLON_RESOURCE_NAME,
      })],
      redactedFields: REDACTED_HEADERS.map((name) => ({ singleHeader: { Name: name } })),
    });
    logging.node.addDependency(policy);
    return logGroup;
  }
}

function rateLimitRule(rate: ResolvedRateLimit): Rule {
  return {
    name: 'rate-limit',
    priority: rate.priority,
    statement: { rateBasedStatement: { limit: rate.limit, aggregateKeyType: 'IP', evaluationWindowSec: rate.windowSeconds } },
    action: rate.countOnly ? { count: {} } : { block: {} },
    visibilityConfig: visibility('rate-limit'),
  };
}

function managedRule(group: ResolvedManagedRuleGroup): Rule {
  const botControl = group.vendor === AWS_VENDOR && group.name === 'AWSManagedRulesBotControlRuleSet';
  return {
    name: group.ruleName,
    priority: group.priority,
    statement: {
      managedRuleGroupStatement: {
        vendorName: group.vendor,
        name: group.name,
        ruleActionOverrides: group.excludedRules.length > 0 ? group.excludedRules.map((name) => ({ name, actionToUse: { count: {} } })) : undefined,
        managedRuleGroupConfigs: botControl ? [{ awsManagedRulesBotControlRuleSet: { inspectionLevel: BOT_CONTROL_INSPECTION_LEVEL } }] : undefined,
      },
    },
    // Counting overrides the group's own actions; `none` keeps them.
    overrideAction: group.countOnly ? { count: {} } : { none: {} },
    visibilityConfig: visibility(group.ruleName),
  };
}

/** Legal but risky settings of a web ACL, as warnings with IDs of the form `cdk-elb-topology:waf.<condition>`. */
function warnAboutWebAcl(scope: Construct, name: string, r: ResolvedWebAcl): void {
  const warn = (id: string, message: string) => Annotations.of(scope).addWarningV2(`cdk-elb-topology:waf.${id}`, message);
  if (r.countOnly) {
    warn('countOnly', `Web ACL '${name}' only counts the requests its rules match and blocks none. Remove countOnly once the rules are tried.`);
  }
  if (!r.loggingEnabled) {
    warn('loggingOff', `Logging of web ACL '${name}' is off: the requests it blocks cannot be audited or investigated afterwards.`);
  }
}

/** What the web ACLs are associated with: each Application Load Balancer's spec and its construct scope and ARN. */
export interface WebAclTarget {
  readonly spec: ApplicationLoadBalancerSpec;
  readonly scope: Construct;
  readonly loadBalancerArn: string;
}

/**
 * Builds every web ACL of the spec under `WebAcls`, and associates each Application
 * Load Balancer with the web ACL it names or the existing one whose ARN it gives (the
 * association lives in the load balancer's scope).
 */
export function buildWebAcls(scope: Construct, webAcls: { [name: string]: WebAclSpec } | undefined,
  loadBalancers: ReadonlyMap<string, WebAclTarget>): Map<string, WebAclBuilder> {
  const namespace = new Construct(scope, 'WebAcls');
  const destinations = new WafLogDestinations(namespace);
  const built = new Map<string, WebAclBuilder>();
  for (const [name, spec] of sortedEntries(webAcls)) built.set(name, new WebAclBuilder(namespace, name, spec, destinations));

  const used = new Set<string>();
  for (const [, lb] of [...loadBalancers].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
    const acl = lb.spec.webAcl !== undefined ? built.get(lb.spec.webAcl) : undefined;
    const webAclArn = acl?.webAcl.attrArn ?? lb.spec.webAclArn;
    if (webAclArn === undefined) continue;
    if (lb.spec.webAcl !== undefined) used.add(lb.spec.webAcl);
    new wafv2.CfnWebACLAssociation(lb.scope, 'WebAclAssociation', { resourceArn: lb.loadBalancerArn, webAclArn });
  }
  for (const [name, acl] of built) {
    if (!used.has(name)) {
      Annotations.of(acl).addWarningV2('cdk-elb-topology:waf.unused',
        `Web ACL '${name}' is not named by any Application Load Balancer's webAcl: it is created, and billed, but inspects nothing.`);
    }
  }
  return built;
}
