/**
 * Classic Load Balancers: fleets, placement, listeners, certificates, health check,
 * connection draining and stickiness.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import { ClassicLoadBalancerSpec, ClassicProtocol, TopologySpec } from '../../lib';
import { CERT_ARN, minimalSpec } from '../helpers';
import { ErrorRow, Loose, expectIssue, expectOnlyIssue, expectValid } from './util';

const CLB = 'classicLoadBalancers.legacy';
const IAM_CERT_ARN = 'arn:aws:iam::123456789012:server-certificate/legacy/www.example.com';

/** A Classic Load Balancer that is valid on its own: fleet `web`, HTTP on 80 and HTTPS on 443. */
const BASE: ClassicLoadBalancerSpec = {
  fleets: ['web'],
  listeners: {
    http: { externalPort: 80 },
    https: { externalPort: 443, certificateArn: CERT_ARN },
  },
};

/** The minimal spec with Classic Load Balancer `legacy`: BASE changed by `overrides`. */
function withClb(overrides: Partial<ClassicLoadBalancerSpec> | Loose, spec: Partial<TopologySpec> = {}): TopologySpec {
  return minimalSpec({ ...spec, classicLoadBalancers: { legacy: { ...BASE, ...overrides } } });
}

/** The minimal spec with Classic Load Balancer `legacy` whose only listener is `listener`. */
function withListener(listener: Loose): TopologySpec {
  return withClb({ listeners: { main: listener } });
}

describe('CLB fleets, placement and load balancer settings', () => {
  test.each<ErrorRow>([
    ['the fleets are missing', withClb({ fleets: undefined }), `${CLB}.fleets`,
      /^is missing: a Classic Load Balancer needs the fleets it sends traffic to\. List them, for example \['web'\]\. Known fleets: web\.$/],
    ['the fleets are an empty list', withClb({ fleets: [] }), `${CLB}.fleets`, /^must be a list of one or more fleet names, got \[\]\./],
    ['the fleets are a string', withClb({ fleets: 'web' }), `${CLB}.fleets`, /^must be a list of one or more fleet names, got 'web'\./],
    ['a fleet is misspelt', withClb({ fleets: ['wbe'] }), `${CLB}.fleets[0]`, /^unknown fleet 'wbe'\. Did you mean 'web'\? Known fleets: web\.$/],
    ['a fleet is not a name', withClb({ fleets: [7] }), `${CLB}.fleets[0]`, /^must name a fleet, got 7\. Known fleets: web\.$/],
    ['a fleet is listed twice', withClb({ fleets: ['web', 'web'] }), `${CLB}.fleets[1]`, /^fleet 'web' is listed twice\. List each fleet once\.$/],
    ['an internet-facing CLB is in the app tier', withClb({ subnetTier: 'app' }), `${CLB}.subnetTier`,
      /^an internet-facing load balancer must be in the public tier, not 'app'\. Remove subnetTier, or set `internetFacing: false`/],
    ['the subnet tier is unknown', withClb({ internetFacing: false, subnetTier: 'private' }), `${CLB}.subnetTier`, /^'private' is not one of 'public', 'app', 'data', 'appliances', 'endpoints'\.$/],
    ['an ingress CIDR is an address', withClb({ ingressCidrs: ['198.51.100.7'] }), `${CLB}.ingressCidrs[0]`, /^'198\.51\.100\.7' is not an IPv4 CIDR block\./],
    ['crossZoneEnabled is a string from JSON', withClb({ crossZoneEnabled: 'yes' }), `${CLB}.crossZoneEnabled`, /^must be true or false, got 'yes'\.$/],
    ['accessLogsEnabled is a number', withClb({ accessLogsEnabled: 1 }), `${CLB}.accessLogsEnabled`, /^must be true or false, got 1\.$/],
    ['the idle timeout is above 4000 s', withClb({ idleTimeoutSeconds: 4001 }), `${CLB}.idleTimeoutSeconds`, /^4001 is outside the allowed range 1-4000\./],
    ['a field is misspelt', withClb({ crossZoneEnable: true }), `${CLB}.crossZoneEnable`, /^unknown field 'crossZoneEnable'\. Did you mean 'crossZoneEnabled'\?/],
    ['the load balancer is a list', minimalSpec({ classicLoadBalancers: { legacy: [] as Loose } }), CLB, /^must be an object, got \[\]\.$/],
    ['the load balancer name has upper case', minimalSpec({ classicLoadBalancers: { Legacy: BASE } }), 'classicLoadBalancers.Legacy', /^the name 'Legacy' is not valid\./],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts an internal CLB in the app tier admitting one range', () => {
    expectValid(withClb({ internetFacing: false, subnetTier: 'app', ingressCidrs: ['10.0.0.0/16'] }));
  });
});

describe('CLB listeners', () => {
  test.each<ErrorRow>([
    ['the listeners are missing', withClb({ listeners: undefined }), `${CLB}.listeners`,
      /^is missing: a Classic Load Balancer needs at least one listener\. Add one, for example `\{ http: \{ externalPort: 80 \} \}`\.$/],
    ['the listeners are an empty map', withClb({ listeners: {} }), `${CLB}.listeners`, /^must be a map with at least one listener, got \{\}\. Add one/],
    ['a listener name has upper case', withClb({ listeners: { HTTP: { externalPort: 80 } } }), `${CLB}.listeners.HTTP`, /^the name 'HTTP' is not valid\. Use lowercase/],
    ['a listener is null', withClb({ listeners: { http: null } }), `${CLB}.listeners.http`, /^must be an object, got null\.$/],
    ['a listener field is misspelt', withListener({ externalPort: 80, internalPrt: 8080 }), `${CLB}.listeners.main.internalPrt`,
      /^unknown field 'internalPrt'\. Did you mean 'internalPort'\?/],
    ['the external port is missing', withListener({ externalProtocol: 'HTTP' }), `${CLB}.listeners.main.externalPort`,
      /^is missing: the port clients connect to\. Set externalPort, for example 80 or 443\.$/],
    ['the external port is above 65535', withListener({ externalPort: 70000, externalProtocol: 'TCP' }), `${CLB}.listeners.main.externalPort`,
      /^70000 is outside the allowed range 1-65535\./],
    ['the instance port is 0', withListener({ externalPort: 80, internalPort: 0 }), `${CLB}.listeners.main.internalPort`, /^0 is outside the allowed range 1-65535\./],
    ['two listeners use port 80', withClb({ listeners: { a: { externalPort: 80 }, b: { externalPort: 80, externalProtocol: 'TCP' } } }), `${CLB}.listeners.b.externalPort`,
      /^port 80 is already used by listener 'a'\. Give each listener of a load balancer its own port\.$/],
    ['the protocol is in lower case', withListener({ externalPort: 80, externalProtocol: 'http' }), `${CLB}.listeners.main.externalProtocol`,
      /^'http' is not one of 'HTTP', 'HTTPS', 'TCP', 'SSL'\. Write it in capitals, as AWS does: 'HTTP'\.$/],
    ['the protocol is UDP', withListener({ externalPort: 53, externalProtocol: 'UDP' }), `${CLB}.listeners.main.externalProtocol`,
      /^'UDP' is not one of 'HTTP', 'HTTPS', 'TCP', 'SSL'\. A Classic Load Balancer protocol is 'HTTP', 'HTTPS', 'TCP' or 'SSL'\.$/],
    ['the instance protocol is in lower case', withListener({ externalPort: 80, internalProtocol: 'http' }), `${CLB}.listeners.main.internalProtocol`,
      /^'http' is not one of .* Write it in capitals, as AWS does: 'HTTP'\.$/],
    ['the protocol is left out on port 8080', withListener({ externalPort: 8080 }), `${CLB}.listeners.main.externalProtocol`,
      /^is not set, and port 8080 has no default protocol \(only 80 is HTTP and 443 HTTPS\)\. Set externalProtocol to 'HTTP', 'HTTPS', 'TCP' or 'SSL'\.$/],
    ['a TCP listener forwards HTTP', withListener({ externalPort: 9000, externalProtocol: 'TCP', internalProtocol: 'HTTP' }), `${CLB}.listeners.main.internalProtocol`,
      /^'HTTP' behind a 'TCP' listener: AWS requires the instance protocol to be of the same layer .* Use 'TCP' or 'SSL', or make the listener 'HTTP' or 'HTTPS'\.$/],
    ['an HTTPS listener forwards SSL', withListener({ externalPort: 443, certificateArn: CERT_ARN, internalProtocol: 'SSL' }), `${CLB}.listeners.main.internalProtocol`,
      /^'SSL' behind an 'HTTPS' listener: AWS requires .* Use 'HTTP' or 'HTTPS', or make the listener 'TCP' or 'SSL'\.$/],
    ['two listeners reach one instance port with and without TLS',
      withClb({ listeners: { a: { externalPort: 80 }, b: { externalPort: 443, certificateArn: CERT_ARN, internalProtocol: 'HTTPS' } } }), `${CLB}.listeners.b.internalProtocol`,
      /^instance port 8080 is reached with HTTP by listener 'a' but with HTTPS here; AWS requires listeners that share an instance port to agree on whether it is encrypted\. Use 'HTTP' or 'TCP' here too, or another instance port\.$/],
    ['the fleets serve on different ports and the instance port is left out',
      withClb({ fleets: ['api', 'web'], listeners: { http: { externalPort: 80 } } }, { fleets: { web: { port: 8080 }, api: { port: 3000 } } }), `${CLB}.listeners.http.internalPort`,
      /^is not set, and the load balancer's fleets serve on different ports \(api: 3000, web: 8080\)\. Set internalPort to the port the instances listen on\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('fails when a load balancer has more than 100 listeners', () => {
    const listeners = Object.fromEntries(Array.from({ length: 101 }, (_, i) => [`l${i}`, { externalPort: 9000 + i, externalProtocol: ClassicProtocol.TCP }]));
    expectOnlyIssue(withClb({ listeners }), `${CLB}.listeners`, /^101 listeners exceed AWS's quota of 100 per Classic Load Balancer\. Spread the listeners across load balancers\.$/);
  });

  test('accepts fleets on different ports when every listener names its instance port', () => {
    expectValid(withClb({ fleets: ['api', 'web'], listeners: { http: { externalPort: 80, internalPort: 8080 } } }, { fleets: { web: { port: 8080 }, api: { port: 3000 } } }));
  });

  test('accepts TCP and SSL pass-through and end-to-end TLS', () => {
    expectValid(withClb({
      listeners: {
        tcp: { externalPort: 9000, externalProtocol: 'TCP', internalPort: 9000 },
        ssl: { externalPort: 9443, externalProtocol: 'SSL', internalPort: 9443, internalProtocol: 'SSL', certificateArn: CERT_ARN, sslPolicy: 'ELBSecurityPolicy-TLS-1-1-2017-01' },
        https: { externalPort: 443, internalPort: 8443, internalProtocol: 'HTTPS', certificateArn: IAM_CERT_ARN },
      },
    }));
  });
});

describe('CLB certificates and TLS policies', () => {
  test.each<ErrorRow>([
    ['an HTTPS listener has no certificate', withListener({ externalPort: 443 }), `${CLB}.listeners.main.certificateArn`,
      /^an HTTPS listener needs a certificate\. Set certificateArn to an ACM certificate ARN \('arn:aws:acm:<region>:<account>:certificate\/<id>'\) or an IAM server certificate ARN\.$/],
    ['an SSL listener has no certificate', withListener({ externalPort: 8443, externalProtocol: 'SSL' }), `${CLB}.listeners.main.certificateArn`, /^an SSL listener needs a certificate\. Set certificateArn/],
    ['an HTTP listener has a certificate', withListener({ externalPort: 80, certificateArn: CERT_ARN }), `${CLB}.listeners.main.certificateArn`,
      /^a certificate is set on an HTTP listener, which does not use one\. Remove certificateArn, or make the listener 'HTTPS'\.$/],
    ['a TCP listener has a certificate', withListener({ externalPort: 9000, externalProtocol: 'TCP', certificateArn: CERT_ARN }), `${CLB}.listeners.main.certificateArn`,
      /^a certificate is set on a TCP listener, which does not use one\. Remove certificateArn, or make the listener 'SSL'\.$/],
    ['the certificate ARN is an S3 ARN', withListener({ externalPort: 443, certificateArn: 'arn:aws:s3:::certs' }), `${CLB}.listeners.main.certificateArn`,
      /^'arn:aws:s3:::certs' is not an ACM or IAM server certificate ARN\. Copy the ARN from ACM/],
    ['an HTTP listener has a TLS policy', withListener({ externalPort: 80, sslPolicy: 'ELBSecurityPolicy-TLS-1-2-2017-01' }), `${CLB}.listeners.main.sslPolicy`,
      /^a TLS policy is set on an HTTP listener\. Remove sslPolicy, or make the listener 'HTTPS' or 'SSL'\.$/],
    ['the TLS policy is an ALB policy', withListener({ externalPort: 443, certificateArn: CERT_ARN, sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' }), `${CLB}.listeners.main.sslPolicy`,
      /^'ELBSecurityPolicy-TLS13-1-2-2021-06' is not one of 'ELBSecurityPolicy-TLS-1-2-2017-01', 'ELBSecurityPolicy-TLS-1-1-2017-01', 'ELBSecurityPolicy-2016-08'\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));
});

describe('CLB health check', () => {
  test.each<ErrorRow>([
    ['the interval is below 5 s', withClb({ healthCheck: { intervalSeconds: 4 } }), `${CLB}.healthCheck.intervalSeconds`, /^4 is outside the allowed range 5-300\./],
    ['the timeout is above 60 s', withClb({ healthCheck: { intervalSeconds: 300, timeoutSeconds: 61 } }), `${CLB}.healthCheck.timeoutSeconds`, /^61 is outside the allowed range 2-60\./],
    ['the timeout equals the interval', withClb({ healthCheck: { intervalSeconds: 10, timeoutSeconds: 10 } }), `${CLB}.healthCheck.timeoutSeconds`,
      /^the timeout \(10 s\) is not below the interval \(10 s\)\. Make timeoutSeconds less than intervalSeconds\.$/],
    ['the timeout reaches the default interval', withClb({ healthCheck: { timeoutSeconds: 30 } }), `${CLB}.healthCheck.timeoutSeconds`,
      /^the timeout \(30 s\) is not below the default interval \(30 s\)\./],
    ['the interval is at the default timeout', withClb({ healthCheck: { intervalSeconds: 5 } }), `${CLB}.healthCheck.intervalSeconds`,
      /^the default timeout \(5 s\) is not below the interval \(5 s\)\. Make intervalSeconds more than 5, or set a shorter timeoutSeconds\.$/],
    ['the healthy threshold is 11', withClb({ healthCheck: { healthyThresholdCount: 11 } }), `${CLB}.healthCheck.healthyThresholdCount`, /^11 is outside the allowed range 2-10\./],
    ['the unhealthy threshold is 1', withClb({ healthCheck: { unhealthyThresholdCount: 1 } }), `${CLB}.healthCheck.unhealthyThresholdCount`, /^1 is outside the allowed range 2-10\./],
    ['the port is above 65535', withClb({ healthCheck: { port: 65536 } }), `${CLB}.healthCheck.port`, /^65536 is outside the allowed range 1-65535\./],
    ['the protocol is in lower case', withClb({ healthCheck: { protocol: 'tcp' } }), `${CLB}.healthCheck.protocol`, /Write it in capitals, as AWS does: 'TCP'\.$/],
    ['the path has no leading slash', withClb({ healthCheck: { path: 'health' } }), `${CLB}.healthCheck.path`,
      /^'health' is not a path\. Begin it with '\/' and use no spaces, at most 1024 characters, for example '\/health'\.$/],
    ['a TCP health check has a path', withClb({ healthCheck: { protocol: 'TCP', path: '/health' } }), `${CLB}.healthCheck.path`,
      /^a path is set, but a TCP health check only opens a connection\. Remove path, or use protocol 'HTTP' or 'HTTPS'\.$/],
    ['the health check of TCP listeners has a path', withClb({ listeners: { tcp: { externalPort: 9000, externalProtocol: 'TCP' } }, healthCheck: { path: '/health' } }),
      `${CLB}.healthCheck.path`, /^a path is set, but a TCP health check only opens a connection\./],
    ['a health check field is misspelt', withClb({ healthCheck: { intervalSecs: 10 } }), `${CLB}.healthCheck.intervalSecs`,
      /^unknown field 'intervalSecs'\. Did you mean 'intervalSeconds'\?/],
    ['the health check is a string', withClb({ healthCheck: 'HTTP:80/' }), `${CLB}.healthCheck`, /^must be an object, got 'HTTP:80\/'\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts the extreme values AWS allows', () => {
    expectValid(withClb({ healthCheck: { intervalSeconds: 300, timeoutSeconds: 60, healthyThresholdCount: 2, unhealthyThresholdCount: 10 } }));
    expectValid(withClb({ healthCheck: { intervalSeconds: 5, timeoutSeconds: 2, healthyThresholdCount: 10, unhealthyThresholdCount: 2 } }));
  });
});

describe('CLB connection draining and stickiness', () => {
  test.each<ErrorRow>([
    ['draining lasts 0 s', withClb({ connectionDrainingSeconds: 0 }), `${CLB}.connectionDrainingSeconds`, /^0 is outside the allowed range 1-3600\./],
    ['draining lasts over an hour', withClb({ connectionDrainingSeconds: 3601 }), `${CLB}.connectionDrainingSeconds`, /^3601 is outside the allowed range 1-3600\./],
    ['a draining time is set with draining off', withClb({ connectionDrainingEnabled: false, connectionDrainingSeconds: 60 }), `${CLB}.connectionDrainingSeconds`,
      /^is set, but connection draining is turned off \(`connectionDrainingEnabled: false`\)\. Remove connectionDrainingSeconds, or turn connection draining on\.$/],
    ['the stickiness is source_ip', withClb({ stickinessType: 'source_ip' }), `${CLB}.stickinessType`,
      /^source_ip stickiness is for Network Load Balancer target groups\. Use 'lb_cookie' or 'app_cookie' on a Classic Load Balancer\.$/],
    ['the stickiness type is unknown', withClb({ stickinessType: 'cookie' }), `${CLB}.stickinessType`, /^'cookie' is not one of 'lb_cookie', 'app_cookie'\.$/],
    ['a cookie duration is set without lb_cookie', withClb({ stickinessCookieDurationSeconds: 60 }), `${CLB}.stickinessCookieDurationSeconds`,
      /^is only used with lb_cookie stickiness, but stickinessType is nothing\. Set `stickinessType: 'lb_cookie'`, or remove stickinessCookieDurationSeconds\.$/],
    ['the cookie duration is 0', withClb({ stickinessType: 'lb_cookie', stickinessCookieDurationSeconds: 0 }), `${CLB}.stickinessCookieDurationSeconds`,
      /^0 is outside the allowed range 1-2147483647\./],
    ['app_cookie stickiness has no cookie name', withClb({ stickinessType: 'app_cookie' }), `${CLB}.stickinessCookieName`,
      /^app_cookie stickiness needs the name of your application's cookie\. Set stickinessCookieName, for example 'SESSIONID'\.$/],
    ['the cookie name has a space', withClb({ stickinessType: 'app_cookie', stickinessCookieName: 'my session' }), `${CLB}.stickinessCookieName`, /^'my session' is not a cookie name\./],
    ['the cookie name is the load balancer\'s own', withClb({ stickinessType: 'app_cookie', stickinessCookieName: 'AWSELB' }), `${CLB}.stickinessCookieName`,
      /^'AWSELB' begins with 'AWSELB', which the load balancer reserves for its own cookie\./],
    ['a cookie name is set with lb_cookie', withClb({ stickinessType: 'lb_cookie', stickinessCookieName: 'SESSIONID' }), `${CLB}.stickinessCookieName`,
      /^is only used with app_cookie stickiness, but stickinessType is 'lb_cookie'\. Set `stickinessType: 'app_cookie'`, or remove stickinessCookieName\.$/],
    ['a CLB with only TCP listeners is sticky', withClb({ listeners: { tcp: { externalPort: 9000, externalProtocol: 'TCP' } }, stickinessType: 'lb_cookie' }), `${CLB}.stickinessType`,
      /^stickiness needs an HTTP or HTTPS listener, but the load balancer has only TCP and SSL listeners\. Remove stickinessType, or add an 'HTTP' or 'HTTPS' listener\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts lb_cookie stickiness for the browser session and app_cookie stickiness', () => {
    expectValid(withClb({ stickinessType: 'lb_cookie' }));
    expectValid(withClb({ stickinessType: 'app_cookie', stickinessCookieName: 'JSESSIONID' }));
  });

  test('reports every problem of a Classic Load Balancer at once', () => {
    const spec = withClb({ fleets: ['wbe'], listeners: { https: { externalPort: 443 } }, connectionDrainingSeconds: 0 });
    expectIssue(spec, `${CLB}.fleets[0]`, /^unknown fleet 'wbe'\. Did you mean 'web'\?/);
    expectIssue(spec, `${CLB}.listeners.https.certificateArn`, /^an HTTPS listener needs a certificate\./);
    expectIssue(spec, `${CLB}.connectionDrainingSeconds`, /^0 is outside the allowed range 1-3600\./);
  });
});

describe('CLB against an existing VPC', () => {
  /** A VPC imported with private subnets and, unless told otherwise, public subnets and a CIDR block. */
  function importedVpc(options: { public?: boolean; cidr?: boolean }): ec2.IVpc {
    return ec2.Vpc.fromVpcAttributes(new Stack(new App(), 'Existing'), 'Vpc', {
      vpcId: 'vpc-0123456789abcdef0',
      availabilityZones: ['us-east-1a', 'us-east-1b'],
      vpcCidrBlock: options.cidr === false ? undefined : '10.0.0.0/16',
      publicSubnetIds: options.public === false ? undefined : ['subnet-0a', 'subnet-0b'],
      privateSubnetIds: ['subnet-1a', 'subnet-1b'],
    });
  }
  /** The CLB spec alone (no ALB), in an existing VPC. */
  const clbOnly = (overrides: Partial<ClassicLoadBalancerSpec>): TopologySpec => ({
    fleets: { web: { port: 8080 } },
    classicLoadBalancers: { legacy: { ...BASE, ...overrides } },
  });

  test('fails when an internet-facing CLB needs public subnets the VPC lacks', () => {
    expectOnlyIssue(clbOnly({}), `${CLB}.subnetTier`,
      /^Classic Load Balancer 'legacy' is placed in the public tier, but the existing VPC has no Public subnets\. Choose a tier the VPC has in `subnetTier`/,
      { vpc: importedVpc({ public: false }) });
  });

  test('fails when an internal CLB would admit the CIDR block of a VPC imported without one', () => {
    expectOnlyIssue(clbOnly({ internetFacing: false }), `${CLB}.ingressCidrs`,
      /^an internal load balancer admits the VPC's CIDR block by default, but the existing VPC was imported without one\. Set ingressCidrs/,
      { vpc: importedVpc({ cidr: false }) });
  });

  test('accepts an internal CLB with its own ranges in a VPC without public subnets', () => {
    expectValid(clbOnly({ internetFacing: false, ingressCidrs: ['10.0.0.0/16'] }), { vpc: importedVpc({ public: false, cidr: false }) });
  });
});
