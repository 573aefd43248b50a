import { describe, expect, it } from 'vitest';
import { defaultMaxBytes, formatBytes, tooLarge } from './evidence-limit.js';

// Intl separates number and unit with a (narrow) no-break space in some languages.
const plain = (s: string) => s.replace(/[\u00a0\u202f]/g, ' ');

describe('evidence limit', () => {
  it('words the limit in the reader’s language', () => {
    expect(plain(formatBytes(defaultMaxBytes, 'fr'))).toBe('10 Mo');
    expect(plain(formatBytes(defaultMaxBytes, 'en'))).toBe('10 MB');
    expect(plain(formatBytes(2.5 * 1_048_576, 'fr'))).toBe('2,5 Mo');
    expect(plain(formatBytes(4096, 'en'))).toBe('4 kB');
  });

  it('refuses a file only above a limit the server gave', () => {
    expect(tooLarge(5 * 1_048_576 + 1, 5 * 1_048_576)).toBe(true);
    expect(tooLarge(5 * 1_048_576, 5 * 1_048_576)).toBe(false);
    expect(tooLarge(50 * 1_048_576, undefined)).toBe(false);
  });
});
