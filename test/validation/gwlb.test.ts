/**
 * Gateway Load Balancers: the listener (no port or protocol), the GENEVE target group and
 * its health check, the endpoint service, the inspection tiers and VPCs, the appliance
 * rules of fleets, and the subnet tiers and masks the created VPC gets for them.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { ElbTopology, SubnetTier, TopologySpec, WebServer } from '../../lib';
import { buildError, issueLines, minimalSpec } from '../helpers';
import { ErrorRow, Loose, expectIssue, expectOnlyIssue, expectValid, withAlb } from './util';

const GWLB = 'gatewayLoadBalancers.inspection';
const L = `${GWLB}.listener`;
const TG = `${L}.targetGroup`;
const HC = `${TG}.healthCheck`;
const I = `${GWLB}.inspection`;

/**
 * The smallest valid Gateway Load Balancer spec: the appliance fleet `firewall` in the
 * appliances tier, behind the load balancer `inspection`, which inspects the topology's
 * own VPC. `overrides` change the load balancer, `sections` replace whole sections.
 */
function withGwlb(overrides: Loose = {}, sections: Partial<TopologySpec> | Loose = {}): TopologySpec {
  return {
    network: { maxAzs: 2, natGateways: 2 },
    fleets: { firewall: { subnetTier: SubnetTier.APPLIANCES, webServer: WebServer.PYTHON } },
    gatewayLoadBalancers: { inspection: { listener: { targetGroup: { fleet: 'firewall' } }, inspection: {}, ...overrides } },
    ...sections,
  };
}
const withApplianceTargetGroup = (tg: Loose) => withGwlb({ listener: { targetGroup: { fleet: 'firewall', ...tg } } });
const withHealthCheck = (hc: Loose) => withApplianceTargetGroup({ healthCheck: hc });
const withInspection = (inspection: Loose) => withGwlb({ inspection });
const withFirewall = (fleet: Loose) => withGwlb({}, { fleets: { firewall: { subnetTier: 'appliances', webServer: 'python', ...fleet } } });
const ownFirewall = { webServer: 'none', userDataCommands: ['systemctl start vendor-firewall'] };

// Existing VPCs, built once. The ec2.Vpc ones sit in an env-agnostic stack with pinned zones.
const LOOKUP_KEY = 'vpc-provider:account=123456789012:filter.vpc-id=vpc-0123456789abcdef0:region=us-east-1:returnAsymmetricSubnets=true';
const subnet = (id: string, availabilityZone: string, cidr: string) => ({ subnetId: id, availabilityZone, routeTableId: `rtb-${id}`, cidr });
const app = new App({
  context: {
    // A looked-up VPC whose endpoint subnets cover two of the three zones of its public subnets.
    [LOOKUP_KEY]: {
      vpcId: 'vpc-0123456789abcdef0',
      vpcCidrBlock: '10.1.0.0/16',
      availabilityZones: [],
      subnetGroups: [
        { name: 'public', type: 'Public', subnets: [subnet('a1', 'us-east-1a', '10.1.0.0/24'), subnet('b1', 'us-east-1b', '10.1.1.0/24'), subnet('c1', 'us-east-1c', '10.1.2.0/24')] },
        { name: 'endpoints', type: 'Public', subnets: [subnet('a2', 'us-east-1a', '10.1.3.0/28'), subnet('b2', 'us-east-1b', '10.1.3.16/28')] },
      ],
    },
  },
});
const vpcStack = new Stack(app, 'Vpcs');
const group = (name: string, subnetType: ec2.SubnetType): ec2.SubnetConfiguration => ({ name, subnetType, cidrMask: 24 });
const vpc = (id: string, ...subnetConfiguration: ec2.SubnetConfiguration[]) =>
  new ec2.Vpc(vpcStack, id, { availabilityZones: ['us-east-1a', 'us-east-1b'], natGateways: 0, subnetConfiguration });
const PUBLIC = ec2.SubnetType.PUBLIC;
const ISOLATED = ec2.SubnetType.PRIVATE_ISOLATED;
/** A workload VPC ready for inspection: public subnets to protect, public endpoint subnets, and isolated app subnets. */
const central = vpc('Central', group('public', PUBLIC), group('app', ISOLATED), group('endpoints', PUBLIC));
const privateEndpoints = vpc('PrivateEndpoints', group('public', PUBLIC), group('endpoints', ISOLATED));
const noEndpoints = vpc('NoEndpoints', group('public', PUBLIC));
/** A VPC for the whole topology, appliances included. */
const topologyVpc = vpc('Topology', group('public', PUBLIC), group('endpoints', PUBLIC), group('appliances', ISOLATED));
const imported = ec2.Vpc.fromVpcAttributes(vpcStack, 'Imported', {
  vpcId: 'vpc-1', availabilityZones: ['us-east-1a', 'us-east-1b'], publicSubnetIds: ['s-1', 's-2', 's-3', 's-4'], publicSubnetNames: ['public', 'endpoints'],
});
const lookedUp = ec2.Vpc.fromLookup(new Stack(app, 'Located', { env: { account: '123456789012', region: 'us-east-1' } }), 'LookedUp', {
  vpcId: 'vpc-0123456789abcdef0',
});
const vpcs = { central, imported, lookedUp, noEndpoints, privateEndpoints };
/** The topology in `topologyVpc`, which has no `network` section. */
const inTopologyVpc = (inspection: Loose) => ({ ...withInspection(inspection), network: undefined });

describe('GWLB listener', () => {
  test.each<ErrorRow>([
    ['the listener has a port', withGwlb({ listener: { port: 80, targetGroup: { fleet: 'firewall' } } }), `${L}.port`,
      /^a Gateway Load Balancer listener has no port, got 80\. Remove `port`: the listener receives all IP packets on all ports and forwards them to the appliances over GENEVE on UDP 6081\.$/],
    ['the listener has a protocol', withGwlb({ listener: { protocol: 'TCP', targetGroup: { fleet: 'firewall' } } }), `${L}.protocol`,
      /^a Gateway Load Balancer listener has no protocol, got 'TCP'\. Remove `protocol`: the listener receives all IP packets .* over GENEVE on UDP 6081\.$/],
    ['the listener is missing', withGwlb({ listener: undefined }), L,
      /^must be an object with a `targetGroup`, got nothing\. Give the listener its appliance target group: `\{ targetGroup: \{ fleet: \.\.\. \} \}`\.$/],
    ['the listener is a string', withGwlb({ listener: 'GENEVE' }), L, /^must be an object with a `targetGroup`, got 'GENEVE'\./],
    ['a listener field is misspelt', withGwlb({ listener: { targetGroup: { fleet: 'firewall' }, targetGroups: [] } }), `${L}.targetGroups`,
      /^unknown field 'targetGroups'\. Did you mean 'targetGroup'\?/],
    ['the target group is missing', withGwlb({ listener: {} }), TG, /^must be an object naming the appliance fleet, got nothing\. Write `\{ fleet: '<fleet name>' \}`\.$/],
    ['the target group is a fleet name', withGwlb({ listener: { targetGroup: 'firewall' } }), TG, /^must be an object naming the appliance fleet, got 'firewall'\./],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('reports a port and protocol on the listener as such, not also as unknown fields', () => {
    const spec = withGwlb({ listener: { port: 6081, protocol: 'GENEVE', targetGroup: { fleet: 'firewall' } } });
    expect(ElbTopology.validateSpec(spec).map((i) => `${i.path}: ${i.message}`)).toEqual([
      `${L}.port: a Gateway Load Balancer listener has no port, got 6081.`,
      `${L}.protocol: a Gateway Load Balancer listener has no protocol, got 'GENEVE'.`,
    ]);
  });
});

describe('GWLB appliance target group', () => {
  test.each<ErrorRow>([
    ['the protocol is UDP', withApplianceTargetGroup({ protocol: 'UDP' }), `${TG}.protocol`,
      /^'UDP' is not a Gateway Load Balancer target group protocol\. Leave `protocol` out or use 'GENEVE': a Gateway Load Balancer reaches its appliances over GENEVE only\.$/],
    ['the port is 6080', withApplianceTargetGroup({ port: 6080 }), `${TG}.port`,
      /^6080 is not the GENEVE port\. Leave `port` out or use 6081, the only port AWS accepts for GENEVE\.$/],
    ['the port is a string', withApplianceTargetGroup({ port: '6081' }), `${TG}.port`, /^'6081' is not the GENEVE port\./],
    ['the fleet is unknown', withApplianceTargetGroup({ fleet: 'firewal' }), `${TG}.fleet`, /^unknown fleet 'firewal'\. Did you mean 'firewall'\? Known fleets: firewall\.$/],
    ['the fleet is missing', withGwlb({ listener: { targetGroup: {} } }), `${TG}.fleet`, /^must name a fleet, got nothing\. .*Known fleets: firewall\.$/],
    ['the deregistration delay is above 3600', withApplianceTargetGroup({ deregistrationDelaySeconds: 3601 }), `${TG}.deregistrationDelaySeconds`,
      /^3601 is outside the allowed range 0-3600\. Use a value from 0 to 3600\.$/],
    ['the deregistration delay is negative', withApplianceTargetGroup({ deregistrationDelaySeconds: -1 }), `${TG}.deregistrationDelaySeconds`, /^-1 is outside the allowed range 0-3600\./],
    ['the deregistration delay is a fraction', withApplianceTargetGroup({ deregistrationDelaySeconds: 1.5 }), `${TG}.deregistrationDelaySeconds`,
      /^must be a whole number from 0 to 3600, got 1\.5\.$/],
    ['the flow stickiness is not an AWS value', withApplianceTargetGroup({ flowStickiness: '2-tuple' }), `${TG}.flowStickiness`,
      /^'2-tuple' is not one of 'source_ip_dest_ip_proto', 'source_ip_dest_ip'\.$/],
    ['target failover is a string', withApplianceTargetGroup({ targetFailoverRebalanceEnabled: 'yes' }), `${TG}.targetFailoverRebalanceEnabled`, /^must be true or false, got 'yes'\.$/],
    ['a field is misspelt', withApplianceTargetGroup({ flowStickyness: 'source_ip_dest_ip' }), `${TG}.flowStickyness`, /^unknown field 'flowStickyness'\. Did you mean 'flowStickiness'\?/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts GENEVE on 6081 given explicitly, both flow stickiness values, and the delay limits', () => {
    expectValid(withApplianceTargetGroup({ protocol: 'GENEVE', port: 6081, flowStickiness: 'source_ip_dest_ip_proto', deregistrationDelaySeconds: 0 }));
    expectValid(withApplianceTargetGroup({ flowStickiness: 'source_ip_dest_ip', deregistrationDelaySeconds: 3600, targetFailoverRebalanceEnabled: true }));
  });
});

describe('GWLB appliance health check', () => {
  test.each<ErrorRow>([
    ['it checks a port the default user data does not serve', withHealthCheck({ port: 8443 }), `${HC}.port`,
      /^the appliances' default user data serves health checks on port 80 \(the fleet's `port`\), but nothing serves port 8443\. Leave `port` out or use 80; or give the fleet `webServer: 'none'` and user data that serves port 8443\.$/],
    ['it checks the GENEVE port', withHealthCheck({ port: 6081 }), `${HC}.port`,
      /^the appliances' default user data serves health checks on port 80 \(the fleet's `port`\), but UDP 6081 carries GENEVE, and nothing answers health checks on it\. Leave `port` out or use 80;/],
    ['it checks port 80 of a fleet serving 8080', { ...withHealthCheck({ port: 80 }), fleets: { firewall: { subnetTier: 'appliances', port: 8080 } } } as Loose, `${HC}.port`,
      /^the appliances' default user data serves health checks on port 8080 \(the fleet's `port`\), but nothing serves port 80\. Leave `port` out or use 8080;/],
    ['its protocol is UDP', withHealthCheck({ protocol: 'UDP' }), `${HC}.protocol`,
      /^'UDP' is not one of 'HTTP', 'HTTPS', 'TCP'\. Appliances are checked over HTTP, HTTPS or TCP on a port they serve; GENEVE is not a health check protocol\.$/],
    ['its protocol is GENEVE', withHealthCheck({ protocol: 'GENEVE' }), `${HC}.protocol`, /^'GENEVE' is not one of 'HTTP', 'HTTPS', 'TCP'\./],
    ['a TCP check has a path', withHealthCheck({ protocol: 'TCP', path: '/health' }), `${HC}.path`, /^a TCP health check has no path or HTTP codes\. Remove them, or check over HTTP\.$/],
    ['a TCP check has HTTP codes', withHealthCheck({ protocol: 'TCP', healthyHttpCodes: '200' }), `${HC}.healthyHttpCodes`, /^a TCP health check has no path or HTTP codes\./],
    ['the interval is below 5', withHealthCheck({ intervalSeconds: 4 }), `${HC}.intervalSeconds`, /^4 is outside the allowed range 5-300\. Use a value from 5 to 300\.$/],
    ['the interval is above 300', withHealthCheck({ intervalSeconds: 301 }), `${HC}.intervalSeconds`, /^301 is outside the allowed range 5-300\./],
    ['the interval is not above the default timeout', withHealthCheck({ intervalSeconds: 5 }), `${HC}.intervalSeconds`,
      /^the default timeout \(5 s\) is not below the interval \(5 s\)\. Make intervalSeconds more than 5/],
    ['the timeout is not below the default interval', withHealthCheck({ timeoutSeconds: 10 }), `${HC}.timeoutSeconds`,
      /^the timeout \(10 s\) is not below the default interval \(10 s\)\. Make timeoutSeconds less than intervalSeconds\.$/],
    ['the timeout is below 2', withHealthCheck({ timeoutSeconds: 1 }), `${HC}.timeoutSeconds`, /^1 is outside the allowed range 2-120\./],
    ['the timeout is above 120', withHealthCheck({ timeoutSeconds: 121 }), `${HC}.timeoutSeconds`, /^121 is outside the allowed range 2-120\./],
    ['the healthy threshold is above 10', withHealthCheck({ healthyThresholdCount: 11 }), `${HC}.healthyThresholdCount`, /^11 is outside the allowed range 2-10\./],
    ['the unhealthy threshold is below 2', withHealthCheck({ unhealthyThresholdCount: 1 }), `${HC}.unhealthyThresholdCount`, /^1 is outside the allowed range 2-10\./],
    ['the health check is a string', withHealthCheck('HTTP:80/health'), HC, /^must be an object, got 'HTTP:80\/health'\.$/],
    ['a field is misspelt', withHealthCheck({ intervalSecond: 10 }), `${HC}.intervalSecond`, /^unknown field 'intervalSecond'\. Did you mean 'intervalSeconds'\?/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts a check on the fleet\'s port, over TCP, and with every range at its limits', () => {
    expectValid(withHealthCheck({ protocol: 'HTTP', port: 80, path: '/health', healthyHttpCodes: '200-299' }));
    expectValid(withHealthCheck({ protocol: 'TCP', intervalSeconds: 5, timeoutSeconds: 2, healthyThresholdCount: 2, unhealthyThresholdCount: 10 }));
    expectValid(withHealthCheck({ intervalSeconds: 300, timeoutSeconds: 120, healthyThresholdCount: 10, unhealthyThresholdCount: 2 }));
  });

  test('accepts any port when the fleet brings its own user data (webServer none)', () => {
    expectValid({ ...withHealthCheck({ protocol: 'HTTPS', port: 8443 }), fleets: { firewall: { subnetTier: 'appliances', ...ownFirewall } } } as Loose);
  });
});

describe('GWLB fields and endpoint service', () => {
  test.each<ErrorRow>([
    ['crossZoneEnabled is a string from JSON', withGwlb({ crossZoneEnabled: 'true' }), `${GWLB}.crossZoneEnabled`, /^must be true or false, got 'true'\.$/],
    ['deletionProtection is a number', withGwlb({ deletionProtection: 1 }), `${GWLB}.deletionProtection`, /^must be true or false, got 1\.$/],
    ['endpointServiceAcceptanceRequired is null', withGwlb({ endpointServiceAcceptanceRequired: null }), `${GWLB}.endpointServiceAcceptanceRequired`,
      /^must be true or false, got null\.$/],
    ['a principal is an account ID', withGwlb({ endpointServiceAllowedPrincipals: ['123456789012'] }), `${GWLB}.endpointServiceAllowedPrincipals[0]`,
      /^'123456789012' is not an IAM principal ARN\. Write an account root, role or user ARN, for example 'arn:aws:iam::123456789012:root'\.$/],
    ['a principal is an assumed-role session', withGwlb({ endpointServiceAllowedPrincipals: ['arn:aws:iam::123456789012:root', 'arn:aws:sts::123456789012:assumed-role/ops/me'] }),
      `${GWLB}.endpointServiceAllowedPrincipals[1]`, /^'arn:aws:sts::123456789012:assumed-role\/ops\/me' is not an IAM principal ARN\./],
    ['the principals are an empty list', withGwlb({ endpointServiceAllowedPrincipals: [] }), `${GWLB}.endpointServiceAllowedPrincipals`,
      /^must be a non-empty list of IAM principal ARNs, got \[\]\. Leave it out to allow only this account\.$/],
    ['the principals are one string', withGwlb({ endpointServiceAllowedPrincipals: 'arn:aws:iam::123456789012:root' }), `${GWLB}.endpointServiceAllowedPrincipals`,
      /^must be a non-empty list of IAM principal ARNs, got 'arn:aws:iam::123456789012:root'\./],
    ['the subnet tier is unknown', withGwlb({ subnetTier: 'private' }), `${GWLB}.subnetTier`, /^'private' is not one of 'public', 'app', 'data', 'appliances', 'endpoints'\.$/],
    ['a field is misspelt', withGwlb({ crossZoneEnable: false }), `${GWLB}.crossZoneEnable`, /^unknown field 'crossZoneEnable'\. Did you mean 'crossZoneEnabled'\?/],
    ['the name is not valid', { ...withGwlb(), gatewayLoadBalancers: { Inspection: withGwlb().gatewayLoadBalancers!.inspection } }, 'gatewayLoadBalancers.Inspection',
      /^the name 'Inspection' is not valid\. Use lowercase letters/],
    ['a Gateway Load Balancer is a string', { ...withGwlb(), gatewayLoadBalancers: { inspection: 'firewall' } } as Loose, GWLB, /^must be an object, got 'firewall'\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectIssue(spec, path, expected));

  test('accepts every field set, with account, role and GovCloud principals', () => {
    expectValid(withGwlb({
      subnetTier: 'appliances',
      crossZoneEnabled: false,
      deletionProtection: false,
      endpointServiceAcceptanceRequired: true,
      endpointServiceAllowedPrincipals: ['arn:aws:iam::123456789012:root', 'arn:aws:iam::123456789012:role/network-admin', 'arn:aws-us-gov:iam::123456789012:root'],
      listener: { targetGroup: { fleet: 'firewall', protocol: 'GENEVE', port: 6081, healthCheck: { port: 80 }, deregistrationDelaySeconds: 60 } },
      inspection: { protectedSubnetTier: 'public', endpointSubnetTier: 'endpoints' },
    }));
  });
});

describe('GWLB inspection of the topology\'s own VPC', () => {
  test.each<ErrorRow>([
    ['the protected subnets are the endpoint subnets', withInspection({ protectedSubnetTier: 'endpoints', endpointSubnetTier: 'endpoints' }), `${I}.protectedSubnetTier`,
      /^the protected subnets and the endpoints are both in the endpoints tier\. Put the endpoints in subnets of their own \(`endpointSubnetTier`\): a protected subnet's default route leads to the endpoint/],
    ['both are the public tier', withInspection({ protectedSubnetTier: 'public', endpointSubnetTier: 'public' }), `${I}.protectedSubnetTier`,
      /^the protected subnets and the endpoints are both in the public tier\./],
    ['the app tier is protected', withInspection({ protectedSubnetTier: 'app' }), `${I}.protectedSubnetTier`,
      /^the app tier has no route to the internet gateway to inspect\. Protect the 'public' tier, where the internet-facing load balancers are\.$/],
    ['the data tier is protected', withInspection({ protectedSubnetTier: 'data' }), `${I}.protectedSubnetTier`, /^the data tier has no route to the internet gateway to inspect\./],
    ['the endpoints are in the app tier', withInspection({ endpointSubnetTier: 'app' }), `${I}.endpointSubnetTier`,
      /^the app tier has no route to the internet gateway, where the endpoints send inspected traffic on\. Leave `endpointSubnetTier` out .* or use the 'public' tier\.$/],
    ['the protected tier is unknown', withInspection({ protectedSubnetTier: 'dmz' }), `${I}.protectedSubnetTier`, /^'dmz' is not one of 'public', 'app', 'data', 'appliances', 'endpoints'\.$/],
    ['inspection is a boolean', withInspection(true), I, /^must be an object, got true\.$/],
    ['an inspection field is misspelt', withInspection({ protectedSubnetTeir: 'public' }), `${I}.protectedSubnetTeir`,
      /^unknown field 'protectedSubnetTeir'\. Did you mean 'protectedSubnetTier'\?/],
    ['the inspected VPC is unknown and no VPCs are given', withInspection({ vpc: 'spoke' }), `${I}.vpc`,
      /^unknown VPC 'spoke'\. Pass the VPC in `ExistingResources\.vpcs` under this name\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts no inspection (the endpoint service only), and the endpoints tier protected with endpoints in the public tier', () => {
    expectValid(withInspection(undefined));
    expectValid(withInspection({ protectedSubnetTier: 'endpoints', endpointSubnetTier: 'public' }));
  });

  test('fails at each of two Gateway Load Balancers that inspect the same VPC', () => {
    const gwlb = withGwlb().gatewayLoadBalancers!.inspection;
    const spec = withGwlb({}, { gatewayLoadBalancers: { a: gwlb, b: gwlb } });
    expect(issueLines(spec)).toEqual([
      "gatewayLoadBalancers.a.inspection: the VPC is also inspected by Gateway Load Balancer 'b', but a VPC's internet gateway has one edge route table. "
        + 'Inspect each VPC with one Gateway Load Balancer, and give its appliance fleet more instances for more traffic.',
      expect.stringMatching(/^gatewayLoadBalancers\.b\.inspection: the VPC is also inspected by Gateway Load Balancer 'a', /),
    ]);
  });

  test('accepts a second Gateway Load Balancer that inspects another VPC or none', () => {
    const gwlb = withGwlb().gatewayLoadBalancers!.inspection;
    expectValid(withGwlb({}, { gatewayLoadBalancers: { a: gwlb, b: { ...gwlb, inspection: { vpc: 'central' } }, c: { ...gwlb, inspection: undefined } } }), { vpcs });
  });
});

describe('GWLB inspection of an existing VPC', () => {
  test.each<ErrorRow>([
    ['the VPC name is misspelt', withInspection({ vpc: 'centarl' }), `${I}.vpc`, /^unknown VPC 'centarl'\. Did you mean 'central'\? Known VPCs: central, imported, lookedUp, /],
    ['the VPC is imported', withInspection({ vpc: 'imported' }), `${I}.vpc`,
      /^the VPC 'imported' is imported, so the topology cannot change its routes\. Inspect a VPC built by `ec2\.Vpc` in this CDK app/],
    ['its endpoint subnets are isolated', withInspection({ vpc: 'privateEndpoints' }), `${I}.endpointSubnetTier`,
      /^the endpoints subnets have no route to the internet gateway, where the endpoints send inspected traffic on\. Place the endpoints in public subnets of their own\.$/],
    ['it has no endpoint subnets', withInspection({ vpc: 'noEndpoints' }), `${I}.endpointSubnetTier`,
      /^the inspected VPC has no subnets in the endpoints tier\. Give the VPC a subnet group named 'endpoints', or choose a tier it has\.$/],
    ['its isolated app subnets are protected', withInspection({ vpc: 'central', protectedSubnetTier: 'app' }), `${I}.protectedSubnetTier`,
      /^the app subnets have no route to the internet gateway to inspect\. Protect public subnets, where the internet-facing load balancers are\.$/],
    ['a fleet is in the endpoints tier, which the topology\'s VPC has only when it is inspected',
      { ...withInspection({ vpc: 'central' }), fleets: { firewall: { subnetTier: 'appliances' }, probe: { subnetTier: 'endpoints' } } } as Loose, 'fleets.probe.subnetTier',
      /^the VPC has no endpoints tier: it has one only when a Gateway Load Balancer inspects the topology's own VPC\. Use the 'public', 'app' or 'data' tier\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected, { vpcs }));

  test('fails, naming the zone, when protected subnets have no endpoint subnet in their zone (a looked-up VPC)', () => {
    const spec = withInspection({ vpc: 'lookedUp' });
    expectIssue(spec, `${I}.endpointSubnetTier`, /^protected subnets in us-east-1c have no endpoint subnet in their Availability Zone\. Add a subnet of the endpoints tier in that zone: /, { vpcs });
    expectIssue(spec, `${I}.vpc`, /^the VPC 'lookedUp' is imported, so the topology cannot change its routes\./, { vpcs });
  });

  test('fails when the topology\'s own existing VPC is inspected by subnet type, which puts the endpoint subnets among the protected ones', () => {
    expectOnlyIssue(inTopologyVpc({}), `${I}.protectedSubnetTier`,
      /^the public tier of the existing VPC is every subnet of that type, so it includes the endpoints' subnet group 'endpoints'\. Pass the VPC in `ExistingResources\.vpcs` too and name it in `inspection\.vpc`/,
      { vpc: topologyVpc });
  });

  test('fails when the topology\'s own existing VPC is imported', () => {
    expectIssue(inTopologyVpc({}), `${I}.vpc`, /^the existing VPC is imported, so the topology cannot change its routes\./,
      { vpc: ec2.Vpc.fromVpcAttributes(vpcStack, 'ImportedTopology', { vpcId: 'vpc-2', availabilityZones: ['us-east-1a'], publicSubnetIds: ['s-5'], privateSubnetIds: ['s-6'], privateSubnetNames: ['appliances'] }) });
  });

  test('accepts a central inspection VPC, and the topology\'s own existing VPC named in inspection.vpc', () => {
    expectValid(withInspection({ vpc: 'central' }), { vpcs });
    expectValid(inTopologyVpc({ vpc: 'self' }), { vpc: topologyVpc, vpcs: { self: topologyVpc } });
  });
});

describe('GWLB appliance rules of fleets', () => {
  const P = 'fleets.firewall.applianceRules';
  /** A counter rule with a comment, `length` characters long. */
  const ruleOfLength = (length: number) => `counter comment "${'x'.repeat(length - 18)}"`;
  test.each<ErrorRow>([
    ['a fleet no Gateway Load Balancer targets has rules', withGwlb({}, { fleets: { ...withGwlb().fleets, web: { applianceRules: ['counter'] } } }), 'fleets.web.applianceRules',
      /^fleet 'web' is not the target of a Gateway Load Balancer, so it runs no appliance\. Remove `applianceRules`, or name the fleet in a Gateway Load Balancer's `listener\.targetGroup\.fleet`\.$/],
    ['the appliances run their own user data', withFirewall({ ...ownFirewall, applianceRules: ['counter'] }), P,
      /^the rules are applied by the default user data, which `webServer: 'none'` turns off\. Apply the rules in your own user data, or use a web server for the health checks\.$/],
    ['a rule spans two lines', withFirewall({ applianceRules: ['counter', 'ip saddr 198.51.100.0/24 drop\nip daddr 0.0.0.0/0 accept'] }), `${P}[1]`,
      /^'ip saddr 198\.51\.100\.0\/24 drop\nip daddr 0\.0\.0\.0\/0 accept' is not one nftables rule on one line\. Write one rule per entry, at most 512 characters, for example 'limit rate over 50000\/second drop'\.$/],
    ['a rule is empty', withFirewall({ applianceRules: [''] }), `${P}[0]`, /^'' is not one nftables rule on one line\./],
    ['a rule is blank', withFirewall({ applianceRules: ['  '] }), `${P}[0]`, /^' {2}' is not one nftables rule on one line\./],
    ['a rule is longer than 512 characters', withFirewall({ applianceRules: [ruleOfLength(513)] }), `${P}[0]`, /^'counter comment "x{495}"' is not one nftables rule/],
    ['a rule is the user data placeholder', withFirewall({ applianceRules: ['RULES'] }), `${P}[0]`, /^'RULES' is not one nftables rule on one line\./],
    ['a rule is a number', withFirewall({ applianceRules: [1400] }), `${P}[0]`, /^1400 is not one nftables rule on one line\./],
    ['the rules are one string', withFirewall({ applianceRules: 'counter' }), P, /^must be a list of nftables rules, got 'counter'\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts rules of up to 512 characters', () => {
    expectValid(withFirewall({ applianceRules: ['meta length > 1400 counter', 'limit rate over 50000/second drop', ruleOfLength(512)] }));
  });
});

describe('GWLB subnet tiers and sizes of the created VPC', () => {
  const tinyNetwork = { cidr: '10.0.0.0/22', maxAzs: 3, natGateways: 3, publicSubnetCidrMask: 26, appSubnetCidrMask: 26, dataSubnetCidrMask: 26 };
  test.each<ErrorRow>([
    ['a fleet is in the appliances tier and the spec has no Gateway Load Balancer', minimalSpec({ fleets: { web: { port: 8080, subnetTier: SubnetTier.APPLIANCES } } }),
      'fleets.web.subnetTier', /^the VPC has no appliances tier: it has one only when the spec has a Gateway Load Balancer\. Use the 'public', 'app' or 'data' tier\.$/],
    ['an internal ALB is in the appliances tier and the spec has no Gateway Load Balancer', withAlb({ internetFacing: false, subnetTier: 'appliances' }),
      'applicationLoadBalancers.public.subnetTier', /^the VPC has no appliances tier: it has one only when the spec has a Gateway Load Balancer\./],
    ['a fleet is in the endpoints tier and nothing is inspected', withGwlb({ inspection: undefined }, { fleets: { firewall: { subnetTier: 'endpoints' } } }),
      'fleets.firewall.subnetTier', /^the VPC has no endpoints tier: it has one only when a Gateway Load Balancer inspects the topology's own VPC\. Use the 'public', 'app' or 'data' tier\.$/],
    ['the appliance subnet mask is /15', withGwlb({}, { network: { maxAzs: 2, natGateways: 2, applianceSubnetCidrMask: 15 } }), 'network.applianceSubnetCidrMask',
      /^15 is outside the allowed range 16-28\. Use a value from 16 to 28\.$/],
    ['the endpoint subnet mask is /29', withGwlb({}, { network: { maxAzs: 2, natGateways: 2, endpointSubnetCidrMask: 29 } }), 'network.endpointSubnetCidrMask',
      /^29 is outside the allowed range 16-28\./],
    ['the endpoint subnet mask is a string', withGwlb({}, { network: { maxAzs: 2, natGateways: 2, endpointSubnetCidrMask: '28' } }), 'network.endpointSubnetCidrMask',
      /^must be a whole number from 16 to 28, got '28'\.$/],
    ['the appliance and endpoint subnets do not fit in the VPC block', withGwlb({}, { network: tinyNetwork }), 'network.cidr',
      /^the subnets of 3 Availability Zones \(public \/26, app \/26, data \/26, appliances \/24 and endpoints \/28 in each\) need 1584 addresses, but the VPC block 10\.0\.0\.0\/22 has 1024\./],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('counts only the appliance subnets when the Gateway Load Balancer inspects no VPC of the topology', () => {
    expectOnlyIssue(withGwlb({ inspection: undefined }, { network: { cidr: '10.0.0.0/22', maxAzs: 3, natGateways: 3, applianceSubnetCidrMask: 23 } }), 'network.cidr',
      /^the subnets of 3 Availability Zones \(public \/24, app \/22, data \/24 and appliances \/23 in each\) need /);
  });

  test('accepts small appliance and endpoint subnets', () => {
    expectValid(withGwlb({}, { network: { maxAzs: 2, natGateways: 2, applianceSubnetCidrMask: 28, endpointSubnetCidrMask: 28 } }));
  });
});

describe('GWLB spec with several problems', () => {
  const broken = withGwlb({
    listener: { port: 443, targetGroup: { fleet: 'firewal', port: 6080, healthCheck: { protocol: 'UDP' } } },
    endpointServiceAllowedPrincipals: ['123456789012'],
    inspection: { protectedSubnetTier: 'app', endpointSubnetTier: 'data' },
  }, { fleets: { firewall: { subnetTier: 'appliances', applianceRules: ['RULES'] } } });

  test('reports every problem, sorted by path', () => {
    expect(ElbTopology.validateSpec(broken).map((i) => i.path)).toEqual([
      'fleets.firewall.applianceRules',
      'fleets.firewall.applianceRules[0]',
      `${GWLB}.endpointServiceAllowedPrincipals[0]`,
      `${I}.endpointSubnetTier`,
      `${I}.protectedSubnetTier`,
      `${L}.port`,
      `${TG}.fleet`,
      `${TG}.healthCheck.protocol`,
      `${TG}.port`,
    ]);
  });

  test('builds nothing: one error lists every problem, and the stack keeps no construct', () => {
    expect(buildError(broken)).toMatch(/^ElbTopology spec has 9 problems:\n {2}fleets\.firewall\.applianceRules: fleet 'firewall' is not the target of a Gateway Load Balancer/);
    const stack = new Stack(new App(), 'Test');
    expect(() => new ElbTopology(stack, 'Topology', { spec: broken })).toThrow(/^ElbTopology spec has 9 problems:/);
    expect(stack.node.children).toEqual([]);
  });
});

describe('GWLB validateSpec', () => {
  test('returns no issue for the minimal Gateway Load Balancer spec', () => {
    expect(ElbTopology.validateSpec({
      network: { maxAzs: 2, natGateways: 2 },
      fleets: { firewall: { subnetTier: SubnetTier.APPLIANCES, webServer: WebServer.PYTHON } },
      gatewayLoadBalancers: { inspection: { listener: { targetGroup: { fleet: 'firewall' } }, inspection: {} } },
    })).toEqual([]);
  });
});
