import type { Locale } from '../../platform/errors.js';
import { CSV_BOM, csvLine } from '../identity/people-csv.js';
import type { CampaignResults, Counters, Rates, ResultsDimension } from './results-schema.js';

const dimensionLabels: Record<ResultsDimension, Record<Locale, string>> = {
  service: { fr: 'Service', en: 'Service' },
  role_family: { fr: 'Famille de métiers', en: 'Role family' },
  site: { fr: 'Site', en: 'Site' },
};

const headers: Record<Locale, string[]> = {
  fr: [
    'Personnes visées',
    'Envoyés',
    'Remis',
    'Échecs',
    'Ouverts',
    'Clics',
    'Formulaires soumis',
    'Signalements',
    'Détections automatiques',
    'Taux de remise',
    "Taux d'ouverture",
    'Taux de clic',
    'Taux de soumission',
    'Taux de signalement',
  ],
  en: [
    'Targets',
    'Sent',
    'Delivered',
    'Failed',
    'Opened',
    'Clicked',
    'Forms submitted',
    'Reported',
    'Scanner flagged',
    'Delivery rate',
    'Open rate',
    'Click rate',
    'Submit rate',
    'Report rate',
  ],
};

const totalLabel: Record<Locale, string> = { fr: 'Ensemble', en: 'All' };
const suppressedNote: Record<Locale, string> = { fr: 'masqué (moins de 5 personnes)', en: 'hidden (fewer than 5 people)' };

/** Percentages with one decimal, in the reader's decimal separator; empty when there is no rate. */
function percent(rate: number | null, locale: Locale): string {
  if (rate === null) return '';
  const p = (Math.round(rate * 1000) / 10).toFixed(1);
  return locale === 'fr' ? p.replace('.', ',') : p;
}

function figures(c: Counters, r: Rates, locale: Locale): string[] {
  const counts = [c.targets, c.sent, c.delivered, c.failed, c.opened, c.clicked, c.submitted, c.reported, c.scannerFlagged];
  const rates = [r.delivered, r.opened, r.clicked, r.submitted, r.reported];
  return [...counts.map(String), ...rates.map((x) => percent(x, locale))];
}

/** The results as a spreadsheet: the whole campaign first, then one line per group (hidden groups say so). */
export function campaignResultsCsv(results: CampaignResults, locale: Locale): string {
  let out = CSV_BOM + csvLine([dimensionLabels[results.by][locale], ...headers[locale]]);
  out += csvLine([totalLabel[locale], ...figures(results.totals, results.rates, locale)]);
  for (const g of results.groups) {
    out += 'suppressed' in g ? csvLine([g.label, suppressedNote[locale]]) : csvLine([g.label, ...figures(g.counters, g.rates, locale)]);
  }
  return out;
}
