import { createHash, randomBytes } from 'node:crypto';
import { v7 } from 'uuid';

/** Sortable UUIDv7 string ids for every row. */
export const newId = (): string => v7();

/** URL-safe random token with `bytes` of entropy (default 256 bits). */
export const randomToken = (bytes = 32): string => randomBytes(bytes).toString('base64url');

export const sha256Hex = (s: string): string => createHash('sha256').update(s).digest('hex');
