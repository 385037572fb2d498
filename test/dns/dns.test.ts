import { ApplicationProtocol } from 'aws-cdk-lib/aws-elasticloadbalancingv2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { ExistingResources } from '../../lib';
import { build, minimalSpec, ZONE } from '../helpers';
import { getAtt, logicalId, refTo } from '../template-helpers';

describe('DNS with a domain in a hosted zone', () => {
  // GIVEN an ALB with a domain, two further names and a hosted zone given by attributes
  const built = build(minimalSpec({
    applicationLoadBalancers: {
      public: {
        ...minimalSpec().applicationLoadBalancers!.public,
        subjectAlternativeNames: ['example.com', 'api.example.com'],
      },
    },
  }));
  const { template, topology } = built;

  test('imports the hosted zone rather than creating one', () => {
    template.resourceCountIs('AWS::Route53::HostedZone', 0);
  });

  test('requests one certificate for the domain and its further names', () => {
    template.resourceCountIs('AWS::CertificateManager::Certificate', 1);
    template.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'www.example.com',
      SubjectAlternativeNames: ['example.com', 'api.example.com'],
    });
  });

  test('validates every name of the certificate by DNS in the hosted zone', () => {
    template.hasResourceProperties('AWS::CertificateManager::Certificate', {
      ValidationMethod: 'DNS',
      DomainValidationOptions: [
        { DomainName: 'www.example.com', HostedZoneId: ZONE.hostedZoneId },
        { DomainName: 'example.com', HostedZoneId: ZONE.hostedZoneId },
        { DomainName: 'api.example.com', HostedZoneId: ZONE.hostedZoneId },
      ],
    });
  });

  test('exposes the certificate that the HTTPS listener uses', () => {
    const certificate = topology.certificate('public')!;
    expect(template.findResources('AWS::CertificateManager::Certificate')[logicalId(certificate)]).toBeDefined();
    template.hasResourceProperties('AWS::ElasticLoadBalancingV2::Listener', {
      Port: 443,
      Certificates: [{ CertificateArn: refTo(certificate) }],
    });
  });

  test('creates an alias A record for the domain pointing at the load balancer', () => {
    const alb = topology.applicationLoadBalancer('public');
    template.resourceCountIs('AWS::Route53::RecordSet', 1);
    template.hasResourceProperties('AWS::Route53::RecordSet', {
      HostedZoneId: ZONE.hostedZoneId,
      Name: 'www.example.com.',
      Type: 'A',
      AliasTarget: {
        DNSName: { 'Fn::Join': ['', ['dualstack.', getAtt(alb, 'DNSName')]] },
        HostedZoneId: getAtt(alb, 'CanonicalHostedZoneID'),
      },
    });
  });

  test('exposes the alias record', () => {
    const record = topology.aliasRecord('public')!;
    expect(template.findResources('AWS::Route53::RecordSet')[logicalId(record)].Properties.Name).toBe('www.example.com.');
  });
});

describe('DNS with the alias record turned off', () => {
  // GIVEN aliasRecordEnabled: false
  const built = build(minimalSpec({
    applicationLoadBalancers: {
      public: { ...minimalSpec().applicationLoadBalancers!.public, aliasRecordEnabled: false },
    },
  }));
  const { template, topology } = built;

  test('creates no record', () => {
    template.resourceCountIs('AWS::Route53::RecordSet', 0);
    expect(topology.aliasRecord('public')).toBeUndefined();
  });

  test('still requests the DNS-validated certificate', () => {
    template.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'www.example.com',
      DomainValidationOptions: [{ DomainName: 'www.example.com', HostedZoneId: ZONE.hostedZoneId }],
    });
  });

  test('outputs a URL with the load balancer DNS name, since the domain does not point at it', () => {
    template.hasOutput('*', {
      Description: 'URL of load balancer public',
      Value: { 'Fn::Join': ['', ['https://', getAtt(topology.applicationLoadBalancer('public'), 'DNSName')]] },
    });
  });
});

describe('DNS with an existing hosted zone object', () => {
  // GIVEN a hosted zone passed as a CDK object rather than by attributes in the spec
  const existing: { hostedZones?: { [name: string]: route53.IHostedZone } } = {};
  const built = build(minimalSpec({
    hostedZones: undefined,
    applicationLoadBalancers: {
      public: { ...minimalSpec().applicationLoadBalancers!.public, domainName: 'shop.example.org', hostedZone: 'shop' },
    },
  }), existing as ExistingResources, (stack) => {
    existing.hostedZones = {
      shop: route53.HostedZone.fromHostedZoneAttributes(stack, 'ShopZone', { hostedZoneId: 'Z9876543210ZYXWVUTSRQ', zoneName: 'example.org' }),
    };
  });
  const { template } = built;

  test('validates the certificate in that zone', () => {
    template.hasResourceProperties('AWS::CertificateManager::Certificate', {
      DomainName: 'shop.example.org',
      DomainValidationOptions: [{ DomainName: 'shop.example.org', HostedZoneId: 'Z9876543210ZYXWVUTSRQ' }],
    });
  });

  test('creates the alias record in that zone', () => {
    template.hasResourceProperties('AWS::Route53::RecordSet', {
      HostedZoneId: 'Z9876543210ZYXWVUTSRQ',
      Name: 'shop.example.org.',
      Type: 'A',
    });
  });
});

describe('DNS for a load balancer with only HTTP listeners', () => {
  // GIVEN a domain in a hosted zone, but no HTTPS listener
  const built = build(minimalSpec({
    applicationLoadBalancers: {
      public: {
        domainName: 'www.example.com',
        hostedZone: 'main',
        listeners: { http: { protocol: ApplicationProtocol.HTTP, defaultAction: { forward: { targetGroup: 'web' } } } },
      },
    },
  }));
  const { template, topology } = built;

  test('requests no certificate', () => {
    template.resourceCountIs('AWS::CertificateManager::Certificate', 0);
    expect(topology.certificate('public')).toBeUndefined();
  });

  test('still creates the alias record and outputs an http URL of the domain', () => {
    template.hasResourceProperties('AWS::Route53::RecordSet', { Name: 'www.example.com.', Type: 'A' });
    template.hasOutput('*', { Description: 'URL of load balancer public', Value: 'http://www.example.com' });
  });
});
