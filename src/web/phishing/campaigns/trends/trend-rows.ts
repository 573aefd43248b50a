/**
 * The trends answer (GET …/phishing/trends: per campaign over time, report, click and submit rates,
 * raw and adjusted for difficulty) as rows in launch order. Read leniently: the list may come as
 * `items` or `campaigns`, rates nested under `rates`/`adjusted`.
 */
export interface TrendRow {
  id: string;
  name: string;
  launchedAt: string | null;
  difficulty: string | null;
  reported: number | null;
  clicked: number | null;
  submitted: number | null;
  adjustedReported: number | null;
  adjustedClicked: number | null;
}

type Loose = Record<string, unknown>;
const obj = (v: unknown): Loose => (typeof v === 'object' && v !== null ? (v as Loose) : {});
const num = (v: unknown): number | null => (typeof v === 'number' && Number.isFinite(v) ? v : null);
const str = (v: unknown): string | null => (typeof v === 'string' ? v : null);

export function trendRows(data: unknown): TrendRow[] {
  const d = obj(data);
  const list = Array.isArray(data) ? data : Array.isArray(d.items) ? d.items : Array.isArray(d.campaigns) ? d.campaigns : [];
  const rows = list.map((raw): TrendRow => {
    const r = obj(raw);
    const rates = obj(r.rates);
    const adjusted = obj(r.adjusted);
    const campaign = obj(r.campaign);
    return {
      id: str(r.campaignId) ?? str(r.id) ?? str(campaign.id) ?? '',
      name: str(r.name) ?? str(campaign.name) ?? '',
      launchedAt: str(r.launchedAt) ?? str(campaign.launchedAt),
      difficulty: str(r.difficulty) ?? str(campaign.difficulty),
      reported: num(rates.reported),
      clicked: num(rates.clicked),
      submitted: num(rates.submitted),
      adjustedReported: num(adjusted.reported),
      adjustedClicked: num(adjusted.clicked),
    };
  });
  return rows.sort((a, b) => (a.launchedAt ?? '').localeCompare(b.launchedAt ?? ''));
}

export const trendKinds = ['raw', 'adjusted'] as const;
export type TrendKind = (typeof trendKinds)[number];

/** The lines drawn: the headline (reports) first. Adjusted figures exist for reports and clicks only. */
export function trendLines(
  rows: readonly TrendRow[],
  kind: TrendKind,
): Array<{ key: 'reported' | 'clicked' | 'submitted'; values: Array<number | null> }> {
  const pct = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 10);
  if (kind === 'adjusted') {
    return [
      { key: 'reported', values: rows.map((r) => pct(r.adjustedReported)) },
      { key: 'clicked', values: rows.map((r) => pct(r.adjustedClicked)) },
    ];
  }
  return [
    { key: 'reported', values: rows.map((r) => pct(r.reported)) },
    { key: 'clicked', values: rows.map((r) => pct(r.clicked)) },
    { key: 'submitted', values: rows.map((r) => pct(r.submitted)) },
  ];
}
