/**
 * IP targets: on-premises servers (Availability Zone `all`) and servers in the VPC, in
 * Application and Network Load Balancer target groups; content-based routing and a
 * weighted forward between a fleet group and an IP group; the load balancers' egress to
 * each address.
 */
import { Protocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { build, minimalSpec } from '../helpers';
import { logicalId, refTo, resourceOf } from '../template-helpers';

describe('IP targets', () => {
  // GIVEN a fleet group for the default action, an on-premises group for /legacy/*, a
  // hybrid group (one AWS and one on-premises server) in a weighted forward with the
  // fleet group, and an internal NLB in front of an on-premises database
  const base = minimalSpec();
  const { template, topology } = build(minimalSpec({
    targetGroups: {
      web: { fleet: 'web' },
      legacy: {
        port: 8080,
        ipTargets: [{ ipAddress: '192.168.10.21' }, { ipAddress: '192.168.10.22', port: 8081 }],
        healthCheck: { path: '/status', port: 9000 },
      },
      hybrid: { ipTargets: [{ ipAddress: '10.0.1.15' }, { ipAddress: '172.16.5.5' }] },
      database: { protocol: Protocol.TCP, port: 5432, ipTargets: [{ ipAddress: '192.168.20.5' }] },
    },
    applicationLoadBalancers: {
      public: {
        ...base.applicationLoadBalancers!.public,
        rules: [
          { name: 'legacy', conditions: { pathPatterns: ['/legacy/*'] }, forward: { targetGroup: 'legacy' } },
          {
            name: 'canary',
            conditions: { pathPatterns: ['/app/*'] },
            weightedForward: { targetGroups: [{ targetGroup: 'web', weight: 90 }, { targetGroup: 'hybrid', weight: 10 }] },
          },
        ],
      },
    },
    networkLoadBalancers: {
      db: { internetFacing: false, listeners: { pg: { protocol: Protocol.TCP, port: 5432, targetGroup: 'database' } } },
    },
  }));
  const tg = (name: string) => resourceOf(template, topology.applicationTargetGroup(name)).Properties!;
  /** The inline egress rules of a security group. */
  const egressOf = (construct: Parameters<typeof resourceOf>[1]) => resourceOf(template, construct).Properties!.SecurityGroupEgress ?? [];

  test('registers on-premises servers by address, in Availability Zone all, on the group port or their own', () => {
    expect(tg('legacy')).toMatchObject({
      TargetType: 'ip',
      Protocol: 'HTTP',
      Port: 8080,
      Targets: [
        { Id: '192.168.10.21', Port: 8080, AvailabilityZone: 'all' },
        { Id: '192.168.10.22', Port: 8081, AvailabilityZone: 'all' },
      ],
    });
  });

  test('holds AWS and on-premises servers in one group: only the address outside the VPC is in zone all', () => {
    expect(tg('hybrid').Targets).toEqual([
      { Id: '10.0.1.15', Port: 80 },
      { Id: '172.16.5.5', Port: 80, AvailabilityZone: 'all' },
    ]);
  });

  test('checks health on the given path and port', () => {
    expect(tg('legacy')).toMatchObject({ HealthCheckPath: '/status', HealthCheckPort: '9000', HealthCheckEnabled: true });
  });

  test('sends /legacy/* to the on-premises group and the rest to the fleet', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/legacy/*'] } }],
      Actions: [{ Type: 'forward', TargetGroupArn: refTo(topology.applicationTargetGroup('legacy')) }],
    });
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      DefaultActions: [{ Type: 'forward', TargetGroupArn: refTo(topology.applicationTargetGroup('web')) }],
    });
  });

  test('splits /app/* between the fleet group and the IP group by weight', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::ListenerRule', {
      Conditions: [{ Field: 'path-pattern', PathPatternConfig: { Values: ['/app/*'] } }],
      Actions: [{
        Type: 'forward',
        ForwardConfig: {
          TargetGroups: [
            { TargetGroupArn: refTo(topology.applicationTargetGroup('web')), Weight: 90 },
            { TargetGroupArn: refTo(topology.applicationTargetGroup('hybrid')), Weight: 10 },
          ],
        },
      }],
    });
  });

  test('keeps the fleet group an instance group under the same construct ID', () => {
    expect(tg('web')).toMatchObject({ TargetType: 'instance' });
    expect(topology.applicationTargetGroup('web').node.path).toBe('Test/Topology/TargetGroups/web');
    expect(topology.applicationTargetGroup('legacy').node.path).toBe('Test/Topology/TargetGroups/legacy');
  });

  test('lets the ALB send to each address on its port and the health check port, and nowhere else', () => {
    const egress = egressOf(topology.loadBalancerSecurityGroup('public'))
      .filter((r: { CidrIp?: string }) => r.CidrIp !== undefined)
      .map((r: { CidrIp: string; FromPort: number; ToPort: number; IpProtocol: string }) => `${r.IpProtocol} ${r.CidrIp} ${r.FromPort}-${r.ToPort}`)
      .sort();
    expect(egress).toEqual([
      'tcp 10.0.1.15/32 80-80',
      'tcp 172.16.5.5/32 80-80',
      'tcp 192.168.10.21/32 8080-8080',
      'tcp 192.168.10.21/32 9000-9000',
      'tcp 192.168.10.22/32 8081-8081',
      'tcp 192.168.10.22/32 9000-9000',
    ]);
  });

  test('builds an NLB group of on-premises addresses without client IP preservation', () => {
    const group = resourceOf(template, topology.networkTargetGroup('database')).Properties!;
    expect(group).toMatchObject({
      TargetType: 'ip',
      Protocol: 'TCP',
      Port: 5432,
      Targets: [{ Id: '192.168.20.5', Port: 5432, AvailabilityZone: 'all' }],
      TargetGroupAttributes: expect.arrayContaining([{ Key: 'preserve_client_ip.enabled', Value: 'false' }]),
    });
  });

  test('lets the NLB send to the on-premises address on the traffic port', () => {
    expect(egressOf(topology.networkLoadBalancerSecurityGroup('db'))).toEqual(expect.arrayContaining([
      expect.objectContaining({ CidrIp: '192.168.20.5/32', IpProtocol: 'tcp', FromPort: 5432, ToPort: 5432 }),
    ]));
  });

  test('reaches the groups by name, and lists the names on a miss', () => {
    expect(logicalId(topology.applicationTargetGroup('hybrid'))).toMatch(/^TopologyTargetGroupshybrid/);
    expect(topology.networkTargetGroups.database).toBe(topology.networkTargetGroup('database'));
    expect(() => topology.applicationTargetGroup('legacyy')).toThrow(/has no target group 'legacyy'\. Known: hybrid, legacy, web\./);
  });
});
