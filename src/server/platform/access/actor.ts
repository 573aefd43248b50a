import type { Role, ScopeKind } from './roles.js';

export interface Grant {
  role: Role;
  scopeKind: ScopeKind;
  /** '' for the platform scope. */
  scopeId: string;
}

/** Who is making the request, as loaded from the session by platform/auth. */
export interface Actor {
  accountId: string;
  sessionId: string;
  email: string;
  displayName: string;
  personId: string | null;
  /** The organization of the person record linked to the account, if any. */
  personOrganizationId: string | null;
  locale: 'fr' | 'en';
  grants: Grant[];
  /** Whether the second factor was passed in this session (admin roles need it). */
  mfaVerified: boolean;
  /** Whether the account has enrolled TOTP (then every session must pass it before any right counts). */
  totpEnrolled: boolean;
  /** True when the account holds an admin role but has not enrolled TOTP yet. */
  mfaEnrolmentRequired: boolean;
}
