/**
 * Hosted zones imported by attributes: an ID and a zone name.
 */
import { HostedZoneSpec } from '../../lib';
import { ZONE, minimalSpec } from '../helpers';
import { ErrorRow, Loose, expectOnlyIssue, expectValid } from './util';

/** The minimal spec with hosted zone `main` changed. */
function withZone(overrides: Partial<HostedZoneSpec> | Loose) {
  return minimalSpec({ hostedZones: { main: { ...ZONE, ...overrides } } });
}

describe('hosted zones', () => {
  test.each<ErrorRow>([
    ['the zone ID is missing', withZone({ hostedZoneId: undefined }), 'hostedZones.main.hostedZoneId',
      /^is missing\. Copy the ID from Route 53: 'Z' followed by upper-case letters and digits, for example 'Z0123456789ABCDEFGHIJ'\.$/],
    ['the zone ID is not a Route 53 ID', withZone({ hostedZoneId: 'example.com' }), 'hostedZones.main.hostedZoneId', /^'example\.com' is not a Route 53 hosted zone ID\. Copy the ID from Route 53/],
    ['the zone ID keeps the /hostedzone/ prefix', withZone({ hostedZoneId: '/hostedzone/Z0123456789ABCDEFGHIJ' }), 'hostedZones.main.hostedZoneId',
      /^'\/hostedzone\/Z0123456789ABCDEFGHIJ' is not a Route 53 hosted zone ID\./],
    ['the zone name is missing', withZone({ zoneName: undefined }), 'hostedZones.main.zoneName', /^is missing\. Give the zone's domain name, for example 'example\.com'\.$/],
    ['the zone name is not a domain name', withZone({ zoneName: 'example com' }), 'hostedZones.main.zoneName', /^'example com' is not a domain name\./],
    ['the zone name is a wildcard', withZone({ zoneName: '*.example.com' }), 'hostedZones.main.zoneName', /^'\*\.example\.com' is not a domain name\./],
    ['the zone name is a number from JSON', withZone({ zoneName: 42 }), 'hostedZones.main.zoneName', /^42 is not a domain name\./],
    ['a zone is a string', minimalSpec({ hostedZones: { main: 'Z0123456789ABCDEFGHIJ' as Loose } }), 'hostedZones.main', /^must be an object, got 'Z0123456789ABCDEFGHIJ'\.$/],
  ])('fails when %s', (_, spec, path, expected) => {
    // The ALB's domain cannot be checked against a broken zone; only the zone is reported.
    expectOnlyIssue(spec, path, expected);
  });

  test('accepts a zone name with a final dot', () => {
    expectValid(withZone({ zoneName: 'example.com.' }));
  });
});
