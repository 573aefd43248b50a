/** Every API path of phishing campaigns, results, triage and transparency (docs/api-phishing.md). */
const seg = encodeURIComponent;

/** Whose campaigns: an organization's own, or a territory's for the members that gave it a mandate. */
export type Owner = { kind: 'org'; id: string } | { kind: 'territory'; id: string };

const org = (orgId: string) => `/api/orgs/${seg(orgId)}/phishing`;
const territory = (territoryId: string) => `/api/territories/${seg(territoryId)}/phishing`;
const base = (o: Owner) => (o.kind === 'org' ? org(o.id) : territory(o.id));

export const campaignApi = {
  campaigns: (o: Owner) => `${base(o)}/campaigns`,
  campaign: (o: Owner, id: string) => `${base(o)}/campaigns/${seg(id)}`,
  verb: (o: Owner, id: string, verb: 'launch' | 'pause' | 'resume' | 'cancel') => `${base(o)}/campaigns/${seg(id)}/${verb}`,
  previewTargets: (o: Owner) => `${base(o)}/campaigns/preview-targets`,
  results: (o: Owner, id: string) => `${base(o)}/campaigns/${seg(id)}/results`,
  resultsCsv: (orgId: string, id: string) => `${org(orgId)}/campaigns/${seg(id)}/results.csv`,
  reportPdf: (orgId: string, id: string) => `${org(orgId)}/campaigns/${seg(id)}/report.pdf`,
  recipients: (orgId: string, id: string) => `${org(orgId)}/campaigns/${seg(id)}/recipients`,
  territoryMandates: (territoryId: string) => `${territory(territoryId)}/mandates`,
  // The library: an organization's (catalogue and own) or a territory's (catalogue, its own profiles).
  templates: (o: Owner) => `${base(o)}/templates`,
  templatePreview: (o: Owner) => `${base(o)}/templates/preview`,
  template: (o: Owner, id: string) => `${base(o)}/templates/${seg(id)}`,
  landingPages: (o: Owner) => `${base(o)}/landing-pages`,
  profiles: (o: Owner) => `${base(o)}/profiles`,
  groups: (orgId: string) => `${org(orgId)}/groups`,
  settings: (orgId: string) => `${org(orgId)}/settings`,
  learningModules: (orgId: string) => `/api/orgs/${seg(orgId)}/learning/modules`,
  trends: (orgId: string) => `${org(orgId)}/trends`,
  repeatClickers: (orgId: string) => `${org(orgId)}/repeat-clickers`,
  reports: (orgId: string) => `${org(orgId)}/reports`,
  report: (orgId: string, id: string) => `${org(orgId)}/reports/${seg(id)}`,
  transparency: (orgId: string) => `${org(orgId)}/transparency`,
};

/** TanStack Query keys; invalidating ['phishingCampaigns', owner kind, owner id] refreshes everything of a tenant. */
export const campaignKeys = {
  owner: (o: Owner) => ['phishingCampaigns', o.kind, o.id] as const,
  list: (o: Owner) => ['phishingCampaigns', o.kind, o.id, 'list'] as const,
  campaign: (o: Owner, id: string) => ['phishingCampaigns', o.kind, o.id, 'one', id] as const,
  results: (o: Owner, id: string, by: string) => ['phishingCampaigns', o.kind, o.id, 'one', id, 'results', by] as const,
  library: (o: Owner, what: string) => ['phishingCampaigns', o.kind, o.id, 'library', what] as const,
  reports: (orgId: string) => ['phishingCampaigns', 'org', orgId, 'reports'] as const,
};

/** Answers 404 while the server side is not built yet: the page then says "not available yet". */
export const isNotFound = (err: unknown): boolean =>
  typeof err === 'object' && err !== null && 'status' in err && (err as { status: number }).status === 404;
