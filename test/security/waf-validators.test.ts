/**
 * A topology with web ACLs (one with every kind of rule and logging, one shared ALB's
 * existing web ACL by ARN) through the validators the examples use: aws-cdk-lib's
 * CloudFormation validation as errors, cdk-nag's AwsSolutions pack and the Control
 * Tower guard rules. Synthesis throws on any unacknowledged finding.
 */
import * as fs from 'fs';
import * as path from 'path';
import { Stack } from 'aws-cdk-lib';
import { CloudAssembly } from 'aws-cdk-lib/cx-api';
import { checkedApp } from '../../examples/checks';
import { ElbTopology } from '../../lib';
import { CERT_ARN, minimalSpec } from '../helpers';
import { failedReports } from '../validation-report';

// This file checks the template with every validator, including the built-in one.
process.env.CDK_VALIDATION = 'true';

const app = checkedApp();
const stack = new Stack(app, 'Waf');
new ElbTopology(stack, 'Topology', {
  spec: minimalSpec({
    applicationLoadBalancers: {
      public: { ...minimalSpec().applicationLoadBalancers!.public, webAcl: 'edge' },
      admin: {
        certificateArn: CERT_ARN,
        listeners: { https: {} },
        webAclArn: 'arn:aws:wafv2:us-east-1:123456789012:regional/webacl/shared/a1b2c3d4-5678-90ab-cdef-111122223333',
      },
    },
    webAcls: {
      edge: {
        rateLimit: { limit: 2000, priority: 2 },
        allowedIpCidrs: ['198.51.100.0/24'],
        blockedIpCidrs: ['203.0.113.0/24', '2001:db8::/32'],
      },
    },
  }),
});
let assembly: CloudAssembly;

beforeAll(() => {
  // Throws with the validators' report if any finding is not acknowledged.
  assembly = app.synth();
});

test('a topology with web ACLs passes CloudFormation validation, cdk-nag AwsSolutions and the Control Tower rules', () => {
  const report = JSON.parse(fs.readFileSync(path.join(assembly.directory, 'validation-report.json'), 'utf-8'));
  const failures = failedReports(report);
  expect(failures).toEqual([]);
  expect(Object.keys(assembly.getStackByName('Waf').template.Resources).filter((id) => id.includes('WebAcls')).length).toBeGreaterThan(0);
});
