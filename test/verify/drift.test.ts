/**
 * Drift: what runs compared with the template, field by field, and where the template
 * comes from (`--template`, the cloud assembly, or CloudFormation).
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { GetTemplateCommand, ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import {
  DescribeListenersCommand, DescribeLoadBalancerAttributesCommand, DescribeRulesCommand, DescribeTargetGroupAttributesCommand,
  DescribeTargetGroupsCommand,
  Rule,
} from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  HTTPS_LISTENER, httpsRules, LB_ARN, LISTENER_MARKER, LISTENER_PAGES, LOGICAL, MockedAws, mockWebAlb, RESOURCE_PAGES, run, STACK_ID,
  TARGET_GROUPS, targetGroupAttributes, TEMPLATE_FILE, TG_BLUE, TG_GREEN,
} from './fixtures/aws';
import { findInAssembly } from '../../lib/verify/template';
import { DriftDifference } from '../../lib/verify/types';

const LB = 'AWS::ElasticLoadBalancingV2::LoadBalancer';
const LISTENER = 'AWS::ElasticLoadBalancingV2::Listener';
const RULE = 'AWS::ElasticLoadBalancingV2::ListenerRule';
const TG = 'AWS::ElasticLoadBalancingV2::TargetGroup';
const diff = (logicalId: string, resourceType: string, field: string, declared: string, actual: string): DriftDifference =>
  ({ stackPath: 'WebAlb', logicalId, resourceType, field, declared, actual });

/** Answers DescribeRules of the HTTPS listener with the fixture's rules after `change`. */
const rules = (change: (r: Rule[]) => void) => (aws: MockedAws) => {
  const list = httpsRules();
  change(list);
  aws.elbMock.on(DescribeRulesCommand, { ListenerArn: HTTPS_LISTENER }).resolves({ Rules: list });
};
/** Answers DescribeListeners with the fixture's listeners after `change`. */
const listeners = (change: (https: any, http: any) => void) => (aws: MockedAws) => {
  const [https, http] = LISTENER_PAGES.map(page => structuredClone(page[0]));
  change(https, http);
  aws.elbMock.on(DescribeListenersCommand, { LoadBalancerArn: LB_ARN })
    .callsFake(input => (input.Marker === LISTENER_MARKER ? { Listeners: [http] } : { Listeners: [https], NextMarker: LISTENER_MARKER }));
};

async function driftOf(setup: (aws: MockedAws) => void): Promise<{ code: number; differences: DriftDifference[]; report: any }> {
  const aws = mockWebAlb();
  setup(aws);
  const result = await run(aws, ['--json']);
  const report = JSON.parse(result.stdout());
  return { code: result.code, differences: report.drift?.differences, report };
}

describe('drift not found', () => {
  test('compares every literal field of the template and finds no difference', async () => {
    const { code, report } = await driftOf(() => undefined);
    expect(code).toBe(0);
    expect(report.drift).toEqual({ templateSources: ['cdk.out/WebAlb.template.json'], compared: 62, notCompared: 1, differences: [] });
  });
});

describe('drift found', () => {
  test.each<[string, (aws: MockedAws) => void, DriftDifference[]]>([
    ['a rule priority was changed', rules(r => { r[1].Priority = '25'; }), [diff(LOGICAL.greenRule, RULE, 'Priority', '20', '25')]],
    ['a rule condition was changed', rules(r => { r[0].Conditions = [{ Field: 'path-pattern', Values: ['/blue/v2/*'], PathPatternConfig: { Values: ['/blue/v2/*'] } }]; }),
      [diff(LOGICAL.blueRule, RULE, 'Conditions', 'path-pattern /blue/*', 'path-pattern /blue/v2/*')]],
    ['a rule forwards to another target group', rules(r => { r[0].Actions = [{ Type: 'forward', TargetGroupArn: TG_GREEN, Order: 1 }]; }),
      [diff(LOGICAL.blueRule, RULE, 'Actions[0].TargetGroups', LOGICAL.blue, LOGICAL.green)]],
    ['a rule answers with a fixed response instead', rules(r => { r[1].Actions = [{ Type: 'fixed-response', Order: 1, FixedResponseConfig: { StatusCode: '503' } }]; }),
      [diff(LOGICAL.greenRule, RULE, 'Actions', 'forward', 'fixed-response')]],
    ['a redirect rule\'s path was changed', rules(r => { r[2].Actions![0].RedirectConfig!.Path = '/home'; }),
      [diff(LOGICAL.legacyRule, RULE, 'Actions[0].RedirectConfig.Path', '/', '/home')]],
    ['the SSL policy was changed', listeners(https => { https.SslPolicy = 'ELBSecurityPolicy-TLS13-1-2-2021-06'; }),
      [diff(LOGICAL.https, LISTENER, 'SslPolicy', 'ELBSecurityPolicy-TLS13-1-2-PQ-2025-09', 'ELBSecurityPolicy-TLS13-1-2-2021-06')]],
    ['the weights of the default action were changed', listeners(https => { https.DefaultActions[0].ForwardConfig.TargetGroups[1].Weight = 3; }),
      [diff(LOGICAL.https, LISTENER, 'DefaultActions[0].TargetGroups', `${LOGICAL.blue} (weight 1), ${LOGICAL.green} (weight 1)`,
        `${LOGICAL.blue} (weight 1), ${LOGICAL.green} (weight 3)`)]],
    ['the redirect of the HTTP listener became temporary', listeners((_, http) => { http.DefaultActions[0].RedirectConfig.StatusCode = 'HTTP_302'; }),
      [diff(LOGICAL.http, LISTENER, 'DefaultActions[0].RedirectConfig.StatusCode', 'HTTP_301', 'HTTP_302')]],
    ['the listener serves another certificate', listeners(https => { https.Certificates = [{ CertificateArn: 'arn:aws:acm:eu-west-1:123456789012:certificate/0000aaaa-1111-2222-3333-444455556666' }]; }),
      [diff(LOGICAL.https, LISTENER, 'Certificates[0].CertificateArn', LOGICAL.cert, 'arn:aws:acm:eu-west-1:123456789012:certificate/0000aaaa-1111-2222-3333-444455556666')]],
    ['a target group attribute was changed', aws => aws.elbMock.on(DescribeTargetGroupAttributesCommand, { TargetGroupArn: TG_BLUE }).resolves({ Attributes: targetGroupAttributes('300') }),
      [diff(LOGICAL.blue, TG, 'TargetGroupAttributes.deregistration_delay.timeout_seconds', '30', '300')]],
    ['a health check path was changed', aws => aws.elbMock.on(DescribeTargetGroupsCommand).resolves({ TargetGroups: [TARGET_GROUPS[0], { ...TARGET_GROUPS[1], HealthCheckPath: '/' }] }),
      [diff(LOGICAL.green, TG, 'HealthCheckPath', '/health', '/')]],
    ['deletion protection was turned off', aws => aws.elbMock.on(DescribeLoadBalancerAttributesCommand).resolves({ Attributes: [{ Key: 'deletion_protection.enabled', Value: 'false' }] }),
      [
        diff(LOGICAL.lb, LB, 'LoadBalancerAttributes.deletion_protection.enabled', 'true', 'false'),
        diff(LOGICAL.lb, LB, 'LoadBalancerAttributes.routing.http2.enabled', 'true', '(not set)'),
        diff(LOGICAL.lb, LB, 'LoadBalancerAttributes.routing.http.drop_invalid_header_fields.enabled', 'true', '(not set)'),
        diff(LOGICAL.lb, LB, 'LoadBalancerAttributes.routing.http.desync_mitigation_mode', 'defensive', '(not set)'),
        diff(LOGICAL.lb, LB, 'LoadBalancerAttributes.access_logs.s3.enabled', 'true', '(not set)'),
        diff(LOGICAL.lb, LB, 'LoadBalancerAttributes.access_logs.s3.prefix', 'public', '(not set)'),
      ]],
    ['a declared rule is not in the deployed stack', stackWithout(LOGICAL.legacyRule), [diff(LOGICAL.legacyRule, RULE, '(resource)', 'present', 'not in the deployed stack')]],
  ])('%s', async (_, setup, expected) => {
    const { code, differences } = await driftOf(setup);
    expect(differences).toEqual(expected);
    expect(code).toBe(1);
  });

  test('lists a deployed resource the template does not declare', async () => {
    // GIVEN a rule added to the deployed stack by another template version
    const canaryArn = `${HTTPS_LISTENER.replace(':listener/', ':listener-rule/')}/feedfacecafe0001`;
    const { differences } = await driftOf(aws => {
      const extra = {
        LogicalResourceId: 'TopologyApplicationLoadBalancerspublicRulecanaryA1B2C3D4',
        PhysicalResourceId: canaryArn,
        ResourceType: RULE,
        ResourceStatus: 'CREATE_COMPLETE' as const,
        LastUpdatedTimestamp: new Date(),
      };
      const pages = [RESOURCE_PAGES[0], { StackResourceSummaries: [...RESOURCE_PAGES[1].StackResourceSummaries!, extra] }];
      aws.cfnMock.on(ListStackResourcesCommand, { StackName: STACK_ID }).callsFake(input => (input.NextToken ? pages[1] : pages[0]));
      rules(r => r.splice(3, 0, { ...r[0], RuleArn: canaryArn, Priority: '40' }))(aws);
    });
    expect(differences).toEqual([diff('TopologyApplicationLoadBalancerspublicRulecanaryA1B2C3D4', RULE, '(resource)', 'absent', 'deployed')]);
  });

  test('prints each difference with the logical ID, the field, and both values', async () => {
    const aws = mockWebAlb();
    rules(r => { r[1].Priority = '25'; })(aws);
    const result = await run(aws);
    expect(result.stdout()).toContain([
      'Drift against cdk.out/WebAlb.template.json: 1 difference in 62 compared fields (1 not compared: intrinsic values)',
      `  ${LOGICAL.greenRule} Priority: declared 20, actual 25`,
      '',
      'Result: failed: 1 drifted field.',
    ].join('\n'));
  });
});

/** A stack whose resources lack `logicalId`. */
function stackWithout(logicalId: string) {
  return (aws: MockedAws) => {
    const pages = RESOURCE_PAGES.map(p => ({
      ...p,
      StackResourceSummaries: p.StackResourceSummaries!.filter(r => r.LogicalResourceId !== logicalId),
    }));
    aws.cfnMock.on(ListStackResourcesCommand, { StackName: STACK_ID }).callsFake(input => (input.NextToken ? pages[1] : pages[0]));
  };
}

describe('where the template comes from', () => {
  let empty: string;
  beforeAll(() => {
    empty = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-empty-'));
  });
  afterAll(() => fs.rmSync(empty, { recursive: true, force: true }));

  test('reads the processed template from CloudFormation when there is no cloud assembly', async () => {
    const aws = mockWebAlb();
    const report = JSON.parse((await run(aws, ['--json'], { cwd: empty })).stdout());
    expect(aws.cfnMock.commandCalls(GetTemplateCommand).map(c => c.args[0].input)).toEqual([{ StackName: STACK_ID, TemplateStage: 'Processed' }]);
    expect(report.drift).toMatchObject({ templateSources: ['CloudFormation (GetTemplate of WebAlb)'], compared: 62, differences: [] });
  });

  test('reads --template before the cloud assembly', async () => {
    const aws = mockWebAlb();
    const report = JSON.parse((await run(aws, ['--json', '--template', TEMPLATE_FILE], { cwd: empty })).stdout());
    expect(aws.cfnMock.commandCalls(GetTemplateCommand)).toHaveLength(0);
    expect(report.drift.templateSources).toEqual([path.relative(empty, TEMPLATE_FILE)]);
  });

  test('finds a stack by its stackName in the manifest, also inside a stage', () => {
    // GIVEN an app whose stage Prod holds the stack 'ProdWebAlb' deployed as 'WebAlb'
    const dir = path.join(empty, 'staged');
    fs.mkdirSync(path.join(dir, 'assembly-Prod'), { recursive: true });
    fs.writeFileSync(path.join(dir, 'manifest.json'), JSON.stringify({
      version: '55.0.0', artifacts: { 'assembly-Prod': { type: 'cdk:cloud-assembly', properties: { directoryName: 'assembly-Prod', displayName: 'Prod' } } },
    }));
    fs.writeFileSync(path.join(dir, 'assembly-Prod', 'manifest.json'), JSON.stringify({
      version: '55.0.0', artifacts: { ProdWebAlbC0FFEE12: { type: 'aws:cloudformation:stack', properties: { templateFile: 'ProdWebAlbC0FFEE12.template.json', stackName: 'WebAlb' } } },
    }));

    // THEN
    expect(findInAssembly(dir, 'WebAlb')).toBe(path.join(dir, 'assembly-Prod', 'ProdWebAlbC0FFEE12.template.json'));
    expect(findInAssembly(dir, 'ProdWebAlbC0FFEE12')).toBeUndefined();
  });

  test.each<[string, string[], (aws: MockedAws) => void, string]>([
    ['--template names a missing file', ['--template', 'nope.template.json'], () => undefined, 'Template file \'nope.template.json\' does not exist.'],
    ['--cdk-out names a missing directory', ['--cdk-out', 'build/cdk.out'], () => undefined, 'Cloud assembly directory \'build/cdk.out\' does not exist.'],
    ['the deployed template is YAML', [], aws => aws.cfnMock.on(GetTemplateCommand).resolves({ TemplateBody: 'Resources:\n  Bucket:\n    Type: AWS::S3::Bucket\n' }),
      'The template CloudFormation (GetTemplate of WebAlb) is not JSON'],
  ])('fails with exit code 2 when %s', async (_, args, setup, message) => {
    const aws = mockWebAlb();
    setup(aws);
    const result = await run(aws, args, { cwd: empty });
    expect(result.code).toBe(2);
    expect(result.stderr().startsWith(`Error: ${message}`)).toBe(true);
  });

  test('--no-drift reads no template and no attributes', async () => {
    const aws = mockWebAlb();
    const result = await run(aws, ['--no-drift'], { cwd: empty });
    expect(result.code).toBe(0);
    expect(aws.cfnMock.commandCalls(GetTemplateCommand)).toHaveLength(0);
    expect(aws.elbMock.commandCalls(DescribeTargetGroupAttributesCommand)).toHaveLength(0);
    expect(result.stdout()).toContain('Result: passed. Every target is healthy; drift not checked.');
  });
});
