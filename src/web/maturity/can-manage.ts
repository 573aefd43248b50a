import { useMe } from '../me.js';

/**
 * Whether the signed-in account may start and answer this organization's diagnostics
 * (maturity.manage: its org admins and platform admins, once the second factor is verified).
 * Managers read only: the pages hide what the server would refuse them.
 */
export function useCanManageMaturity(orgId: string): boolean {
  const account = useMe().data?.account;
  if (!account?.mfaVerified) return false;
  return account.grants.some(
    (g) => g.role === 'platform_admin' || (g.role === 'org_admin' && g.scopeKind === 'organization' && g.scopeId === orgId),
  );
}
