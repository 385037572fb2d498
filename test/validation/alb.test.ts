/**
 * Application Load Balancers: placement, listeners, certificate, domain and hosted zone.
 */
import { App, Stack } from 'aws-cdk-lib';
import * as ec2 from 'aws-cdk-lib/aws-ec2';
import * as route53 from 'aws-cdk-lib/aws-route53';
import { CERT_ARN, minimalSpec } from '../helpers';
import { ErrorRow, Loose, expectIssue, expectOnlyIssue, expectValid, withAlb } from './util';

const ALB = 'applicationLoadBalancers.public';
const forwardToWeb = { forward: { targetGroup: 'web' } };

describe('ALB placement and ingress', () => {
  test.each<ErrorRow>([
    ['the VPC has one Availability Zone (network.maxAzs: 1)', minimalSpec({ network: { maxAzs: 1, natGateways: 1 } }), ALB,
      /^an Application Load Balancer needs subnets in at least two Availability Zones, but the VPC has 1\. Set `network\.maxAzs` to 2 or more\.$/],
    ['the VPC has one pinned Availability Zone', minimalSpec({ network: { availabilityZones: ['us-east-1a'], natGateways: 1 } }), ALB,
      /^an Application Load Balancer needs subnets in at least two Availability Zones, but the VPC has 1\. List two or more zones in `network\.availabilityZones`\.$/],
    ['an internet-facing ALB is in the app tier', withAlb({ subnetTier: 'app' }), `${ALB}.subnetTier`,
      /^an internet-facing load balancer must be in the public tier, not 'app'\. Remove subnetTier, or set `internetFacing: false`/],
    ['an ingress CIDR has a prefix above 32', withAlb({ ingressCidrs: ['203.0.113.0/33'] }), `${ALB}.ingressCidrs[0]`,
      /^'203\.0\.113\.0\/33' is not an IPv4 CIDR block\. Write it as address\/prefix, for example '203\.0\.113\.0\/24'\.$/],
    ['an ingress CIDR is an address without prefix', withAlb({ ingressCidrs: ['0.0.0.0/0', '198.51.100.7'] }), `${ALB}.ingressCidrs[1]`, /^'198\.51\.100\.7' is not an IPv4 CIDR block\./],
    ['an ingress CIDR has an octet above 255', withAlb({ ingressCidrs: ['10.0.300.0/24'] }), `${ALB}.ingressCidrs[0]`, /^'10\.0\.300\.0\/24' is not an IPv4 CIDR block\./],
    ['ingressCidrs is a string', withAlb({ ingressCidrs: '0.0.0.0/0' }), `${ALB}.ingressCidrs`, /^must be a list of CIDR blocks, got '0\.0\.0\.0\/0'\.$/],
    ['internetFacing is a string from JSON', withAlb({ internetFacing: 'true' }), `${ALB}.internetFacing`, /^must be true or false, got 'true'\.$/],
    ['the idle timeout is above 4000 s', withAlb({ idleTimeoutSeconds: 4001 }), `${ALB}.idleTimeoutSeconds`, /^4001 is outside the allowed range 1-4000\./],
    ['the desync mitigation mode is unknown', withAlb({ desyncMitigationMode: 'paranoid' }), `${ALB}.desyncMitigationMode`, /^'paranoid' is not one of 'monitor', 'defensive', 'strictest'\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('fails when an existing VPC has one Availability Zone', () => {
    const vpc = ec2.Vpc.fromVpcAttributes(new Stack(new App(), 'Existing'), 'Vpc', { vpcId: 'vpc-1', availabilityZones: ['us-east-1a'], publicSubnetIds: ['subnet-1'], privateSubnetIds: ['subnet-2'] });
    expectOnlyIssue(minimalSpec({ network: undefined }), ALB,
      /^an Application Load Balancer needs subnets in at least two Availability Zones, but the VPC has 1\. Pass a VPC with subnets in two or more Availability Zones\.$/, { vpc });
  });

  test.each<ErrorRow>([
    ['allowFrom names an unknown fleet', withAlb({ internetFacing: false, allowFrom: ['wbe'] }), `${ALB}.allowFrom[0]`, /^unknown fleet 'wbe'\. Did you mean 'web'\? Known fleets: web\.$/],
    ['allowFrom names a fleet twice', withAlb({ internetFacing: false, allowFrom: ['web', 'web'] }), `${ALB}.allowFrom[1]`, /^fleet 'web' is listed twice\. List each fleet once\.$/],
    ['allowFrom is a string', withAlb({ internetFacing: false, allowFrom: 'web' }), `${ALB}.allowFrom`, /^must be a list of fleet names, got 'web'\. Write for example \['web'\]\.$/],
    ['allowFrom names a fleet when none are declared', { ...withAlb({ allowFrom: ['web'] }), fleets: undefined, targetGroups: {}, applicationLoadBalancers: { public: { ...withAlb({}).applicationLoadBalancers!.public, allowFrom: ['web'], listeners: { https: {} } } } },
      `${ALB}.allowFrom[0]`, /^unknown fleet 'web'\. No fleets are declared; add one under `fleets`\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('accepts allowFrom on an internal ALB, and on an internet-facing one (where it adds nothing to 0.0.0.0/0)', () => {
    expectValid(withAlb({ internetFacing: false, allowFrom: ['web'] }));
    expectValid(withAlb({ allowFrom: ['web'] }));
  });

  test('accepts an internal ALB in the data tier, admitting one range', () => {
    expectValid(withAlb({ internetFacing: false, subnetTier: 'data', ingressCidrs: ['10.0.0.0/16'] }));
  });
});

describe('ALB listeners', () => {
  test.each<ErrorRow>([
    ['two listeners use port 443', withAlb({ listeners: { https: { defaultAction: forwardToWeb }, other: { port: 443, defaultAction: forwardToWeb } } }),
      `${ALB}.listeners.other.port`, /^port 443 is already used by listener 'https'\. Give each listener of a load balancer its own port\.$/],
    ['an HTTP listener takes the HTTPS default port', withAlb({ listeners: { https: { defaultAction: forwardToWeb }, plain: { protocol: 'HTTP', port: 443 } } }),
      `${ALB}.listeners.plain.port`, /^port 443 is already used by listener 'https'\./],
    ['the protocol is in lower case', withAlb({ listeners: { https: { protocol: 'https', defaultAction: forwardToWeb } } }), `${ALB}.listeners.https.protocol`,
      /^'https' is not one of 'HTTP', 'HTTPS'\. An Application Load Balancer listener is 'HTTP' or 'HTTPS'\.$/],
    ['the port is a string from JSON', withAlb({ listeners: { https: { port: '443', defaultAction: forwardToWeb } } }), `${ALB}.listeners.https.port`,
      /^must be a whole number from 1 to 65535, got '443'\.$/],
    ['a TLS policy is set on an HTTP listener', withAlb({ listeners: { https: { defaultAction: forwardToWeb }, http: { protocol: 'HTTP', sslPolicy: 'ELBSecurityPolicy-TLS13-1-2-2021-06' } } }),
      `${ALB}.listeners.http.sslPolicy`, /^a TLS policy is set on an HTTP listener\. Remove sslPolicy, or make the listener HTTPS\.$/],
    ['the TLS policy is unknown', withAlb({ listeners: { https: { sslPolicy: 'TLS-1.3', defaultAction: forwardToWeb } } }), `${ALB}.listeners.https.sslPolicy`, /^'TLS-1\.3' is not one of /],
    ['listeners is an empty map', withAlb({ listeners: {} }), `${ALB}.listeners`,
      /^must be a map with at least one listener, got \{\}\. Leave out `listeners` for the default HTTPS listener on 443\.$/],
    ['a listener is named like the automatic HTTP redirect listener', withAlb({ listeners: { 'http-redirect': { port: 8443, defaultAction: forwardToWeb } } }),
      `${ALB}.listeners.http-redirect`, /^the name 'http-redirect' is reserved for the HTTP listener on port 80 that redirects to HTTPS\. Give the listener another name/],
    ['a default action has two actions', withAlb({ listeners: { https: { defaultAction: { ...forwardToWeb, fixedResponse: { statusCode: 404 } } } } }), `${ALB}.listeners.https.defaultAction`,
      /^has 2 actions \(forward, fixedResponse\), but exactly one is allowed\. Set exactly one of `forward`, `weightedForward`, `redirect` or `fixedResponse`\.$/],
    ['a default action has none', withAlb({ listeners: { https: { defaultAction: {} } } }), `${ALB}.listeners.https.defaultAction`, /^has no action\. Set exactly one of /],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('fails when an ALB has more than 50 listeners', () => {
    const listeners = Object.fromEntries(Array.from({ length: 51 }, (_, i) => [`l${i}`, { port: 8000 + i, defaultAction: forwardToWeb }]));
    expectOnlyIssue(withAlb({ listeners }), `${ALB}.listeners`, /^51 listeners exceed AWS's quota of 50 per Application Load Balancer\./);
  });

  test('accepts the name http-redirect when no redirect listener is added', () => {
    expectValid(withAlb({ httpToHttpsRedirectEnabled: false, listeners: { 'http-redirect': { defaultAction: forwardToWeb } } }));
  });

  test('accepts an HTTP-only ALB without a certificate', () => {
    expectValid(withAlb({ domainName: undefined, hostedZone: undefined, listeners: { http: { protocol: 'HTTP', defaultAction: forwardToWeb } } }));
  });
});

describe('ALB certificate, domain and hosted zone', () => {
  test.each<ErrorRow>([
    ['an HTTPS listener has neither certificate nor domain', withAlb({ domainName: undefined, hostedZone: undefined }), `${ALB}.domainName`,
      /^the load balancer has an HTTPS listener but no certificate\. Set `domainName` and `hostedZone` for a DNS-validated certificate, or `certificateArn` to import one\.$/],
    ['a domain has no hosted zone and no certificate ARN', withAlb({ hostedZone: undefined }), `${ALB}.hostedZone`,
      /^is not set, so no certificate can be validated for 'www\.example\.com' and the HTTPS listener has none\. Set `hostedZone` to the zone that holds the domain, or `certificateArn`/],
    ['the hosted zone is unknown', withAlb({ hostedZone: 'mian' }), `${ALB}.hostedZone`, /^unknown hosted zone 'mian'\. Did you mean 'main'\? Known hosted zones: main\.$/],
    ['no hosted zones are declared', minimalSpec({ hostedZones: undefined }), `${ALB}.hostedZone`,
      /^unknown hosted zone 'main'\. No hosted zones are declared; add one under `hostedZones`\.$/],
    ['the domain is outside its hosted zone', withAlb({ domainName: 'www.example.org' }), `${ALB}.domainName`,
      /^'www\.example\.org' is not in the hosted zone 'example\.com'\. Use a name that is 'example\.com' or ends in '\.example\.com', or choose the hosted zone that holds it\.$/],
    ['the domain only ends like its zone', withAlb({ domainName: 'notexample.com' }), `${ALB}.domainName`, /^'notexample\.com' is not in the hosted zone 'example\.com'\./],
    ['a subject alternative name is outside the hosted zone', withAlb({ subjectAlternativeNames: ['example.com', 'api.example.net'] }), `${ALB}.subjectAlternativeNames[1]`,
      /^'api\.example\.net' is not in the hosted zone 'example\.com'\./],
    ['subjectAlternativeNames is a string', withAlb({ subjectAlternativeNames: 'example.com' }), `${ALB}.subjectAlternativeNames`,
      /^must be a list of domain names, got 'example\.com'\. Write for example \['example\.com'\]\.$/],
    ['a subject alternative name is not a domain name', withAlb({ subjectAlternativeNames: ['api example.com'] }), `${ALB}.subjectAlternativeNames[0]`,
      /^'api example\.com' is not a domain name\. Write a fully qualified name/],
    ['the domain is too long for the requested certificate', withAlb({ domainName: `${'a'.repeat(53)}.example.com` }), `${ALB}.domainName`,
      /^'a{53}\.example\.com' has 65 characters, but the domain name of an ACM certificate has at most 64\. Use a shorter name as domainName/],
    ['the domain is not a domain name', withAlb({ domainName: 'www' }), `${ALB}.domainName`, /^'www' is not a domain name\. Write a fully qualified name, for example 'www\.example\.com'\.$/],
    ['a hosted zone is set without a domain', withAlb({ domainName: undefined, certificateArn: CERT_ARN }), `${ALB}.hostedZone`,
      /^is set, but `domainName` is not\. Set domainName to the name clients use, inside the hosted zone\.$/],
    ['the certificate ARN is not an ACM ARN', withAlb({ certificateArn: 'arn:aws:iam::123456789012:server-certificate/x' }), `${ALB}.certificateArn`,
      /^'arn:aws:iam::123456789012:server-certificate\/x' is not an ACM certificate ARN\. Copy the ARN from ACM/],
    ['an additional certificate ARN is not an ACM ARN', withAlb({ additionalCertificateArns: [CERT_ARN, 'x'] }), `${ALB}.additionalCertificateArns[1]`, /^'x' is not an ACM certificate ARN\.$/],
  ])('fails when %s', (_, spec, path, expected) => expectOnlyIssue(spec, path, expected));

  test('fails when there are more than 25 additional certificates', () => {
    expectOnlyIssue(withAlb({ additionalCertificateArns: Array.from({ length: 26 }, () => CERT_ARN) }), `${ALB}.additionalCertificateArns`,
      /^26 certificates exceed AWS's quota of 25 per Application Load Balancer\.$/);
  });

  test('fails when an existing hosted zone imported by ID has to hold the alias record', () => {
    const zone = route53.HostedZone.fromHostedZoneId(new Stack(new App(), 'Existing'), 'Zone', 'Z0123456789ABCDEFGHIJ');
    expectOnlyIssue(minimalSpec({ hostedZones: undefined }), `${ALB}.hostedZone`,
      /^the existing hosted zone 'main' has no zone name \(it was imported by ID only\), which the alias record for the domain needs\. Import the zone with `HostedZone\.fromHostedZoneAttributes\(\)`/,
      { hostedZones: { main: zone } });
  });

  test('fails when a domain is outside an existing hosted zone', () => {
    const zone = route53.HostedZone.fromHostedZoneAttributes(new Stack(new App(), 'Existing'), 'Zone', { hostedZoneId: 'Z1', zoneName: 'example.net' });
    expectOnlyIssue(minimalSpec({ hostedZones: undefined }), `${ALB}.domainName`, /^'www\.example\.com' is not in the hosted zone 'example\.net'\./, { hostedZones: { main: zone } });
  });

  test('reports a domain missing with its hosted zone, besides the missing certificate', () => {
    const spec = withAlb({ domainName: undefined });
    expectIssue(spec, `${ALB}.hostedZone`, /^is set, but `domainName` is not\./);
    expectIssue(spec, `${ALB}.domainName`, /^the load balancer has an HTTPS listener but no certificate\./);
  });

  test.each<{ what: string; alb: Loose; hostedZones?: Loose }>([
    { what: 'a wildcard domain and the zone apex as alternative name', alb: { domainName: '*.example.com', subjectAlternativeNames: ['example.com'] } },
    { what: 'a domain in upper case', alb: { domainName: 'WWW.Example.com' } },
    { what: 'an imported certificate without a domain', alb: { domainName: undefined, hostedZone: undefined, certificateArn: CERT_ARN } },
    { what: 'an imported certificate and a domain without a hosted zone', alb: { hostedZone: undefined, certificateArn: CERT_ARN } },
    { what: 'an internationalized top-level domain', alb: { domainName: 'www.example.xn--p1ai' }, hostedZones: { main: { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'example.xn--p1ai' } } },
    { what: 'a zone name with a final dot and capitals', alb: {}, hostedZones: { main: { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'Example.COM.' } } },
  ])('accepts $what', ({ alb, hostedZones }) => {
    expectValid({ ...withAlb(alb), ...(hostedZones ? { hostedZones } : {}) });
  });

  test('accepts an existing hosted zone imported by ID when no alias record is made', () => {
    const zone = route53.HostedZone.fromHostedZoneId(new Stack(new App(), 'Existing'), 'Zone', 'Z0123456789ABCDEFGHIJ');
    expectValid({ ...withAlb({ aliasRecordEnabled: false }), hostedZones: undefined }, { hostedZones: { main: zone } });
  });
});
