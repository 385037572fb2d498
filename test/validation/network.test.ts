/**
 * The network section: the VPC the topology creates, or an existing one instead.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { minimalSpec } from '../helpers';
import { ErrorRow, Loose, expectOnlyIssue, expectValid } from './util';

/** An existing VPC, made in a throwaway stack (no lookup, no synthesis). */
function existingVpc(): ec2.IVpc {
  return new ec2.Vpc(new Stack(new App(), 'Existing'), 'Vpc', { maxAzs: 2 });
}

describe('network', () => {
  test.each<ErrorRow>([
    ['the CIDR is not a CIDR block', minimalSpec({ network: { cidr: '10.0.0.0' } }), 'network.cidr',
      /^'10\.0\.0\.0' is not an IPv4 CIDR block\. Write it as address\/prefix, for example '10\.0\.0\.0\/16'\.$/],
    ['the CIDR has an octet above 255', minimalSpec({ network: { cidr: '10.256.0.0/16' } }), 'network.cidr', /^'10\.256\.0\.0\/16' is not an IPv4 CIDR block\./],
    ['the CIDR prefix is wider than /16', minimalSpec({ network: { cidr: '10.0.0.0/8' } }), 'network.cidr',
      /^the prefix \/8 is outside \/16-\/24\. Amazon VPC accepts primary blocks from \/16 to \/24\.$/],
    ['the CIDR prefix is narrower than /24', minimalSpec({ network: { cidr: '10.0.0.0/25' } }), 'network.cidr', /^the prefix \/25 is outside \/16-\/24\./],
    ['the CIDR has address bits beyond its prefix', minimalSpec({ network: { cidr: '10.0.0.1/16' } }), 'network.cidr',
      /^'10\.0\.0\.1\/16' has address bits set beyond its \/16 prefix\. Did you mean '10\.0\.0\.0\/16'\?$/],
    ['the subnets of every zone do not fit in the block', minimalSpec({ network: { cidr: '10.0.0.0/21', maxAzs: 2 } }), 'network.cidr',
      /^the subnets of 2 Availability Zones \(public \/24, app \/22 and data \/24 in each\) need 3584 addresses, but the VPC block 10\.0\.0\.0\/21 has 2048\. Use a larger block/],
    ['a subnet is larger than the default block', minimalSpec({ network: { appSubnetCidrMask: 16 } }), 'network',
      /^the subnets of 2 Availability Zones \(public \/24, app \/16 and data \/24 in each\) need 197120 addresses, but the VPC block 10\.0\.0\.0\/16 has 65536\./],
    ['the subnets add up to the block but alignment leaves a gap',
      minimalSpec({ network: { cidr: '10.0.0.0/16', maxAzs: 1, natGateways: 1, publicSubnetCidrMask: 18, appSubnetCidrMask: 17, dataSubnetCidrMask: 18 }, applicationLoadBalancers: {} }),
      'network.cidr', /^the subnets of 1 Availability Zone \(public \/18, app \/17 and data \/18 in each\) need 81920 addresses, but the VPC block 10\.0\.0\.0\/16 has 65536\./],
    ['maxAzs is 0', minimalSpec({ network: { maxAzs: 0 }, applicationLoadBalancers: {} }), 'network.maxAzs', /^0 is outside the allowed range 1-6\. Use a value from 1 to 6\.$/],
    ['maxAzs is 7', minimalSpec({ network: { maxAzs: 7 } }), 'network.maxAzs', /^7 is outside the allowed range 1-6\./],
    ['maxAzs is a string from JSON', minimalSpec({ network: { maxAzs: '2' as Loose } }), 'network.maxAzs', /^must be a whole number from 1 to 6, got '2'\.$/],
    ['availabilityZones and maxAzs are both set', minimalSpec({ network: { availabilityZones: ['us-east-1a', 'us-east-1b'], maxAzs: 2 } }), 'network.maxAzs',
      /^is set together with `availabilityZones`\. Set one of them/],
    ['availabilityZones lists a zone twice', minimalSpec({ network: { availabilityZones: ['us-east-1a', 'us-east-1a'] } }), 'network.availabilityZones',
      /^lists a zone twice: \["us-east-1a","us-east-1a"\]\. List each Availability Zone once\.$/],
    ['availabilityZones is empty', minimalSpec({ network: { availabilityZones: [] }, applicationLoadBalancers: {} }), 'network.availabilityZones',
      /^must be a non-empty list of zone names, got \[\]\.$/],
    ['there are more NAT gateways than zones', minimalSpec({ network: { maxAzs: 2, natGateways: 3 } }), 'network.natGateways',
      /^3 is outside the allowed range 0-2\. Use 0 to 2: at most one NAT gateway per Availability Zone\.$/],
    ['a subnet mask is below 16', minimalSpec({ network: { publicSubnetCidrMask: 15 } }), 'network.publicSubnetCidrMask', /^15 is outside the allowed range 16-28\./],
    ['a subnet mask is above 28', minimalSpec({ network: { dataSubnetCidrMask: 29 } }), 'network.dataSubnetCidrMask', /^29 is outside the allowed range 16-28\./],
    ['flowLogsEnabled is a string from JSON', minimalSpec({ network: { flowLogsEnabled: 'false' as Loose } }), 'network.flowLogsEnabled', /^must be true or false, got 'false'\.$/],
    ['the flow log retention is not one CloudWatch Logs accepts', minimalSpec({ network: { flowLogsRetentionDays: 10 } }), 'network.flowLogsRetentionDays',
      /^10 is not a retention CloudWatch Logs accepts\. Use one of 1, 3, 5, 7, 14, 30, /],
    ['network is not an object', minimalSpec({ network: 'default' as Loose }), 'network', /^must be an object, got 'default'\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('fails when `network` is given together with `existing.vpc`', () => {
    expectOnlyIssue(minimalSpec({ network: { maxAzs: 2 } }), 'network',
      /^is set, but an existing VPC is given in `existing\.vpc`\. Leave out `network` when you pass an existing VPC/, { vpc: existingVpc() });
  });

  test('accepts an existing VPC without `network`', () => {
    expectValid(minimalSpec({ network: undefined }), { vpc: existingVpc() });
  });

  test('accepts pinned Availability Zones, a /24 and one NAT gateway per zone', () => {
    expectValid(minimalSpec({ network: { cidr: '10.20.0.0/24', availabilityZones: ['eu-west-1a', 'eu-west-1b', 'eu-west-1c'], natGateways: 3, publicSubnetCidrMask: 28, appSubnetCidrMask: 28, dataSubnetCidrMask: 28 } }));
  });

  test('accepts subnets that fill the block exactly, aligned as the VPC construct places them', () => {
    // public 2 x /24 = 512, app aligned to 1024 then 2 x /22 = 3072, data 2 x /24: 3584 of 4096.
    expectValid(minimalSpec({ network: { cidr: '10.0.0.0/20', maxAzs: 2 } }));
    // One zone: public /17, app /18 and data /18 fill a /16 exactly.
    expectValid(minimalSpec({ network: { cidr: '10.0.0.0/16', maxAzs: 1, natGateways: 1, publicSubnetCidrMask: 17, appSubnetCidrMask: 18, dataSubnetCidrMask: 18 }, applicationLoadBalancers: {} }));
  });

  test('accepts no network section (the default VPC spans two zones)', () => {
    expectValid(minimalSpec({ network: undefined }));
  });
});
