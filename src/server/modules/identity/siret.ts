import { Invalid } from '../../platform/errors.js';

/** Luhn checksum over a string of digits. */
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

// La Poste's establishments share SIREN 356000000 and their SIRETs do not pass Luhn; INSEE
// checks them by the sum of their digits instead.
const LA_POSTE_SIREN = '356000000';

/**
 * Normalises an optional SIRET (spaces and dots removed); 14 digits with a valid checksum, else
 * a 400 naming the field `siret`. Empty means "none".
 */
export function normalizeSiret(raw: string | null | undefined): string | null {
  if (raw === undefined || raw === null) return null;
  const digits = raw.replace(/[\s.\u00a0]/g, '');
  if (digits === '') return null;
  const valid =
    /^\d{14}$/.test(digits) &&
    (luhnValid(digits) || (digits.startsWith(LA_POSTE_SIREN) && [...digits].reduce((s, c) => s + Number(c), 0) % 5 === 0));
  if (!valid) {
    throw new Invalid(
      'invalid_siret',
      {
        fr: 'Le SIRET doit compter 14 chiffres et avoir une clé de contrôle valide.',
        en: 'The SIRET must have 14 digits and a valid check digit.',
      },
      'siret',
    );
  }
  return digits;
}
