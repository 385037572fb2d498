import { SubnetTier } from '../../lib';
import { build, minimalSpec } from '../helpers';
import { getAtt, ingressRulesOf } from '../template-helpers';

describe('an internal ALB for an app tier that admits named fleets', () => {
  // GIVEN an internal HTTP ALB in the app tier, admitting only fleet 'web'
  const { template, topology } = build(minimalSpec({
    fleets: { web: { port: 8080 }, api: { port: 3000 }, other: { port: 8080 } },
    targetGroups: { web: { fleet: 'web' }, api: { fleet: 'api' } },
    applicationLoadBalancers: {
      public: { domainName: 'www.example.com', hostedZone: 'main', listeners: { https: { defaultAction: { forward: { targetGroup: 'web' } } } } },
      internal: {
        internetFacing: false,
        subnetTier: SubnetTier.APP,
        allowFrom: ['web'],
        domainName: 'api.example.com',
        hostedZone: 'main',
        listeners: { https: { defaultAction: { forward: { targetGroup: 'api' } } } },
      },
    },
  }));
  const webSg = () => getAtt(topology.fleetSecurityGroup('web'), 'GroupId');
  const internalSg = () => getAtt(topology.loadBalancerSecurityGroup('internal'), 'GroupId');

  test('admits only the named fleet, by security group, on its listener ports (443 and the redirect on 80)', () => {
    const rules = ingressRulesOf(template, topology.loadBalancerSecurityGroup('internal'));
    expect(rules).toHaveLength(2);
    expect(rules).toEqual(expect.arrayContaining([
      expect.objectContaining({ SourceSecurityGroupId: webSg(), IpProtocol: 'tcp', FromPort: 443, ToPort: 443 }),
      expect.objectContaining({ SourceSecurityGroupId: webSg(), IpProtocol: 'tcp', FromPort: 80, ToPort: 80 }),
    ]));
  });

  test('admits no CIDR range, not even the VPC', () => {
    const rules = ingressRulesOf(template, topology.loadBalancerSecurityGroup('internal'));
    expect(rules.filter((r) => r.CidrIp !== undefined)).toEqual([]);
  });

  test('gives the calling fleet egress to the load balancer on 443', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: webSg(), DestinationSecurityGroupId: internalSg(), IpProtocol: 'tcp', FromPort: 443, ToPort: 443,
    });
  });

  test('is internal', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internal', SecurityGroups: [internalSg()] });
  });
});
