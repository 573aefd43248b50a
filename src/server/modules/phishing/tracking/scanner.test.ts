import { describe, expect, it } from 'vitest';
import { inRanges, parseAddress, parseRange, parseRanges, truncateAddress } from './addresses.js';
import { scannerReason, scannerRules, type TrackedRequest } from './scanner.js';

const BROWSER = 'Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0';
const rules = scannerRules({
  PHISHING_SCANNER_USER_AGENTS: ' Gateway-Maison , ',
  PHISHING_SCANNER_ADDRESSES: '203.0.113.0/24, 2001:db8:aa::/48, 192.0.2.7',
  PHISHING_SCANNER_MIN_SECONDS: 10,
});
const sentAt = '2026-12-01T09:00:00.000Z';
const person = (over: Partial<TrackedRequest> = {}): TrackedRequest => ({
  kind: 'click',
  method: 'GET',
  userAgent: BROWSER,
  address: parseAddress('198.51.100.20'),
  sentAt,
  at: new Date('2026-12-01T09:05:00.000Z'),
  ...over,
});

describe('scanner detection', () => {
  it('takes a browser a few minutes after sending for a person', () => {
    expect(scannerReason(person(), rules)).toBeNull();
    // A phone brand whose name ends in "bot" is still a person.
    expect(scannerReason(person({ userAgent: 'Mozilla/5.0 (Linux; Android 10; CUBOT X30) Chrome/120.0 Mobile' }), rules)).toBeNull();
  });

  it('flags HEAD requests before anything else', () => {
    expect(scannerReason(person({ method: 'HEAD', userAgent: 'curl/8.0' }), rules)).toBe('head');
  });

  it('flags built-in and configured user-agent fragments, case-insensitively, and a missing user agent', () => {
    for (const ua of [
      'Mozilla/5.0 (compatible; Barracuda Sentinel)',
      'Mimecast-URL-Protect/1.0',
      'python-requests/2.31',
      'Mozilla/4.0 (compatible; ms-office; MSOffice 16)',
      'Mozilla/5.0 (compatible; bingbot/2.0; +http://www.bing.com/bingbot.htm)',
      'Mozilla/5.0 HeadlessChrome/120.0',
      'GATEWAY-maison/3',
    ]) {
      expect(scannerReason(person({ userAgent: ua }), rules), ua).toBe('user-agent');
    }
    expect(scannerReason(person({ userAgent: null }), rules)).toBe('user-agent');
    expect(scannerReason(person({ userAgent: '  ' }), rules)).toBe('user-agent');
  });

  it('flags configured address ranges, IPv4, IPv6 and IPv4-mapped', () => {
    for (const a of ['203.0.113.9', '::ffff:203.0.113.250', '2001:db8:aa:1::5', '192.0.2.7']) {
      expect(scannerReason(person({ address: parseAddress(a) }), rules), a).toBe('address');
    }
    for (const a of ['203.0.114.1', '2001:db8:ab::1', '192.0.2.8', 'not-an-address']) {
      expect(scannerReason(person({ address: parseAddress(a) }), rules), a).toBeNull();
    }
  });

  it('flags what comes sooner than the minimum delay after sending, or before sending, except reports', () => {
    const soon = new Date('2026-12-01T09:00:09.000Z');
    expect(scannerReason(person({ at: soon }), rules)).toBe('too-soon');
    expect(scannerReason(person({ at: new Date('2026-12-01T09:00:10.000Z') }), rules)).toBeNull();
    expect(scannerReason(person({ sentAt: null }), rules)).toBe('too-soon');
    expect(scannerReason(person({ kind: 'report', at: soon }), rules)).toBeNull();
  });
});

describe('addresses', () => {
  it('parses IPv4, IPv6 (compressed, embedded IPv4, zone) and rejects garbage', () => {
    expect(parseAddress('10.1.2.3')).toEqual({ family: 4, value: 0x0a010203n });
    expect(parseAddress('::1')).toEqual({ family: 6, value: 1n });
    expect(parseAddress('2001:db8::')?.value).toBe(0x20010db8n << 96n);
    expect(parseAddress('fe80::1%eth0')?.value).toBe((0xfe80n << 112n) | 1n);
    expect(parseAddress('::ffff:10.1.2.3')).toEqual({ family: 4, value: 0x0a010203n });
    for (const bad of ['256.1.1.1', '1.2.3', '1:2:3:4:5:6:7:8:9', '1::2::3', 'g::1', '', '1.2.3.4.5', '::ffff:1.2.3.999']) {
      expect(parseAddress(bad), bad).toBeNull();
    }
  });

  it('parses ranges and refuses a malformed configuration with its name', () => {
    expect(parseRange('10.0.0.0/8')).toEqual({ family: 4, base: 0x0a000000n, bits: 8 });
    expect(parseRange('10.9.9.9/8')?.base).toBe(0x0a000000n);
    expect(parseRange('::ffff:10.0.0.0/104')).toEqual({ family: 4, base: 0x0a000000n, bits: 8 });
    expect(parseRange('0.0.0.0/0')).toEqual({ family: 4, base: 0n, bits: 0 });
    expect(inRanges(parseAddress('8.8.8.8'), [parseRange('0.0.0.0/0')!])).toBe(true);
    expect(inRanges(parseAddress('::1'), [parseRange('0.0.0.0/0')!])).toBe(false);
    for (const bad of ['10.0.0.0/33', '::/129', '10.0.0.0/x', '10.0.0.0/8/1', 'example.org']) expect(parseRange(bad), bad).toBeNull();
    expect(() => parseRanges('10.0.0.0/8, nope', 'PHISHING_SCANNER_ADDRESSES')).toThrow(/PHISHING_SCANNER_ADDRESSES: "nope"/);
  });

  it('stores a /24 or a /48, never the full address', () => {
    expect(truncateAddress(parseAddress('198.51.100.77'))).toBe('198.51.100.0');
    expect(truncateAddress(parseAddress('::ffff:198.51.100.77'))).toBe('198.51.100.0');
    expect(truncateAddress(parseAddress('2001:db8:aa:bb::77'))).toBe('2001:db8:aa::');
    expect(truncateAddress(null)).toBeNull();
  });
});
