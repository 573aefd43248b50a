import type { MeAnswer } from '../me.js';

/** Roles whose rights count only after a second factor (mirrors the server's adminRoles). */
export const adminRoles: readonly string[] = ['platform_admin', 'territory_coordinator', 'org_admin', 'auditor'];

/**
 * Keeps a returnTo inside this site: a path starting with one slash, never `//host` or
 * `/\host` (both leave the origin), never back into the sign-in pages.
 */
export function safeReturnTo(value: string | null | undefined): string {
  if (!value?.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return '/';
  // Control characters can hide a scheme or a host from the checks above.
  for (const ch of value) if (ch.charCodeAt(0) < 0x20 || ch.charCodeAt(0) === 0x7f) return '/';
  if (value === '/sign-in' || value.startsWith('/sign-in?') || value.startsWith('/auth/')) return '/';
  return value;
}

export type SignInNext = 'done' | 'totp' | 'totp_enrolment';

/** Where to go after a sign-in step answered `{ next }`. */
export function routeForNext(next: string, returnTo: string): string {
  const back = safeReturnTo(returnTo);
  const query = back === '/' ? '' : `?returnTo=${encodeURIComponent(back)}`;
  switch (next) {
    case 'totp':
      return `/auth/totp${query}`;
    case 'totp_enrolment':
      return `/auth/totp/enrol${query}`;
    default:
      return back;
  }
}

/** What the guard does with the session: null lets the page show, a string is where to go. */
export function guardRedirect(me: MeAnswer, here: string): string | null {
  const back = safeReturnTo(here);
  const query = back === '/' ? '' : `?returnTo=${encodeURIComponent(back)}`;
  if (!me.signedIn || !me.account) return `/sign-in${query}`;
  if (me.account.mfaEnrolmentRequired) return `/auth/totp/enrol${query}`;
  const hasAdminGrant = me.account.grants.some((g) => adminRoles.includes(g.role));
  if (hasAdminGrant && !me.account.mfaVerified) return `/auth/totp${query}`;
  return null;
}
