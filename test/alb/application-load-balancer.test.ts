import { ApplicationProtocol, DesyncMitigationMode, SslPolicy } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import { build, CERT_ARN, minimalSpec } from '../helpers';
import { getAtt, refTo, resourceOf, subnetRefsOfTier } from '../template-helpers';

const SNI_ARN_1 = 'arn:aws:acm:us-east-1:123456789012:certificate/aaaaaaaa-0000-0000-0000-000000000001';
const SNI_ARN_2 = 'arn:aws:acm:us-east-1:123456789012:certificate/aaaaaaaa-0000-0000-0000-000000000002';
const FORWARD_WEB = { forward: { targetGroup: 'web' } };

/** The load balancer attributes of a template resource, as a key-value map. */
function attributesOf(resource: { Properties?: { [key: string]: any } }): { [key: string]: unknown } {
  return Object.fromEntries((resource.Properties!.LoadBalancerAttributes ?? []).map((a: { Key: string; Value: unknown }) => [a.Key, a.Value]));
}

describe('Application Load Balancer with the defaults', () => {
  // GIVEN the minimal spec: one ALB with a domain, a hosted zone and one HTTPS listener
  const built = build(minimalSpec());
  const { template, topology } = built;
  const alb = topology.applicationLoadBalancer('public');
  const attributes = attributesOf(resourceOf(template, alb));

  test('is internet-facing in the public subnets', () => {
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::LoadBalancer', {
      Type: 'application',
      Scheme: 'internet-facing',
      Subnets: subnetRefsOfTier(template, 'public'),
      SecurityGroups: [getAtt(topology.loadBalancerSecurityGroup('public'), 'GroupId')],
    });
  });

  test('has an HTTPS listener on 443 with the requested certificate', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      LoadBalancerArn: refTo(alb),
      Port: 443,
      Protocol: 'HTTPS',
      Certificates: [{ CertificateArn: refTo(topology.certificate('public')!) }],
    });
  });

  test('uses the TLS 1.3/1.2 post-quantum policy by default', () => {
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      SslPolicy: 'ELBSecurityPolicy-TLS13-1-2-PQ-2025-09',
    });
  });

  test('redirects HTTP on port 80 to HTTPS on 443 permanently', () => {
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::Listener', 2);
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      LoadBalancerArn: refTo(alb),
      Port: 80,
      Protocol: 'HTTP',
      DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '443', StatusCode: 'HTTP_301' } }],
    });
  });

  test('drops invalid header fields', () => {
    expect(attributes['routing.http.drop_invalid_header_fields.enabled']).toBe('true');
  });

  test('mitigates desync defensively', () => {
    expect(attributes['routing.http.desync_mitigation_mode']).toBe('defensive');
  });

  test('is protected from deletion', () => {
    expect(attributes['deletion_protection.enabled']).toBe('true');
  });

  test('keeps the AWS idle timeout of 60 seconds', () => {
    // An unset attribute is AWS's default of 60 seconds.
    expect(attributes['idle_timeout.timeout_seconds']).toBeUndefined();
  });

  test('writes access logs to the log bucket under its own name', () => {
    expect(attributes).toMatchObject({
      'access_logs.s3.enabled': 'true',
      'access_logs.s3.bucket': refTo(topology.accessLogBucket!),
      'access_logs.s3.prefix': 'public',
    });
  });

  test('outputs the DNS name of the load balancer', () => {
    template.hasOutput('*', { Value: getAtt(alb, 'DNSName'), Description: 'DNS name of load balancer public' });
  });

  test('outputs the https URL of the domain', () => {
    template.hasOutput('*', { Value: 'https://www.example.com', Description: 'URL of load balancer public' });
    expect(Object.keys(template.findOutputs('*'))).toHaveLength(2);
  });
});

describe('Application Load Balancer with explicit settings', () => {
  // GIVEN an internal ALB with imported and SNI certificates, a custom TLS policy and
  // every switch turned; an ALB whose own listener takes port 80; an ALB on port 8443
  const built = build(minimalSpec({
    applicationLoadBalancers: {
      internal: {
        internetFacing: false,
        certificateArn: CERT_ARN,
        additionalCertificateArns: [SNI_ARN_1, SNI_ARN_2],
        listeners: { https: { sslPolicy: SslPolicy.TLS13_13, defaultAction: FORWARD_WEB } },
        httpToHttpsRedirectEnabled: false,
        dropInvalidHeaderFieldsEnabled: false,
        desyncMitigationMode: DesyncMitigationMode.STRICTEST,
        deletionProtection: false,
        idleTimeoutSeconds: 120,
        accessLogsEnabled: false,
      },
      taken: {
        certificateArn: CERT_ARN,
        listeners: {
          https: { defaultAction: FORWARD_WEB },
          http: { protocol: ApplicationProtocol.HTTP, defaultAction: { fixedResponse: { statusCode: 200, messageBody: 'plain' } } },
        },
      },
      alt: { certificateArn: CERT_ARN, listeners: { secure: { port: 8443, defaultAction: FORWARD_WEB } } },
      plain: { listeners: { web: { protocol: ApplicationProtocol.HTTP, port: 8080, defaultAction: FORWARD_WEB } } },
    },
  }));
  const { template, topology } = built;
  const listenersOf = (alb: string) => Object.values(template.findResources('AWS::ElasticLoadBalancingV2::Listener', {
    Properties: { LoadBalancerArn: refTo(topology.applicationLoadBalancer(alb)) },
  })).map((l) => l.Properties);
  const attributes = attributesOf(resourceOf(template, topology.applicationLoadBalancer('internal')));

  test('an internal load balancer is internal, in the app subnets', () => {
    expect(resourceOf(template, topology.applicationLoadBalancer('internal')).Properties).toMatchObject({
      Scheme: 'internal',
      Subnets: subnetRefsOfTier(template, 'app'),
    });
  });

  test('imports the certificate by ARN instead of requesting one', () => {
    template.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    expect(listenersOf('internal')[0].Certificates).toEqual([{ CertificateArn: CERT_ARN }]);
  });

  test('serves the further certificates by SNI on the HTTPS listener', () => {
    const sni = Object.values(template.findResources('AWS::ElasticLoadBalancingV2::ListenerCertificate')).map((c) => c.Properties);
    expect(sni).toEqual([
      { ListenerArn: refTo(topology.applicationListener('internal', 'https')), Certificates: [{ CertificateArn: SNI_ARN_1 }] },
      { ListenerArn: refTo(topology.applicationListener('internal', 'https')), Certificates: [{ CertificateArn: SNI_ARN_2 }] },
    ]);
  });

  test('uses the given TLS policy', () => {
    expect(listenersOf('internal')[0].SslPolicy).toBe('ELBSecurityPolicy-TLS13-1-3-2021-06');
  });

  test('adds no HTTP redirect when it is turned off', () => {
    expect(listenersOf('internal').map((l) => l.Port)).toEqual([443]);
  });

  test('adds no HTTP redirect when a listener of its own takes port 80', () => {
    const listeners = listenersOf('taken');
    expect(listeners.map((l) => [l.Port, l.Protocol])).toEqual([[80, 'HTTP'], [443, 'HTTPS']]);
    expect(listeners[0].DefaultActions).toEqual([{
      Type: 'fixed-response',
      FixedResponseConfig: { StatusCode: '200', ContentType: 'text/plain', MessageBody: 'plain' },
    }]);
  });

  test('redirects HTTP to the port of its HTTPS listener', () => {
    expect(listenersOf('alt')).toContainEqual(expect.objectContaining({
      Port: 80,
      DefaultActions: [{ Type: 'redirect', RedirectConfig: { Protocol: 'HTTPS', Port: '8443', StatusCode: 'HTTP_301' } }],
    }));
  });

  test('keeps invalid header fields when asked', () => {
    expect(attributes['routing.http.drop_invalid_header_fields.enabled']).toBe('false');
  });

  test('uses the given desync mitigation mode', () => {
    expect(attributes['routing.http.desync_mitigation_mode']).toBe('strictest');
  });

  test('turns deletion protection off when asked', () => {
    expect(attributes['deletion_protection.enabled']).toBe('false');
  });

  test('sets the idle timeout', () => {
    expect(attributes['idle_timeout.timeout_seconds']).toBe('120');
  });

  test('writes no access logs when they are turned off', () => {
    expect(attributes['access_logs.s3.enabled']).toBeUndefined();
    expect(attributesOf(resourceOf(template, topology.applicationLoadBalancer('taken')))['access_logs.s3.enabled']).toBe('true');
  });

  test('an ALB without a domain outputs a URL with its DNS name', () => {
    template.hasOutput('*', {
      Description: 'URL of load balancer taken',
      Value: { 'Fn::Join': ['', ['https://', getAtt(topology.applicationLoadBalancer('taken'), 'DNSName')]] },
    });
  });

  test('an ALB on a non-default HTTPS port outputs a URL with the port', () => {
    template.hasOutput('*', {
      Description: 'URL of load balancer alt',
      Value: { 'Fn::Join': ['', ['https://', getAtt(topology.applicationLoadBalancer('alt'), 'DNSName'), ':8443']] },
    });
  });

  test('an ALB with only HTTP outputs an http URL with its port', () => {
    template.hasOutput('*', {
      Description: 'URL of load balancer plain',
      Value: { 'Fn::Join': ['', ['http://', getAtt(topology.applicationLoadBalancer('plain'), 'DNSName'), ':8080']] },
    });
  });
});

describe('Application Load Balancer without outputs', () => {
  // GIVEN outputsEnabled: false
  const { template } = build(minimalSpec({ outputsEnabled: false }));

  test('adds no stack outputs', () => {
    expect(template.findOutputs('*')).toEqual({});
  });

  test('still builds the load balancer', () => {
    template.resourceCountIs('AWS::ElasticLoadBalancingV2::LoadBalancer', 1);
  });
});
