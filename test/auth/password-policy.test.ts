import { describe, expect, it } from 'vitest';
import { delayAfterFailures } from '../../src/server/platform/auth/lockout.js';
import {
  checkPasswordPolicy,
  hashPassword,
  isCommonPassword,
  PASSWORD_MIN_LENGTH,
  verifyPassword,
} from '../../src/server/platform/auth/password.js';
import { safeReturnTo } from '../../src/server/platform/auth/return-to.js';
import { Invalid } from '../../src/server/platform/errors.js';

const codeOf = (fn: () => void): string | null => {
  try {
    fn();
    return null;
  } catch (e) {
    expect(e).toBeInstanceOf(Invalid);
    expect((e as Invalid).field).toBe('password');
    return (e as Invalid).code;
  }
};

describe('password policy', () => {
  it('hashes with argon2id and verifies', async () => {
    const hash = await hashPassword('une phrase de passe assez longue');
    expect(hash.startsWith('$argon2id$')).toBe(true);
    expect(await verifyPassword(hash, 'une phrase de passe assez longue')).toBe(true);
    expect(await verifyPassword(hash, 'une phrase de passe assez longuE')).toBe(false);
    expect(await verifyPassword('not-a-hash', 'x')).toBe(false);
  });

  it('asks for length, not composition', () => {
    expect(codeOf(() => checkPasswordPolicy('Ab1!Ab1!Ab1', {}))).toBe('password_too_short');
    expect(PASSWORD_MIN_LENGTH).toBe(12);
    expect(codeOf(() => checkPasswordPolicy('x'.repeat(257), {}))).toBe('password_too_long');
    expect(codeOf(() => checkPasswordPolicy('lesmouettesdelamanche', {}))).toBeNull();
  });

  it('refuses common passwords, case-insensitively, French ones included', () => {
    for (const p of [
      'azerty123456',
      'AZERTYUIOP123',
      'motdepasse123',
      'Motdepasse2024!',
      'Soleil123456',
      'hopital2024!!!',
      'bienvenue2025',
    ]) {
      expect(
        codeOf(() => checkPasswordPolicy(p, {})),
        p,
      ).toBe('password_common');
    }
    expect(isCommonPassword('hôpital2024')).toBe(true);
    expect(isCommonPassword('la garde de nuit aux urgences')).toBe(false);
  });

  it('refuses a password containing the email local part or the name', () => {
    expect(codeOf(() => checkPasswordPolicy('camille.martin-2026!', { email: 'Camille.Martin@chu-rouen.test' }))).toBe(
      'password_contains_email',
    );
    expect(codeOf(() => checkPasswordPolicy('xxCamilleMartinxx', { name: 'Camille Martin' }))).toBe('password_contains_name');
  });

  it('grows the delay from the third failure, capped at 4 s', () => {
    expect([0, 1, 2, 3, 4, 5, 6, 7, 8, 20].map(delayAfterFailures)).toEqual([0, 0, 0, 250, 500, 1000, 2000, 4000, 4000, 4000]);
  });

  it('accepts only local return paths', () => {
    expect(safeReturnTo('/people?service=urgences')).toBe('/people?service=urgences');
    for (const bad of ['https://evil.example/', '//evil.example', '/\\evil.example', 'javascript:alert(1)', '/ok\n', 'people', '']) {
      expect(safeReturnTo(bad), bad).toBeNull();
    }
  });
});
