import { readFileSync } from 'node:fs';
import argon2 from 'argon2';
import { Invalid } from '../errors.js';

/** Length-based policy (NIST SP 800-63B, ANSSI): no composition rules, a ban list instead. */
export const PASSWORD_MIN_LENGTH = 12;
export const PASSWORD_MAX_LENGTH = 256;

// OWASP's argon2id baseline (19 MiB, 2 passes) keeps a sign-in well under 100 ms on one core.
const ARGON2_OPTIONS = { type: argon2.argon2id, memoryCost: 19_456, timeCost: 2, parallelism: 1 } as const;

export function hashPassword(plain: string): Promise<string> {
  return argon2.hash(plain, ARGON2_OPTIONS);
}

/** False for a wrong password and for a hash that is not argon2 (never throws on bad input). */
export async function verifyPassword(hash: string, plain: string): Promise<boolean> {
  try {
    return await argon2.verify(hash, plain);
  } catch {
    return false;
  }
}

let dummyHash: Promise<string> | null = null;

/** Spends the time of a real verification, so an unknown email answers as slowly as a known one. */
export async function verifyAgainstNothing(plain: string): Promise<void> {
  dummyHash ??= hashPassword('rempart-no-such-account-placeholder');
  await verifyPassword(await dummyHash, plain);
}

let common: Set<string> | null = null;

/** The bundled ban list, loaded once. */
function commonPasswords(): Set<string> {
  if (!common) {
    const text = readFileSync(new URL('./common-passwords.txt', import.meta.url), 'utf8');
    common = new Set(
      text
        .split(/\r?\n/)
        .map((l) => l.trim().toLowerCase())
        .filter((l) => l.length > 0 && !l.startsWith('#')),
    );
  }
  return common;
}

const fold = (s: string): string =>
  s
    .normalize('NFD')
    .replace(/\p{Diacritic}/gu, '')
    .toLowerCase();

/** Whether the password, or the password without trailing digits and symbols, is a known weak one. */
export function isCommonPassword(plain: string): boolean {
  const list = commonPasswords();
  const lower = plain.toLowerCase();
  if (list.has(lower) || list.has(fold(plain))) return true;
  const base = fold(plain).replace(/[^\p{L}]+$/u, '');
  return base.length >= 4 && list.has(base);
}

/** Throws Invalid (field 'password') when the password does not meet the policy. */
export function checkPasswordPolicy(plain: string, context: { email?: string; name?: string }): void {
  const length = [...plain].length;
  if (length < PASSWORD_MIN_LENGTH) {
    throw new Invalid(
      'password_too_short',
      {
        fr: `Le mot de passe doit compter au moins ${PASSWORD_MIN_LENGTH} caractères (une phrase facile à retenir convient très bien).`,
        en: `The password must be at least ${PASSWORD_MIN_LENGTH} characters long (an easy-to-remember phrase works well).`,
      },
      'password',
    );
  }
  if (length > PASSWORD_MAX_LENGTH) {
    throw new Invalid(
      'password_too_long',
      {
        fr: `Le mot de passe ne peut pas dépasser ${PASSWORD_MAX_LENGTH} caractères.`,
        en: `The password cannot exceed ${PASSWORD_MAX_LENGTH} characters.`,
      },
      'password',
    );
  }
  if (isCommonPassword(plain)) {
    throw new Invalid(
      'password_common',
      {
        fr: 'Ce mot de passe figure parmi les plus utilisés : choisissez-en un autre.',
        en: 'This password is among the most widely used: choose another one.',
      },
      'password',
    );
  }
  const folded = fold(plain);
  const local = context.email?.split('@')[0];
  if (local && local.length >= 3 && folded.includes(fold(local))) {
    throw new Invalid(
      'password_contains_email',
      {
        fr: 'Le mot de passe ne doit pas contenir votre adresse de courriel.',
        en: 'The password must not contain your email address.',
      },
      'password',
    );
  }
  const name = context.name ? fold(context.name).replace(/\s+/g, '') : '';
  if (name.length >= 4 && folded.replace(/\s+/g, '').includes(name)) {
    throw new Invalid(
      'password_contains_name',
      { fr: 'Le mot de passe ne doit pas contenir votre nom.', en: 'The password must not contain your name.' },
      'password',
    );
  }
}
