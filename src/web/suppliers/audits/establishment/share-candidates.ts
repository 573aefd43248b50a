/** GET …/audits/:auditId/share-candidates (docs/api-suppliers.md, "Share"). */
export interface ShareCandidate {
  organizationId: string;
  name: string;
  territoryId: string;
  territoryName: string;
  /** The name of the company in this establishment's own register. */
  supplierName: string;
  contractEndsOn: string | null;
}
export interface IneligibleMember {
  organizationId: string;
  name: string;
  territoryName: string;
  reason: 'no_same_provider';
}
export interface ShareCandidates {
  items: ShareCandidate[];
  ineligible: IneligibleMember[];
}

/** The evidence limits the server adds to AuditDetail and PortalDetail. */
export interface EvidenceLimits {
  evidenceMaxBytes: number;
  evidenceTypes: string[];
}

const seg = encodeURIComponent;

/** The coordinator's route (one territory) when a territory is chosen in the header, else the organization's. */
export const shareCandidatesPath = (orgId: string, auditId: string, territoryId: string | null) =>
  territoryId
    ? `/api/territories/${seg(territoryId)}/suppliers/audits/${seg(auditId)}/share-candidates`
    : `/api/orgs/${seg(orgId)}/suppliers/audits/${seg(auditId)}/share-candidates`;

export interface TerritoryGroup {
  territoryId: string;
  territoryName: string;
  items: ShareCandidate[];
}

/** Candidates by territory, in the server's order (territory name, then establishment name). */
export function groupByTerritory(items: readonly ShareCandidate[]): TerritoryGroup[] {
  const groups = new Map<string, TerritoryGroup>();
  for (const c of items) {
    const group = groups.get(c.territoryId) ?? { territoryId: c.territoryId, territoryName: c.territoryName, items: [] };
    group.items.push(c);
    groups.set(c.territoryId, group);
  }
  return [...groups.values()];
}

/** Keeps only the picks still offered (a candidate may have been shared meanwhile by someone else). */
export const stillOffered = (picked: readonly string[], items: readonly ShareCandidate[]) =>
  picked.filter((id) => items.some((c) => c.organizationId === id));
