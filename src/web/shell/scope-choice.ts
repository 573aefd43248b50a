import type { Grant } from '../me.js';

export interface ScopeOption {
  id: string;
  name: string;
}

/**
 * The organization to work on when the stored choice is gone or absent: the stored one if still
 * visible, else the one of the account's person, else the first organization-scoped grant, else
 * the first visible one.
 */
export function pickOrganization(
  stored: string | null,
  visible: readonly ScopeOption[],
  personOrganizationId: string | null,
  grants: readonly Grant[],
): string | null {
  const ids = new Set(visible.map((o) => o.id));
  if (stored && ids.has(stored)) return stored;
  if (personOrganizationId && ids.has(personOrganizationId)) return personOrganizationId;
  const granted = grants.find((g) => g.scopeKind === 'organization' && ids.has(g.scopeId));
  if (granted) return granted.scopeId;
  return visible[0]?.id ?? null;
}

/** Same rule for territories, without the person's organization step. */
export function pickTerritory(stored: string | null, visible: readonly ScopeOption[], grants: readonly Grant[]): string | null {
  const ids = new Set(visible.map((o) => o.id));
  if (stored && ids.has(stored)) return stored;
  const granted = grants.find((g) => g.scopeKind === 'territory' && ids.has(g.scopeId));
  if (granted) return granted.scopeId;
  return visible[0]?.id ?? null;
}

/** Lists answer `{ items }`; accept a bare array too. */
export function listItems<T>(data: { items: T[] } | T[] | undefined): T[] {
  if (!data) return [];
  return Array.isArray(data) ? data : data.items;
}
