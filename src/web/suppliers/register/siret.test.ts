import { describe, expect, it } from 'vitest';
import { digitsOf, luhnValid, sirenHint, siretHint } from './siret.js';

describe('SIREN / SIRET hint', () => {
  it('drops spaces and dots', () => {
    expect(digitsOf('732 829 320')).toBe('732829320');
    expect(digitsOf('732.829.320\u00a000074')).toBe('73282932000074');
  });
  it('checks the Luhn digit', () => {
    expect(luhnValid('732829320')).toBe(true);
    expect(luhnValid('732829321')).toBe(false);
  });
  it('says what is wrong with a SIREN', () => {
    expect(sirenHint('')).toBeNull();
    expect(sirenHint('73282')).toBe('tooShort');
    expect(sirenHint('7328293200')).toBe('tooLong');
    expect(sirenHint('73282932A')).toBe('notDigits');
    expect(sirenHint('732 829 321')).toBe('checksum');
    expect(sirenHint('732 829 320')).toBe('ok');
  });
  it('checks a SIRET and that it starts with the SIREN', () => {
    expect(siretHint('', '732829320')).toBeNull();
    expect(siretHint('7328293200007', '732829320')).toBe('tooShort');
    expect(siretHint('73282932000074', '732829320')).toBe('ok');
    expect(siretHint('73282932000075', '732829320')).toBe('checksum');
    expect(siretHint('73282932000074', '552100554')).toBe('sirenMismatch');
  });
  it("accepts La Poste's SIRETs by the sum of their digits", () => {
    // 3+5+6+5+6 = 25: a multiple of 5, though Luhn fails.
    expect(siretHint('35600000000056', '356000000')).toBe('ok');
    expect(siretHint('35600000000057', '356000000')).toBe('checksum');
  });
});
