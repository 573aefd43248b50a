import { randomInt } from 'node:crypto';
import { generateSecret, generateURI, verify } from 'otplib';
import QRCode from 'qrcode';
import { sha256Hex } from '../ids.js';

export const TOTP_ISSUER = 'Rempart';
/** One 30-second step either side, for phones whose clock drifts a little. */
const EPOCH_TOLERANCE_S = 30;
export const RECOVERY_CODE_COUNT = 10;
// No 0/o, 1/i/l: codes are read off paper and typed by hand.
const RECOVERY_ALPHABET = 'abcdefghjkmnpqrstuvwxyz23456789';

export interface EnrolmentMaterial {
  secret: string;
  otpauthUrl: string;
  qrSvg: string;
}

export async function newEnrolment(accountEmail: string): Promise<EnrolmentMaterial> {
  const secret = generateSecret();
  const otpauthUrl = generateURI({ issuer: TOTP_ISSUER, label: accountEmail, secret });
  const qrSvg = await QRCode.toString(otpauthUrl, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  return { secret, otpauthUrl, qrSvg };
}

export const looksLikeTotp = (code: string): boolean => /^\d{6}$/.test(code.replace(/\s+/g, ''));

/**
 * Checks a 6-digit code at `now`; returns the matched time step, or null. Steps at or before
 * `lastStep` are refused, so a code seen once (shoulder-surfed, phished) cannot be replayed.
 */
export async function matchTotp(secret: string, code: string, now: Date, lastStep: number | null): Promise<number | null> {
  const token = code.replace(/\s+/g, '');
  if (!/^\d{6}$/.test(token)) return null;
  try {
    const result = await verify({
      secret,
      token,
      epoch: Math.floor(now.getTime() / 1000),
      epochTolerance: EPOCH_TOLERANCE_S,
      ...(lastStep === null ? {} : { afterTimeStep: lastStep }),
    });
    return result.valid && 'timeStep' in result ? result.timeStep : null;
  } catch {
    return null;
  }
}

/** Recovery codes as shown to the user: ten characters in two groups, about 49 bits each. */
export function newRecoveryCodes(): string[] {
  const codes: string[] = [];
  for (let i = 0; i < RECOVERY_CODE_COUNT; i++) {
    let c = '';
    for (let j = 0; j < 10; j++) c += RECOVERY_ALPHABET[randomInt(RECOVERY_ALPHABET.length)];
    codes.push(`${c.slice(0, 5)}-${c.slice(5)}`);
  }
  return codes;
}

/** Case, spaces and dashes do not matter when typing a recovery code back. */
export const recoveryCodeHash = (code: string): string => sha256Hex(`recovery:${code.toLowerCase().replace(/[\s-]+/g, '')}`);
