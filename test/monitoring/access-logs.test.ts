import { App, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import { RegionInfo } from 'aws-cdk-lib/region-info';
import { ElbTopology, TopologySpec } from '../../lib';
import { build, CERT_ARN, minimalSpec } from '../helpers';
import { getAtt, logicalId, refTo, resourceOf } from '../template-helpers';

const TWO_ALBS = minimalSpec({
  applicationLoadBalancers: {
    public: minimalSpec().applicationLoadBalancers!.public,
    internal: { internetFacing: false, certificateArn: CERT_ARN },
  },
});

/** Builds a topology in a stack with a region (and no account), synthesized once. */
function buildInRegion(region: string, spec: TopologySpec): { template: Template; topology: ElbTopology } {
  const stack = new Stack(new App(), 'Test', { env: { region } });
  const topology = new ElbTopology(stack, 'Topology', { spec });
  return { template: Template.fromStack(stack), topology };
}

/** The statements of the bucket policy that let ELB write access logs. */
function deliveryStatements(template: Template): any[] {
  const policy = Object.values(template.findResources('AWS::S3::BucketPolicy'))[0];
  return policy.Properties.PolicyDocument.Statement.filter((s: { Action: string }) => s.Action === 's3:PutObject');
}

describe('access logs in an env-agnostic stack', () => {
  // GIVEN two ALBs with access logs (the default) in a stack without a region
  const built = build(TWO_ALBS);
  const { template, topology } = built;
  const bucket = topology.accessLogBucket!;

  test('creates one bucket for every load balancer', () => {
    template.resourceCountIs('AWS::S3::Bucket', 1);
    expect(template.findResources('AWS::S3::Bucket')[logicalId(bucket)]).toBeDefined();
  });

  test('encrypts the bucket with S3-managed keys, the only encryption ELB logs support', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      BucketEncryption: { ServerSideEncryptionConfiguration: [{ ServerSideEncryptionByDefault: { SSEAlgorithm: 'AES256' } }] },
    });
  });

  test('retains the bucket when the stack is deleted', () => {
    template.hasResource('AWS::S3::Bucket', { DeletionPolicy: 'Retain', UpdateReplacePolicy: 'Retain' });
  });

  test('blocks public access and enforces bucket-owner ownership', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      PublicAccessBlockConfiguration: { BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true },
      OwnershipControls: { Rules: [{ ObjectOwnership: 'BucketOwnerEnforced' }] },
    });
  });

  test('is versioned and ages objects out', () => {
    template.hasResourceProperties('AWS::S3::Bucket', {
      VersioningConfiguration: { Status: 'Enabled' },
      LifecycleConfiguration: {
        Rules: [Match.objectLike({
          Status: 'Enabled',
          Transitions: [{ StorageClass: 'STANDARD_IA', TransitionInDays: 30 }],
          NoncurrentVersionExpiration: { NoncurrentDays: 90 },
        })],
      },
    });
  });

  test('denies requests without TLS', () => {
    template.hasResourceProperties('AWS::S3::BucketPolicy', {
      Bucket: refTo(bucket),
      PolicyDocument: {
        Statement: Match.arrayWith([Match.objectLike({
          Effect: 'Deny',
          Action: 's3:*',
          Condition: { Bool: { 'aws:SecureTransport': 'false' } },
        })]),
      },
    });
  });

  test('points each load balancer access logs at the bucket with its own prefix', () => {
    for (const name of ['public', 'internal']) {
      const attributes = resourceOf(template, topology.applicationLoadBalancer(name)).Properties!.LoadBalancerAttributes;
      expect(attributes).toEqual(expect.arrayContaining([
        { Key: 'access_logs.s3.enabled', Value: 'true' },
        { Key: 'access_logs.s3.bucket', Value: refTo(bucket) },
        { Key: 'access_logs.s3.prefix', Value: name },
      ]));
    }
  });

  test('lets log delivery write only below each load balancer prefix', () => {
    const resources = deliveryStatements(template).map((s) => s.Resource);
    expect(resources).toEqual(['internal', 'public'].map((prefix) => ({
      'Fn::Join': ['', [getAtt(bucket, 'Arn'), `/${prefix}/AWSLogs/`, { Ref: 'AWS::AccountId' }, '/*']],
    })));
  });

  describe('log delivery principal, chosen by region at deploy time', () => {
    const [statement] = deliveryStatements(template);
    const conditionName: string = statement.Principal.AWS['Fn::If'][0];
    const mappingName: string = statement.Principal.AWS['Fn::If'][1]['Fn::Join'][1][3]['Fn::FindInMap'][0];
    const condition = template.toJSON().Conditions[conditionName];
    const mapping = template.toJSON().Mappings[mappingName];
    /** Evaluates the region condition for one region. */
    const regionHasAccount = (region: string): boolean => {
      const evaluate = (c: any): boolean => {
        if ('Fn::Or' in c) return c['Fn::Or'].some(evaluate);
        if ('Fn::Equals' in c) return c['Fn::Equals'].map((v: any) => (v.Ref === 'AWS::Region' ? region : v)).reduce((a: string, b: string) => a === b);
        throw new Error(`unexpected condition ${JSON.stringify(c)}`);
      };
      return evaluate(condition);
    };

    test('is the region ELB account, from the mapping, where the region has one', () => {
      expect(statement.Principal.AWS).toEqual({
        'Fn::If': [
          conditionName,
          { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::', { 'Fn::FindInMap': [mappingName, { Ref: 'AWS::Region' }, 'account'] }, ':root']] },
          { Ref: 'AWS::NoValue' },
        ],
      });
    });

    test('is the log delivery service where the region has no ELB account', () => {
      expect(statement.Principal.Service).toEqual({ 'Fn::If': [conditionName, { Ref: 'AWS::NoValue' }, 'logdelivery.elasticloadbalancing.amazonaws.com'] });
    });

    test.each([
      ['us-east-1', true, '127311923021'],
      ['eu-west-1', true, '156460612806'],
      ['ap-south-2', false, undefined],
      ['eu-central-2', false, undefined],
    ])('in %s the region has an ELB account: %s (%s)', (region, hasAccount, account) => {
      expect(regionHasAccount(region)).toBe(hasAccount);
      expect(mapping[region]?.account).toBe(account);
    });

    test('covers exactly the regions with an ELB account that CDK knows', () => {
      const known = RegionInfo.regions.filter((r) => r.elbv2Account !== undefined);
      expect(known.length).toBeGreaterThan(10);
      expect(known.filter((r) => !regionHasAccount(r.name) || mapping[r.name]?.account !== r.elbv2Account).map((r) => r.name)).toEqual([]);
      expect(Object.keys(mapping).sort()).toEqual(known.map((r) => r.name).sort());
    });
  });

  test('keeps each Fn::Or of the region condition within the CloudFormation limit of 10', () => {
    const counts: number[] = [];
    const walk = (v: any) => {
      if (Array.isArray(v)) {v.forEach(walk);} else if (v && typeof v === 'object') {
        if ('Fn::Or' in v) counts.push(v['Fn::Or'].length);
        Object.values(v).forEach(walk);
      }
    };
    walk(template.toJSON().Conditions);
    expect(counts.length).toBeGreaterThan(0);
    expect(counts.every((n) => n >= 2 && n <= 10)).toBe(true);
  });

  test('creates the load balancers after the bucket policy, so log delivery is allowed first', () => {
    const policyId = Object.keys(template.findResources('AWS::S3::BucketPolicy'))[0];
    for (const name of ['public', 'internal']) {
      expect(resourceOf(template, topology.applicationLoadBalancer(name)).DependsOn).toContain(policyId);
    }
  });
});

describe('access logs in a region with an ELB account', () => {
  // GIVEN a stack in us-east-1
  const { template } = buildInRegion('us-east-1', minimalSpec());

  test('lets that account write the logs, with no mapping or condition', () => {
    expect(deliveryStatements(template).map((s) => s.Principal)).toEqual([
      { AWS: { 'Fn::Join': ['', ['arn:', { Ref: 'AWS::Partition' }, ':iam::127311923021:root']] } },
    ]);
    expect(template.toJSON().Mappings).toBeUndefined();
    expect(template.toJSON().Conditions).toBeUndefined();
  });
});

describe('access logs in a region without an ELB account', () => {
  // GIVEN a stack in ap-south-2, opened after ELB stopped using per-region accounts
  const { template } = buildInRegion('ap-south-2', minimalSpec());

  test('lets the log delivery service write the logs', () => {
    expect(deliveryStatements(template).map((s) => s.Principal)).toEqual([
      { Service: 'logdelivery.elasticloadbalancing.amazonaws.com' },
    ]);
  });
});

describe('access logs turned off', () => {
  // GIVEN every ALB with accessLogsEnabled: false
  const built = build(minimalSpec({
    applicationLoadBalancers: { public: { ...minimalSpec().applicationLoadBalancers!.public, accessLogsEnabled: false } },
  }));

  test('creates no bucket', () => {
    built.template.resourceCountIs('AWS::S3::Bucket', 0);
    expect(built.topology.accessLogBucket).toBeUndefined();
  });

  test('sets no access log attributes', () => {
    const attributes = resourceOf(built.template, built.topology.applicationLoadBalancer('public')).Properties!.LoadBalancerAttributes;
    expect(attributes.filter((a: { Key: string }) => a.Key.startsWith('access_logs.'))).toEqual([]);
  });
});
