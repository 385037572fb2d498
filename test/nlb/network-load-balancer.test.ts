import { Match } from 'aws-cdk-lib/assertions';
import { Protocol, SslPolicy } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { SubnetTier, StickinessType, TopologySpec, WebServer } from '../../lib';
import { CERT_ARN, ZONE, build, minimalSpec } from '../helpers';
import { getAtt, ingressRulesOf, logicalId, refTo, resourceOf } from '../template-helpers';

/** A game fleet behind an internet-facing NLB with UDP, TCP and TLS listeners. */
const GAME: TopologySpec = {
  network: { maxAzs: 2, natGateways: 1 },
  hostedZones: { main: ZONE },
  fleets: { game: { webServer: WebServer.PYTHON, port: 8080 } },
  targetGroups: {
    'game-udp': { fleet: 'game', protocol: Protocol.UDP, port: 7777, healthCheck: { protocol: Protocol.HTTP, port: 8080, path: '/health' }, stickinessType: StickinessType.SOURCE_IP },
    'game-tcp': { fleet: 'game', protocol: Protocol.TCP, port: 7777, connectionTerminationEnabled: true, proxyProtocolV2: true, deregistrationDelaySeconds: 20 },
    'game-tls': { fleet: 'game', protocol: Protocol.TCP, port: 7778, preserveClientIp: false },
  },
  networkLoadBalancers: {
    game: {
      domainName: 'play.example.com',
      hostedZone: 'main',
      listeners: {
        udp: { protocol: Protocol.UDP, port: 7777, targetGroup: 'game-udp' },
        tcp: { protocol: Protocol.TCP, port: 7000, targetGroup: 'game-tcp' },
        tls: { protocol: Protocol.TLS, port: 443, targetGroup: 'game-tls' },
      },
    },
  },
};

describe('an internet-facing Network Load Balancer', () => {
  const { template, topology } = build(GAME);
  const nlb = () => resourceOf(template, topology.networkLoadBalancer('game')).Properties!;
  const fleetRules = () => ingressRulesOf(template, topology.fleetSecurityGroup('game'));
  const nlbSg = () => getAtt(topology.networkLoadBalancerSecurityGroup('game'), 'GroupId');

  test('is a network load balancer with a security group, deletion protection, cross-zone and access logs', () => {
    expect(nlb()).toMatchObject({
      Type: 'network',
      Scheme: 'internet-facing',
      SecurityGroups: [nlbSg()],
      LoadBalancerAttributes: expect.arrayContaining([
        { Key: 'deletion_protection.enabled', Value: 'true' },
        { Key: 'load_balancing.cross_zone.enabled', Value: 'true' },
        { Key: 'access_logs.s3.enabled', Value: 'true' },
        { Key: 'access_logs.s3.prefix', Value: 'game' },
      ]),
    });
  });

  test('gets one Elastic IP per Availability Zone through subnet mappings', () => {
    const eips = topology.elasticIps('game');
    expect(eips).toHaveLength(2);
    expect(nlb().SubnetMappings).toEqual(eips.map((eip) => expect.objectContaining({ AllocationId: getAtt(eip, 'AllocationId') })));
    template.resourceCountIs('AWS::EC2::EIP', 2 + 1); // and the NAT gateway's
  });

  test('outputs the static addresses and the DNS name', () => {
    const outputs = template.toJSON().Outputs;
    const values = Object.values<{ Value: unknown }>(outputs).map((o) => o.Value);
    for (const eip of topology.elasticIps('game')) expect(values).toContainEqual(refTo(eip));
    expect(values).toContainEqual(getAtt(topology.networkLoadBalancer('game'), 'DNSName'));
  });

  test('has UDP, TCP and TLS listeners forwarding to their target groups', () => {
    for (const [name, protocol, port, tg] of [['udp', 'UDP', 7777, 'game-udp'], ['tcp', 'TCP', 7000, 'game-tcp'], ['tls', 'TLS', 443, 'game-tls']] as const) {
      expect(resourceOf(template, topology.networkListener('game', name)).Properties).toMatchObject({
        Protocol: protocol,
        Port: port,
        DefaultActions: [{ Type: 'forward', TargetGroupArn: refTo(topology.networkTargetGroup(tg)) }],
      });
    }
  });

  test('gives the TLS listener a DNS-validated certificate and the TLS 1.3 policy', () => {
    expect(resourceOf(template, topology.networkListener('game', 'tls')).Properties).toMatchObject({
      SslPolicy: SslPolicy.TLS13_12_PQ,
      Certificates: [{ CertificateArn: { Ref: expect.stringMatching(/^TopologyNetworkLoadBalancersgameCertificate/) } }],
    });
    template.hasResourceProperties('AWS::CertificateManager::Certificate', { DomainName: 'play.example.com', ValidationMethod: 'DNS' });
  });

  test('creates an alias record for its domain', () => {
    template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'play.example.com.', Type: 'A', HostedZoneId: ZONE.hostedZoneId });
  });

  test('admits the listener ports from the internet, TCP and UDP as the listeners need', () => {
    const rules = ingressRulesOf(template, topology.networkLoadBalancerSecurityGroup('game'));
    expect(rules).toEqual(expect.arrayContaining([
      expect.objectContaining({ CidrIp: '0.0.0.0/0', IpProtocol: 'udp', FromPort: 7777, ToPort: 7777 }),
      expect.objectContaining({ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 7000, ToPort: 7000 }),
      expect.objectContaining({ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 443, ToPort: 443 }),
    ]));
    expect(rules).toHaveLength(3);
  });

  test('with client IP preservation, the fleet admits the clients, not only the load balancer', () => {
    // UDP always preserves client IPs; the TCP group keeps the instance default (on).
    expect(fleetRules()).toEqual(expect.arrayContaining([
      expect.objectContaining({ CidrIp: '0.0.0.0/0', IpProtocol: 'udp', FromPort: 7777 }),
      expect.objectContaining({ CidrIp: '0.0.0.0/0', IpProtocol: 'tcp', FromPort: 7777 }),
      expect.objectContaining({ SourceSecurityGroupId: nlbSg(), IpProtocol: 'udp', FromPort: 7777 }),
      expect.objectContaining({ SourceSecurityGroupId: nlbSg(), IpProtocol: 'tcp', FromPort: 7777 }),
    ]));
  });

  test('without client IP preservation, the fleet admits only the load balancer on that port', () => {
    const on7778 = fleetRules().filter((r) => r.FromPort === 7778);
    expect(on7778).toEqual([expect.objectContaining({ SourceSecurityGroupId: nlbSg(), IpProtocol: 'tcp' })]);
  });

  test('admits the health check port from the load balancer when it differs from the traffic port', () => {
    expect(fleetRules()).toContainEqual(expect.objectContaining({ SourceSecurityGroupId: nlbSg(), IpProtocol: 'tcp', FromPort: 8080, ToPort: 8080 }));
  });

  test('maps the target group attributes', () => {
    expect(resourceOf(template, topology.networkTargetGroup('game-tcp')).Properties).toMatchObject({
      Protocol: 'TCP',
      Port: 7777,
      TargetType: 'instance',
      HealthCheckProtocol: 'TCP',
      TargetGroupAttributes: expect.arrayContaining([
        { Key: 'deregistration_delay.timeout_seconds', Value: '20' },
        { Key: 'deregistration_delay.connection_termination.enabled', Value: 'true' },
        { Key: 'proxy_protocol_v2.enabled', Value: 'true' },
        { Key: 'preserve_client_ip.enabled', Value: 'true' },
      ]),
    });
    expect(resourceOf(template, topology.networkTargetGroup('game-tls')).Properties!.TargetGroupAttributes)
      .toContainEqual({ Key: 'preserve_client_ip.enabled', Value: 'false' });
  });

  test('gives the UDP group an HTTP health check on another port and source-IP stickiness', () => {
    expect(resourceOf(template, topology.networkTargetGroup('game-udp')).Properties).toMatchObject({
      Protocol: 'UDP',
      HealthCheckProtocol: 'HTTP',
      HealthCheckPort: '8080',
      HealthCheckPath: '/health',
      TargetGroupAttributes: expect.arrayContaining([
        { Key: 'stickiness.enabled', Value: 'true' },
        { Key: 'stickiness.type', Value: 'source_ip' },
      ]),
    });
  });
});

describe('an NLB with given Elastic IPs, and one without', () => {
  const allocations = ['eipalloc-0123456789abcdef0', 'eipalloc-0123456789abcdef1'];
  const spec = (nlb: object): TopologySpec => ({
    ...GAME,
    hostedZones: undefined,
    targetGroups: { 'game-tcp': GAME.targetGroups!['game-tcp'] },
    networkLoadBalancers: { game: { listeners: { tcp: { protocol: Protocol.TCP, port: 7000, targetGroup: 'game-tcp' } }, ...nlb } },
  });

  test('uses the given allocation IDs in zone order and allocates none', () => {
    const { template } = build(spec({ elasticIpAllocationIds: allocations }));
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      SubnetMappings: [Match.objectLike({ AllocationId: allocations[0] }), Match.objectLike({ AllocationId: allocations[1] })],
    });
    template.resourceCountIs('AWS::EC2::EIP', 1); // the NAT gateway's only
  });

  test('allocates none with elasticIpsEnabled: false', () => {
    const { template } = build(spec({ elasticIpsEnabled: false }));
    template.resourceCountIs('AWS::EC2::EIP', 1);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Subnets: Match.anyValue() });
  });
});

describe('an internal NLB in front of a data tier', () => {
  const spec = minimalSpec({
    hostedZones: { main: ZONE, internal: { hostedZoneId: 'Z0987654321ZYXWVUTSRQ', zoneName: 'internal.example.com' } },
    fleets: { web: { port: 8080 }, other: { port: 8080 }, data: { webServer: WebServer.PYTHON, port: 5432, subnetTier: SubnetTier.DATA } },
    targetGroups: { web: { fleet: 'web' }, data: { fleet: 'data', protocol: Protocol.TCP, port: 5432 } },
    networkLoadBalancers: {
      data: {
        internetFacing: false,
        subnetTier: SubnetTier.DATA,
        allowFrom: ['web'],
        privateIpv4Addresses: ['10.0.12.10', '10.0.13.10'],
        domainName: 'db.internal.example.com',
        hostedZone: 'internal',
        listeners: { postgres: { protocol: Protocol.TCP, port: 5432, targetGroup: 'data' } },
      },
    },
  });
  const { template, topology } = build(spec);
  const nlbSgId = () => getAtt(topology.networkLoadBalancerSecurityGroup('data'), 'GroupId');
  const webSgId = () => getAtt(topology.fleetSecurityGroup('web'), 'GroupId');

  test('is internal, in the data subnets, with the given private addresses and no Elastic IP', () => {
    expect(resourceOf(template, topology.networkLoadBalancer('data')).Properties).toMatchObject({
      Scheme: 'internal',
      SubnetMappings: [expect.objectContaining({ PrivateIPv4Address: '10.0.12.10' }), expect.objectContaining({ PrivateIPv4Address: '10.0.13.10' })],
    });
    expect(topology.elasticIps('data')).toEqual([]);
  });

  test('admits only the named fleet, by security group, on the listener port only', () => {
    const rules = ingressRulesOf(template, topology.networkLoadBalancerSecurityGroup('data'));
    expect(rules).toEqual([expect.objectContaining({ SourceSecurityGroupId: webSgId(), IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432 })]);
  });

  test('the data fleet admits the load balancer and, as client IPs are preserved, the calling fleet, on 5432 only', () => {
    const rules = ingressRulesOf(template, topology.fleetSecurityGroup('data'));
    expect(rules).toHaveLength(2);
    expect(rules).toEqual(expect.arrayContaining([
      expect.objectContaining({ SourceSecurityGroupId: nlbSgId(), FromPort: 5432, ToPort: 5432 }),
      expect.objectContaining({ SourceSecurityGroupId: webSgId(), FromPort: 5432, ToPort: 5432 }),
    ]));
  });

  test('the calling fleet may connect out to the load balancer', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: webSgId(), DestinationSecurityGroupId: nlbSgId(), IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432,
    });
  });

  test('the other fleet gets nothing from the data tier', () => {
    const otherSg = logicalId(topology.fleetSecurityGroup('other'));
    const egress = Object.values(template.findResources('AWS::EC2::SecurityGroupEgress')).filter((e) => e.Properties.GroupId['Fn::GetAtt'][0] === otherSg);
    expect(egress).toEqual([]);
  });

  test('is named in the private zone', () => {
    template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'db.internal.example.com.', Type: 'A', HostedZoneId: 'Z0987654321ZYXWVUTSRQ' });
  });
});

describe('an NLB in front of an ALB', () => {
  const spec = minimalSpec({
    targetGroups: { web: { fleet: 'web' }, edge: { applicationLoadBalancer: 'public', protocol: Protocol.TCP, port: 443 } },
    networkLoadBalancers: { edge: { listeners: { https: { protocol: Protocol.TCP, port: 443, targetGroup: 'edge' } } } },
  });
  const { template, topology } = build(spec);

  test('registers the ALB as the target of an ALB-type target group, on its HTTPS listener port', () => {
    expect(resourceOf(template, topology.networkTargetGroup('edge')).Properties).toMatchObject({
      TargetType: 'alb',
      Protocol: 'TCP',
      Port: 443,
      Targets: [{ Id: refTo(topology.applicationLoadBalancer('public')), Port: 443 }],
    });
  });

  test('the ALB admits the NLB on 443', () => {
    const rules = ingressRulesOf(template, topology.loadBalancerSecurityGroup('public'));
    expect(rules).toContainEqual(expect.objectContaining({ SourceSecurityGroupId: getAtt(topology.networkLoadBalancerSecurityGroup('edge'), 'GroupId'), FromPort: 443 }));
  });
});

describe('a certificate given by ARN', () => {
  test('is used on the TLS listener, and none is requested', () => {
    const { template } = build({
      ...GAME,
      hostedZones: undefined,
      targetGroups: { 'game-tls': GAME.targetGroups!['game-tls'] },
      networkLoadBalancers: { game: { certificateArn: CERT_ARN, listeners: { tls: { protocol: Protocol.TLS, port: 443, targetGroup: 'game-tls' } } } },
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', { Protocol: 'TLS', Certificates: [{ CertificateArn: CERT_ARN }] });
    template.resourceCountIs('AWS::CertificateManager::Certificate', 0);
  });
});
