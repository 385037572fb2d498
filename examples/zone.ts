import { HostedZoneSpec } from '../lib';

/** The documentation hosted zone the examples use; replace it with your own to deploy. */
export const EXAMPLE_ZONE: HostedZoneSpec = { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'example.com' };
