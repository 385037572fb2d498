import { HostedZoneSpec } from '../lib';

/** The documentation hosted zone the examples use; replace it with your own to deploy. */
export const EXAMPLE_ZONE: HostedZoneSpec = { hostedZoneId: 'Z0123456789ABCDEFGHIJ', zoneName: 'example.com' };

/** A private hosted zone for the examples' internal names; replace it with your own to deploy. */
export const EXAMPLE_PRIVATE_ZONE: HostedZoneSpec = { hostedZoneId: 'Z0987654321ZYXWVUTSRQ', zoneName: 'internal.example.com' };
