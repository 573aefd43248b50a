/**
 * A live hint while typing a SIREN or SIRET. The server decides (src/server/modules/suppliers/siren.ts);
 * this only tells early that a number cannot be right, with the same rules: Luhn check digit,
 * except La Poste's SIRETs (SIREN 356000000) checked by the sum of their digits.
 */
const LA_POSTE_SIREN = '356000000';

/** What people type: spaces (also non-breaking) and dots between digit groups are dropped. */
export const digitsOf = (raw: string): string => raw.replace(/[\s.\u00a0]/g, '');

export function luhnValid(digits: string): boolean {
  let sum = 0;
  for (let i = 0; i < digits.length; i++) {
    let d = digits.charCodeAt(digits.length - 1 - i) - 48;
    if (i % 2 === 1) {
      d *= 2;
      if (d > 9) d -= 9;
    }
    sum += d;
  }
  return sum % 10 === 0;
}

/** The hint key under the field: null while empty, else what is wrong, or 'ok'. */
export type NumberHint = null | 'ok' | 'notDigits' | 'tooShort' | 'tooLong' | 'checksum' | 'sirenMismatch';

export function sirenHint(raw: string): NumberHint {
  const d = digitsOf(raw);
  if (d === '') return null;
  if (!/^\d+$/.test(d)) return 'notDigits';
  if (d.length < 9) return 'tooShort';
  if (d.length > 9) return 'tooLong';
  return luhnValid(d) ? 'ok' : 'checksum';
}

export function siretHint(raw: string, siren: string): NumberHint {
  const d = digitsOf(raw);
  if (d === '') return null;
  if (!/^\d+$/.test(d)) return 'notDigits';
  if (d.length < 14) return 'tooShort';
  if (d.length > 14) return 'tooLong';
  const valid = d.startsWith(LA_POSTE_SIREN)
    ? [...d].reduce((s, c) => s + Number(c), 0) % 5 === 0
    : luhnValid(d) && luhnValid(d.slice(0, 9));
  if (!valid) return 'checksum';
  const ownSiren = digitsOf(siren);
  if (ownSiren.length === 9 && d.slice(0, 9) !== ownSiren) return 'sirenMismatch';
  return 'ok';
}
