import { qs } from '../admin/endpoints.js';

/** Every API path of the territory pages (docs/api-territory.md, heatmap in docs/api-maturity.md). */
const seg = encodeURIComponent;
const terr = (territoryId: string) => `/api/territories/${seg(territoryId)}`;
const mentoring = (territoryId: string) => `${terr(territoryId)}/mentoring`;

/** Library base: coordinators read the territory's own; a member's admins read through their organization. */
export type LibraryScope = { kind: 'territory'; territoryId: string } | { kind: 'member'; orgId: string; territoryId: string };

export const libraryBase = (s: LibraryScope) =>
  s.kind === 'territory' ? `${terr(s.territoryId)}/library` : `/api/orgs/${seg(s.orgId)}/territories/${seg(s.territoryId)}/library`;

export const territoryApi = {
  orgSharing: (orgId: string) => `/api/orgs/${seg(orgId)}/territory-sharing`,
  orgSharingOne: (orgId: string, territoryId: string) => `/api/orgs/${seg(orgId)}/territory-sharing/${seg(territoryId)}`,
  membersSharing: (territoryId: string) => `${terr(territoryId)}/sharing`,
  heatmap: (territoryId: string) => `${terr(territoryId)}/maturity/heatmap`,
  mentors: (territoryId: string) => `${mentoring(territoryId)}/mentors`,
  mentorCandidates: (territoryId: string) => `${mentoring(territoryId)}/mentor-candidates`,
  mentor: (territoryId: string, mentorId: string) => `${mentoring(territoryId)}/mentors/${seg(mentorId)}`,
  suggestions: (territoryId: string, orgId: string) => `${mentoring(territoryId)}/suggestions${qs({ organizationId: orgId })}`,
  pairings: (territoryId: string, state = 'active') => `${mentoring(territoryId)}/pairings${qs({ state })}`,
  pairingsBase: (territoryId: string) => `${mentoring(territoryId)}/pairings`,
  plan: (territoryId: string, pairingId: string) => `${mentoring(territoryId)}/pairings/${seg(pairingId)}`,
  endPairing: (territoryId: string, pairingId: string) => `${mentoring(territoryId)}/pairings/${seg(pairingId)}/end`,
  goals: (territoryId: string, pairingId: string, goalId?: string) =>
    `${mentoring(territoryId)}/pairings/${seg(pairingId)}/goals${goalId ? `/${seg(goalId)}` : ''}`,
  sessions: (territoryId: string, pairingId: string, sessionId?: string) =>
    `${mentoring(territoryId)}/pairings/${seg(pairingId)}/sessions${sessionId ? `/${seg(sessionId)}` : ''}`,
  menteeMentoring: (orgId: string) => `/api/orgs/${seg(orgId)}/mentoring`,
  myMentoring: '/api/mentoring/mine',
  library: (s: LibraryScope, query = '') => `${libraryBase(s)}${query}`,
  libraryTags: (s: LibraryScope) => `${libraryBase(s)}/tags`,
  resource: (s: LibraryScope, id: string) => `${libraryBase(s)}/${seg(id)}`,
  versions: (s: LibraryScope, id: string) => `${libraryBase(s)}/${seg(id)}/versions`,
  fileVersion: (s: LibraryScope, id: string, p: { filename: string; changeNote?: string; dropBody?: boolean }) =>
    `${libraryBase(s)}/${seg(id)}/versions/file${qs({ filename: p.filename, changeNote: p.changeNote, dropBody: p.dropBody ? 'true' : undefined })}`,
  archive: (s: LibraryScope, id: string) => `${libraryBase(s)}/${seg(id)}/archive`,
  restore: (s: LibraryScope, id: string) => `${libraryBase(s)}/${seg(id)}/restore`,
  versionFile: (s: LibraryScope, id: string, v: number) => `${libraryBase(s)}/${seg(id)}/versions/${v}/file`,
  versionMarkdown: (s: LibraryScope, id: string, v: number) => `${libraryBase(s)}/${seg(id)}/versions/${v}/markdown`,
  starterSet: (territoryId: string) => `${terr(territoryId)}/library/starter-set`,
};

export const territoryKeys = {
  orgSharing: (orgId: string) => ['territory', 'org-sharing', orgId] as const,
  membersSharing: (territoryId: string) => ['territory', territoryId, 'sharing'] as const,
  heatmap: (territoryId: string) => ['territory', territoryId, 'heatmap'] as const,
  mentoring: (territoryId: string) => ['territory', territoryId, 'mentoring'] as const,
  plan: (pairingId: string) => ['mentoring-plan', pairingId] as const,
  library: (s: LibraryScope) => ['library', s.kind, s.territoryId, s.kind === 'member' ? s.orgId : ''] as const,
};
