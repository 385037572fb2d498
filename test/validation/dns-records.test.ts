/**
 * Weighted and failover DNS records: each record's fields and health check, and the
 * sets they form (one routing policy, enough members, one hosted zone, no simple alias
 * record of the same name, a certificate for the name on every load balancer).
 */
import { App, Stack } from 'aws-cdk-lib';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { DnsRecordSpec, TopologySpec } from '../../lib';
import { CERT_ARN, ZONE, minimalSpec } from '../helpers';
import { ErrorRow, Loose, expectIssue, expectOnlyIssue, expectValid } from './util';

const PRIVATE_ZONE = { hostedZoneId: 'Z0987654321ZYXWVUTSRQ', zoneName: 'internal.example.com' };
/** A second zone for example.com, as a second account or a split-horizon private zone has. */
const OTHER_ZONE = { hostedZoneId: 'Z1111111111AAAAAAAAA', zoneName: 'example.com' };
const https = (targetGroup: string) => ({ https: { defaultAction: { forward: { targetGroup } } } });

/**
 * Internet-facing ALBs `blue` and `green` with certificates for app.example.com and no
 * alias record of their own, an internet-facing NLB `edge` (TCP 443), an internal ALB
 * `inner` (HTTP 80) and an internal NLB `data` (TCP 5432); zones `main`, `private`
 * (internal.example.com) and `other` (example.com again). Overrides replace sections.
 */
function withRecords(records: { [name: string]: Partial<DnsRecordSpec> | Loose }, overrides: Partial<TopologySpec> | Loose = {}): TopologySpec {
  const alb = { domainName: 'app.example.com', hostedZone: 'main', aliasRecordEnabled: false };
  return minimalSpec({
    hostedZones: { main: ZONE, private: PRIVATE_ZONE, other: OTHER_ZONE },
    targetGroups: {
      web: { fleet: 'web' },
      canary: { fleet: 'web' },
      inner: { fleet: 'web' },
      edge: { fleet: 'web', protocol: 'TCP' as Loose },
      data: { fleet: 'web', protocol: 'TCP' as Loose },
    },
    applicationLoadBalancers: {
      blue: { ...alb, listeners: https('web') },
      green: { ...alb, listeners: https('canary') },
      inner: { internetFacing: false, listeners: { http: { protocol: 'HTTP' as Loose, port: 80, defaultAction: { forward: { targetGroup: 'inner' } } } } },
    },
    networkLoadBalancers: {
      edge: { listeners: { tcp: { port: 443, targetGroup: 'edge' } } },
      data: { internetFacing: false, listeners: { tcp: { port: 5432, targetGroup: 'data' } } },
    },
    dnsRecords: records as { [name: string]: DnsRecordSpec },
    ...overrides,
  });
}

const app = (overrides: Loose = {}) => ({ domainName: 'app.example.com', hostedZone: 'main', ...overrides });
const weighted = { blue: app({ applicationLoadBalancer: 'blue', weight: 90 }), green: app({ applicationLoadBalancer: 'green', weight: 10 }) };
const failover = { blue: app({ applicationLoadBalancer: 'blue', failover: 'PRIMARY' }), green: app({ applicationLoadBalancer: 'green', failover: 'SECONDARY' }) };
/** The failover pair with the primary changed. */
const primary = (overrides: Loose) => withRecords({ ...failover, blue: { ...failover.blue, ...overrides } });
/** Failover between the internal ALB and the internal NLB, in the private zone. */
const privatePair = (primaryOverrides: Loose = {}) => withRecords({
  inner: { domainName: 'api.internal.example.com', hostedZone: 'private', applicationLoadBalancer: 'inner', failover: 'PRIMARY', ...primaryOverrides },
  data: { domainName: 'api.internal.example.com', hostedZone: 'private', networkLoadBalancer: 'data', failover: 'SECONDARY' },
});
const R = 'dnsRecords';
/** The load balancers of `withRecords`, to change one. */
const ALBS = withRecords({}).applicationLoadBalancers!;
const NLBS = withRecords({}).networkLoadBalancers!;
/** The NLB `edge` with only a UDP listener. */
const UDP_ONLY = {
  networkLoadBalancers: { ...NLBS, edge: { listeners: { udp: { protocol: 'UDP', port: 443, targetGroup: 'edge' } } } },
  targetGroups: { ...withRecords({}).targetGroups, edge: { fleet: 'web', protocol: 'UDP' } },
};

describe('DNS record fields', () => {
  test.each<ErrorRow>([
    ['a field is misspelt', withRecords({ ...weighted, green: { ...weighted.green, wieght: 10 } }), `${R}.green.wieght`, /^unknown field 'wieght'\. Did you mean 'weight'\?/],
    ['the domain name is missing', withRecords({ ...weighted, green: { ...weighted.green, domainName: undefined } }), `${R}.green.domainName`,
      /^is missing\. Give the record's fully qualified name, for example 'app\.example\.com'\.$/],
    ['the domain name is not one', withRecords({ ...weighted, green: { ...weighted.green, domainName: 'app_example' } }), `${R}.green.domainName`,
      /^'app_example' is not a domain name\. Write a fully qualified name/],
    ['the hosted zone is missing', withRecords({ ...weighted, green: { ...weighted.green, hostedZone: undefined } }), `${R}.green.hostedZone`,
      /^is missing\. Name the hosted zone of the record, an entry of `hostedZones`\.$/],
    ['the hosted zone is unknown', withRecords({ ...weighted, green: { ...weighted.green, hostedZone: 'mian' } }), `${R}.green.hostedZone`,
      /^unknown hosted zone 'mian'\. Did you mean 'main'\? Known hosted zones: main, other, private\.$/],
    ['a record points at no load balancer', withRecords({ ...weighted, green: app({ weight: 10 }) }), `${R}.green`,
      /^points at no load balancer\. Set `applicationLoadBalancer` or `networkLoadBalancer` to the name of the load balancer the record points at\.$/],
    ['a record points at two load balancers', withRecords({ ...weighted, green: { ...weighted.green, networkLoadBalancer: 'edge' } }), `${R}.green`,
      /^points at both Application Load Balancer 'green' and Network Load Balancer 'edge', but a record points at one\. Keep one of/],
    ['the Application Load Balancer is unknown', withRecords({ ...weighted, green: app({ applicationLoadBalancer: 'gren', weight: 10 }) }), `${R}.green.applicationLoadBalancer`,
      /^unknown Application Load Balancer 'gren'\. Did you mean 'green'\? Known Application Load Balancers: blue, green, inner\.$/],
    ['the Network Load Balancer is unknown', withRecords({ ...weighted, green: app({ networkLoadBalancer: 'egde', weight: 10 }) }), `${R}.green.networkLoadBalancer`,
      /^unknown Network Load Balancer 'egde'\. Did you mean 'edge'\? Known Network Load Balancers: data, edge\.$/],
    ['a weight is above 255', withRecords({ ...weighted, green: { ...weighted.green, weight: 256 } }), `${R}.green.weight`,
      /^256 is outside the allowed range 0-255\. Use a weight from 0 to 255; Route 53 answers with each record in proportion to its weight\.$/],
    ['a weight is negative', withRecords({ ...weighted, green: { ...weighted.green, weight: -1 } }), `${R}.green.weight`, /^-1 is outside the allowed range 0-255\./],
    ['a weight is a fraction', withRecords({ ...weighted, green: { ...weighted.green, weight: 2.5 } }), `${R}.green.weight`, /^must be a whole number from 0 to 255, got 2\.5\./],
    ['the failover role is unknown', withRecords({ ...failover, green: { ...failover.green, failover: 'STANDBY' } }), `${R}.green.failover`,
      /^'STANDBY' is not one of 'PRIMARY', 'SECONDARY'\. A failover record is 'PRIMARY' or 'SECONDARY'\.$/],
    ['a record has a weight and a failover role', withRecords({ ...failover, green: { ...failover.green, weight: 10 } }), `${R}.green`,
      /^has both a weight \(10\) and a failover role \('SECONDARY'\), but a record has one routing policy\. Remove weight for a failover record, or failover for a weighted one\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('fails when the domain name is outside its hosted zone', () => {
    const spec = withRecords({ blue: { ...weighted.blue, hostedZone: 'private' }, green: { ...weighted.green, hostedZone: 'private' } });
    for (const name of ['blue', 'green']) {
      expectIssue(spec, `${R}.${name}.domainName`,
        /^'app\.example\.com' is not in the hosted zone 'internal\.example\.com'\. Use a name that is 'internal\.example\.com' or ends in '\.internal\.example\.com', or choose the hosted zone/);
    }
  });

  test('accepts a weighted pair of ALBs, an ALB and an NLB, and a failover pair', () => {
    expectValid(withRecords(weighted));
    expectValid(withRecords({ ...weighted, green: app({ networkLoadBalancer: 'edge', weight: 0 }) }));
    expectValid(withRecords(failover));
  });

  test('accepts a domain name in upper case and a record at the apex of its zone', () => {
    expectValid(withRecords({ blue: { ...weighted.blue, domainName: 'App.Example.com' }, green: weighted.green }));
    const apex = { domainName: 'example.com', aliasRecordEnabled: false, subjectAlternativeNames: ['app.example.com'] };
    expectValid(withRecords({ blue: app({ ...weighted.blue, domainName: 'example.com' }), green: app({ ...weighted.green, domainName: 'example.com' }) }, {
      applicationLoadBalancers: { ...ALBS, blue: { ...ALBS.blue, ...apex }, green: { ...ALBS.green, ...apex } },
    }));
  });

  test('accepts a zone imported by ID only, whose name it cannot read', () => {
    const zone = route53.HostedZone.fromHostedZoneId(new Stack(new App(), 'Zones'), 'Zone', 'Z2222222222BBBBBBBBB');
    expectValid(withRecords({ blue: { ...weighted.blue, hostedZone: 'byid' }, green: { ...weighted.green, hostedZone: 'byid' } }), { hostedZones: { byid: zone } });
  });
});

describe('DNS record health checks', () => {
  test.each<ErrorRow>([
    ['healthCheckEnabled is a string from JSON', primary({ healthCheckEnabled: 'yes' }), `${R}.blue.healthCheckEnabled`, /^must be true or false, got 'yes'\.$/],
    ['the protocol is UDP', primary({ healthCheckProtocol: 'UDP' }), `${R}.blue.healthCheckProtocol`,
      /^'UDP' is not one of 'HTTP', 'HTTPS', 'TCP'\. A Route 53 health check is 'HTTP', 'HTTPS' or 'TCP'\.$/],
    ['the port is 70000', primary({ healthCheckPort: 70000 }), `${R}.blue.healthCheckPort`, /^70000 is outside the allowed range 1-65535\./],
    ['the interval is 20 seconds', primary({ healthCheckIntervalSeconds: 20 }), `${R}.blue.healthCheckIntervalSeconds`,
      /^20 is not an interval Route 53 offers\. Use 30 \(standard\) or 10 \(a fast health check, at a higher price\)\.$/],
    ['the failure threshold is 11', primary({ healthCheckFailureThreshold: 11 }), `${R}.blue.healthCheckFailureThreshold`, /^11 is outside the allowed range 1-10\./],
    ['the failure threshold is 0', primary({ healthCheckFailureThreshold: 0 }), `${R}.blue.healthCheckFailureThreshold`, /^0 is outside the allowed range 1-10\./],
    ['the path does not begin with a slash', primary({ healthCheckPath: 'health' }), `${R}.blue.healthCheckPath`,
      /^'health' is not a health check path\. Write a path that begins with '\/', at most 255 characters, for example '\/health'\.$/],
    ['the path is longer than 255 characters', primary({ healthCheckPath: `/${'a'.repeat(255)}` }), `${R}.blue.healthCheckPath`, /is not a health check path\./],
    ['a health check is asked for on an internal ALB', privatePair({ healthCheckEnabled: true }), `${R}.inner.healthCheckEnabled`,
      /^is true, but Application Load Balancer 'inner' is internal, and Route 53 health checkers connect from the internet, so they cannot reach it\. Remove healthCheckEnabled: the record still evaluates/],
    ['a health check setting is given on an internal ALB', privatePair({ healthCheckPath: '/health' }), `${R}.inner.healthCheckPath`,
      /^is set, but the record has no health check \(Application Load Balancer 'inner' is internal, and Route 53 health checkers cannot reach it\)\. Remove healthCheckPath\.$/],
    ['a health check setting is given on a secondary record', withRecords({ ...failover, green: { ...failover.green, healthCheckIntervalSeconds: 10 } }),
      `${R}.green.healthCheckIntervalSeconds`,
      /^is set, but the record has no health check \(only the PRIMARY record of a failover set has one by default\)\. Set `healthCheckEnabled: true`, or remove healthCheckIntervalSeconds\.$/],
    ['a health check setting is given with the health check turned off', primary({ healthCheckEnabled: false, healthCheckPort: 443 }), `${R}.blue.healthCheckPort`,
      /^is set, but the record has no health check \(healthCheckEnabled is false\)\./],
    ['a health check setting is given on a primary whose ALB admits only some addresses',
      withRecords({ ...failover, blue: { ...failover.blue, healthCheckPath: '/health' } }, { applicationLoadBalancers: { ...ALBS, blue: { ...ALBS.blue, ingressCidrs: ['203.0.113.0/24'] } } }),
      `${R}.blue.healthCheckPath`,
      /^is set, but the record has no health check \(Application Load Balancer 'blue' admits only its ingressCidrs, not the Route 53 health checkers\)\. Set `healthCheckEnabled: true`/],
    ['an HTTPS check is asked for on an ALB with only an HTTP listener', withRecords({
      blue: app({ applicationLoadBalancer: 'blue', failover: 'PRIMARY', healthCheckProtocol: 'HTTPS' }), green: failover.green,
    }, { applicationLoadBalancers: { ...ALBS, blue: { listeners: { http: { protocol: 'HTTP', port: 8080, defaultAction: { forward: { targetGroup: 'web' } } } } } } }),
    `${R}.blue.healthCheckProtocol`, /^the health check needs an HTTPS listener, but Application Load Balancer 'blue' has none\. Use the protocol of one of its listeners/],
    ['the port is not a listener port of the ALB', primary({ healthCheckPort: 8443 }), `${R}.blue.healthCheckPort`,
      /^8443 is not the port of an HTTPS listener of Application Load Balancer 'blue'\. Use one of its listener ports: 443 \(https\)\.$/],
    ['a TCP check has a path', primary({ healthCheckProtocol: 'TCP', healthCheckPath: '/' }), `${R}.blue.healthCheckPath`,
      /^is set, but a TCP health check only opens a connection and requests no path\. Remove healthCheckPath, or set `healthCheckProtocol: 'HTTP'` or `'HTTPS'`\.$/],
    ['a health check is asked for on an NLB with only a UDP listener', withRecords({
      blue: app({ networkLoadBalancer: 'edge', failover: 'PRIMARY', healthCheckEnabled: true }), green: failover.green,
    }, UDP_ONLY),
    `${R}.blue.healthCheckEnabled`, /^the health check needs a TCP, TLS or TCP_UDP listener, but Network Load Balancer 'edge' has none\. Route 53 health checks cannot check UDP/],
    ['the port is not a TCP listener port of the NLB', withRecords({ blue: app({ networkLoadBalancer: 'edge', failover: 'PRIMARY', healthCheckPort: 80 }), green: failover.green }),
      `${R}.blue.healthCheckPort`, /^80 is not the port of a TCP, TLS or TCP_UDP listener of Network Load Balancer 'edge'\. Use one of its listener ports: 443 \(tcp\)\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts a failover pair of internal load balancers in a private zone, with no health check', () => {
    expectValid(privatePair());
  });

  test('accepts every health check setting on a primary, a health check on a weighted record, and none on an NLB with only UDP', () => {
    expectValid(primary({ healthCheckProtocol: 'HTTPS', healthCheckPort: 443, healthCheckPath: '/health', healthCheckIntervalSeconds: 10, healthCheckFailureThreshold: 1 }));
    expectValid(withRecords({ ...weighted, green: { ...weighted.green, healthCheckEnabled: true, healthCheckProtocol: 'TCP' } }));
    expectValid(withRecords({ blue: app({ networkLoadBalancer: 'edge', failover: 'PRIMARY' }), green: failover.green }, UDP_ONLY));
  });
});

describe('DNS record sets', () => {
  test.each<ErrorRow>([
    ['a weighted set has one record', withRecords({ blue: weighted.blue }), `${R}.blue`,
      /^is the only record for 'app\.example\.com' in hosted zone 'main', but a weighted set needs at least two\. Add a record with the same domainName and hostedZone, a weight, and another load balancer \(not 'blue'\); for one load balancer, remove the record/],
    ['a failover set has only its primary', withRecords({ blue: failover.blue }), `${R}.blue`,
      /^is the only record for 'app\.example\.com' in hosted zone 'main', but a failover set needs two\. Add the SECONDARY record: the same domainName and hostedZone, `failover: 'SECONDARY'`, and another load balancer \(not 'blue'\)\.$/],
    ['a failover set has only its secondary', withRecords({ green: failover.green }), `${R}.green`, /but a failover set needs two\. Add the PRIMARY record: /],
    ['the records of a set are in different hosted zones', withRecords({ ...weighted, blue: { ...weighted.blue, hostedZone: 'other' }, canary: app({ networkLoadBalancer: 'edge', weight: 5 }) }),
      `${R}.blue.hostedZone`,
      /^record 'blue' is the only record for 'app\.example\.com' in hosted zone 'other', but the other records for that name are in another zone \('canary', 'green' in 'main'\), and a set is in one hosted zone\. Put every record of the set in the same hosted zone, for example 'main'/],
    ['a set mixes weighted and failover records', withRecords({ ...weighted, green: { ...failover.green } }), `${R}.green.failover`,
      /^record 'green' is a failover record, but 'app\.example\.com' in hosted zone 'main' is a weighted set \(record 'blue'\), and a set has one routing policy\. Give 'green' a weight instead of failover/],
    ['a failover set has two primaries', withRecords({ ...failover, green: { ...failover.green, failover: 'PRIMARY' } }), `${R}.green.failover`,
      /^'app\.example\.com' in hosted zone 'main' already has a PRIMARY record \('blue'\)\. Make 'green' the SECONDARY record\.$/],
    ['a failover set has three records', withRecords({ ...failover, canary: app({ networkLoadBalancer: 'edge', failover: 'SECONDARY' }) }), `${R}.green.failover`,
      /^'app\.example\.com' in hosted zone 'main' already has a SECONDARY record \('canary'\)\. A failover set has one PRIMARY and one SECONDARY record: remove 'green', or give it another domain name\.$/],
    ['a record of a weighted set has no weight', withRecords({ ...weighted, green: app({ applicationLoadBalancer: 'green' }) }), `${R}.green.weight`,
      /^is missing, but the other records of the set are weighted\. Give the record a weight from 0 to 255\.$/],
    ['a record of a failover set has no role', withRecords({ ...failover, green: app({ applicationLoadBalancer: 'green' }) }), `${R}.green.failover`,
      /^is missing, but the other records of the set are failover records\. Give the record the role 'PRIMARY' or 'SECONDARY'\.$/],
    ['a lone record has no routing policy', withRecords({ blue: app({ applicationLoadBalancer: 'blue' }) }), `${R}.blue`,
      /^has no routing policy\. Give it a `weight` \(from 0 to 255\) for a weighted set, or `failover` \('PRIMARY' or 'SECONDARY'\) for a failover set\. For a simple record, give the load balancer itself/],
    ['two records of a set point at the same load balancer', withRecords({ ...weighted, green: { ...weighted.green, applicationLoadBalancer: 'blue' } }), `${R}.green.applicationLoadBalancer`,
      /^points at Application Load Balancer 'blue', like record 'blue' of the same set 'app\.example\.com' in hosted zone 'main'\. A set spreads clients over different load balancers/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts sets of the same name in two zones (split horizon), and a weighted set of three', () => {
    expectValid(withRecords({ ...weighted, 'blue-2': { ...weighted.blue, hostedZone: 'other' }, 'green-2': { ...weighted.green, hostedZone: 'other' } }));
    expectValid(withRecords({ ...weighted, canary: app({ networkLoadBalancer: 'edge', weight: 1 }) }));
  });

  test('fails on a record without routing policy whose domain is invalid too', () => {
    expectIssue(withRecords({ blue: app({ applicationLoadBalancer: 'blue', domainName: 'not a name' }) }), `${R}.blue`, /^has no routing policy\./);
  });
});

describe('DNS record sets and the load balancers', () => {
  test.each<ErrorRow>([
    ['an ALB also creates its simple alias record for the name', withRecords(weighted, { applicationLoadBalancers: { ...ALBS, blue: { ...ALBS.blue, aliasRecordEnabled: undefined } } }),
      'applicationLoadBalancers.blue.aliasRecordEnabled',
      /^the load balancer creates a simple alias record for 'app\.example\.com' in hosted zone 'main', where dnsRecords 'blue', 'green' form a set of the same name, and Route 53 cannot hold a simple record and a weighted or failover set of one name and type\. Set `aliasRecordEnabled: false` on the load balancer/],
    ['an NLB also creates its simple alias record for the name', withRecords({ ...weighted, green: app({ networkLoadBalancer: 'edge', weight: 10 }) }, {
      networkLoadBalancers: { ...NLBS, edge: { listeners: { tcp: { port: 443, targetGroup: 'edge' } }, domainName: 'app.example.com', hostedZone: 'main' } },
    }), 'networkLoadBalancers.edge.aliasRecordEnabled', /^the load balancer creates a simple alias record for 'app\.example\.com' in hosted zone 'main'/],
    ['the certificate of an ALB of the set does not cover the name', withRecords(weighted, { applicationLoadBalancers: { ...ALBS, green: { ...ALBS.green, domainName: 'green.example.com' } } }),
      `${R}.green.applicationLoadBalancer`,
      /^Application Load Balancer 'green' serves HTTPS with a certificate for 'green\.example\.com', so clients of 'app\.example\.com' would get a certificate error\. Add 'app\.example\.com' to the load balancer's subjectAlternativeNames/],
    ['the certificate of a TLS NLB of the set does not cover the name', withRecords({ ...weighted, green: app({ networkLoadBalancer: 'edge', weight: 10 }) }, {
      networkLoadBalancers: { ...NLBS, edge: { listeners: { tls: { protocol: 'TLS', port: 443, targetGroup: 'edge' } }, domainName: 'edge.example.com', hostedZone: 'main' } },
    }), `${R}.green.networkLoadBalancer`,
    /^Network Load Balancer 'edge' serves TLS with a certificate for 'edge\.example\.com', so clients of 'app\.example\.com' would get a certificate error\. Make 'app\.example\.com' the load balancer's domainName/],
    ['aliasRecordEnabled of an NLB is a string from JSON', withRecords(weighted, {
      networkLoadBalancers: { ...NLBS, edge: { listeners: { tcp: { port: 443, targetGroup: 'edge' } }, aliasRecordEnabled: 'no' } },
    }), 'networkLoadBalancers.edge.aliasRecordEnabled', /^must be true or false, got 'no'\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts a certificate that covers the name by a wildcard or a further name, and an imported one', () => {
    const green = (overrides: Loose) => withRecords(weighted, { applicationLoadBalancers: { ...ALBS, green: { ...ALBS.green, ...overrides } } });
    expectValid(green({ domainName: 'green.example.com', subjectAlternativeNames: ['*.example.com'] }));
    expectValid(green({ domainName: 'green.example.com', subjectAlternativeNames: ['app.example.com'] }));
    expectValid(green({ domainName: undefined, hostedZone: undefined, certificateArn: CERT_ARN }));
  });

  test('accepts an NLB that keeps its own alias record for another name', () => {
    expectValid(withRecords({ ...weighted, green: app({ networkLoadBalancer: 'edge', weight: 10 }) }, {
      networkLoadBalancers: { ...NLBS, edge: { listeners: { tcp: { port: 443, targetGroup: 'edge' } }, domainName: 'edge.example.com', hostedZone: 'main' } },
    }));
  });
});

describe('the dnsRecords section', () => {
  test.each<ErrorRow>([
    ['it is a list', withRecords([] as Loose), R, /^must be a map from names to dnsRecords, got \[\]\.$/],
    ['a record name has upper case', withRecords({ Blue: weighted.blue, green: weighted.green }), `${R}.Blue`, /^the name 'Blue' is not valid\. Use lowercase letters/],
    ['a record is a string', withRecords({ ...weighted, canary: 'app.example.com' }), `${R}.canary`, /^must be an object, got 'app\.example\.com'\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectIssue(spec, path, expected));
});
