/** Every API path of the phishing library (docs/api-phishing.md, "Library"), ids encoded as one segment. */
const seg = encodeURIComponent;

const base = (orgId: string) => `/api/orgs/${seg(orgId)}/phishing`;

export const libraryApi = {
  templates: (orgId: string) => `${base(orgId)}/templates`,
  template: (orgId: string, id: string) => `${base(orgId)}/templates/${seg(id)}`,
  templateFork: (orgId: string, id: string) => `${base(orgId)}/templates/${seg(id)}/fork`,
  templatePreview: (orgId: string) => `${base(orgId)}/templates/preview`,
  landings: (orgId: string) => `${base(orgId)}/landing-pages`,
  landing: (orgId: string, id: string) => `${base(orgId)}/landing-pages/${seg(id)}`,
  landingFork: (orgId: string, id: string) => `${base(orgId)}/landing-pages/${seg(id)}/fork`,
  landingPreview: (orgId: string) => `${base(orgId)}/landing-pages/preview`,
  profiles: (orgId: string) => `${base(orgId)}/profiles`,
  profile: (orgId: string, id: string) => `${base(orgId)}/profiles/${seg(id)}`,
  profileTest: (orgId: string, id: string) => `${base(orgId)}/profiles/${seg(id)}/test`,
  groups: (orgId: string) => `${base(orgId)}/groups`,
  group: (orgId: string, id: string) => `${base(orgId)}/groups/${seg(id)}`,
  groupPreview: (orgId: string) => `${base(orgId)}/groups/preview`,
  settings: (orgId: string) => `${base(orgId)}/settings`,
  mandates: (orgId: string) => `${base(orgId)}/mandates`,
  mandate: (orgId: string, territoryId: string) => `${base(orgId)}/mandates/${seg(territoryId)}`,
  import: (orgId: string) => `${base(orgId)}/import`,
};

/** TanStack Query keys; invalidating ['phishingLibrary', orgId] refreshes everything of an organization. */
export const libraryKeys = {
  org: (orgId: string) => ['phishingLibrary', orgId] as const,
  templates: (orgId: string) => ['phishingLibrary', orgId, 'templates'] as const,
  template: (orgId: string, id: string) => ['phishingLibrary', orgId, 'templates', 'one', id] as const,
  landings: (orgId: string) => ['phishingLibrary', orgId, 'landings'] as const,
  landing: (orgId: string, id: string) => ['phishingLibrary', orgId, 'landings', 'one', id] as const,
  profiles: (orgId: string) => ['phishingLibrary', orgId, 'profiles'] as const,
  groups: (orgId: string) => ['phishingLibrary', orgId, 'groups'] as const,
  settings: (orgId: string) => ['phishingLibrary', orgId, 'settings'] as const,
  mandates: (orgId: string) => ['phishingLibrary', orgId, 'mandates'] as const,
};
