/**
 * IPv4 and IPv6 CIDR blocks as AWS WAF IP sets take them: parsing, and the network
 * address of a block whose host bits are set.
 */
import { ipv4Number, ipv4Octets } from '../../private/ipv4';

/** A parsed CIDR block: its address as a number, the address's width and the prefix. */
export interface ParsedCidr {
  readonly version: 4 | 6;
  readonly address: bigint;
  readonly prefix: number;
}

const HEX_GROUP = /^[0-9a-fA-F]{1,4}$/;

function parseIpv4Address(text: string): bigint | undefined {
  const octets = ipv4Octets(text);
  return octets === undefined ? undefined : BigInt(ipv4Number(octets));
}

function parseIpv6Address(text: string): bigint | undefined {
  const halves = text.split('::');
  if (halves.length > 2) return undefined;
  const groups = (half: string) => (half === '' ? [] : half.split(':'));
  const head = groups(halves[0]);
  const tail = halves.length === 2 ? groups(halves[1]) : [];
  const missing = 8 - head.length - tail.length;
  if (halves.length === 2 ? missing < 1 : missing !== 0) return undefined;
  const all = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...tail];
  if (!all.every((g) => HEX_GROUP.test(g))) return undefined;
  return all.reduce((a, g) => a * 65536n + BigInt(parseInt(g, 16)), 0n);
}

/** Parses an IPv4 or IPv6 CIDR block; undefined if it is neither. */
export function parseCidr(value: string): ParsedCidr | undefined {
  const m = /^([^/]+)\/(\d{1,3})$/.exec(value);
  if (!m) return undefined;
  const prefix = Number(m[2]);
  const v6 = m[1].includes(':');
  const address = v6 ? parseIpv6Address(m[1]) : parseIpv4Address(m[1]);
  if (address === undefined || prefix > (v6 ? 128 : 32)) return undefined;
  return { version: v6 ? 6 : 4, address, prefix };
}

/** Whether bits are set after the prefix (the block is not written as its network address). */
export function hasHostBits(cidr: ParsedCidr): boolean {
  return cidr.address % 2n ** BigInt((cidr.version === 6 ? 128 : 32) - cidr.prefix) !== 0n;
}

/** The block written as its network address, for example '10.0.0.0/24' for '10.0.0.7/24'. */
export function networkCidr(cidr: ParsedCidr): string {
  const block = 2n ** BigInt((cidr.version === 6 ? 128 : 32) - cidr.prefix);
  const network = cidr.address - (cidr.address % block);
  /** The address's digits in a base (256 for IPv4 octets, 65536 for IPv6 groups), most significant first. */
  const digits = (base: bigint, count: number) => Array.from({ length: count }, (_, i) => Number((network / base ** BigInt(count - 1 - i)) % base));
  if (cidr.version === 4) return `${digits(256n, 4).join('.')}/${cidr.prefix}`;
  return `${compressIpv6(digits(65536n, 8).map((g) => g.toString(16)))}/${cidr.prefix}`;
}

/** Writes IPv6 groups with the longest run of two or more zero groups as '::'. */
function compressIpv6(groups: string[]): string {
  let best = { start: -1, length: 0 };
  for (let i = 0; i < groups.length;) {
    if (groups[i] !== '0') {
      i++;
      continue;
    }
    let j = i;
    while (j < groups.length && groups[j] === '0') j++;
    if (j - i > best.length) best = { start: i, length: j - i };
    i = j;
  }
  if (best.length < 2) return groups.join(':');
  return `${groups.slice(0, best.start).join(':')}::${groups.slice(best.start + best.length).join(':')}`;
}
