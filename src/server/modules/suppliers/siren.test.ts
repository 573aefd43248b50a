import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { Invalid } from '../../platform/errors.js';
import { digitsOf, isValidSiren, isValidSiret, parseSiren, parseSiret } from './siren.js';

// Numbers computed for these tests (Luhn check digit appended), shaped like real ones.
const SIREN = '732829320';
const SIRET = '73282932000017';

describe('SIREN and SIRET', () => {
  it('accepts valid numbers, with spaces, and refuses a wrong check digit or length', () => {
    expect(isValidSiren(SIREN)).toBe(true);
    expect(isValidSiren('552100554')).toBe(true);
    expect(isValidSiren('732829321')).toBe(false);
    expect(isValidSiren('73282932')).toBe(false);
    expect(isValidSiren('7328293200')).toBe(false);
    expect(parseSiren('732 829 320')).toBe(SIREN);
    expect(parseSiren('732\u00a0829\u00a0320')).toBe(SIREN);
    expect(isValidSiret(SIRET)).toBe(true);
    expect(isValidSiret('73282932000041')).toBe(true);
    expect(isValidSiret('73282932000018')).toBe(false);
    expect(isValidSiret('7328293200001')).toBe(false);
  });

  it("checks La Poste's SIRETs by the sum of their digits", () => {
    // 3+5+6+1+2+3 = 20: a multiple of 5, though not Luhn-valid.
    expect(isValidSiret('35600000001230')).toBe(true);
    expect(isValidSiret('35600000001231')).toBe(false);
    expect(parseSiret('356 000 000 01230', '356000000')).toBe('35600000001230');
  });

  it('names the field and requires the SIRET to start with the SIREN', () => {
    expect(() => parseSiren('123456789')).toThrow(Invalid);
    try {
      parseSiren('123', 'provider.siren');
    } catch (e) {
      expect((e as Invalid).field).toBe('provider.siren');
    }
    expect(parseSiret('732 829 320 00017', SIREN)).toBe(SIRET);
    expect(parseSiret('  ', SIREN)).toBeNull();
    expect(parseSiret(null, SIREN)).toBeNull();
    const other = (() => {
      try {
        parseSiret('55210055400401', SIREN);
      } catch (e) {
        return e as Invalid;
      }
      return null;
    })();
    expect(other?.code).toBe('siret_siren_mismatch');
    expect(other?.field).toBe('siret');
    expect(() => parseSiret('73282932000018', SIREN)).toThrow(/check digit/);
  });

  it('finds every single wrong digit, and never fails but with a 400 on any input', () => {
    const withCheckDigit = (prefix: string) => {
      for (let c = 0; c < 10; c++) if (isValidSiren(`${prefix}${c}`)) return `${prefix}${c}`;
      throw new Error('no check digit');
    };
    fc.assert(
      fc.property(fc.stringMatching(/^\d{8}$/), fc.nat(8), fc.integer({ min: 1, max: 9 }), (prefix, at, delta) => {
        const siren = withCheckDigit(prefix);
        expect(parseSiren(siren.replace(/(\d{3})(?=\d)/g, '$1 '))).toBe(siren);
        const wrong = siren.slice(0, at) + String((Number(siren[at]) + delta) % 10) + siren.slice(at + 1);
        expect(isValidSiren(wrong)).toBe(false);
      }),
    );
    fc.assert(
      fc.property(fc.string({ maxLength: 40 }), (raw) => {
        try {
          const out = parseSiret(raw, SIREN);
          expect(out === null || isValidSiret(out)).toBe(true);
          expect(digitsOf(raw)).toBe(out ?? '');
        } catch (e) {
          expect(e).toBeInstanceOf(Invalid);
          expect((e as Invalid).field).toBe('siret');
        }
      }),
    );
  });
});
