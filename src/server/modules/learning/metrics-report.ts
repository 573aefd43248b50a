import type { Locale } from '../../platform/errors.js';
import { pdfDocument } from '../../platform/lazy-libs.js';
import { BOTTOM, type Doc, headingWith, LEFT } from '../../platform/pdf-layout.js';
import { CSV_BOM, csvCell } from '../identity/people-csv.js';
import type { Figures, GroupDimension, OrgMetrics, Suppressed, TerritoryMetrics } from './metrics-schema.js';

// The exports of the learning metrics: CSV (Excel, French locale) and the PDF for the management board.

const isFigures = (x: Figures | Suppressed | object): x is Figures => typeof (x as Figures).people === 'number';

/** French spreadsheets read a decimal comma; numbers are never passed through csvCell (a minus sign is not a formula). */
const num = (v: number | null, locale: Locale): string => (v === null ? '' : locale === 'fr' ? String(v).replace('.', ',') : String(v));
const line = (cells: string[]): string => `${cells.join(';')}\r\n`;

const figureHeaders: Record<Locale, string[]> = {
  fr: [
    'Personnes',
    'Modules assignés',
    'Modules terminés',
    'Taux de réalisation (%)',
    'Score initial (%)',
    'Score final (%)',
    'Progression (points)',
    'Personnes en retard',
  ],
  en: [
    'People',
    'Assigned modules',
    'Completed modules',
    'Completion rate (%)',
    'First score (%)',
    'Last score (%)',
    'Change (points)',
    'People overdue',
  ],
};
const dimensionHeader: Record<GroupDimension, Record<Locale, string>> = {
  role_family: { fr: 'Famille de métiers', en: 'Role family' },
  service: { fr: 'Service', en: 'Service' },
  site: { fr: 'Site', en: 'Site' },
};

function figureCells(f: Figures | Suppressed | object, locale: Locale): string[] {
  // A suppressed group shows "<5" people and no other figure.
  if (!isFigures(f)) return ['<5', '', '', '', '', '', '', ''];
  return [f.people, f.assigned, f.completed, f.completionRate, f.firstScore, f.lastScore, f.scoreChange, f.overdue].map((v) =>
    num(v, locale),
  );
}

/** One row per group: UTF-8 with a BOM, semicolons, headers in the request's language. */
export function orgMetricsCsv(m: OrgMetrics, by: GroupDimension, locale: Locale): string {
  let out = CSV_BOM + line([csvCell(dimensionHeader[by][locale]), ...figureHeaders[locale]]);
  for (const g of m.groups) out += line([csvCell(g.label), ...figureCells(g, locale)]);
  return out;
}

/** One row per member organization; members that do not share have no figures. */
export function territoryMetricsCsv(m: TerritoryMetrics, locale: Locale): string {
  const head = locale === 'fr' ? ['Établissement', 'Partage ses indicateurs'] : ['Organization', 'Shares its figures'];
  const [yes, no] = locale === 'fr' ? ['oui', 'non'] : ['yes', 'no'];
  let out = CSV_BOM + line([...head, ...figureHeaders[locale]]);
  for (const member of m.members) {
    const cells = member.sharing ? figureCells(member, locale) : ['', '', '', '', '', '', '', ''];
    out += line([csvCell(member.name), member.sharing ? yes : no, ...cells]);
  }
  return out;
}

// PDF -------------------------------------------------------------------------------------------

const words = {
  fr: {
    title: 'Sensibilisation à la cybersécurité',
    subtitle: 'Rapport pour la direction',
    generated: 'Édité le',
    totals: 'Chiffres clés',
    groups: 'Par famille de métiers',
    modules: 'Par module',
    topics: 'Maîtrise par thème',
    trend: 'Tendance sur 90 jours',
    suppressedNote: 'Les groupes de moins de 5 personnes ne sont jamais détaillés (« <5 »).',
    noData: 'Pas encore de données.',
    totalsSuppressed: "Moins de 5 personnes suivent une formation : aucun chiffre n'est affiché.",
    group: 'Groupe',
    module: 'Module',
    topic: 'Thème',
    learners: 'Apprenants',
    mastered: 'Maîtrise (%)',
    average: 'Score moyen (%)',
    completionsLegend: 'Modules terminés par jour',
    correctLegend: 'Bonnes réponses (%)',
  },
  en: {
    title: 'Cybersecurity awareness',
    subtitle: 'Report for the management board',
    generated: 'Generated on',
    totals: 'Key figures',
    groups: 'By role family',
    modules: 'By module',
    topics: 'Mastery by topic',
    trend: '90-day trend',
    suppressedNote: 'Groups of fewer than 5 people are never detailed ("<5").',
    noData: 'No data yet.',
    totalsSuppressed: 'Fewer than 5 people are in training: no figure is shown.',
    group: 'Group',
    module: 'Module',
    topic: 'Topic',
    learners: 'Learners',
    mastered: 'Mastered (%)',
    average: 'Average score (%)',
    completionsLegend: 'Modules completed per day',
    correctLegend: 'Correct answers (%)',
  },
} as const;

interface Column {
  header: string;
  width: number;
  align?: 'left' | 'right';
}

const heading = headingWith(9);

/** Rows of one line each (long cells end with an ellipsis); headers may take two lines. */
function table(doc: Doc, columns: Column[], rows: string[][], withHeader = true): void {
  const drawRow = (cells: string[], bold: boolean, height: number) => {
    if (doc.y + height > BOTTOM) doc.addPage();
    const y = doc.y;
    let x = LEFT;
    doc.font(bold ? 'Helvetica-Bold' : 'Helvetica').fontSize(bold ? 8 : 9);
    columns.forEach((c, i) => {
      doc.text(cells[i] ?? '', x + 2, y + 4, { width: c.width - 4, height: height - 4, align: c.align ?? 'left', ellipsis: true });
      x += c.width;
    });
    doc
      .moveTo(LEFT, y + height)
      .lineTo(x, y + height)
      .lineWidth(0.3)
      .strokeColor('#999999')
      .stroke();
    doc.x = LEFT;
    doc.y = y + height;
  };
  if (withHeader)
    drawRow(
      columns.map((c) => c.header),
      true,
      26,
    );
  for (const r of rows) drawRow(r, false, 16);
}

/** A line chart of the daily completions (left scale) and the share of correct answers (0-100). */
function trendChart(doc: Doc, trend: OrgMetrics['trend'], w: (typeof words)[Locale]): void {
  const width = 495;
  const height = 140;
  if (doc.y + height + 40 > BOTTOM) doc.addPage();
  const top = doc.y + 5;
  const maxCompletions = Math.max(1, ...trend.map((d) => d.completions));
  const xOf = (i: number) => LEFT + (i / Math.max(1, trend.length - 1)) * width;
  doc.rect(LEFT, top, width, height).lineWidth(0.5).strokeColor('#999999').stroke();
  const series = (values: Array<number | null>, max: number, color: string) => {
    let drawing = false;
    values.forEach((v, i) => {
      if (v === null) {
        drawing = false;
        return;
      }
      const y = top + height - (v / max) * height;
      if (drawing) doc.lineTo(xOf(i), y);
      else doc.moveTo(xOf(i), y);
      drawing = true;
    });
    doc.lineWidth(1.2).strokeColor(color).stroke();
  };
  series(
    trend.map((d) => d.completions),
    maxCompletions,
    '#1f77b4',
  );
  series(
    trend.map((d) => d.correctRate),
    100,
    '#2ca02c',
  );
  doc.fontSize(8).fillColor('#555555');
  doc.text(String(maxCompletions), LEFT - 25, top - 3, { width: 22, align: 'right' });
  doc.text('0', LEFT - 25, top + height - 6, { width: 22, align: 'right' });
  doc.text(trend[0]?.day ?? '', LEFT, top + height + 3);
  doc.text(trend.at(-1)?.day ?? '', LEFT + width - 60, top + height + 3, { width: 60, align: 'right' });
  doc.fillColor('#1f77b4').text(`— ${w.completionsLegend}`, LEFT, top + height + 15);
  doc.fillColor('#2ca02c').text(`— ${w.correctLegend}`, LEFT + 250, top + height + 15);
  doc.fillColor('black').fontSize(9);
  doc.x = LEFT;
  doc.y = top + height + 30;
}

/** The management board's PDF: totals, groups (small ones suppressed), modules, topics and the trend. */
export async function orgMetricsPdf(m: OrgMetrics, locale: Locale, generatedAt: Date): Promise<Buffer> {
  const w = words[locale];
  const show = (v: number | null): string => (v === null ? '—' : num(v, locale));
  const doc = await pdfDocument({ size: 'A4', margin: 50, info: { Title: `${w.title} — ${m.organization.name}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(18).fillColor('#1c3d5a').text(w.title);
  doc.font('Helvetica').fontSize(12).fillColor('black').text(`${w.subtitle} — ${m.organization.name}`);
  doc
    .fontSize(9)
    .fillColor('#555555')
    .text(`${w.generated} ${generatedAt.toISOString().slice(0, 10)}`)
    .fillColor('black');

  const fh = figureHeaders[locale];
  heading(doc, w.totals);
  if (isFigures(m.totals)) {
    const t = m.totals;
    const values = [t.people, t.assigned, t.completed, t.completionRate, t.firstScore, t.lastScore, t.scoreChange, t.overdue];
    table(
      doc,
      [
        { header: '', width: 300 },
        { header: '', width: 120, align: 'right' },
      ],
      fh.map((h, i) => [h, show(values[i] ?? null)]),
      false,
    );
  } else doc.text(w.totalsSuppressed);

  heading(doc, w.groups);
  const numCol = (header: string, width = 60): Column => ({ header, width, align: 'right' });
  if (m.groups.length === 0) doc.text(w.noData);
  else {
    table(
      doc,
      [
        { header: w.group, width: 135 },
        numCol(fh[0]!, 50),
        numCol(fh[3]!, 70),
        numCol(fh[4]!),
        numCol(fh[5]!),
        numCol(fh[6]!),
        numCol(fh[7]!),
      ],
      m.groups.map((g) =>
        isFigures(g)
          ? [g.label, show(g.people), show(g.completionRate), show(g.firstScore), show(g.lastScore), show(g.scoreChange), show(g.overdue)]
          : [g.label, '<5', '—', '—', '—', '—', '—'],
      ),
    );
  }
  doc.moveDown(0.3).fontSize(8).fillColor('#555555').text(w.suppressedNote, LEFT).fillColor('black').fontSize(9);

  heading(doc, w.modules);
  if (m.modules.length === 0) doc.text(w.noData);
  else
    table(
      doc,
      [{ header: w.module, width: 195 }, numCol(fh[1]!), numCol(fh[2]!), numCol(fh[3]!), numCol(fh[4]!), numCol(fh[5]!)],
      m.modules.map((r) => [r.title, show(r.assigned), show(r.completed), show(r.completionRate), show(r.firstScore), show(r.lastScore)]),
    );

  heading(doc, w.topics);
  if (m.topics.length === 0) doc.text(w.noData);
  else
    table(
      doc,
      [{ header: w.topic, width: 255 }, numCol(w.learners, 80), numCol(w.mastered, 80), numCol(w.average, 80)],
      m.topics.map((t) => [t.topic, show(t.learners), show(t.masteryRate), show(t.averageScore)]),
    );

  heading(doc, w.trend);
  trendChart(doc, m.trend, w);
  doc.end();
  return done;
}
