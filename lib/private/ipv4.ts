/** Dotted-quad IPv4 addresses as the checks read them, in one place. */

const DOTTED_QUAD = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** The four numbers of a dotted-quad IPv4 address, each from 0 to 255; undefined for anything else. */
export function ipv4Octets(value: string): number[] | undefined {
  const m = DOTTED_QUAD.exec(value);
  if (!m) return undefined;
  const octets = m.slice(1, 5).map(Number);
  return octets.some((o) => o > 255) ? undefined : octets;
}

/** An address's octets as one 32-bit number. */
export function ipv4Number(octets: number[]): number {
  return octets.reduce((a, o) => a * 256 + o, 0);
}

/** Whether an address (as a 32-bit number) is in the block of a network address and prefix length. */
export function inIpv4Block(address: number, network: number, prefix: number): boolean {
  const size = 2 ** (32 - prefix);
  return Math.floor(address / size) === Math.floor(network / size);
}
