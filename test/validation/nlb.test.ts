/**
 * Network Load Balancers: placement, Elastic IPs and private addresses, allowFrom,
 * listeners and their target groups, certificate and domain.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { CERT_ARN } from '../helpers';
import { ErrorRow, Loose, expectIssue, expectOnlyIssue, expectValid, withNlb } from './util';

const NLB = 'networkLoadBalancers.edge';
const L = `${NLB}.listeners`;
const internal = { internetFacing: false };
const EIP_A = 'eipalloc-0123456789abcdef0';
const EIP_B = 'eipalloc-0123456789abcdef1';
const tls = (overrides: Loose = {}) => ({ listeners: { tls: { protocol: 'TLS', port: 443, targetGroup: 'game-tls', ...overrides } } });
const listeners = (l: Loose) => ({ listeners: l });

describe('NLB placement, Elastic IPs and private addresses', () => {
  test.each<ErrorRow>([
    ['Elastic IPs are given for an internal NLB', withNlb({ ...internal, elasticIpAllocationIds: [EIP_A, EIP_B] }), `${NLB}.elasticIpAllocationIds`,
      /^Elastic IPs are given \(\["eipalloc-0123456789abcdef0","eipalloc-0123456789abcdef1"\]\), but the load balancer is internal \(`internetFacing: false`\), and only an internet-facing load balancer has Elastic IPs\. Remove elasticIpAllocationIds, or make the load balancer internet-facing/],
    ['Elastic IPs are turned on for an internal NLB', withNlb({ ...internal, elasticIpsEnabled: true }), `${NLB}.elasticIpsEnabled`,
      /^is true, but the load balancer is internal \(`internetFacing: false`\), and only an internet-facing load balancer has Elastic IPs\. Remove elasticIpsEnabled, or make the load balancer internet-facing/],
    ['Elastic IPs are turned off but allocation IDs are given', withNlb({ elasticIpsEnabled: false, elasticIpAllocationIds: [EIP_A, EIP_B] }), `${NLB}.elasticIpsEnabled`,
      /^is false, but elasticIpAllocationIds are given\. Remove elasticIpsEnabled to use the given Elastic IPs, or remove elasticIpAllocationIds\.$/],
    ['one allocation ID is given for two Availability Zones', withNlb({ elasticIpAllocationIds: [EIP_A] }), `${NLB}.elasticIpAllocationIds`,
      /^1 Elastic IP allocation IDs are given, but the load balancer has a subnet in each of 2 Availability Zones\. Give exactly 2, one per Availability Zone, in zone order\.$/],
    ['three allocation IDs are given for two Availability Zones', withNlb({ elasticIpAllocationIds: [EIP_A, EIP_B, 'eipalloc-0123456789abcdef2'] }), `${NLB}.elasticIpAllocationIds`,
      /^3 Elastic IP allocation IDs are given, but the load balancer has a subnet in each of 2 Availability Zones\./],
    ['an allocation ID is a public IP address', withNlb({ elasticIpAllocationIds: [EIP_A, '203.0.113.7'] }), `${NLB}.elasticIpAllocationIds[1]`,
      /^'203\.0\.113\.7' is not an Elastic IP allocation ID\. Copy it from the EC2 console \(Elastic IPs\): 'eipalloc-' and 8 or 17 hexadecimal digits/],
    ['an allocation ID is listed twice', withNlb({ elasticIpAllocationIds: [EIP_A, EIP_A] }), `${NLB}.elasticIpAllocationIds[1]`,
      /^'eipalloc-0123456789abcdef0' is listed twice\. Give each Availability Zone its own Elastic IP\.$/],
    ['the allocation IDs are a string', withNlb({ elasticIpAllocationIds: EIP_A }), `${NLB}.elasticIpAllocationIds`,
      /^must be a list of Elastic IP allocation IDs, got 'eipalloc-0123456789abcdef0'\./],
    ['private addresses are given for an internet-facing NLB', withNlb({ privateIpv4Addresses: ['10.0.0.10', '10.0.1.10'] }), `${NLB}.privateIpv4Addresses`,
      /^private addresses are given \(\["10\.0\.0\.10","10\.0\.1\.10"\]\), but the load balancer is internet-facing\. Set `internetFacing: false` for an internal load balancer, or remove privateIpv4Addresses/],
    ['one private address is given for two Availability Zones', withNlb({ ...internal, privateIpv4Addresses: ['10.0.0.10'] }), `${NLB}.privateIpv4Addresses`,
      /^1 private addresses are given, but the load balancer has a subnet in each of 2 Availability Zones\. Give exactly 2, one per Availability Zone, in zone order\.$/],
    ['a private address is not an IPv4 address', withNlb({ ...internal, privateIpv4Addresses: ['10.0.0.10', '10.0.1.300'] }), `${NLB}.privateIpv4Addresses[1]`,
      /^'10\.0\.1\.300' is not an IPv4 address\. Write four numbers from 0 to 255, for example '10\.0\.0\.10'\.$/],
    ['a private address is a CIDR block', withNlb({ ...internal, privateIpv4Addresses: ['10.0.0.0/24', '10.0.1.10'] }), `${NLB}.privateIpv4Addresses[0]`,
      /^'10\.0\.0\.0\/24' is not an IPv4 address\./],
    ['a private address is outside the VPC', withNlb({ ...internal, privateIpv4Addresses: ['10.0.0.10', '192.168.1.10'] }), `${NLB}.privateIpv4Addresses[1]`,
      /^'192\.168\.1\.10' is not in the VPC's CIDR block '10\.0\.0\.0\/16'\. Choose an address inside the load balancer's subnet in that Availability Zone\.$/],
    ['a private address is listed twice', withNlb({ ...internal, privateIpv4Addresses: ['10.0.0.10', '10.0.0.10'] }), `${NLB}.privateIpv4Addresses[1]`,
      /^'10\.0\.0\.10' is listed twice\. Give each Availability Zone its own address\.$/],
    ['an internet-facing NLB is in the app tier', withNlb({ subnetTier: 'app' }), `${NLB}.subnetTier`,
      /^an internet-facing load balancer must be in the public tier, not 'app'\. Remove subnetTier, or set `internetFacing: false` for an internal load balancer\.$/],
    ['an internet-facing NLB is in the data tier', withNlb({ internetFacing: true, subnetTier: 'data' }), `${NLB}.subnetTier`, /^an internet-facing load balancer must be in the public tier, not 'data'\./],
    ['the subnet tier is unknown', withNlb({ ...internal, subnetTier: 'private' }), `${NLB}.subnetTier`, /^'private' is not one of 'public', 'app', 'data', 'appliances', 'endpoints'\.$/],
    ['crossZoneEnabled is a string from JSON', withNlb({ crossZoneEnabled: 'true' }), `${NLB}.crossZoneEnabled`, /^must be true or false, got 'true'\.$/],
    ['an ingress CIDR is an address without prefix', withNlb({ ingressCidrs: ['198.51.100.7'] }), `${NLB}.ingressCidrs[0]`, /^'198\.51\.100\.7' is not an IPv4 CIDR block\./],
    ['a field is misspelt', withNlb({ crossZoneEnable: true }), `${NLB}.crossZoneEnable`, /^unknown field 'crossZoneEnable'\. Did you mean 'crossZoneEnabled'\?/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('checks the number of addresses against the Availability Zones of an existing VPC', () => {
    const vpc = ec2.Vpc.fromVpcAttributes(new Stack(new App(), 'Existing'), 'Vpc', {
      vpcId: 'vpc-1', availabilityZones: ['us-east-1a', 'us-east-1b', 'us-east-1c'], publicSubnetIds: ['s-1', 's-2', 's-3'], privateSubnetIds: ['s-4', 's-5', 's-6'],
    });
    expectOnlyIssue({ ...withNlb({ elasticIpAllocationIds: [EIP_A, EIP_B] }), network: undefined }, `${NLB}.elasticIpAllocationIds`,
      /^2 Elastic IP allocation IDs are given, but the load balancer has a subnet in each of 3 Availability Zones\. Give exactly 3/, { vpc });
  });

  test('accepts one Elastic IP per Availability Zone, and an NLB in one Availability Zone', () => {
    expectValid(withNlb({ elasticIpAllocationIds: [EIP_A, EIP_B] }));
    expectValid(withNlb({ elasticIpsEnabled: true, elasticIpAllocationIds: [EIP_A, 'eipalloc-01234567'] }));
    expectValid({ ...withNlb({ elasticIpAllocationIds: [EIP_A] }), applicationLoadBalancers: {}, targetGroups: { 'game-tcp': { fleet: 'game', protocol: 'TCP' as Loose } }, network: { maxAzs: 1 } });
  });

  test('accepts an internal NLB in the data tier with one private address per zone', () => {
    expectValid(withNlb({ ...internal, subnetTier: 'data', privateIpv4Addresses: ['10.0.0.10', '10.0.1.10'], elasticIpsEnabled: false }));
  });
});

describe('NLB allowFrom', () => {
  test.each<ErrorRow>([
    ['allowFrom names an unknown fleet', withNlb({ ...internal, allowFrom: ['web', 'gmae'] }), `${NLB}.allowFrom[1]`, /^unknown fleet 'gmae'\. Did you mean 'game'\? Known fleets: game, web\.$/],
    ['allowFrom names a fleet twice', withNlb({ ...internal, allowFrom: ['web', 'web'] }), `${NLB}.allowFrom[1]`, /^fleet 'web' is listed twice\. List each fleet once\.$/],
    ['allowFrom is a string', withNlb({ ...internal, allowFrom: 'web' }), `${NLB}.allowFrom`, /^must be a list of fleet names, got 'web'\. Write for example \['web'\]\.$/],
    ['allowFrom has an empty name', withNlb({ ...internal, allowFrom: [''] }), `${NLB}.allowFrom[0]`, /^must name a fleet, got ''\. Known fleets: game, web\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts an internal NLB that admits one fleet, and allowFrom on an internet-facing NLB', () => {
    expectValid(withNlb({ ...internal, allowFrom: ['web'] }));
    expectValid(withNlb({ allowFrom: ['web'], ingressCidrs: ['203.0.113.0/24'] }));
  });
});

describe('NLB listeners', () => {
  test.each<ErrorRow>([
    ['there are no listeners', withNlb(listeners({})), L,
      /^must be a map with at least one listener, got \{\}\. Add a listener, for example `\{ tcp: \{ protocol: 'TCP', port: 443, targetGroup: 'web' \} \}`\.$/],
    ['listeners are missing', withNlb(listeners(undefined)), L, /^must be a map with at least one listener, got nothing\./],
    ['a listener is HTTP', withNlb(listeners({ tcp: { protocol: 'HTTP', port: 80, targetGroup: 'game-tcp' } })), `${L}.tcp.protocol`,
      /^'HTTP' is not one of 'TCP', 'UDP', 'TCP_UDP', 'TLS'\. A Network Load Balancer listener is 'TCP', 'UDP', 'TCP_UDP' or 'TLS'\.$/],
    ['a listener has no port', withNlb(listeners({ tcp: { targetGroup: 'game-tcp' } })), `${L}.tcp.port`, /^is missing\. Give the listener a port from 1 to 65535\.$/],
    ['a listener port is 0', withNlb(listeners({ tcp: { port: 0, targetGroup: 'game-tcp' } })), `${L}.tcp.port`, /^0 is outside the allowed range 1-65535\./],
    ['a listener port is 65536', withNlb(listeners({ tcp: { port: 65536, targetGroup: 'game-tcp' } })), `${L}.tcp.port`, /^65536 is outside the allowed range 1-65535\./],
    ['two TCP listeners share a port', withNlb(listeners({ a: { port: 7777, targetGroup: 'game-tcp' }, b: { protocol: 'TCP', port: 7777, targetGroup: 'game-tcp' } })), `${L}.b.port`,
      /^port 7777 is already used by the TCP listener 'a'\. A load balancer has one listener per port/],
    ['a TCP and a UDP listener share a port', withNlb(listeners({ tcp: { protocol: 'TCP', port: 53, targetGroup: 'game-tcp' }, udp: { protocol: 'UDP', port: 53, targetGroup: 'game-udp' } })),
      `${L}.udp.port`, /^port 53 is already used by the TCP listener 'tcp'\. A load balancer has one listener per port: for TCP and UDP on one port, use one TCP_UDP listener with a TCP_UDP target group\.$/],
    ['a TCP_UDP listener shares a port with a UDP listener', withNlb(listeners({ a: { protocol: 'TCP_UDP', port: 53, targetGroup: 'game-both' }, b: { protocol: 'UDP', port: 53, targetGroup: 'game-udp' } })),
      `${L}.b.port`, /^port 53 is already used by the TCP_UDP listener 'a'\. A load balancer has one listener per port/],
    ['a TCP listener shares a port with a TCP_UDP listener', withNlb(listeners({ a: { protocol: 'TCP', port: 53, targetGroup: 'game-tcp' }, b: { protocol: 'TCP_UDP', port: 53, targetGroup: 'game-both' } })),
      `${L}.b.port`, /^port 53 is already used by the TCP listener 'a'\. A load balancer has one listener per port/],
    ['a TLS listener shares a port with a TCP listener', withNlb({ ...tls(), listeners: { ...tls().listeners, tcp: { port: 443, targetGroup: 'game-tcp' } }, certificateArn: CERT_ARN }),
      `${L}.tls.port`, /^port 443 is already used by the TCP listener 'tcp'\./],
    ['a listener names an unknown target group', withNlb(listeners({ tcp: { port: 7777, targetGroup: 'game-tpc' } })), `${L}.tcp.targetGroup`,
      /^unknown target group 'game-tpc'\. Did you mean 'game-tcp'\? Known target groups: game-both, game-tcp, game-tls, game-udp, web\.$/],
    ['a listener names no target group', withNlb(listeners({ tcp: { port: 7777 } })), `${L}.tcp.targetGroup`, /^must name a target group, got nothing\./],
    ['a listener forwards to an HTTP target group', { ...withNlb(listeners({ tcp: { port: 7777, targetGroup: 'web' } })), targetGroups: { 'web': { fleet: 'web' }, 'web-tcp': { fleet: 'web', protocol: 'TCP' as Loose } } },
      `${L}.tcp.targetGroup`,
      /^target group 'web' uses HTTP \(the default\), which a Network Load Balancer cannot forward to\. Forward to a TCP, UDP, TCP_UDP or TLS target group\. Known Network Load Balancer target groups: web-tcp\.$/],
    ['a TCP listener forwards to a UDP target group', withNlb(listeners({ tcp: { port: 7777, targetGroup: 'game-udp' } })), `${L}.tcp.targetGroup`,
      /^target group 'game-udp' uses UDP, which a TCP listener cannot forward to\. A TCP listener forwards to a TCP or TCP_UDP target group\.$/],
    ['a TCP listener forwards to a TLS target group', withNlb(listeners({ tcp: { port: 7777, targetGroup: 'game-tls' } })), `${L}.tcp.targetGroup`,
      /^target group 'game-tls' uses TLS, which a TCP listener cannot forward to\./],
    ['a UDP listener forwards to a TCP target group', withNlb(listeners({ udp: { protocol: 'UDP', port: 7777, targetGroup: 'game-tcp' } })), `${L}.udp.targetGroup`,
      /^target group 'game-tcp' uses TCP, which a UDP listener cannot forward to\. A UDP listener forwards to a UDP or TCP_UDP target group\.$/],
    ['a TCP_UDP listener forwards to a UDP target group', withNlb(listeners({ both: { protocol: 'TCP_UDP', port: 7777, targetGroup: 'game-udp' } })), `${L}.both.targetGroup`,
      /^target group 'game-udp' uses UDP, which a TCP_UDP listener cannot forward to\. A TCP_UDP listener forwards to a TCP_UDP target group\.$/],
    ['a TLS listener forwards to a UDP target group', withNlb({ ...tls({ targetGroup: 'game-udp' }), certificateArn: CERT_ARN }), `${L}.tls.targetGroup`,
      /^target group 'game-udp' uses UDP, which a TLS listener cannot forward to\. A TLS listener forwards to a TCP or TLS target group\.$/],
    ['a TLS policy is set on a TCP listener', withNlb(listeners({ tcp: { port: 7777, targetGroup: 'game-tcp', sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' } })), `${L}.tcp.sslPolicy`,
      /^a TLS policy is set on a TCP listener\. Remove sslPolicy, or make the listener 'TLS'\.$/],
    ['an ALPN policy is set on a UDP listener', withNlb(listeners({ udp: { protocol: 'UDP', port: 7777, targetGroup: 'game-udp', alpnPolicy: 'HTTP2Only' } })), `${L}.udp.alpnPolicy`,
      /^an ALPN policy is set on a UDP listener\. Remove alpnPolicy, or make the listener 'TLS'\.$/],
    ['the ALPN policy is unknown', withNlb({ ...tls({ alpnPolicy: 'h2' }), certificateArn: CERT_ARN }), `${L}.tls.alpnPolicy`, /^'h2' is not one of 'HTTP1Only', 'HTTP2Only', /],
    ['the TLS policy is unknown', withNlb({ ...tls({ sslPolicy: 'TLS-1.3' }), certificateArn: CERT_ARN }), `${L}.tls.sslPolicy`, /^'TLS-1\.3' is not one of /],
    ['a listener name is not valid', withNlb(listeners({ TCP: { port: 7777, targetGroup: 'game-tcp' } })), `${L}.TCP`, /^the name 'TCP' is not valid\. Use lowercase letters/],
    ['a listener is a string', withNlb(listeners({ tcp: 'TCP:7777' })), `${L}.tcp`, /^must be an object, got 'TCP:7777'\.$/],
    ['a listener field is misspelt', withNlb(listeners({ tcp: { port: 7777, targetGroup: 'game-tcp', targetGroups: ['x'] } })), `${L}.tcp.targetGroups`,
      /^unknown field 'targetGroups'\. Did you mean 'targetGroup'\?/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('fails when an NLB has more than 50 listeners', () => {
    const many = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`l${i}`, { port: 8000 + i, targetGroup: 'game-tcp' }]));
    expectOnlyIssue(withNlb(listeners(many)), L, /^51 listeners exceed AWS's quota of 50 per Network Load Balancer\. Spread the listeners across load balancers\.$/);
  });

  test('fails when two NLBs forward to the same target group, at each of them', () => {
    const spec = withNlb();
    const both = { ...spec, networkLoadBalancers: { ...spec.networkLoadBalancers, inner: { internetFacing: false, listeners: { tcp: { port: 7777, targetGroup: 'game-tcp' } } } } };
    expectIssue(both, `${L}.tcp.targetGroup`, /^target group 'game-tcp' is also used by Network Load Balancer 'inner', but a target group belongs to one load balancer\. Declare a separate target group for each load balancer/);
    expectIssue(both, 'networkLoadBalancers.inner.listeners.tcp.targetGroup', /^target group 'game-tcp' is also used by Network Load Balancer 'edge', but a target group belongs to one load balancer\./);
  });

  test('accepts two listeners of one NLB on the same target group', () => {
    expectValid(withNlb(listeners({ a: { port: 7777, targetGroup: 'game-tcp' }, b: { port: 7778, targetGroup: 'game-tcp' } })));
  });

  test('accepts TCP_UDP target groups behind TCP and UDP listeners, and a TCP group behind a TLS listener', () => {
    expectValid(withNlb({ ...listeners({ tcp: { port: 7000, targetGroup: 'game-both' }, udp: { protocol: 'UDP', port: 7001, targetGroup: 'game-both' }, tls: { protocol: 'TLS', port: 443, targetGroup: 'game-tcp' } }), certificateArn: CERT_ARN }));
  });
});

describe('NLB certificate, domain and hosted zone', () => {
  test.each<ErrorRow>([
    ['a TLS listener has neither certificate nor domain', withNlb(tls()), `${NLB}.domainName`,
      /^the load balancer has a TLS listener but no certificate\. Set `domainName` and `hostedZone` for a DNS-validated certificate, or `certificateArn` to import one\.$/],
    ['a TLS listener has a domain but no hosted zone', withNlb({ ...tls(), domainName: 'game.example.com' }), `${NLB}.hostedZone`,
      /^is not set, so no certificate can be validated for 'game\.example\.com' and the TLS listener has none\. Set `hostedZone` to the zone that holds the domain, or `certificateArn`/],
    ['a certificate is given without a TLS listener', withNlb({ certificateArn: CERT_ARN }), `${NLB}.certificateArn`,
      /^a certificate is given \('arn:aws:acm:[^']+'\), but no listener uses TLS, and a certificate on a TCP or UDP listener has no use\. Make the listener that should terminate TLS a TLS listener, or remove certificateArn\.$/],
    ['the certificate ARN is not an ACM ARN', withNlb({ ...tls(), certificateArn: 'arn:aws:iam::123456789012:server-certificate/x' }), `${NLB}.certificateArn`,
      /^'arn:aws:iam::123456789012:server-certificate\/x' is not an ACM certificate ARN\./],
    ['the hosted zone is unknown', withNlb({ domainName: 'game.example.com', hostedZone: 'mian' }), `${NLB}.hostedZone`, /^unknown hosted zone 'mian'\. Did you mean 'main'\?/],
    ['the domain is outside its hosted zone', withNlb({ domainName: 'game.example.org', hostedZone: 'main' }), `${NLB}.domainName`,
      /^'game\.example\.org' is not in the hosted zone 'example\.com'\./],
    ['a hosted zone is set without a domain', withNlb({ hostedZone: 'main' }), `${NLB}.hostedZone`, /^is set, but `domainName` is not\./],
    ['the domain is too long for the requested certificate', withNlb({ ...tls(), domainName: `${'a'.repeat(53)}.example.com`, hostedZone: 'main' }), `${NLB}.domainName`,
      /^'a{53}\.example\.com' has 65 characters, but the domain name of an ACM certificate has at most 64\. Use a shorter name, or import a certificate with certificateArn\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts a TLS listener with a DNS-validated certificate, and a TCP NLB with a DNS name only', () => {
    expectValid(withNlb({ ...tls(), domainName: 'game.example.com', hostedZone: 'main' }));
    expectValid(withNlb({ domainName: 'game.example.com', hostedZone: 'main' }));
  });
});

describe('valid NLB topologies', () => {
  test('accepts an NLB with TCP, UDP, TCP_UDP and TLS listeners', () => {
    expectValid(withNlb({
      listeners: {
        tcp: { protocol: 'TCP', port: 7000, targetGroup: 'game-tcp' },
        udp: { protocol: 'UDP', port: 7001, targetGroup: 'game-udp' },
        both: { protocol: 'TCP_UDP', port: 53, targetGroup: 'game-both' },
        tls: { protocol: 'TLS', port: 443, targetGroup: 'game-tls', sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06', alpnPolicy: 'HTTP2Preferred' },
      },
      domainName: 'game.example.com',
      hostedZone: 'main',
      crossZoneEnabled: true,
      deletionProtection: false,
    }));
  });

  test('accepts an NLB in front of an ALB (static addresses before layer-7 routing)', () => {
    expectValid(withNlb({ listeners: { https: { port: 443, targetGroup: 'front' }, http: { port: 80, targetGroup: 'front-http' } }, elasticIpAllocationIds: [EIP_A, EIP_B] }, {
      'front': { applicationLoadBalancer: 'public', protocol: 'TCP', port: 443 },
      'front-http': { applicationLoadBalancer: 'public', protocol: 'TCP', port: 80 },
    }));
  });

  test('accepts an internal NLB in the data tier that admits only the app fleet', () => {
    expectValid(withNlb({ internetFacing: false, subnetTier: 'data', allowFrom: ['web'], listeners: { db: { port: 5432, targetGroup: 'game-tcp' } } }));
  });
});
