/**
 * Stack discovery and ELB description: paging (NextToken, NextMarker), nested stacks,
 * resources deleted outside CloudFormation, and resources the command does not inspect.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ListStackResourcesCommand } from '@aws-sdk/client-cloudformation';
import { DescribeListenersCommand, DescribeTargetGroupsCommand, DescribeTargetHealthCommand } from '@aws-sdk/client-elastic-load-balancing-v2';
import {
  ASSEMBLY, elbError, LB_ARN, LISTENER_MARKER, LOGICAL, mockWebAlb, RESOURCE_PAGES, run, STACK_ID, TARGET_GROUPS, TG_BLUE, TG_GREEN,
} from './fixtures/aws';

describe('paging', () => {
  let aws: ReturnType<typeof mockWebAlb>;
  let report: any;
  beforeAll(async () => {
    aws = mockWebAlb();
    report = JSON.parse((await run(aws, ['--json'])).stdout());
  });

  test('follows NextToken through two pages of stack resources', () => {
    expect(aws.cfnMock.commandCalls(ListStackResourcesCommand).map(c => c.args[0].input)).toEqual([
      { StackName: STACK_ID, NextToken: undefined },
      { StackName: STACK_ID, NextToken: RESOURCE_PAGES[0].NextToken },
    ]);
    expect(report.resources).toEqual({ loadBalancers: 1, listeners: 2, listenerRules: 3, targetGroups: 2 });
  });

  test('follows NextMarker through two pages of listeners', () => {
    expect(aws.elbMock.commandCalls(DescribeListenersCommand).map(c => c.args[0].input)).toEqual([
      { LoadBalancerArn: LB_ARN, Marker: undefined },
      { LoadBalancerArn: LB_ARN, Marker: LISTENER_MARKER },
    ]);
    // the listener of the second page is compared with the template: no "not found" drift
    expect(report.drift.differences).toEqual([]);
  });
});

describe('a target group deleted outside CloudFormation', () => {
  let aws: ReturnType<typeof mockWebAlb>;
  let result: Awaited<ReturnType<typeof run>>;
  beforeAll(async () => {
    // GIVEN AWS no longer knows the green target group: a call naming it fails as a whole
    aws = mockWebAlb();
    aws.elbMock.on(DescribeTargetGroupsCommand).callsFake(input => {
      if (input.TargetGroupArns.includes(TG_GREEN)) throw elbError('TargetGroupNotFoundException', `Target groups '${TG_GREEN}' not found`);
      return { TargetGroups: TARGET_GROUPS.filter(g => input.TargetGroupArns.includes(g.TargetGroupArn)) };
    });
    result = await run(aws);
  });

  test('describes the batch again one ARN at a time', () => {
    const batches = aws.elbMock.commandCalls(DescribeTargetGroupsCommand).map(c => c.args[0].input.TargetGroupArns);
    expect(batches).toEqual([[TG_BLUE, TG_GREEN], [TG_BLUE], [TG_GREEN]]);
  });

  test('watches the target groups that exist', () => {
    expect(aws.elbMock.commandCalls(DescribeTargetHealthCommand).map(c => c.args[0].input.TargetGroupArn)).toEqual([TG_BLUE]);
  });

  test('reports the missing one as drift and fails', () => {
    expect(result.code).toBe(1);
    expect(result.stdout()).toContain(`  ${LOGICAL.green} (resource): declared present, actual not found in Elastic Load Balancing (deleted outside CloudFormation?)`);
  });
});

describe('nested stacks', () => {
  const NESTED_ARN = 'arn:aws:cloudformation:eu-west-1:123456789012:stack/WebAlb-FleetsNestedStackFleetsNestedStackResource1A2B3C4D-1ABCDEF23GHIJ/7c9e6f50-5b6d-11ef-8a1b-0a2b3c4d5e6f';
  const NESTED = 'FleetsNestedStackFleetsNestedStackResource1A2B3C4D';
  const NESTED_FILE = 'WebAlbFleetsNestedStackFleets1A2B3C4D.nested.template.json';
  let dir: string;
  let aws: ReturnType<typeof mockWebAlb>;
  let report: any;
  let text: string;

  beforeAll(async () => {
    // GIVEN the blue target group in a nested stack, and a cloud assembly holding both templates
    const rootTemplate = JSON.parse(fs.readFileSync(path.join(ASSEMBLY, 'WebAlb.template.json'), 'utf-8'));
    const blue = rootTemplate.Resources[LOGICAL.blue];
    delete rootTemplate.Resources[LOGICAL.blue];
    rootTemplate.Resources[NESTED] = {
      Type: 'AWS::CloudFormation::Stack',
      Properties: { TemplateURL: { 'Fn::Join': ['', ['https://s3.eu-west-1.', { Ref: 'AWS::URLSuffix' }, '/cdk-assets/x.json']] } },
      Metadata: { 'aws:asset:path': NESTED_FILE, 'aws:asset:property': 'TemplateURL' },
    };
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'verify-nested-'));
    fs.mkdirSync(path.join(dir, 'cdk.out'));
    fs.copyFileSync(path.join(ASSEMBLY, 'manifest.json'), path.join(dir, 'cdk.out', 'manifest.json'));
    fs.writeFileSync(path.join(dir, 'cdk.out', 'WebAlb.template.json'), JSON.stringify(rootTemplate));
    const nestedBlue = { ...blue, Properties: { ...blue.Properties, HealthCheckPath: '/healthz' } };
    fs.writeFileSync(path.join(dir, 'cdk.out', NESTED_FILE), JSON.stringify({ Resources: { [LOGICAL.blue]: nestedBlue } }));

    aws = mockWebAlb();
    const rootPages = RESOURCE_PAGES.map(p => ({
      ...p,
      StackResourceSummaries: p.StackResourceSummaries!.filter(r => r.LogicalResourceId !== LOGICAL.blue),
    }));
    rootPages[1].StackResourceSummaries!.push({
      LogicalResourceId: NESTED, PhysicalResourceId: NESTED_ARN, ResourceType: 'AWS::CloudFormation::Stack', ResourceStatus: 'CREATE_COMPLETE', LastUpdatedTimestamp: new Date(),
    });
    aws.cfnMock.on(ListStackResourcesCommand, { StackName: STACK_ID }).callsFake(input => (input.NextToken ? rootPages[1] : rootPages[0]));
    aws.cfnMock.on(ListStackResourcesCommand, { StackName: NESTED_ARN }).resolves({
      StackResourceSummaries: [{
        LogicalResourceId: LOGICAL.blue,
        PhysicalResourceId: TG_BLUE,
        ResourceType: 'AWS::ElasticLoadBalancingV2::TargetGroup',
        ResourceStatus: 'CREATE_COMPLETE',
        LastUpdatedTimestamp: new Date(),
      }],
    });

    // WHEN
    report = JSON.parse((await run(aws, ['--json'], { cwd: dir })).stdout());
    text = (await run(aws, [], { cwd: dir })).stdout();
  });

  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  test('finds the resources of the nested stack', () => {
    expect(report.resources.targetGroups).toBe(2);
    expect(report.health.targetGroups.map((g: any) => [g.stackPath, g.logicalId])).toEqual([
      ['WebAlb', LOGICAL.green], [`WebAlb/${NESTED}`, LOGICAL.blue],
    ]);
  });

  test('compares the nested stack with its template from the cloud assembly', () => {
    expect(report.drift.templateSources).toEqual([path.join('cdk.out', 'WebAlb.template.json'), path.join('cdk.out', NESTED_FILE)]);
    expect(report.drift.differences).toEqual([{
      stackPath: `WebAlb/${NESTED}`, logicalId: LOGICAL.blue, resourceType: 'AWS::ElasticLoadBalancingV2::TargetGroup', field: 'HealthCheckPath', declared: '/healthz', actual: '/health',
    }]);
    expect(text).toContain(`  ${NESTED}/${LOGICAL.blue} HealthCheckPath: declared /healthz, actual /health`);
  });

  test('counts the parent\'s references to the nested target group as not compared', () => {
    // the HTTPS listener's default action and the blue rule name the blue group, now outside the parent;
    // the access log bucket's name (a Ref to a bucket) is never compared
    expect(report.drift.notCompared).toBe(3);
  });
});

describe('Classic Load Balancers', () => {
  test('are listed as not inspected', async () => {
    // GIVEN a stack that also holds a Classic Load Balancer
    const aws = mockWebAlb();
    const pages = [RESOURCE_PAGES[0], {
      ...RESOURCE_PAGES[1],
      StackResourceSummaries: [...RESOURCE_PAGES[1].StackResourceSummaries!, {
        LogicalResourceId: 'TopologyClassicLoadBalancerslegacyLoadBalancer5E6F7A8B',
        PhysicalResourceId: 'WebAlb-Topolo-1QWERTYUIOP2',
        ResourceType: 'AWS::ElasticLoadBalancing::LoadBalancer',
        ResourceStatus: 'CREATE_COMPLETE',
        LastUpdatedTimestamp: new Date(),
      }],
    }];
    aws.cfnMock.on(ListStackResourcesCommand, { StackName: STACK_ID }).callsFake(input => (input.NextToken ? pages[1] : pages[0]));

    // WHEN
    const result = await run(aws);

    // THEN
    expect(result.code).toBe(0);
    expect(result.stdout()).toContain('Not inspected (Classic Load Balancers are outside this command): WebAlb/TopologyClassicLoadBalancerslegacyLoadBalancer5E6F7A8B');
  });
});
