import type { FastifyInstance } from 'fastify';
import { Invalid } from './errors.js';

/** The first path under `value` holding a string with a NUL character, as "a.b.0.c"; null when none. */
export function findNul(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object' || Buffer.isBuffer(value)) return null;
  for (const [k, v] of Object.entries(value)) {
    if (k.includes('\u0000')) return `${path}.${k.replaceAll('\u0000', '')}`;
    const found = findNul(v, `${path}.${k}`, depth + 1);
    if (found) return found;
  }
  return null;
}

/**
 * PostgreSQL refuses NUL in text (error 22021) where SQLite stores it: without this guard the same
 * request would be a 500 on one database and silently accepted on the other. Refused everywhere,
 * before validation, naming the field.
 */
export function installNulGuard(app: FastifyInstance): void {
  app.addHook('preValidation', async (request) => {
    const field = findNul(request.body, 'body') ?? findNul(request.query, 'querystring') ?? findNul(request.params, 'params');
    if (field) {
      throw new Invalid(
        'nul_character',
        { fr: 'Le texte contient un caractère nul (\\0), refusé.', en: 'The text holds a NUL character (\\0), which is refused.' },
        field,
      );
    }
  });
}
