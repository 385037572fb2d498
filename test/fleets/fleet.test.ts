import { Capture, Match } from 'aws-cdk-lib/assertions';
import { build, minimalSpec } from '../helpers';
import { admitsPort, getAtt, ingressRules, logicalId, refTo, subnetRefsOfTier } from '../template-helpers';

/** Evaluates the intrinsic functions of a template value, with the given values for Ref and GetAtt. */
function evaluate(value: any, refs: { [logicalId: string]: string }, atts: { [logicalIdAndAttribute: string]: string }): any {
  const recurse = (v: any) => evaluate(v, refs, atts);
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map(recurse);
  if ('Ref' in value) {
    if (!(value.Ref in refs)) throw new Error(`unexpected Ref ${value.Ref}`);
    return refs[value.Ref];
  }
  if ('Fn::GetAtt' in value) {
    const key = value['Fn::GetAtt'].join('.');
    if (!(key in atts)) throw new Error(`unexpected GetAtt ${key}`);
    return atts[key];
  }
  if ('Fn::Join' in value) return recurse(value['Fn::Join'][1]).join(value['Fn::Join'][0]);
  if ('Fn::Split' in value) return recurse(value['Fn::Split'][1]).split(value['Fn::Split'][0]);
  if ('Fn::Select' in value) return recurse(value['Fn::Select'][1])[value['Fn::Select'][0]];
  throw new Error(`unexpected value ${JSON.stringify(value)}`);
}

describe('fleets', () => {
  // GIVEN a fleet with explicit capacities and scaling, a Graviton fleet with defaults,
  // and a fleet in two target groups that scales on the second one's requests
  const built = build(minimalSpec({
    fleets: {
      web: {
        port: 8080,
        instanceType: 't3.small',
        minCapacity: 2,
        maxCapacity: 6,
        desiredCapacity: 3,
        healthCheckGracePeriodSeconds: 600,
        rootVolumeSizeGiB: 20,
        scaleOnCpuPercent: 60,
        scaleOnRequestsPerTarget: 500,
      },
      arm: { instanceType: 'm7g.large', minCapacity: 1 },
      api: { port: 3000, scaleOnRequestsPerTarget: 200, scaleOnRequestsTargetGroup: 'api-green' },
    },
    targetGroups: {
      'web': { fleet: 'web' },
      'api-blue': { fleet: 'api' },
      'api-green': { fleet: 'api' },
    },
    applicationLoadBalancers: {
      public: {
        ...minimalSpec().applicationLoadBalancers!.public,
        rules: [
          { name: 'blue', conditions: { pathPatterns: ['/blue/*'] }, forward: { targetGroup: 'api-blue' } },
          { name: 'green', conditions: { pathPatterns: ['/green/*'] }, forward: { targetGroup: 'api-green' } },
        ],
      },
    },
  }));
  const { template, topology } = built;
  const launchTemplateOf = (fleet: string) => template.toJSON().Resources[logicalId(topology.launchTemplate(fleet))].Properties.LaunchTemplateData;
  const asgOf = (fleet: string) => template.toJSON().Resources[logicalId(topology.fleet(fleet))].Properties;

  describe('launch template', () => {
    test('requires IMDSv2 with a hop limit of 1', () => {
      // THEN every launch template requires session tokens
      template.resourceCountIs('AWS::EC2::LaunchTemplate', 3);
      for (const lt of Object.values(template.findResources('AWS::EC2::LaunchTemplate'))) {
        expect(lt.Properties.LaunchTemplateData.MetadataOptions).toEqual({ HttpTokens: 'required', HttpPutResponseHopLimit: 1 });
      }
    });

    test('has an encrypted gp3 root volume of the given size', () => {
      expect(launchTemplateOf('web').BlockDeviceMappings).toEqual([{
        DeviceName: '/dev/xvda',
        Ebs: { Encrypted: true, VolumeType: 'gp3', VolumeSize: 20, DeleteOnTermination: true },
      }]);
    });

    test('has an 8 GiB encrypted gp3 root volume by default', () => {
      expect(launchTemplateOf('arm').BlockDeviceMappings).toEqual([{
        DeviceName: '/dev/xvda',
        Ebs: { Encrypted: true, VolumeType: 'gp3', VolumeSize: 8, DeleteOnTermination: true },
      }]);
    });

    test('has no key pair', () => {
      template.allResourcesProperties('AWS::EC2::LaunchTemplate', {
        LaunchTemplateData: Match.objectLike({ KeyName: Match.absent() }),
      });
    });

    test('turns on detailed monitoring and gives no public IP address', () => {
      template.allResourcesProperties('AWS::EC2::LaunchTemplate', {
        LaunchTemplateData: Match.objectLike({
          Monitoring: { Enabled: true },
          NetworkInterfaces: [Match.objectLike({ AssociatePublicIpAddress: false })],
        }),
      });
    });

    test('uses the given instance type', () => {
      expect(launchTemplateOf('web').InstanceType).toBe('t3.small');
      expect(launchTemplateOf('api').InstanceType).toBe('t3.micro');
    });

    test('uses the x86_64 Amazon Linux 2023 image from SSM for an x86 instance type', () => {
      const imageId = new Capture();
      template.hasResourceProperties('AWS::EC2::LaunchTemplate', {
        LaunchTemplateData: Match.objectLike({ InstanceType: 't3.small', ImageId: { Ref: imageId } }),
      });
      const parameter = template.toJSON().Parameters[imageId.asString()];
      expect(parameter).toEqual({
        Type: 'AWS::SSM::Parameter::Value<AWS::EC2::Image::Id>',
        Default: expect.stringMatching(/^\/aws\/service\/ami-amazon-linux-latest\/al2023-ami-.*x86_64$/),
      });
    });

    test('uses the arm64 Amazon Linux 2023 image for a Graviton instance type', () => {
      const imageId = new Capture();
      template.hasResourceProperties('AWS::EC2::LaunchTemplate', {
        LaunchTemplateData: Match.objectLike({ InstanceType: 'm7g.large', ImageId: { Ref: imageId } }),
      });
      expect(template.toJSON().Parameters[imageId.asString()].Default)
        .toMatch(/^\/aws\/service\/ami-amazon-linux-latest\/al2023-ami-.*arm64$/);
    });

    test('attaches the fleet security group', () => {
      expect(launchTemplateOf('web').NetworkInterfaces[0].Groups).toEqual([getAtt(topology.fleetSecurityGroup('web'), 'GroupId')]);
    });
  });

  describe('Auto Scaling group', () => {
    test('launches the latest version of its launch template', () => {
      expect(asgOf('web').LaunchTemplate).toEqual({
        LaunchTemplateId: refTo(topology.launchTemplate('web')),
        Version: getAtt(topology.launchTemplate('web'), 'LatestVersionNumber'),
      });
    });

    test('has the given minimum, maximum and desired capacity', () => {
      expect(asgOf('web')).toMatchObject({ MinSize: '2', MaxSize: '6', DesiredCapacity: '3' });
    });

    test('defaults the maximum to twice the minimum and leaves the desired capacity unset', () => {
      expect(asgOf('arm')).toMatchObject({ MinSize: '1', MaxSize: '2' });
      expect(asgOf('arm').DesiredCapacity).toBeUndefined();
    });

    test('runs in the subnets of the app tier, in both zones', () => {
      expect(asgOf('web').VPCZoneIdentifier).toEqual(subnetRefsOfTier(template, 'app'));
      expect(asgOf('web').AvailabilityZones).toHaveLength(2);
    });

    test('uses the load balancer health check with the given grace period', () => {
      expect(asgOf('web')).toMatchObject({ HealthCheckType: 'ELB', HealthCheckGracePeriod: 600 });
    });

    test('uses a 300 second grace period by default', () => {
      expect(asgOf('arm')).toMatchObject({ HealthCheckType: 'ELB', HealthCheckGracePeriod: 300 });
    });

    test('registers its instances in the fleet target groups', () => {
      expect(asgOf('web').TargetGroupARNs).toEqual([refTo(topology.applicationTargetGroup('web'))]);
      expect(asgOf('api').TargetGroupARNs).toEqual([
        refTo(topology.applicationTargetGroup('api-blue')),
        refTo(topology.applicationTargetGroup('api-green')),
      ]);
    });
  });

  describe('security', () => {
    test('no security group admits SSH (port 22)', () => {
      const rules = ingressRules(template);
      expect(rules.length).toBeGreaterThan(0);
      expect(rules.filter((r) => admitsPort(r.rule, 22))).toEqual([]);
    });

    test('a fleet that no load balancer targets admits nothing', () => {
      const id = logicalId(topology.fleetSecurityGroup('arm'));
      expect(ingressRules(template).filter((r) => r.groupId === id)).toEqual([]);
    });
  });

  describe('scaling', () => {
    test('tracks the CPU utilization target', () => {
      template.hasResourceProperties('AWS::AutoScaling::ScalingPolicy', {
        AutoScalingGroupName: refTo(topology.fleet('web')),
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingConfiguration: {
          PredefinedMetricSpecification: { PredefinedMetricType: 'ASGAverageCPUUtilization' },
          TargetValue: 60,
        },
      });
    });

    test('tracks the request count per target of the fleet target group', () => {
      template.hasResourceProperties('AWS::AutoScaling::ScalingPolicy', {
        AutoScalingGroupName: refTo(topology.fleet('web')),
        PolicyType: 'TargetTrackingScaling',
        TargetTrackingConfiguration: {
          PredefinedMetricSpecification: Match.objectLike({ PredefinedMetricType: 'ALBRequestCountPerTarget' }),
          TargetValue: 500,
        },
      });
    });

    test('labels the request count metric with the load balancer and target group full names', () => {
      // GIVEN the ARNs and full names AWS would give the listener, load balancer and target group
      const label = new Capture();
      template.hasResourceProperties('AWS::AutoScaling::ScalingPolicy', {
        AutoScalingGroupName: refTo(topology.fleet('web')),
        TargetTrackingConfiguration: Match.objectLike({
          PredefinedMetricSpecification: { PredefinedMetricType: 'ALBRequestCountPerTarget', ResourceLabel: label },
        }),
      });
      const alb = topology.applicationLoadBalancer('public');
      const tg = topology.applicationTargetGroup('web');
      const refs = {
        [logicalId(topology.applicationListener('public', 'https'))]: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:listener/app/public-alb/50dc6c495c0c9188/f2f7dc8efc522ab2',
        [logicalId(alb)]: 'arn:aws:elasticloadbalancing:us-east-1:123456789012:loadbalancer/app/public-alb/50dc6c495c0c9188',
      };
      const atts = {
        [`${logicalId(alb)}.LoadBalancerFullName`]: 'app/public-alb/50dc6c495c0c9188',
        [`${logicalId(tg)}.TargetGroupFullName`]: 'targetgroup/web/73e2d6bc24d8a067',
      };
      // WHEN the label is evaluated THEN it is <load balancer full name>/<target group full name>
      expect(evaluate(label.asObject(), refs, atts)).toBe('app/public-alb/50dc6c495c0c9188/targetgroup/web/73e2d6bc24d8a067');
    });

    test('tracks the requests of the target group named in scaleOnRequestsTargetGroup', () => {
      const label = new Capture();
      template.hasResourceProperties('AWS::AutoScaling::ScalingPolicy', {
        AutoScalingGroupName: refTo(topology.fleet('api')),
        TargetTrackingConfiguration: Match.objectLike({
          PredefinedMetricSpecification: { PredefinedMetricType: 'ALBRequestCountPerTarget', ResourceLabel: label },
          TargetValue: 200,
        }),
      });
      const parts = label.asObject()['Fn::Join'][1];
      expect(parts).toContainEqual(getAtt(topology.applicationTargetGroup('api-green'), 'TargetGroupFullName'));
      expect(parts).not.toContainEqual(getAtt(topology.applicationTargetGroup('api-blue'), 'TargetGroupFullName'));
    });

    test('adds only the policies that are asked for', () => {
      const policies = Object.values(template.findResources('AWS::AutoScaling::ScalingPolicy'));
      const byGroup = (fleet: string) => policies.filter((p) => p.Properties.AutoScalingGroupName.Ref === logicalId(topology.fleet(fleet))).length;
      expect([byGroup('web'), byGroup('api'), byGroup('arm')]).toEqual([2, 1, 0]);
    });
  });
});
