import { createHash, randomBytes } from 'node:crypto';

/** Bytes of randomness in a recipient's token: 128 bits, as the issue asks. */
export const TOKEN_BYTES = 16;

/** A recipient's token as it appears in links: 16 random bytes, base64url (22 characters). */
export function newToken(): string {
  return randomBytes(TOKEN_BYTES).toString('base64url');
}

/** What the database keeps of a token (phishing_recipients.token_hash): its sha256, in hex. */
export function tokenHash(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

const TOKEN_SHAPE = /^[A-Za-z0-9_-]{22}$/;

/** Whether a string from a URL can be one of our tokens (checked before any database read). */
export function isTokenShaped(s: string): boolean {
  return TOKEN_SHAPE.test(s);
}
