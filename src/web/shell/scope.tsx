import { createContext, useContext } from 'react';

/**
 * The organization or territory the user is working on, chosen in the header switcher.
 * Pages under /admin and the modules read it; the shell (src/web/shell) provides it.
 */
export interface CurrentScope {
  orgId: string | null;
  territoryId: string | null;
  setOrg(orgId: string | null): void;
  setTerritory(territoryId: string | null): void;
}

export const ScopeContext = createContext<CurrentScope>({
  orgId: null,
  territoryId: null,
  setOrg: () => {},
  setTerritory: () => {},
});

export const useCurrentScope = (): CurrentScope => useContext(ScopeContext);

/** A navigation entry contributed by a module; `show` decides from the signed-in account's grants. */
export interface NavEntry {
  to: string;
  labelKey: string;
  show: (me: {
    grants: Array<{ role: string; scopeKind: string; scopeId: string }>;
    mfaVerified: boolean;
    /** The person of the staff directory the account belongs to (learners); absent for accounts of no one. */
    personId?: string | null;
  }) => boolean;
}
