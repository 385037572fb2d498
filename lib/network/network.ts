import { Fn, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as iam from 'aws-cdk-lib/aws-iam';
import * as kms from 'aws-cdk-lib/aws-kms';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { TIER_SUBNET_TYPES, resolveNetwork } from '../private/resolve';
import { SubnetTier } from '../spec/enums';
import { NetworkSpec } from '../spec/network';

/** The VPC of a topology and how to select each of its subnet tiers. */
export interface BuiltNetwork {
  readonly vpc: ec2.IVpc;
  /** Whether the topology created the VPC (rather than importing it). */
  readonly owned: boolean;
  subnets(tier: SubnetTier): ec2.SubnetSelection;
}

/**
 * The zone settings of the VPC. An env-agnostic stack knows only two zones, so `ec2.Vpc`
 * would silently cap `maxAzs` at 2; for more, the first `maxAzs` zones of the region
 * are named at deploy time instead.
 */
function zoneProps(scope: Construct, availabilityZones: string[] | undefined, maxAzs: number): Pick<ec2.VpcProps, 'availabilityZones' | 'maxAzs'> {
  if (availabilityZones) return { availabilityZones };
  const stack = Stack.of(scope);
  const agnostic = Token.isUnresolved(stack.account) || Token.isUnresolved(stack.region);
  if (agnostic && stack.availabilityZones.length < maxAzs) {
    return { availabilityZones: Array.from({ length: maxAzs }, (_, i) => Fn.select(i, Fn.getAzs())) };
  }
  return { maxAzs };
}

/**
 * Creates the topology's VPC with its three subnet tiers and flow logs, or wraps an
 * existing VPC, whose public / private-with-egress / isolated subnets are the tiers.
 */
export function buildNetwork(scope: Construct, spec: NetworkSpec | undefined, existing: ec2.IVpc | undefined): BuiltNetwork {
  if (existing) {
    return { vpc: existing, owned: false, subnets: (tier) => ({ subnetType: TIER_SUBNET_TYPES[tier] }) };
  }
  const n = resolveNetwork(spec);
  // Without NAT gateways the app tier has no egress: it is built isolated, as it really is.
  const appType = n.natGateways > 0 ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PRIVATE_ISOLATED;
  const vpc = new ec2.Vpc(scope, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr(n.cidr),
    ...zoneProps(scope, n.availabilityZones, n.maxAzs),
    natGateways: n.natGateways,
    restrictDefaultSecurityGroup: false,
    subnetConfiguration: [
      { name: SubnetTier.PUBLIC, subnetType: ec2.SubnetType.PUBLIC, cidrMask: n.publicSubnetCidrMask, mapPublicIpOnLaunch: false },
      { name: SubnetTier.APP, subnetType: appType, cidrMask: n.appSubnetCidrMask },
      { name: SubnetTier.DATA, subnetType: ec2.SubnetType.PRIVATE_ISOLATED, cidrMask: n.dataSubnetCidrMask },
    ],
  });
  if (n.flowLogsEnabled) {
    const logGroup = new logs.LogGroup(scope, 'FlowLogs', {
      retention: n.flowLogsRetentionDays as logs.RetentionDays,
      encryptionKey: flowLogKey(scope),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    vpc.addFlowLog('FlowLog', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(logGroup),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });
  }
  return { vpc, owned: true, subnets: (tier) => ({ subnetGroupName: tier }) };
}

/**
 * A customer managed key (rotated yearly) for the flow log group: CloudWatch Logs of
 * this account and region may use it, and grants are allowed only to AWS services.
 */
function flowLogKey(scope: Construct): kms.Key {
  const stack = Stack.of(scope);
  const key = new kms.Key(scope, 'FlowLogsKey', {
    description: 'Encrypts the VPC flow log group of the ELB topology',
    enableKeyRotation: true,
    removalPolicy: RemovalPolicy.RETAIN,
  });
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'AllowCloudWatchLogs',
    principals: [new iam.ServicePrincipal(`logs.${stack.region}.amazonaws.com`)],
    actions: ['kms:Encrypt*', 'kms:Decrypt*', 'kms:ReEncrypt*', 'kms:GenerateDataKey*', 'kms:Describe*'],
    resources: ['*'],
    conditions: { ArnLike: { 'kms:EncryptionContext:aws:logs:arn': `arn:${stack.partition}:logs:${stack.region}:${stack.account}:*` } },
  }));
  key.addToResourcePolicy(new iam.PolicyStatement({
    sid: 'DenyGrantsExceptForAwsServices',
    effect: iam.Effect.DENY,
    principals: [new iam.AnyPrincipal()],
    actions: ['kms:CreateGrant'],
    resources: ['*'],
    conditions: { BoolIfExists: { 'kms:GrantIsForAWSResource': 'false', 'aws:PrincipalIsAWSService': 'false' } },
  }));
  return key;
}
