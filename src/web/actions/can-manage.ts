import { useMe } from '../me.js';

/**
 * Whether the signed-in account may change this organization's action plan (actions.manage: its
 * org admins and platform admins, once the second factor is verified). Managers and auditors read:
 * the pages hide what the server would refuse them.
 */
export function useCanManageActions(orgId: string): boolean {
  const account = useMe().data?.account;
  if (!account?.mfaVerified) return false;
  return account.grants.some(
    (g) => g.role === 'platform_admin' || (g.role === 'org_admin' && g.scopeKind === 'organization' && g.scopeId === orgId),
  );
}
