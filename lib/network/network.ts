import { RemovalPolicy } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { SubnetTier } from '../spec/enums';
import { NetworkSpec } from '../spec/network';
import { resolveNetwork } from '../private/resolve';

/** The VPC of a topology and how to select each of its subnet tiers. */
export interface BuiltNetwork {
  readonly vpc: ec2.IVpc;
  /** Whether the topology created the VPC (rather than importing it). */
  readonly owned: boolean;
  subnets(tier: SubnetTier): ec2.SubnetSelection;
}

const TIER_TYPES: Record<SubnetTier, ec2.SubnetType> = {
  [SubnetTier.PUBLIC]: ec2.SubnetType.PUBLIC,
  [SubnetTier.APP]: ec2.SubnetType.PRIVATE_WITH_EGRESS,
  [SubnetTier.DATA]: ec2.SubnetType.PRIVATE_ISOLATED,
};

/**
 * Creates the topology's VPC with its three subnet tiers and flow logs, or wraps an
 * existing VPC, whose public / private-with-egress / isolated subnets are the tiers.
 */
export function buildNetwork(scope: Construct, spec: NetworkSpec | undefined, existing: ec2.IVpc | undefined): BuiltNetwork {
  if (existing) {
    return { vpc: existing, owned: false, subnets: (tier) => ({ subnetType: TIER_TYPES[tier] }) };
  }
  const n = resolveNetwork(spec);
  // Without NAT gateways the app tier has no egress: it is built isolated, as it really is.
  const appType = n.natGateways > 0 ? ec2.SubnetType.PRIVATE_WITH_EGRESS : ec2.SubnetType.PRIVATE_ISOLATED;
  const vpc = new ec2.Vpc(scope, 'Vpc', {
    ipAddresses: ec2.IpAddresses.cidr(n.cidr),
    ...(n.availabilityZones ? { availabilityZones: n.availabilityZones } : { maxAzs: n.maxAzs }),
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
      removalPolicy: RemovalPolicy.RETAIN,
    });
    vpc.addFlowLog('FlowLog', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(logGroup),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });
  }
  return { vpc, owned: true, subnets: (tier) => ({ subnetGroupName: tier }) };
}
