import { useQuery } from '@tanstack/react-query';
import { api } from './api.js';
import type { Locale } from './locale.js';

export interface Grant {
  role: string;
  scopeKind: string;
  scopeId: string;
}

/** The signed-in account as GET /api/me describes it. */
export interface Account {
  id: string;
  email: string;
  displayName: string;
  locale: Locale;
  personId: string | null;
  personOrganizationId: string | null;
  mfaVerified: boolean;
  mfaEnrolmentRequired: boolean;
  grants: Grant[];
  /** Present when the server tells whether TOTP is set up; older servers omit it. */
  totpEnabled?: boolean;
}

export interface MeAnswer {
  signedIn: boolean;
  account: Account | null;
}

export const meQueryKey = ['me'] as const;

/** The session, fetched once on boot and after every sign-in step. */
export function useMe() {
  return useQuery({
    queryKey: meQueryKey,
    queryFn: () => api<MeAnswer>('/api/me'),
    staleTime: 60_000,
  });
}
