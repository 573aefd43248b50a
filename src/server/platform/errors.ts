/**
 * Domain errors with a stable code. Services throw these; one mapper (in app.ts, see
 * `toHttpError`) turns them into HTTP answers with a readable message in French or English.
 */
export type Locale = 'fr' | 'en';
export type Message = { fr: string; en: string };

export abstract class DomainError extends Error {
  abstract readonly status: number;
  constructor(
    readonly code: string,
    readonly text: Message,
    readonly field?: string,
  ) {
    super(text.en);
  }
}

/** 400: the input is wrong; `field` names the offending field (dotted path). */
export class Invalid extends DomainError {
  readonly status = 400;
}
/** 401: not signed in, or the credentials are wrong. */
export class Unauthenticated extends DomainError {
  readonly status = 401;
}
/** 403: signed in and related to the resource, but not allowed to do this. */
export class Forbidden extends DomainError {
  readonly status = 403;
}
/** 404: absent, or belongs to another tenant (never tell which). */
export class NotFound extends DomainError {
  readonly status = 404;
  constructor(what = 'resource') {
    super('not_found', { fr: `Introuvable (${what}).`, en: `Not found (${what}).` });
  }
}
/** 409: conflicts with the current state (duplicate, already used...). */
export class Conflict extends DomainError {
  readonly status = 409;
}
/** 423: the account is locked after repeated failures. */
export class Locked extends DomainError {
  readonly status = 423;
}
/** 429: too many attempts. */
export class TooMany extends DomainError {
  readonly status = 429;
}

export interface ErrorBody {
  error: { code: string; message: string; field?: string; issues?: Array<{ field: string; message: string }> };
}

export function pickLocale(acceptLanguage: string | undefined, cookieLocale?: string): Locale {
  if (cookieLocale === 'en' || cookieLocale === 'fr') return cookieLocale;
  return acceptLanguage?.trim().toLowerCase().startsWith('en') ? 'en' : 'fr';
}

export function errorBody(code: string, message: string, field?: string): ErrorBody {
  return field === undefined ? { error: { code, message } } : { error: { code, message, field } };
}
