import { ApplicationProtocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { build, CERT_ARN, minimalSpec } from '../helpers';
import { admitsPort, getAtt, ingressRules, ingressRulesOf, logicalId, resourceOf } from '../template-helpers';

describe('security groups', () => {
  // GIVEN a default internet-facing ALB forwarding to fleet web, an internet-facing ALB
  // limited to two ranges answering on its own, and an internal ALB forwarding to fleet
  // api, whose target group checks health on another port
  const built = build(minimalSpec({
    fleets: { web: { port: 8080 }, api: { port: 3000 } },
    targetGroups: { web: { fleet: 'web' }, api: { fleet: 'api', healthCheck: { port: 9000 } } },
    applicationLoadBalancers: {
      public: minimalSpec().applicationLoadBalancers!.public,
      partner: {
        certificateArn: CERT_ARN,
        ingressCidrs: ['203.0.113.0/24', '198.51.100.0/24'],
        listeners: { https: { defaultAction: { fixedResponse: { statusCode: 200 } } } },
      },
      internal: {
        internetFacing: false,
        listeners: { http: { protocol: ApplicationProtocol.HTTP, port: 8000, defaultAction: { forward: { targetGroup: 'api' } } } },
      },
    },
  }));
  const { template, topology } = built;
  const albGroup = (name: string) => topology.loadBalancerSecurityGroup(name);
  const groupIdOf = (name: string) => getAtt(albGroup(name), 'GroupId');
  /** The egress rules of a security group: inline ones and `AWS::EC2::SecurityGroupEgress` resources. */
  const egressRulesOf = (name: string) => [
    ...(resourceOf(template, albGroup(name)).Properties!.SecurityGroupEgress ?? []),
    ...Object.values(template.findResources('AWS::EC2::SecurityGroupEgress'))
      .filter((e) => e.Properties.GroupId['Fn::GetAtt'][0] === logicalId(albGroup(name)))
      .map((e) => e.Properties),
  ];

  describe('load balancer security group', () => {
    test('admits only its listener ports 443 and 80 from anywhere by default', () => {
      expect(ingressRulesOf(template, albGroup('public'))).toEqual([
        { CidrIp: '0.0.0.0/0', Description: 'Listener port 80', FromPort: 80, ToPort: 80, IpProtocol: 'tcp' },
        { CidrIp: '0.0.0.0/0', Description: 'Listener port 443', FromPort: 443, ToPort: 443, IpProtocol: 'tcp' },
      ]);
    });

    test('admits its listener ports only from the given ingress ranges', () => {
      const rules = ingressRulesOf(template, albGroup('partner'));
      expect(rules.map((r) => [r.CidrIp, r.FromPort]).sort()).toEqual([
        ['198.51.100.0/24', 443], ['198.51.100.0/24', 80],
        ['203.0.113.0/24', 443], ['203.0.113.0/24', 80],
      ]);
    });

    test('of an internal load balancer admits its listener port only from the VPC CIDR block', () => {
      expect(ingressRulesOf(template, albGroup('internal'))).toEqual([
        expect.objectContaining({ CidrIp: getAtt(topology.vpc, 'CidrBlock'), FromPort: 8000, ToPort: 8000, IpProtocol: 'tcp' }),
      ]);
    });

    test('has no allow-all egress', () => {
      for (const name of ['public', 'partner', 'internal']) {
        const egress = egressRulesOf(name);
        expect(egress.filter((e) => e.CidrIp === '0.0.0.0/0' || e.IpProtocol === '-1')).toEqual([]);
      }
    });

    test('reaches only its targets, on their ports', () => {
      expect(egressRulesOf('public').map((e) => [e.DestinationSecurityGroupId, e.FromPort, e.ToPort])).toEqual([
        [getAtt(topology.fleetSecurityGroup('web'), 'GroupId'), 8080, 8080],
      ]);
      expect(egressRulesOf('internal').map((e) => [e.DestinationSecurityGroupId, e.FromPort]).sort()).toEqual([
        [getAtt(topology.fleetSecurityGroup('api'), 'GroupId'), 3000],
        [getAtt(topology.fleetSecurityGroup('api'), 'GroupId'), 9000],
      ]);
    });

    test('of a load balancer without targets reaches nothing', () => {
      // The placeholder rule CDK writes for "no egress" matches no real traffic.
      expect(egressRulesOf('partner')).toEqual([
        expect.objectContaining({ CidrIp: '255.255.255.255/32', IpProtocol: 'icmp' }),
      ]);
    });
  });

  describe('fleet security group', () => {
    test('admits only the fleet port, and only from the load balancer that targets it', () => {
      expect(ingressRulesOf(template, topology.fleetSecurityGroup('web'))).toEqual([
        expect.objectContaining({ SourceSecurityGroupId: groupIdOf('public'), FromPort: 8080, ToPort: 8080, IpProtocol: 'tcp' }),
      ]);
    });

    test('also admits a health check port that differs from the fleet port', () => {
      const rules = ingressRulesOf(template, topology.fleetSecurityGroup('api'));
      expect(rules.map((r) => [r.SourceSecurityGroupId, r.FromPort, r.ToPort]).sort()).toEqual([
        [groupIdOf('internal'), 3000, 3000],
        [groupIdOf('internal'), 9000, 9000],
      ]);
    });

    test('admits nothing by address range', () => {
      for (const fleet of ['web', 'api']) {
        expect(ingressRulesOf(template, topology.fleetSecurityGroup(fleet)).filter((r) => r.CidrIp !== undefined)).toEqual([]);
      }
    });
  });

  test('nothing admits SSH (port 22)', () => {
    const rules = ingressRules(template);
    expect(rules.length).toBeGreaterThan(0);
    expect(rules.filter((r) => admitsPort(r.rule, 22))).toEqual([]);
  });

  test('nothing admits all protocols', () => {
    expect(ingressRules(template).filter((r) => r.rule.IpProtocol === '-1')).toEqual([]);
  });
});
