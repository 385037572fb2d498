/**
 * Weighted and failover DNS records: alias A records with set identifiers, weights or
 * failover roles, evaluate target health, and Route 53 health checks of the primary
 * load balancers; in a public zone and in a private zone; reachable by name.
 */
import { Stack } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { DnsRecordSpec, TopologySpec } from '../../lib';
import { Built, ZONE, build, minimalSpec } from '../helpers';
import { getAtt, logicalId, refTo, resourceOf } from '../template-helpers';

type Loose = any;
const https = (targetGroup: string) => ({ https: { defaultAction: { forward: { targetGroup } } } });
const alb = (targetGroup: string) => ({ domainName: 'app.example.com', hostedZone: 'main', aliasRecordEnabled: false, listeners: https(targetGroup) });
const app = (record: Partial<DnsRecordSpec> | Loose): DnsRecordSpec => ({ domainName: 'app.example.com', hostedZone: 'main', ...record });

/** Internet-facing ALBs `blue` and `green`, and the NLB `edge` (TCP 443, admitting one range), with these records. */
function topology(dnsRecords: { [name: string]: DnsRecordSpec }): TopologySpec {
  return minimalSpec({
    targetGroups: { web: { fleet: 'web' }, canary: { fleet: 'web' }, edge: { fleet: 'web', protocol: 'TCP' as Loose } },
    applicationLoadBalancers: { blue: alb('web'), green: alb('canary') },
    networkLoadBalancers: {
      edge: {
        listeners: { tcp: { port: 443, targetGroup: 'edge' } },
        ingressCidrs: ['203.0.113.0/24'],
        domainName: 'app.example.com',
        hostedZone: 'main',
        aliasRecordEnabled: false,
      },
    },
    dnsRecords,
  });
}

/** The alias target of a record pointing at a load balancer, with evaluate target health. */
const aliasTo = (loadBalancer: Loose) => ({
  DNSName: { 'Fn::Join': ['', ['dualstack.', getAtt(loadBalancer, 'DNSName')]] },
  HostedZoneId: getAtt(loadBalancer, 'CanonicalHostedZoneID'),
  EvaluateTargetHealth: true,
});

describe('a weighted set across an ALB and an NLB', () => {
  // GIVEN 90 % to ALB `blue` and 10 % to NLB `edge`, with an explicit TCP health check on `edge`
  let built: Built;
  beforeAll(() => {
    built = build(topology({
      blue: app({ applicationLoadBalancer: 'blue', weight: 90 }),
      edge: app({ networkLoadBalancer: 'edge', weight: 10, healthCheckEnabled: true, healthCheckIntervalSeconds: 10, healthCheckFailureThreshold: 2 }),
    }));
  });

  test('creates one weighted alias A record per load balancer, named by its set identifier, and no simple alias record', () => {
    const { template, topology: t } = built;
    template.resourceCountIs('AWS::Route53::RecordSet', 2);
    template.hasResourceProperties('AWS::Route53::RecordSet', {
      HostedZoneId: ZONE.hostedZoneId, Name: 'app.example.com.', Type: 'A', SetIdentifier: 'blue', Weight: 90, AliasTarget: aliasTo(t.applicationLoadBalancer('blue')),
    });
    template.hasResourceProperties('AWS::Route53::RecordSet', {
      HostedZoneId: ZONE.hostedZoneId, Name: 'app.example.com.', Type: 'A', SetIdentifier: 'edge', Weight: 10, AliasTarget: aliasTo(t.networkLoadBalancer('edge')),
    });
  });

  test('checks the NLB over TCP on its listener port, at its own DNS name, with the given interval and threshold', () => {
    const { template, topology: t } = built;
    template.resourceCountIs('AWS::Route53::HealthCheck', 1);
    template.hasResourceProperties('AWS::Route53::HealthCheck', {
      HealthCheckConfig: {
        Type: 'TCP',
        FullyQualifiedDomainName: getAtt(t.networkLoadBalancer('edge'), 'DNSName'),
        Port: 443,
        RequestInterval: 10,
        FailureThreshold: 2,
        ResourcePath: Match.absent(),
        EnableSNI: Match.absent(),
      },
    });
  });

  test('associates the health check with its record only', () => {
    const { template, topology: t } = built;
    expect(resourceOf(template, t.dnsRecord('edge')).Properties!.HealthCheckId).toEqual(refTo(t.healthCheck('edge')));
    expect(resourceOf(template, t.dnsRecord('blue')).Properties!.HealthCheckId).toBeUndefined();
  });

  test('warns that the health checkers may not get through an NLB that admits only some ranges', () => {
    built.annotations.hasWarning('/Test/Topology/DnsRecords/edge', Match.stringLikeRegexp(
      'DNS record edge has a Route 53 health check, but load balancer edge admits only its ingressCidrs.*ROUTE53_HEALTHCHECKS.*\\[ack: cdk-elb-topology:dns\\.healthCheckBlocked\\]'));
  });

  test('keeps each record under DnsRecords/<name>, and exposes them by name', () => {
    const { template, topology: t } = built;
    expect(t.dnsRecord('blue').node.path).toBe('Test/Topology/DnsRecords/blue/Record');
    expect(Object.keys(t.dnsRecords).sort()).toEqual(['blue', 'edge']);
    expect(t.dnsRecords.edge).toBe(t.dnsRecord('edge'));
    expect(template.findResources('AWS::Route53::HealthCheck')[logicalId(t.healthCheck('edge'))]).toBeDefined();
  });

  test('fails to get an unknown record or a health check a record does not have, naming those that exist', () => {
    const t = built.topology;
    expect(() => t.dnsRecord('green')).toThrow("ElbTopology has no DNS record 'green'. Known: blue, edge.");
    expect(() => t.healthCheck('blue')).toThrow("ElbTopology has no DNS health check 'blue'. Known: edge.");
  });
});

describe('a failover pair of ALBs', () => {
  // GIVEN `blue` PRIMARY and `green` SECONDARY, with the default health check
  let built: Built;
  beforeAll(() => {
    built = build(topology({
      blue: app({ applicationLoadBalancer: 'blue', failover: route53.Failover.PRIMARY }),
      green: app({ applicationLoadBalancer: 'green', failover: route53.Failover.SECONDARY }),
    }));
  });

  test('creates a PRIMARY and a SECONDARY alias A record with evaluate target health', () => {
    const { template, topology: t } = built;
    template.resourceCountIs('AWS::Route53::RecordSet', 2);
    template.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'app.example.com.', Type: 'A', SetIdentifier: 'blue', Failover: 'PRIMARY', Weight: Match.absent(), AliasTarget: aliasTo(t.applicationLoadBalancer('blue')),
    });
    template.hasResourceProperties('AWS::Route53::RecordSet', {
      Name: 'app.example.com.', Type: 'A', SetIdentifier: 'green', Failover: 'SECONDARY', HealthCheckId: Match.absent(), AliasTarget: aliasTo(t.applicationLoadBalancer('green')),
    });
  });

  test('checks the primary ALB over HTTPS on its listener, at its own DNS name with SNI, by default', () => {
    const { template, topology: t } = built;
    template.resourceCountIs('AWS::Route53::HealthCheck', 1);
    template.hasResourceProperties('AWS::Route53::HealthCheck', {
      HealthCheckConfig: {
        Type: 'HTTPS',
        FullyQualifiedDomainName: getAtt(t.applicationLoadBalancer('blue'), 'DNSName'),
        Port: 443,
        ResourcePath: '/',
        EnableSNI: true,
        RequestInterval: 30,
        FailureThreshold: 3,
      },
    });
    expect(resourceOf(template, t.dnsRecord('blue')).Properties!.HealthCheckId).toEqual(refTo(t.healthCheck('blue')));
  });
});

describe('a failover pair of internal load balancers in a private zone', () => {
  // GIVEN an existing private zone imported by ID only, an internal ALB and an internal NLB
  let built: Built;
  beforeAll(() => {
    const spec = minimalSpec({
      targetGroups: { web: { fleet: 'web' }, inner: { fleet: 'web' }, data: { fleet: 'web', protocol: 'TCP' as Loose } },
      applicationLoadBalancers: {
        inner: { internetFacing: false, listeners: { http: { protocol: 'HTTP' as Loose, port: 80, defaultAction: { forward: { targetGroup: 'inner' } } } } },
      },
      networkLoadBalancers: { data: { internetFacing: false, listeners: { tcp: { port: 5432, targetGroup: 'data' } } } },
      dnsRecords: {
        inner: { domainName: 'api.internal.example.com', hostedZone: 'private', applicationLoadBalancer: 'inner', failover: route53.Failover.PRIMARY },
        data: { domainName: 'api.internal.example.com', hostedZone: 'private', networkLoadBalancer: 'data', failover: route53.Failover.SECONDARY },
      },
    });
    const zones = new Stack(undefined, 'Zones');
    const zone = route53.PrivateHostedZone.fromPrivateHostedZoneId(zones, 'Private', 'Z0987654321ZYXWVUTSRQ');
    built = build(spec, { hostedZones: { private: zone } });
  });

  test('creates the records in the private zone, each evaluating its load balancer\'s target health', () => {
    const { template, topology: t } = built;
    template.hasResourceProperties('AWS::Route53::RecordSet', {
      HostedZoneId: 'Z0987654321ZYXWVUTSRQ',
      Name: 'api.internal.example.com.',
      Type: 'A',
      SetIdentifier: 'inner',
      Failover: 'PRIMARY',
      AliasTarget: aliasTo(t.applicationLoadBalancer('inner')),
    });
    template.hasResourceProperties('AWS::Route53::RecordSet', {
      HostedZoneId: 'Z0987654321ZYXWVUTSRQ',
      Name: 'api.internal.example.com.',
      Type: 'A',
      SetIdentifier: 'data',
      Failover: 'SECONDARY',
      AliasTarget: aliasTo(t.networkLoadBalancer('data')),
    });
  });

  test('creates no Route 53 health check, which could not reach an internal load balancer', () => {
    const { template, topology: t } = built;
    template.resourceCountIs('AWS::Route53::HealthCheck', 0);
    expect(resourceOf(template, t.dnsRecord('inner')).Properties!.HealthCheckId).toBeUndefined();
    expect(() => t.healthCheck('inner')).toThrow("ElbTopology has no DNS health check 'inner'. It has no DNS health checks.");
  });
});
