import type { Locale } from '../../platform/errors.js';
import { pdfDocument } from '../../platform/lazy-libs.js';
import { BOTTOM, type Doc, headingWith, LEFT } from '../../platform/pdf-layout.js';
import type { CampaignResults, Counters, Rates, ResultsDimension } from './results-schema.js';

// The campaign report for the management board: the report rate first, then the funnel and groups.

const words = {
  fr: {
    title: 'Simulation d’hameçonnage',
    generated: 'Édité le',
    headline: 'Taux de signalement',
    headlineNote: 'part des personnes ayant reçu l’email qui l’ont signalé : le réflexe que la simulation veut installer',
    counts: 'Chiffres de la campagne',
    rates: 'Taux',
    adjusted: 'Taux ajustés à la difficulté',
    adjustedNote: 'Un email plus difficile excuse davantage de clics et mérite davantage de crédit pour un signalement.',
    timeToReport: 'Délai de signalement',
    median: 'Délai médian',
    noReport: 'Aucun signalement pour le moment.',
    groups: { service: 'Par service', role_family: 'Par famille de métiers', site: 'Par site' },
    group: 'Groupe',
    suppressed: 'masqué (moins de 5 personnes)',
    suppressedNote: 'Les groupes de moins de 5 personnes ne sont jamais détaillés.',
    noGroup: 'Aucun groupe à afficher.',
    difficulty: {
      'least-difficult': 'peu difficile',
      'moderately-difficult': 'moyennement difficile',
      'very-difficult': 'très difficile',
    } as Record<string, string>,
    difficultyLabel: 'Difficulté',
    anonymous: 'Campagne anonyme : aucun résultat individuel conservé.',
    counters: [
      'Personnes visées',
      'Emails envoyés',
      'Emails remis',
      'Échecs',
      'Ouvertures',
      'Clics',
      'Formulaires soumis',
      'Signalements',
      'Détections automatiques',
    ],
    rateLabels: ['Remise', 'Ouverture', 'Clic', 'Soumission de formulaire', 'Signalement'],
    adjustedLabels: ['Clic ajusté', 'Signalement ajusté'],
    buckets: ['moins de 5 min', '5 à 15 min', '15 min à 1 h', '1 à 4 h', '4 à 24 h', 'plus de 24 h'],
    reports: 'Signalements',
  },
  en: {
    title: 'Phishing simulation',
    generated: 'Generated on',
    headline: 'Report rate',
    headlineNote: 'share of the people who received the email and reported it: the habit the simulation builds',
    counts: 'Campaign figures',
    rates: 'Rates',
    adjusted: 'Difficulty-adjusted rates',
    adjustedNote: 'A harder email excuses more clicks and earns more credit for a report.',
    timeToReport: 'Time to report',
    median: 'Median time',
    noReport: 'No report yet.',
    groups: { service: 'By service', role_family: 'By role family', site: 'By site' },
    group: 'Group',
    suppressed: 'hidden (fewer than 5 people)',
    suppressedNote: 'Groups of fewer than 5 people are never detailed.',
    noGroup: 'No group to show.',
    difficulty: {
      'least-difficult': 'least difficult',
      'moderately-difficult': 'moderately difficult',
      'very-difficult': 'very difficult',
    } as Record<string, string>,
    difficultyLabel: 'Difficulty',
    anonymous: 'Anonymous campaign: no individual result kept.',
    counters: [
      'Targets',
      'Emails sent',
      'Emails delivered',
      'Failed',
      'Opened',
      'Clicked',
      'Forms submitted',
      'Reported',
      'Scanner flagged',
    ],
    rateLabels: ['Delivery', 'Open', 'Click', 'Form submission', 'Report'],
    adjustedLabels: ['Adjusted click', 'Adjusted report'],
    buckets: ['under 5 min', '5 to 15 min', '15 min to 1 h', '1 to 4 h', '4 to 24 h', 'over 24 h'],
    reports: 'Reports',
  },
} as const;

/** Percentages with one decimal in the reader's notation; a dash when there is nothing to divide. */
export function percentText(rate: number | null, locale: Locale): string {
  if (rate === null) return '—';
  const p = (Math.round(rate * 1000) / 10).toFixed(1);
  return locale === 'fr' ? `${p.replace('.', ',')}\u00a0%` : `${p}%`;
}

const heading = headingWith(9);

/** Label/value lines, one per row. */
function pairs(doc: Doc, rows: Array<[string, string]>): void {
  for (const [label, value] of rows) {
    if (doc.y + 16 > BOTTOM) doc.addPage();
    const y = doc.y;
    doc.text(label, LEFT, y, { width: 280 });
    doc.text(value, LEFT + 280, y, { width: 120, align: 'right' });
    doc.x = LEFT;
    doc.y = y + 15;
  }
}

function counterValues(c: Counters): number[] {
  return [c.targets, c.sent, c.delivered, c.failed, c.opened, c.clicked, c.submitted, c.reported, c.scannerFlagged];
}
function rateValues(r: Rates): Array<number | null> {
  return [r.delivered, r.opened, r.clicked, r.submitted, r.reported];
}

/** The PDF of one campaign's results, in the reader's language, with hidden groups marked as such. */
export async function campaignResultsPdf(r: CampaignResults, organizationName: string, locale: Locale, generatedAt: Date): Promise<Buffer> {
  const w = words[locale];
  const colon = locale === 'fr' ? '\u00a0:' : ':';
  const pct = (x: number | null) => percentText(x, locale);
  const doc = await pdfDocument({ size: 'A4', margin: 50, info: { Title: `${w.title} — ${r.campaign.name}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(18).fillColor('#1c3d5a').text(w.title);
  doc.font('Helvetica').fontSize(12).fillColor('black').text(`${r.campaign.name} — ${organizationName}`);
  const difficulty = w.difficulty[r.campaign.difficulty] ?? r.campaign.difficulty;
  const launched = r.campaign.launchedAt ? ` — ${r.campaign.launchedAt.slice(0, 10)}` : '';
  doc.fontSize(9).fillColor('#555555').text(`${w.difficultyLabel}${colon} ${difficulty}${launched}`);
  doc.text(`${w.generated} ${generatedAt.toISOString().slice(0, 10)}`);
  if (r.campaign.anonymous) doc.text(w.anonymous);
  doc.fillColor('black');

  heading(doc, w.headline);
  doc.font('Helvetica-Bold').fontSize(28).fillColor('#1c7c3a').text(pct(r.rates.reported), LEFT);
  doc.font('Helvetica').fontSize(9).fillColor('#555555').text(w.headlineNote, LEFT).fillColor('black');

  heading(doc, w.counts);
  pairs(
    doc,
    counterValues(r.totals).map((v, i) => [w.counters[i] ?? '', String(v)]),
  );
  heading(doc, w.rates);
  pairs(
    doc,
    rateValues(r.rates).map((v, i) => [w.rateLabels[i] ?? '', pct(v)]),
  );
  heading(doc, w.adjusted);
  pairs(doc, [
    [w.adjustedLabels[0], pct(r.adjusted.clicked)],
    [w.adjustedLabels[1], pct(r.adjusted.reported)],
  ]);
  doc.fontSize(8).fillColor('#555555').text(w.adjustedNote, LEFT).fillColor('black').fontSize(9);

  heading(doc, w.timeToReport);
  const { buckets, medianBucket } = r.timeToReport;
  if (medianBucket === null) doc.text(w.noReport, LEFT);
  else {
    pairs(
      doc,
      buckets.map((n, i) => [w.buckets[i] ?? '', String(n)]),
    );
    doc.font('Helvetica-Bold').text(`${w.median}${colon} ${w.buckets[medianBucket]}`, LEFT).font('Helvetica');
  }

  heading(doc, w.groups[r.by as ResultsDimension]);
  if (r.groups.length === 0) doc.text(w.noGroup, LEFT);
  for (const g of r.groups) {
    if (doc.y + 30 > BOTTOM) doc.addPage();
    doc
      .font('Helvetica-Bold')
      .text(g.label || '—', LEFT)
      .font('Helvetica');
    if ('suppressed' in g)
      doc
        .fillColor('#555555')
        .text(w.suppressed, LEFT + 10)
        .fillColor('black');
    else
      doc.text(
        `${w.counters[0]} ${g.counters.targets} · ${w.rateLabels[2]} ${pct(g.rates.clicked)} · ${w.rateLabels[3]} ${pct(g.rates.submitted)} · ${w.rateLabels[4]} ${pct(g.rates.reported)}`,
        LEFT + 10,
      );
    doc.moveDown(0.3);
  }
  doc.fontSize(8).fillColor('#555555').text(w.suppressedNote, LEFT).fillColor('black');
  doc.end();
  return done;
}
