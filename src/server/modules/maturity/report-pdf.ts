import type { Locale } from '../../platform/errors.js';
import { pdfDocument } from '../../platform/lazy-libs.js';
import { BLUE, BOTTOM, type Doc, headingWith, LEFT, WIDTH } from '../../platform/pdf-layout.js';
import type { DiagnosticDto } from './schema.js';

// The restitution handed to the organization's management: where it stands per theme, then the six
// things to do first with why and how, in plain words; the other recommendations by title only.

const words = {
  fr: {
    title: 'Diagnostic de maturité cyber',
    full: 'version complète',
    short: 'version courte',
    draft: 'brouillon, pas encore terminé',
    completed: 'terminé le',
    generated: 'Édité le',
    referential: 'Référentiel',
    overall: 'Score global',
    themes: 'Où vous en êtes, thème par thème',
    theme: 'Thème',
    score: 'Score',
    notAsked: 'non évalué',
    hygiene: 'Hygiène',
    care: 'CaRE',
    priorities: 'Vos six priorités',
    noPriority: 'Aucune recommandation\u00a0: toutes les réponses sont au meilleur niveau.',
    why: 'Pourquoi',
    how: 'Comment',
    effort: { low: 'effort faible', medium: 'effort moyen', high: 'effort important' },
    others: 'Ensuite',
    scale: 'Les scores vont de 0 à 100. Une question sans réponse compte pour 0.',
  },
  en: {
    title: 'Cyber maturity diagnostic',
    full: 'full version',
    short: 'short version',
    draft: 'draft, not completed yet',
    completed: 'completed on',
    generated: 'Issued on',
    referential: 'Referential',
    overall: 'Overall score',
    themes: 'Where you stand, theme by theme',
    theme: 'Theme',
    score: 'Score',
    notAsked: 'not assessed',
    hygiene: 'Hygiene',
    care: 'CaRE',
    priorities: 'Your six priorities',
    noPriority: 'No recommendation: every answer is at the best level.',
    why: 'Why',
    how: 'How',
    effort: { low: 'low effort', medium: 'medium effort', high: 'high effort' },
    others: 'Next',
    scale: 'Scores go from 0 to 100. An unanswered question counts as 0.',
  },
} as const;

const heading = headingWith(10);

function paragraph(doc: Doc, text: string, opts: { bold?: boolean; indent?: number; color?: string } = {}): void {
  if (doc.y + 14 > BOTTOM) doc.addPage();
  const indent = opts.indent ?? 0;
  doc
    .font(opts.bold ? 'Helvetica-Bold' : 'Helvetica')
    .fillColor(opts.color ?? 'black')
    .text(text, LEFT + indent, doc.y, { width: WIDTH - indent });
  doc.font('Helvetica').fillColor('black');
}

/** Red under 40, amber under 70, green from 70: the same bands as the web radar. */
const colourOf = (score: number): string => (score < 40 ? '#c0392b' : score < 70 ? '#d68910' : '#1e8449');

/** One table row: theme name, a bar 0..100 and the figure. */
function themeRow(doc: Doc, label: string, score: number | null, notAsked: string): void {
  if (doc.y + 18 > BOTTOM) doc.addPage();
  const y = doc.y;
  const barX = LEFT + 250;
  const barW = 180;
  doc.font('Helvetica').fontSize(9).fillColor('black').text(label, LEFT, y, { width: 240 });
  doc.rect(barX, y, barW, 9).fill('#e5e8eb');
  if (score !== null && score > 0) doc.rect(barX, y, (barW * score) / 100, 9).fill(colourOf(score));
  doc.fillColor('black').text(score === null ? notAsked : String(score), barX + barW + 10, y, { width: 55 });
  doc.y = Math.max(doc.y, y + 14);
}

/** The restitution of one diagnostic, in the reader's language. */
export async function diagnosticPdf(d: DiagnosticDto, orgName: string, locale: Locale, generatedAt: Date): Promise<Buffer> {
  const w = words[locale];
  const colon = locale === 'fr' ? '\u00a0:' : ':';
  const doc = await pdfDocument({ size: 'A4', margin: 50, info: { Title: `${w.title} — ${orgName}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(18).fillColor(BLUE).text(w.title);
  doc.font('Helvetica').fontSize(12).fillColor('black').text(orgName);
  const state = d.status === 'completed' ? `${w.completed} ${(d.completedAt ?? '').slice(0, 10)}` : w.draft;
  doc
    .fontSize(9)
    .fillColor('#555555')
    .text(`${d.variant === 'short' ? w.short : w.full}, ${state} — ${w.generated} ${generatedAt.toISOString().slice(0, 10)}`)
    .text(`${w.referential}${colon} ${d.referential.title[locale]} (v${d.referential.version})`);
  doc.moveDown(0.6).font('Helvetica-Bold').fontSize(14).fillColor(BLUE);
  doc.text(`${w.overall}${colon} ${d.scores.overall === null ? w.notAsked : `${d.scores.overall} / 100`}`);

  heading(doc, w.themes);
  paragraph(doc, w.scale, { color: '#555555' });
  doc.moveDown(0.4);
  for (const t of d.scores.themes) themeRow(doc, `${t.title[locale]} (${w[t.kind]})`, t.score, w.notAsked);

  heading(doc, w.priorities);
  const priorities = d.recommendations.filter((r) => r.priority);
  if (priorities.length === 0) paragraph(doc, w.noPriority);
  for (const r of priorities) {
    doc.moveDown(0.4);
    paragraph(doc, `${r.rank}. ${r.title[locale]} (${w.effort[r.effort]})`, { bold: true });
    paragraph(doc, `${w.why}${colon} ${r.why[locale]}`, { indent: 12 });
    paragraph(doc, `${w.how}${colon}`, { indent: 12 });
    for (const step of r.how) paragraph(doc, `– ${step[locale]}`, { indent: 24 });
  }
  const others = d.recommendations.filter((r) => !r.priority);
  if (others.length > 0) {
    heading(doc, w.others);
    for (const r of others) paragraph(doc, `${r.rank}. ${r.title[locale]} (${w.effort[r.effort]})`);
  }
  doc.end();
  return done;
}
