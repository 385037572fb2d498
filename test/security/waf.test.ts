/**
 * AWS WAF web ACLs: rules and their statements, IP sets, count-only mode, the default
 * action, associations with Application Load Balancers, logging, getters and warnings.
 * One stack holds every case and is synthesized once.
 */
import { Match } from 'aws-cdk-lib/assertions';
import { TopologySpec } from '../../lib';
import { CERT_ARN, build, minimalSpec } from '../helpers';
import { TemplateResource, getAtt, refTo, resourceOf } from '../template-helpers';

const ARN = 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/shared/a1b2c3d4-5678-90ab-cdef-111122223333';
const REGIONAL_ALB = { certificateArn: CERT_ARN, listeners: { https: {} } };

/**
 * Five ALBs: `public` and `shop` share web ACL `edge` (every kind of rule), `api` uses
 * `baseline` (the defaults), `admin` an existing web ACL by ARN, and `plain` none. Web
 * ACL `trial` (count-only, unlogged, blocking unmatched requests) is used by none.
 */
const SPEC: TopologySpec = minimalSpec({
  applicationLoadBalancers: {
    public: { ...minimalSpec().applicationLoadBalancers!.public, webAcl: 'edge' },
    shop: { ...REGIONAL_ALB, webAcl: 'edge' },
    api: { ...REGIONAL_ALB, webAcl: 'baseline' },
    admin: { ...REGIONAL_ALB, webAclArn: ARN },
    plain: REGIONAL_ALB,
  },
  webAcls: {
    edge: {
      allowedIpCidrs: ['198.51.100.0/24'],
      blockedIpCidrs: ['203.0.113.0/24', '2001:db8::/32'],
      blockListPriority: 2,
      rateLimit: { limit: 1000, windowSeconds: 60, priority: 3 },
      managedRuleGroups: [
        { name: 'AWSManagedRulesCommonRuleSet', priority: 20, excludedRules: ['SizeRestrictions_BODY', 'NoUserAgent_HEADER'] },
        { name: 'AWSManagedRulesBotControlRuleSet', priority: 30 },
        { name: 'AWSManagedRulesLinuxRuleSet', priority: 40, countOnly: true },
        { name: 'SomeRuleGroup', vendor: 'Example Seller Inc.', priority: 50 },
      ],
      logRetentionDays: 731,
    },
    baseline: {},
    trial: {
      countOnly: true,
      loggingEnabled: false,
      blockUnmatchedRequests: true,
      allowedIpCidrs: ['2001:db8:1::/48'],
      blockedIpCidrs: ['203.0.113.0/24'],
      rateLimit: { limit: 100, priority: 5 },
      managedRuleGroups: [{ name: 'AWSManagedRulesSQLiRuleSet', priority: 10 }],
    },
  },
});

const { template, topology, annotations } = build(SPEC);
const props = (name: string) => resourceOf(template, topology.webAcl(name)).Properties!;
const rule = (acl: string, ruleName: string) => props(acl).Rules.find((r: { Name: string }) => r.Name === ruleName);
const ipSet = (acl: string, id: string) => topology.webAcl(acl).node.scope!.node.findChild(id);
const webAclPath = (name: string) => `/Test/Topology/WebAcls/${name}`;

describe('web ACL rules', () => {
  test('builds one regional web ACL per spec entry, allowing requests that match no rule', () => {
    template.resourceCountIs('AWS::WAFv2::WebACL', 3);
    expect(props('baseline')).toMatchObject({ Scope: 'REGIONAL', DefaultAction: { Allow: {} } });
  });

  test('gives a web ACL without managedRuleGroups the four baseline AWS managed rule groups, by priority', () => {
    expect(props('baseline').Rules.map((r: any) => [r.Priority, r.Statement.ManagedRuleGroupStatement, r.OverrideAction])).toEqual([
      [10, { VendorName: 'AWS', Name: 'AWSManagedRulesAmazonIpReputationList' }, { None: {} }],
      [20, { VendorName: 'AWS', Name: 'AWSManagedRulesCommonRuleSet' }, { None: {} }],
      [30, { VendorName: 'AWS', Name: 'AWSManagedRulesKnownBadInputsRuleSet' }, { None: {} }],
      [40, { VendorName: 'AWS', Name: 'AWSManagedRulesSQLiRuleSet' }, { None: {} }],
    ]);
  });

  test('lists the rules in priority order, named after what they do', () => {
    expect(props('edge').Rules.map((r: any) => [r.Priority, r.Name])).toEqual([
      [0, 'allow-list'], [2, 'block-list'], [3, 'rate-limit'], [20, 'AWS-AWSManagedRulesCommonRuleSet'],
      [30, 'AWS-AWSManagedRulesBotControlRuleSet'], [40, 'AWS-AWSManagedRulesLinuxRuleSet'], [50, 'Example-Seller-Inc--SomeRuleGroup'],
    ]);
  });

  test('sends CloudWatch metrics and keeps sampled requests for every rule and every web ACL', () => {
    for (const name of ['edge', 'baseline', 'trial']) {
      expect(props(name).VisibilityConfig).toEqual({ CloudWatchMetricsEnabled: true, MetricName: name, SampledRequestsEnabled: true });
      for (const r of props(name).Rules) {
        expect(r.VisibilityConfig).toEqual({ CloudWatchMetricsEnabled: true, MetricName: r.Name, SampledRequestsEnabled: true });
      }
    }
  });

  test('allows the addresses of the allow list, from an IPv4 IP set', () => {
    expect(rule('edge', 'allow-list')).toMatchObject({ Action: { Allow: {} }, Statement: { IPSetReferenceStatement: { Arn: getAtt(ipSet('edge', 'AllowListIpv4'), 'Arn') } } });
    expect(resourceOf(template, ipSet('edge', 'AllowListIpv4')).Properties).toEqual({ Scope: 'REGIONAL', IPAddressVersion: 'IPV4', Addresses: ['198.51.100.0/24'] });
  });

  test('blocks the addresses of the block list, IPv4 and IPv6 from separate IP sets matched by one rule', () => {
    expect(rule('edge', 'block-list')).toMatchObject({
      Action: { Block: {} },
      Statement: {
        OrStatement: {
          Statements: [
            { IPSetReferenceStatement: { Arn: getAtt(ipSet('edge', 'BlockListIpv4'), 'Arn') } },
            { IPSetReferenceStatement: { Arn: getAtt(ipSet('edge', 'BlockListIpv6'), 'Arn') } },
          ],
        },
      },
    });
    expect(resourceOf(template, ipSet('edge', 'BlockListIpv6')).Properties).toMatchObject({ IPAddressVersion: 'IPV6', Addresses: ['2001:db8::/32'] });
  });

  test('blocks each client IP address over the rate limit in the given window', () => {
    expect(rule('edge', 'rate-limit')).toMatchObject({ Action: { Block: {} }, Statement: { RateBasedStatement: { Limit: 1000, AggregateKeyType: 'IP', EvaluationWindowSec: 60 } } });
  });

  test('counts a rate limit over 300 seconds by default', () => {
    expect(rule('trial', 'rate-limit').Statement.RateBasedStatement.EvaluationWindowSec).toBe(300);
  });

  test('sets the excluded rules of a managed rule group to count', () => {
    expect(rule('edge', 'AWS-AWSManagedRulesCommonRuleSet')).toMatchObject({
      OverrideAction: { None: {} },
      Statement: {
        ManagedRuleGroupStatement: {
          RuleActionOverrides: [
            { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
            { Name: 'NoUserAgent_HEADER', ActionToUse: { Count: {} } },
          ],
        },
      },
    });
  });

  test('overrides the actions of a count-only managed rule group with count', () => {
    expect(rule('edge', 'AWS-AWSManagedRulesLinuxRuleSet').OverrideAction).toEqual({ Count: {} });
  });

  test('inspects at the common level with Bot Control', () => {
    expect(rule('edge', 'AWS-AWSManagedRulesBotControlRuleSet').Statement.ManagedRuleGroupStatement.ManagedRuleGroupConfigs)
      .toEqual([{ AWSManagedRulesBotControlRuleSet: { InspectionLevel: 'COMMON' } }]);
  });

  test('uses the vendor of a rule group from another vendor, and names its rule with what a rule name may hold', () => {
    expect(rule('edge', 'Example-Seller-Inc--SomeRuleGroup').Statement.ManagedRuleGroupStatement).toEqual({ VendorName: 'Example Seller Inc.', Name: 'SomeRuleGroup' });
  });
});

describe('a count-only web ACL that blocks unmatched requests', () => {
  test('counts with every rule that would block', () => {
    expect(rule('trial', 'block-list').Action).toEqual({ Count: {} });
    expect(rule('trial', 'rate-limit').Action).toEqual({ Count: {} });
    expect(rule('trial', 'AWS-AWSManagedRulesSQLiRuleSet').OverrideAction).toEqual({ Count: {} });
  });

  test('still allows the addresses of the allow list, from an IPv6 IP set', () => {
    expect(rule('trial', 'allow-list')).toMatchObject({ Action: { Allow: {} }, Statement: { IPSetReferenceStatement: { Arn: getAtt(ipSet('trial', 'AllowListIpv6'), 'Arn') } } });
  });

  test('blocks requests that match no rule', () => {
    expect(props('trial').DefaultAction).toEqual({ Block: {} });
  });

  test('is warned about, as count-only, unlogged and unused', () => {
    annotations.hasWarning(webAclPath('trial'), Match.stringLikeRegexp("Web ACL 'trial' only counts .*cdk-elb-topology:waf.countOnly"));
    annotations.hasWarning(webAclPath('trial'), Match.stringLikeRegexp("Logging of web ACL 'trial' is off.*cdk-elb-topology:waf.loggingOff"));
    annotations.hasWarning(webAclPath('trial'), Match.stringLikeRegexp("Web ACL 'trial' is not named by any Application Load Balancer.*cdk-elb-topology:waf.unused"));
  });

  test('has no logging configuration', () => {
    expect(topology.webAclLogGroup('trial')).toBeUndefined();
    template.resourceCountIs('AWS::WAFv2::LoggingConfiguration', 2);
  });
});

describe('associations with Application Load Balancers', () => {
  const associations = () => Object.values(template.findResources('AWS::WAFv2::WebACLAssociation')) as TemplateResource[];
  const associationOf = (alb: string) => topology.node.findChild('ApplicationLoadBalancers').node.findChild(alb).node.tryFindChild('WebAclAssociation');

  test('associates each load balancer with the web ACL it names; two share web ACL edge', () => {
    for (const [alb, acl] of [['public', 'edge'], ['shop', 'edge'], ['api', 'baseline']]) {
      expect(resourceOf(template, associationOf(alb)!).Properties).toEqual({
        ResourceArn: refTo(topology.applicationLoadBalancer(alb)),
        WebACLArn: getAtt(topology.webAcl(acl), 'Arn'),
      });
    }
  });

  test('associates a load balancer with an existing web ACL by its ARN', () => {
    expect(resourceOf(template, associationOf('admin')!).Properties).toEqual({ ResourceArn: refTo(topology.applicationLoadBalancer('admin')), WebACLArn: ARN });
  });

  test('associates nothing with a load balancer without a web ACL', () => {
    expect(associationOf('plain')).toBeUndefined();
    expect(associations()).toHaveLength(4);
  });

  test('warns about no web ACL that a load balancer uses', () => {
    const unused = annotations.findWarning('*', Match.stringLikeRegexp('cdk-elb-topology:waf.unused'));
    expect(unused.map((w) => w.id)).toEqual([webAclPath('trial')]);
  });
});

describe('logging', () => {
  const loggingOf = (acl: string) => resourceOf(template, topology.webAcl(acl).node.scope!.node.findChild('Logging'));
  const logGroup = (acl: string) => resourceOf(template, topology.webAclLogGroup(acl)!);

  test("logs each web ACL to its own log group, named with AWS WAF's required prefix", () => {
    for (const acl of ['edge', 'baseline']) {
      const [separator, [prefix, stackId]] = logGroup(acl).Properties!.LogGroupName['Fn::Join'];
      expect([separator, prefix]).toEqual(['-', expect.stringMatching(new RegExp(`^aws-waf-logs-Test-Topology-WebAcls-${acl}-[0-9A-F]{8}$`))]);
      expect(JSON.stringify(stackId)).toContain('{"Ref":"AWS::StackId"}');
      expect(loggingOf(acl).Properties).toMatchObject({
        ResourceArn: getAtt(topology.webAcl(acl), 'Arn'),
        // The log group's ARN without the ':*' of its Arn attribute, as AWS WAF takes it.
        LogDestinationConfigs: [{
          'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':logs:', { Ref: 'AWS::Region' }, ':', { Ref: 'AWS::AccountId' },
            ':log-group:', refTo(topology.webAclLogGroup(acl)!)]],
        }],
      });
    }
  });

  test('redacts the authorization and cookie headers', () => {
    expect(loggingOf('baseline').Properties!.RedactedFields).toEqual([{ SingleHeader: { Name: 'authorization' } }, { SingleHeader: { Name: 'cookie' } }]);
  });

  test('encrypts the log groups with one customer managed key, and retains them', () => {
    const keys = [logGroup('edge'), logGroup('baseline')].map((g) => g.Properties!.KmsKeyId);
    expect(keys[0]).toEqual(keys[1]);
    const key = template.toJSON().Resources[keys[0]['Fn::GetAtt'][0]];
    expect(key.Properties).toMatchObject({ Description: 'Encrypts the AWS WAF log groups of the ELB topology', EnableKeyRotation: true });
    expect(logGroup('edge')).toMatchObject({ DeletionPolicy: 'Retain' });
  });

  test('keeps the logs 365 days by default, or as long as logRetentionDays says', () => {
    expect(logGroup('baseline').Properties!.RetentionInDays).toBe(365);
    expect(logGroup('edge').Properties!.RetentionInDays).toBe(731);
  });

  test("lets CloudWatch Logs' log delivery write to the log groups, for this account only, before logging starts", () => {
    template.resourceCountIs('AWS::Logs::ResourcePolicy', 1);
    const [[policyId, policy]] = Object.entries(template.findResources('AWS::Logs::ResourcePolicy'));
    const document = JSON.stringify(policy.Properties.PolicyDocument);
    expect(document).toMatch(/\\"Principal\\":\{\\"Service\\":\\"delivery.logs.amazonaws.com\\"\}/);
    expect(document).toMatch(/\\"Action\\":\[\\"logs:CreateLogStream\\",\\"logs:PutLogEvents\\"\]/);
    expect(document).toMatch(/\\"aws:SourceAccount\\":\\"",\{"Ref":"AWS::AccountId"\}/);
    for (const acl of ['edge', 'baseline']) {
      expect(document).toContain(JSON.stringify(getAtt(topology.webAclLogGroup(acl)!, 'Arn')));
      expect(loggingOf(acl).DependsOn).toContain(policyId);
    }
  });
});

describe('getters', () => {
  test('give each web ACL by name, in the WebAcls scope', () => {
    expect(Object.keys(topology.webAcls).sort()).toEqual(['baseline', 'edge', 'trial']);
    expect(topology.webAcls.edge).toBe(topology.webAcl('edge'));
    expect(topology.webAcl('edge').node.path).toBe('Test/Topology/WebAcls/edge/WebAcl');
  });

  test('fail for an unknown web ACL, naming the known ones', () => {
    expect(() => topology.webAcl('egde')).toThrow("ElbTopology has no web ACL 'egde'. Known: baseline, edge, trial.");
    expect(() => topology.webAclLogGroup('egde')).toThrow(/no web ACL 'egde'/);
  });
});
