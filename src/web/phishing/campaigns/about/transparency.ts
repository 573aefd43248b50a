/**
 * The staff transparency answer (GET /api/orgs/:orgId/phishing/transparency): the server words
 * every text in the reader's language. Read leniently so a missing part falls back to the page's
 * own wording instead of breaking it.
 */
export interface Transparency {
  organizationName: string | null;
  simulated: string | null;
  purpose: string | null;
  recorded: string[];
  neverRecorded: string[];
  whoSees: string[];
  retentionDays: number | null;
  retention: string | null;
  anonymousDefault: boolean | null;
  anonymous: string | null;
  reportAddress: string | null;
  reporting: string | null;
  note: string | null;
  recentCampaigns: Array<{ name: string; launchedAt: string; endedAt: string }>;
}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (typeof v === 'object' && v !== null ? (v as Loose) : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v.trim() !== '' ? v : null);
/** Texts, or objects holding one as `label` or `text`. */
const texts = (v: unknown): string[] => {
  if (typeof v === 'string') return v.trim() ? [v] : [];
  if (!Array.isArray(v)) return [];
  return v.map((x) => str(x) ?? str(obj(x).label) ?? str(obj(x).text) ?? '').filter(Boolean);
};

export function readTransparency(data: unknown): Transparency {
  const d = obj(data);
  const campaigns = Array.isArray(d.recentCampaigns) ? d.recentCampaigns.map(obj) : [];
  return {
    organizationName: str(obj(d.organization).name) ?? str(d.organizationName),
    simulated: str(d.simulated),
    purpose: str(d.purpose),
    recorded: texts(d.recorded),
    neverRecorded: texts(d.neverRecorded),
    whoSees: texts(d.whoSees),
    retentionDays: typeof d.retentionDays === 'number' ? d.retentionDays : null,
    retention: str(d.retention),
    anonymousDefault: typeof d.anonymousDefault === 'boolean' ? d.anonymousDefault : null,
    anonymous: str(d.anonymous),
    reportAddress: str(d.reportAddress),
    reporting: str(d.reporting),
    note: str(d.transparencyNote) ?? str(d.note),
    recentCampaigns: campaigns
      .filter((c) => str(c.name) !== null)
      .map((c) => ({ name: str(c.name) ?? '', launchedAt: str(c.launchedAt) ?? '', endedAt: str(c.endedAt) ?? '' })),
  };
}
