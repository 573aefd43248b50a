import { useQuery } from '@tanstack/react-query';
import { api } from '../api.js';

/** GET /api/auth/options: the ways in this installation offers. */
export interface AuthOptions {
  password: boolean;
  magicLink: boolean;
  oidc: { enabled: boolean; label?: string | null };
  passwordMinLength: number;
}

export function useAuthOptions() {
  return useQuery({ queryKey: ['auth-options'], queryFn: () => api<AuthOptions>('/api/auth/options'), staleTime: 10 * 60_000 });
}

/** Error codes the server puts in ?error= when it sends someone back to the sign-in page. */
export const knownSignInErrors = [
  'oidc_unknown_email',
  'oidc_email_unverified',
  'oidc_failed',
  'oidc_state',
  'oidc_disabled',
  'session_expired',
] as const;

export function signInErrorKey(code: string | null): string | null {
  if (!code) return null;
  return (knownSignInErrors as readonly string[]).includes(code) ? `signIn.errors.${code}` : 'signIn.errors.generic';
}
