import { Validations } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { AwsSolutionsChecks } from 'cdk-nag';
import { ClassicLoadBalancerSpec, ClassicProtocol, ClassicSslPolicy, StickinessType, SubnetTier, TopologySpec } from '../../lib';
import { build, buildError, CERT_ARN } from '../helpers';
import { getAtt, ingressRulesOf, refTo, resourceOf, subnetRefsOfTier } from '../template-helpers';

const IAM_CERT_ARN = 'arn:aws:iam::123456789012:server-certificate/legacy/www.example.com';
const CLB_PATH = '/Test/Topology/ClassicLoadBalancers/legacy';

/** A topology with one fleet (`web` on 8080) and Classic Load Balancer `legacy`. */
function clbSpec(clb: ClassicLoadBalancerSpec, extra: Partial<TopologySpec> = {}): TopologySpec {
  return { network: { maxAzs: 2, natGateways: 1 }, fleets: { web: { port: 8080 } }, classicLoadBalancers: { legacy: clb }, ...extra };
}

const HTTP_AND_HTTPS: ClassicLoadBalancerSpec = {
  fleets: ['web'],
  listeners: {
    http: { externalPort: 80 },
    https: { externalPort: 443, certificateArn: CERT_ARN },
  },
};

describe('Classic Load Balancer with the defaults', () => {
  // GIVEN a CLB with an HTTP and an HTTPS listener and nothing else set
  const { template, topology, annotations } = build(clbSpec(HTTP_AND_HTTPS));
  const clb = topology.classicLoadBalancer('legacy');
  const props = resourceOf(template, clb).Properties!;
  const clbSecurityGroup = clb.connections.securityGroups[0];

  test('is internet-facing in the public subnets, behind its own security group', () => {
    template.resourceCountIs('AWS::ElasticLoadBalancing::LoadBalancer', 1);
    expect(props.Scheme).toBe('internet-facing');
    expect(props.Subnets).toEqual(subnetRefsOfTier(template, 'public'));
    expect(props.SecurityGroups).toEqual([getAtt(clbSecurityGroup, 'GroupId')]);
  });

  test('forwards HTTP on 80 and HTTPS on 443 to the fleet port over HTTP, protocols in capitals', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancing::LoadBalancer', {
      Listeners: [
        Match.objectEquals({ LoadBalancerPort: '80', Protocol: 'HTTP', InstancePort: '8080', InstanceProtocol: 'HTTP' }),
        Match.objectLike({ LoadBalancerPort: '443', Protocol: 'HTTPS', InstancePort: '8080', InstanceProtocol: 'HTTP', SSLCertificateId: CERT_ARN }),
      ],
    });
  });

  test('gives the HTTPS listener the TLS 1.2 policy', () => {
    expect(props.Policies).toEqual([{
      PolicyName: 'tls-ELBSecurityPolicy-TLS-1-2-2017-01',
      PolicyType: 'SSLNegotiationPolicyType',
      Attributes: [{ Name: 'Reference-Security-Policy', Value: 'ELBSecurityPolicy-TLS-1-2-2017-01' }],
    }]);
    expect(props.Listeners[1].PolicyNames).toEqual(['tls-ELBSecurityPolicy-TLS-1-2-2017-01']);
  });

  test('checks the fleet health path over HTTP on the instance port', () => {
    expect(props.HealthCheck).toEqual({ Target: 'HTTP:8080/health', Interval: '30', Timeout: '5', HealthyThreshold: '3', UnhealthyThreshold: '3' });
  });

  test('balances across zones, drains connections for 300 s and closes idle ones after 60 s', () => {
    expect(props.CrossZone).toBe(true);
    expect(props.ConnectionDrainingPolicy).toEqual({ Enabled: true, Timeout: 300 });
    expect(props.ConnectionSettings).toEqual({ IdleTimeout: 60 });
  });

  test('is not sticky', () => {
    expect(props.LBCookieStickinessPolicy).toBeUndefined();
    expect(props.AppCookieStickinessPolicy).toBeUndefined();
  });

  test('writes access logs hourly to the topology bucket under classic/<name>', () => {
    expect(props.AccessLoggingPolicy).toEqual({ Enabled: true, EmitInterval: 60, S3BucketName: refTo(topology.accessLogBucket!), S3BucketPrefix: 'classic/legacy' });
    const policy = Object.values(template.findResources('AWS::S3::BucketPolicy'))[0];
    const put = policy.Properties.PolicyDocument.Statement.find((s: { Action: string }) => s.Action === 's3:PutObject');
    expect(JSON.stringify(put.Resource)).toContain('/classic/legacy/AWSLogs/');
    expect(resourceOf(template, clb).DependsOn).toContain(Object.keys(template.findResources('AWS::S3::BucketPolicy'))[0]);
  });

  test('registers the fleet with the load balancer', () => {
    template.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', { LoadBalancerNames: [refTo(clb)] });
  });

  test('admits the listener ports from the internet and nothing else', () => {
    const rules = ingressRulesOf(template, clbSecurityGroup);
    expect(rules.map((r) => [r.CidrIp, r.FromPort, r.ToPort])).toEqual([['0.0.0.0/0', 80, 80], ['0.0.0.0/0', 443, 443]]);
  });

  test('lets the fleet admit its port only from the load balancer', () => {
    const rules = ingressRulesOf(template, topology.fleetSecurityGroup('web'));
    expect(rules).toEqual([expect.objectContaining({ FromPort: 8080, ToPort: 8080, SourceSecurityGroupId: getAtt(clbSecurityGroup, 'GroupId') })]);
    template.hasResourceProperties('AWS::EC2::SecurityGroupEgress', {
      GroupId: getAtt(clbSecurityGroup, 'GroupId'),
      DestinationSecurityGroupId: getAtt(topology.fleetSecurityGroup('web'), 'GroupId'),
      FromPort: 8080,
      ToPort: 8080,
    });
  });

  test('outputs the DNS name and the HTTPS URL', () => {
    template.hasOutput('*', { Value: getAtt(clb, 'DNSName'), Description: 'DNS name of Classic Load Balancer legacy' });
    template.hasOutput('*', { Value: { 'Fn::Join': ['', ['https://', getAtt(clb, 'DNSName')]] } });
  });

  test('is reachable by name, and an unknown name lists the known ones', () => {
    expect(topology.classicLoadBalancers).toEqual({ legacy: clb });
    expect(() => topology.classicLoadBalancer('legacyy')).toThrow(/legacy/);
  });

  test('warns only that the internet-facing HTTP listener serves clear text', () => {
    annotations.hasWarning(CLB_PATH, Match.stringLikeRegexp("Listener 'http' of internet-facing Classic Load Balancer 'legacy' accepts clear text \\(HTTP\\) on port 80.*cdk-elb-topology:clb.plainListener"));
    expect(annotations.findWarning('*', Match.anyValue())).toHaveLength(1);
  });
});

describe('Classic Load Balancer with every option', () => {
  // GIVEN an internal CLB with TCP, SSL and HTTP listeners, a TCP health check on its
  // own port, app-cookie stickiness, and draining, cross-zone and access logs off,
  // synthesized with cdk-nag's AwsSolutions checks
  const spec = clbSpec({
    fleets: ['web'],
    internetFacing: false,
    subnetTier: SubnetTier.APP,
    ingressCidrs: ['10.0.0.0/8'],
    listeners: {
      http: { externalPort: 80 },
      ssl: {
        externalPort: 8443,
        externalProtocol: ClassicProtocol.SSL,
        internalPort: 8443,
        internalProtocol: ClassicProtocol.SSL,
        certificateArn: IAM_CERT_ARN,
        sslPolicy: ClassicSslPolicy.TLS11,
      },
      tcp: { externalPort: 9000, externalProtocol: ClassicProtocol.TCP, internalPort: 9000 },
    },
    healthCheck: {
      protocol: ClassicProtocol.TCP, port: 9001, intervalSeconds: 10, timeoutSeconds: 3, healthyThresholdCount: 2, unhealthyThresholdCount: 5,
    },
    crossZoneEnabled: false,
    connectionDrainingEnabled: false,
    idleTimeoutSeconds: 120,
    stickinessType: StickinessType.APP_COOKIE,
    stickinessCookieName: 'SESSIONID',
    accessLogsEnabled: false,
  }, { outputsEnabled: false });
  const { template, topology, annotations } = build(spec, undefined, (stack) => Validations.of(stack).addPlugins(new AwsSolutionsChecks(stack)));
  const clb = topology.classicLoadBalancer('legacy');
  const props = resourceOf(template, clb).Properties!;
  const clbSecurityGroup = clb.connections.securityGroups[0];

  test('is internal in the app subnets and admits only the given range', () => {
    expect(props.Scheme).toBe('internal');
    expect(props.Subnets).toEqual(subnetRefsOfTier(template, 'app'));
    expect(ingressRulesOf(template, clbSecurityGroup).map((r) => [r.CidrIp, r.FromPort])).toEqual([['10.0.0.0/8', 80], ['10.0.0.0/8', 8443], ['10.0.0.0/8', 9000]]);
  });

  test('passes TCP through, and SSL end to end with the TLS 1.1 policy and an IAM certificate', () => {
    expect(props.Listeners).toEqual([
      { LoadBalancerPort: '80', Protocol: 'HTTP', InstancePort: '8080', InstanceProtocol: 'HTTP', PolicyNames: ['app-cookie-stickiness'] },
      { LoadBalancerPort: '8443', Protocol: 'SSL', InstancePort: '8443', InstanceProtocol: 'SSL', SSLCertificateId: IAM_CERT_ARN, PolicyNames: ['tls-ELBSecurityPolicy-TLS-1-1-2017-01'] },
      { LoadBalancerPort: '9000', Protocol: 'TCP', InstancePort: '9000', InstanceProtocol: 'TCP' },
    ]);
  });

  test('makes only the HTTP listener sticky, on the application cookie', () => {
    expect(props.AppCookieStickinessPolicy).toEqual([{ PolicyName: 'app-cookie-stickiness', CookieName: 'SESSIONID' }]);
  });

  test('checks health over TCP on its own port, which the fleet admits from the load balancer', () => {
    expect(props.HealthCheck).toEqual({ Target: 'TCP:9001', Interval: '10', Timeout: '3', HealthyThreshold: '2', UnhealthyThreshold: '5' });
    const ports = ingressRulesOf(template, topology.fleetSecurityGroup('web')).map((r) => r.FromPort).sort((a, b) => a - b);
    expect(ports).toEqual([8080, 8443, 9000, 9001]);
  });

  test('turns off cross-zone load balancing and draining, and sets the idle timeout', () => {
    expect(props.CrossZone).toBe(false);
    expect(props.ConnectionDrainingPolicy).toEqual({ Enabled: false });
    expect(props.ConnectionSettings).toEqual({ IdleTimeout: 120 });
  });

  test('writes no access logs and creates no bucket or outputs', () => {
    expect(props.AccessLoggingPolicy).toBeUndefined();
    template.resourceCountIs('AWS::S3::Bucket', 0);
    expect(template.toJSON().Outputs).toBeUndefined();
  });

  test('warns about each setting turned off, and not about clear text on an internal load balancer', () => {
    for (const id of ['accessLogsOff', 'connectionDrainingOff', 'crossZoneOff']) {
      annotations.hasWarning(CLB_PATH, Match.stringLikeRegexp(`cdk-elb-topology:clb\\.${id}`));
    }
    expect(annotations.findWarning('*', Match.stringLikeRegexp('plainListener'))).toEqual([]);
  });

  test('acknowledges the cdk-nag findings that follow from the spec, so none is reported', () => {
    expect(annotations.findError('*', Match.stringLikeRegexp('AwsSolutions-ELB'))).toEqual([]);
  });
});

describe('Classic Load Balancer defaults that follow the fleets', () => {
  test('sends to each fleet, and health-checks the first listener\'s instance port over its protocol', () => {
    // GIVEN two fleets on 3000 and a TCP listener as the first one by name
    const { template, topology } = build(clbSpec({
      fleets: ['web', 'api'],
      listeners: { a: { externalPort: 9000, externalProtocol: ClassicProtocol.TCP }, b: { externalPort: 80 } },
      stickinessType: StickinessType.LB_COOKIE,
    }, { fleets: { web: { port: 3000 }, api: { port: 3000, healthCheckPath: '/ping' } } }));
    const props = resourceOf(template, topology.classicLoadBalancer('legacy')).Properties!;
    expect(props.HealthCheck.Target).toBe('TCP:3000');
    expect(props.Listeners.map((l: { InstancePort: string }) => l.InstancePort)).toEqual(['3000', '3000']);
    expect(props.LBCookieStickinessPolicy).toEqual([{ PolicyName: 'lb-cookie-stickiness' }]);
    template.hasResourceProperties('AWS::AutoScaling::AutoScalingGroup', { LoadBalancerNames: [refTo(topology.classicLoadBalancer('legacy'))] });
    template.resourceCountIs('AWS::AutoScaling::AutoScalingGroup', 2);
  });

  test('uses the health path of the first fleet by name for an HTTP health check', () => {
    const { template, topology } = build(clbSpec({ fleets: ['web', 'api'], listeners: { http: { externalPort: 80, internalPort: 3000 } } },
      { fleets: { web: { port: 3000 }, api: { port: 3000, healthCheckPath: '/ping' } } }));
    expect(resourceOf(template, topology.classicLoadBalancer('legacy')).Properties!.HealthCheck.Target).toBe('HTTP:3000/ping');
  });

  test('fails before building anything when an HTTPS listener has no certificate', () => {
    const error = buildError(clbSpec({ fleets: ['web'], listeners: { https: { externalPort: 443 } } }));
    expect(error).toMatch(/^ElbTopology spec has 1 problem:\n {2}classicLoadBalancers\.legacy\.listeners\.https\.certificateArn: an HTTPS listener needs a certificate\./);
  });
});
