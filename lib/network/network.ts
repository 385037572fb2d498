import { Fn, RemovalPolicy, Stack, Token } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as logs from 'aws-cdk-lib/aws-logs';
import { Construct } from 'constructs';
import { InspectionTiers, resolveNetwork, tierSelection } from '../private/resolve';
import { logsEncryptionKey } from '../security/logs-key';
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
export function buildNetwork(
  scope: Construct,
  spec: NetworkSpec | undefined,
  existing: ec2.IVpc | undefined,
  tiers: InspectionTiers = {},
): BuiltNetwork {
  if (existing) {
    return { vpc: existing, owned: false, subnets: (tier) => tierSelection(tier) };
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
      // Added after the first three, so that the subnets of those keep their ranges.
      ...(tiers.appliances ? [{ name: SubnetTier.APPLIANCES, subnetType: appType, cidrMask: n.applianceSubnetCidrMask }] : []),
      ...(tiers.endpoints
        ? [{ name: SubnetTier.ENDPOINTS, subnetType: ec2.SubnetType.PUBLIC, cidrMask: n.endpointSubnetCidrMask, mapPublicIpOnLaunch: false }]
        : []),
    ],
    // Outside the inspected subnets, the NAT gateways' own traffic (the appliances' included)
    // never passes the appliances.
    natGatewaySubnets: tiers.endpoints ? { subnetGroupName: SubnetTier.ENDPOINTS } : undefined,
  });
  if (n.flowLogsEnabled) {
    const logGroup = new logs.LogGroup(scope, 'FlowLogs', {
      retention: n.flowLogsRetentionDays as logs.RetentionDays,
      encryptionKey: logsEncryptionKey(scope, 'FlowLogsKey', 'Encrypts the VPC flow log group of the ELB topology'),
      removalPolicy: RemovalPolicy.RETAIN,
    });
    vpc.addFlowLog('FlowLog', {
      destination: ec2.FlowLogDestination.toCloudWatchLogs(logGroup),
      trafficType: ec2.FlowLogTrafficType.ALL,
    });
  }
  return { vpc, owned: true, subnets: (tier) => ({ subnetGroupName: tier }) };
}
