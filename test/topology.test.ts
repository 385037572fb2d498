import { App, CfnResource, Stack } from 'aws-cdk-lib';
import { Match, Template } from 'aws-cdk-lib/assertions';
import * as autoscaling from 'aws-cdk-lib/aws-autoscaling';
import { Peer, Port } from 'aws-cdk-lib/aws-ec2';
import { ApplicationProtocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { IConstruct } from 'constructs';
import { ElbTopology, TopologySpec } from '../lib';
import { build, minimalSpec, ZONE } from './helpers';
import { getAtt, refTo, resourceOf } from './template-helpers';

describe('ElbTopology with the minimal spec', () => {
  const built = build(minimalSpec());

  test('builds one internet-facing ALB', () => {
    built.template.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    built.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', { Scheme: 'internet-facing', Type: 'application' });
  });

  test('forwards the HTTPS listener to the target group on the fleet port', () => {
    built.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::TargetGroup', { Port: 8080, Protocol: 'HTTP' });
    built.template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Protocol: 'HTTPS',
      DefaultActions: [Match.objectLike({ Type: 'forward' })],
    });
  });
});

/** A spec with two of everything, so that lookups and ordering have something to choose from. */
function richSpec(): TopologySpec {
  return minimalSpec({
    hostedZones: { main: ZONE, other: { hostedZoneId: 'Z9876543210ZYXWVUTSRQ', zoneName: 'example.org' } },
    fleets: { web: { port: 8080 }, api: { port: 3000, scaleOnCpuPercent: 50 } },
    targetGroups: { web: { fleet: 'web' }, api: { fleet: 'api' } },
    applicationLoadBalancers: {
      public: {
        domainName: 'www.example.com',
        hostedZone: 'main',
        listeners: {
          https: { defaultAction: { forward: { targetGroup: 'web' } } },
          plain: { protocol: ApplicationProtocol.HTTP, port: 8080 },
        },
        rules: [
          { name: 'api', conditions: { pathPatterns: ['/api/*'], httpHeaders: { 'X-B': ['b'], 'X-A': ['a'] } }, forward: { targetGroup: 'api' } },
          { priority: 100, conditions: { hostHeaders: ['old.example.com'] }, redirect: { host: 'www.example.com' } },
        ],
      },
      internal: { internetFacing: false, domainName: 'api.example.org', hostedZone: 'other', listeners: { https: { defaultAction: { forward: { targetGroup: 'api' } } } } },
    },
  });
}

/** The same value with the keys of every object in reverse order (arrays keep their order). */
function reverseKeys<T>(value: T): T {
  if (Array.isArray(value)) return value.map(reverseKeys) as unknown as T;
  if (value && typeof value === 'object') {
    return Object.fromEntries(Object.entries(value).reverse().map(([k, v]) => [k, reverseKeys(v)])) as T;
  }
  return value;
}

describe('escape hatches', () => {
  // GIVEN a topology with two fleets, target groups and load balancers
  const { template, topology } = build(richSpec());
  const props = (construct: IConstruct) => resourceOf(template, construct).Properties!;

  test('fleet() is the Auto Scaling group of the fleet', () => {
    const asg = topology.fleet('api');
    expect(asg).toBeInstanceOf(autoscaling.AutoScalingGroup);
    expect(props(asg).LaunchTemplate.LaunchTemplateId).toEqual(refTo(topology.launchTemplate('api')));
  });

  test('launchTemplate() is the launch template of the fleet', () => {
    expect(props(topology.launchTemplate('web')).LaunchTemplateData.UserData['Fn::Base64']).toContain('fleet web, httpd on port 8080');
  });

  test('fleetSecurityGroup() is the security group of the fleet instances', () => {
    expect(props(topology.fleetSecurityGroup('web')).GroupDescription).toBe('Fleet web: admits only its load balancers');
    expect(props(topology.launchTemplate('web')).LaunchTemplateData.NetworkInterfaces[0].Groups).toEqual([getAtt(topology.fleetSecurityGroup('web'), 'GroupId')]);
  });

  test('applicationTargetGroup() is the target group', () => {
    expect(props(topology.applicationTargetGroup('api')).Port).toBe(3000);
  });

  test('applicationLoadBalancer() is the load balancer', () => {
    expect(props(topology.applicationLoadBalancer('internal')).Scheme).toBe('internal');
  });

  test('loadBalancerSecurityGroup() is the security group of the load balancer', () => {
    expect(props(topology.applicationLoadBalancer('public')).SecurityGroups).toEqual([getAtt(topology.loadBalancerSecurityGroup('public'), 'GroupId')]);
  });

  test("applicationListener('public', 'http-redirect') is the automatic HTTP redirect listener", () => {
    expect(props(topology.applicationListener('public', 'http-redirect'))).toMatchObject({
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
    });
  });

  test('applicationListener() is the listener of the load balancer', () => {
    expect(props(topology.applicationListener('public', 'plain'))).toMatchObject({
      LoadBalancerArn: refTo(topology.applicationLoadBalancer('public')),
      Port: 8080,
      Protocol: 'HTTP',
    });
  });

  test('listenerRule() finds a rule by name or by priority', () => {
    expect(props(topology.listenerRule('public', 'api')).Priority).toBe(10);
    expect(props(topology.listenerRule('public', 'priority-100')).Priority).toBe(100);
  });

  test('certificate() is the certificate of the load balancer', () => {
    expect(props(topology.certificate('internal')!).DomainName).toBe('api.example.org');
  });

  test('aliasRecord() is the record of the load balancer domain', () => {
    expect(props(topology.aliasRecord('internal')!)).toMatchObject({ Name: 'api.example.org.', HostedZoneId: 'Z9876543210ZYXWVUTSRQ' });
  });

  test('the read-only maps hold the same objects as the methods, by spec name', () => {
    expect(Object.keys(topology.fleets)).toEqual(['api', 'web']);
    expect(topology.fleets.web).toBe(topology.fleet('web'));
    expect(Object.keys(topology.applicationTargetGroups)).toEqual(['api', 'web']);
    expect(topology.applicationTargetGroups.api).toBe(topology.applicationTargetGroup('api'));
    expect(Object.keys(topology.applicationLoadBalancers)).toEqual(['internal', 'public']);
    expect(topology.applicationLoadBalancers.public).toBe(topology.applicationLoadBalancer('public'));
  });

  test.each([
    ['fleet', () => topology.fleet('nope'), "ElbTopology has no fleet 'nope'. Known: api, web."],
    ['launchTemplate', () => topology.launchTemplate('nope'), "ElbTopology has no fleet 'nope'. Known: api, web."],
    ['fleetSecurityGroup', () => topology.fleetSecurityGroup('nope'), "ElbTopology has no fleet 'nope'. Known: api, web."],
    ['applicationTargetGroup', () => topology.applicationTargetGroup('nope'), "ElbTopology has no target group 'nope'. Known: api, web."],
    ['applicationLoadBalancer', () => topology.applicationLoadBalancer('nope'), "ElbTopology has no Application Load Balancer 'nope'. Known: internal, public."],
    ['loadBalancerSecurityGroup', () => topology.loadBalancerSecurityGroup('nope'), "ElbTopology has no Application Load Balancer 'nope'. Known: internal, public."],
    ['certificate', () => topology.certificate('nope'), "ElbTopology has no Application Load Balancer 'nope'. Known: internal, public."],
    ['aliasRecord', () => topology.aliasRecord('nope'), "ElbTopology has no Application Load Balancer 'nope'. Known: internal, public."],
    ['applicationListener', () => topology.applicationListener('public', 'http'), "ElbTopology has no listener 'http'. Known: http-redirect, https, plain."],
    ['listenerRule', () => topology.listenerRule('public', 'priority-10'), "ElbTopology has no rule 'priority-10'. Known: api, priority-100."],
    ['listenerRule of a rule-less ALB', () => topology.listenerRule('internal', 'api'), "ElbTopology has no rule 'api'. It has no rules."],
  ])('%s() with an unknown name fails, listing the known names', (_, call, message) => {
    expect(call).toThrow(message);
  });
});

describe('escape hatches change the synthesized template', () => {
  // GIVEN a built topology WHEN its parts are changed through the escape hatches
  const stack = new Stack(new App(), 'Test');
  const topology = new ElbTopology(stack, 'Topology', { spec: minimalSpec() });
  topology.applicationLoadBalancer('public').setAttribute('routing.http.xff_header_processing.mode', 'remove');
  (topology.fleet('web').node.defaultChild as CfnResource).addPropertyOverride('MaxInstanceLifetime', 604800);
  topology.fleetSecurityGroup('web').addEgressRule(Peer.ipv4('10.0.0.0/16'), Port.tcp(5432), 'Database');
  const template = Template.fromStack(stack);

  test('a load balancer attribute set on applicationLoadBalancer()', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      LoadBalancerAttributes: Match.arrayWith([{ Key: 'routing.http.xff_header_processing.mode', Value: 'remove' }]),
    });
  });

  test('a property override on fleet()', () => {
    template.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', { MaxInstanceLifetime: 604800 });
  });

  test('a rule added to fleetSecurityGroup()', () => {
    template.hasResourceProperties('AWS::EC2::SecurityGroup', {
      GroupDescription: 'Fleet web: admits only its load balancers',
      SecurityGroupEgress: Match.arrayWith([Match.objectLike({ CidrIp: '10.0.0.0/16', FromPort: 5432 })]),
    });
  });
});

describe('determinism', () => {
  // GIVEN one spec WHEN it is built twice, and once with every map in reverse key order
  const first = JSON.stringify(build(richSpec()).template.toJSON());
  const second = JSON.stringify(build(richSpec()).template.toJSON());
  const reversed = JSON.stringify(build(reverseKeys(richSpec())).template.toJSON());

  test('the same spec gives the identical template', () => {
    expect(second).toBe(first);
  });

  test('the key order of the spec maps does not change the template', () => {
    expect(Object.keys(reverseKeys(richSpec()).fleets!)).toEqual(['api', 'web']);
    expect(reversed).toBe(first);
  });
});

describe('stable logical IDs', () => {
  // GIVEN the minimal spec (fleet and target group 'web')
  const before = build(minimalSpec()).template.toJSON().Resources;
  // WHEN a second fleet and target group are added, named so that they sort first, with a rule to them
  const after = build(minimalSpec({
    fleets: { api: { port: 3000 }, web: { port: 8080 } },
    targetGroups: { api: { fleet: 'api' }, web: { fleet: 'web' } },
    applicationLoadBalancers: {
      public: {
        ...minimalSpec().applicationLoadBalancers!.public,
        rules: [{ name: 'api', conditions: { pathPatterns: ['/api/*'] }, forward: { targetGroup: 'api' } }],
      },
    },
  })).template.toJSON().Resources;

  test('adds resources for the new fleet and target group', () => {
    expect(Object.keys(after).length).toBeGreaterThan(Object.keys(before).length);
    expect(Object.values(after).filter((r: any) => r.Type === 'AWS::AutoScaling::AutoScalingGroup')).toHaveLength(2);
  });

  test('keeps every existing logical ID', () => {
    expect(Object.keys(before).filter((id) => !(id in after))).toEqual([]);
  });

  test('leaves every existing resource unchanged, but the dashboard, which shows the new parts too', () => {
    const changed = Object.keys(before).filter((id) => JSON.stringify(after[id]) !== JSON.stringify(before[id]));
    expect(changed.filter((id) => before[id].Type !== 'AWS::CloudWatch::Dashboard')).toEqual([]);
  });
});

describe('a target group no load balancer forwards to', () => {
  test('is reported as a warning naming its path, because Auto Scaling cannot register the fleet in it', () => {
    // GIVEN a second target group of fleet 'web' that nothing forwards to
    const { annotations } = build(minimalSpec({ targetGroups: { web: { fleet: 'web' }, spare: { fleet: 'web' } } }));
    annotations.hasWarning('/Test/Topology', Match.stringLikeRegexp("targetGroups\\.spare: no load balancer forwards to this target group, so Auto Scaling cannot register fleet 'web'.*cdk-elb-topology:targets\\.unused"));
  });
});
