/**
 * Client addresses for the tracking listener: parsing (IPv4, IPv6, IPv4-mapped IPv6), CIDR ranges
 * for the scanner list, and the truncation applied before an address is stored (a /24 or a /48
 * says which network a request came from without pointing at one workstation).
 */

export interface ParsedAddress {
  family: 4 | 6;
  value: bigint;
}

export interface AddressRange {
  family: 4 | 6;
  /** The network part, already masked. */
  base: bigint;
  bits: number;
}

function parseIPv4(s: string): bigint | null {
  const parts = s.split('.');
  if (parts.length !== 4) return null;
  let v = 0n;
  for (const p of parts) {
    if (!/^\d{1,3}$/.test(p)) return null;
    const n = Number(p);
    if (n > 255) return null;
    v = (v << 8n) | BigInt(n);
  }
  return v;
}

function parseIPv6(input: string): bigint | null {
  let s = input;
  const zone = s.indexOf('%'); // fe80::1%eth0: the zone names an interface, not part of the address
  if (zone >= 0) s = s.slice(0, zone);
  // An embedded IPv4 tail (::ffff:192.0.2.1) becomes two groups.
  const lastColon = s.lastIndexOf(':');
  const tail = s.slice(lastColon + 1);
  if (tail.includes('.')) {
    const v4 = parseIPv4(tail);
    if (v4 === null) return null;
    s = `${s.slice(0, lastColon + 1)}${(v4 >> 16n).toString(16)}:${(v4 & 0xffffn).toString(16)}`;
  }
  const halves = s.split('::');
  if (halves.length > 2) return null;
  const head = halves[0] ? halves[0].split(':') : [];
  const rest = halves.length === 2 && halves[1] ? halves[1].split(':') : [];
  const missing = 8 - head.length - rest.length;
  if (halves.length === 1 ? missing !== 0 : missing < 1) return null;
  const groups = [...head, ...Array<string>(halves.length === 2 ? missing : 0).fill('0'), ...rest];
  let v = 0n;
  for (const g of groups) {
    if (!/^[0-9a-fA-F]{1,4}$/.test(g)) return null;
    v = (v << 16n) | BigInt(Number.parseInt(g, 16));
  }
  return v;
}

/** Parses an address; IPv4-mapped IPv6 (as Node reports IPv4 clients on a dual-stack socket) becomes IPv4. */
export function parseAddress(raw: string | null | undefined): ParsedAddress | null {
  if (!raw) return null;
  const s = raw.trim();
  if (s.includes(':')) {
    const v = parseIPv6(s);
    if (v === null) return null;
    if (v >> 32n === 0xffffn) return { family: 4, value: v & 0xffffffffn };
    return { family: 6, value: v };
  }
  const v4 = parseIPv4(s);
  return v4 === null ? null : { family: 4, value: v4 };
}

const width = (family: 4 | 6): number => (family === 4 ? 32 : 128);
const mask = (family: 4 | 6, bits: number): bigint => {
  const w = BigInt(width(family));
  return ((1n << w) - 1n) ^ ((1n << (w - BigInt(bits))) - 1n);
};

/** "203.0.113.0/24", "2001:db8::/32" or a single address; null when malformed. */
export function parseRange(raw: string): AddressRange | null {
  const [addr, bitsText, extra] = raw.trim().split('/');
  if (extra !== undefined || !addr) return null;
  const a = parseAddress(addr);
  if (!a) return null;
  // A mapped address written with an IPv6 prefix length keeps its meaning on the IPv4 side.
  const mappedV6 = addr.includes(':') && a.family === 4;
  let bits = width(a.family);
  if (bitsText !== undefined) {
    if (!/^\d{1,3}$/.test(bitsText)) return null;
    bits = Number(bitsText) - (mappedV6 ? 96 : 0);
    if (bits < 0 || bits > width(a.family)) return null;
  }
  return { family: a.family, base: a.value & mask(a.family, bits), bits };
}

/** Parses a comma-separated list; throws naming the first malformed entry (a configuration error). */
export function parseRanges(list: string, setting: string): AddressRange[] {
  const out: AddressRange[] = [];
  for (const item of list.split(',')) {
    if (item.trim() === '') continue;
    const r = parseRange(item);
    if (!r) throw new Error(`${setting}: "${item.trim()}" is not an address or CIDR range`);
    out.push(r);
  }
  return out;
}

export function inRanges(a: ParsedAddress | null, ranges: readonly AddressRange[]): boolean {
  if (!a) return false;
  return ranges.some((r) => r.family === a.family && (a.value & mask(r.family, r.bits)) === r.base);
}

/** The address as stored with an event: IPv4 to its /24, IPv6 to its /48; null when unparseable. */
export function truncateAddress(a: ParsedAddress | null): string | null {
  if (!a) return null;
  if (a.family === 4) {
    const v = a.value & 0xffffff00n;
    return [24n, 16n, 8n, 0n].map((s) => String((v >> s) & 0xffn)).join('.');
  }
  const groups = [112n, 96n, 80n].map((s) => ((a.value >> s) & 0xffffn).toString(16));
  return `${groups.join(':')}::`;
}
