import { Invalid } from '../../platform/errors.js';
import { luhnValid } from '../identity/siret.js';

// INSEE numbers: a SIREN (9 digits) names a company, a SIRET (14 digits) one of its
// establishments and starts with its SIREN. Both end with a Luhn check digit, except La Poste's
// establishments (SIREN 356000000) whose SIRETs are checked by the sum of their digits (a multiple of 5).
const LA_POSTE_SIREN = '356000000';

/** What people type: spaces (also non-breaking) and dots between digit groups are dropped. */
export const digitsOf = (raw: string): string => raw.replace(/[\s.\u00a0]/g, '');

export const isValidSiren = (digits: string): boolean => /^\d{9}$/.test(digits) && luhnValid(digits);

export function isValidSiret(digits: string): boolean {
  if (!/^\d{14}$/.test(digits)) return false;
  if (digits.startsWith(LA_POSTE_SIREN)) return [...digits].reduce((s, c) => s + Number(c), 0) % 5 === 0;
  return luhnValid(digits) && isValidSiren(digits.slice(0, 9));
}

/** A SIREN from user input, else a 400 naming `field`. */
export function parseSiren(raw: string, field = 'siren'): string {
  const digits = digitsOf(raw);
  if (!isValidSiren(digits)) {
    throw new Invalid(
      'invalid_siren',
      {
        fr: 'Le SIREN doit compter 9 chiffres et avoir une clé de contrôle valide.',
        en: 'The SIREN must have 9 digits and a valid check digit.',
      },
      field,
    );
  }
  return digits;
}

/** An optional SIRET (empty: none), checked against its SIREN: a 400 naming `field` otherwise. */
export function parseSiret(raw: string | null | undefined, siren: string, field = 'siret'): string | null {
  if (raw === undefined || raw === null) return null;
  const digits = digitsOf(raw);
  if (digits === '') return null;
  if (!isValidSiret(digits)) {
    throw new Invalid(
      'invalid_siret',
      {
        fr: 'Le SIRET doit compter 14 chiffres et avoir une clé de contrôle valide.',
        en: 'The SIRET must have 14 digits and a valid check digit.',
      },
      field,
    );
  }
  if (digits.slice(0, 9) !== siren) {
    throw new Invalid(
      'siret_siren_mismatch',
      {
        fr: `Le SIRET doit commencer par le SIREN du prestataire (${siren}).`,
        en: `The SIRET must start with the provider's SIREN (${siren}).`,
      },
      field,
    );
  }
  return digits;
}
