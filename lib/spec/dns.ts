/**
 * A Route 53 hosted zone that already exists, given by its ID and name.
 *
 * The topology does not create or look up zones: it imports them by these attributes,
 * so synthesis needs no AWS account. Certificates are DNS-validated in the zone, and
 * alias records for load balancers are created in it.
 *
 * @example
 * const zone: HostedZoneSpec = { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'example.com' };
 */
export interface HostedZoneSpec {
  /**
   * The ID of the hosted zone, as Route 53 shows it (`Z` followed by letters and digits).
   */
  readonly hostedZoneId: string;

  /**
   * The domain name of the hosted zone, for example `example.com`.
   */
  readonly zoneName: string;
}
