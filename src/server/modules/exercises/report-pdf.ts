import type { Db } from '../../db/index.js';
import type { Locale } from '../../platform/errors.js';
import { pdfDocument } from '../../platform/lazy-libs.js';
import { BLUE, BOTTOM, type Doc, headingWith, LEFT, WIDTH } from '../../platform/pdf-layout.js';
import type { AfterDto } from './debrief-schema.js';
import type { ExercisesTable } from './tables.js';

// The exercise report handed to management after the debrief: what was played and answered, the
// logbook and decisions, the measured times, the evaluation per objective and the lessons.

const words = {
  fr: {
    title: 'Rapport d’exercice de crise',
    incident: 'Rapport d’incident',
    generated: 'Édité le',
    played: 'Joué du',
    to: 'au',
    timeline: 'Chronologie des stimuli et des réponses',
    reply: 'Réponse',
    logbook: 'Main courante',
    decisions: 'Décisions',
    times: 'Temps mesurés (depuis le début)',
    notReached: 'non atteint',
    min: 'min',
    evaluations: 'Évaluation par objectif (1 non atteint … 4 pleinement atteint)',
    observers: 'observateurs',
    animators: 'animateurs',
    none: '—',
    debriefs: 'Débriefings à chaud',
    wentWell: 'Ce qui a fonctionné',
    toImprove: 'À améliorer',
    surprises: 'Surprises',
    lessons: 'Leçons retenues',
    empty: 'Rien d’enregistré.',
    kinds: {
      detection: 'Détection',
      alert_lead: 'Alerte de l’établissement support',
      alert_ars: 'Alerte de l’ARS',
      alert_cert_sante: 'Alerte de CERT Santé',
      declaration: 'Déclaration',
    },
  },
  en: {
    title: 'Crisis exercise report',
    incident: 'Incident report',
    generated: 'Issued on',
    played: 'Played from',
    to: 'to',
    timeline: 'Timeline of stimuli and replies',
    reply: 'Reply',
    logbook: 'Logbook',
    decisions: 'Decisions',
    times: 'Measured times (from the start)',
    notReached: 'not reached',
    min: 'min',
    evaluations: 'Evaluation per objective (1 not met … 4 fully met)',
    observers: 'observers',
    animators: 'animators',
    none: '—',
    debriefs: 'Hot debriefs',
    wentWell: 'What worked',
    toImprove: 'To improve',
    surprises: 'Surprises',
    lessons: 'Lessons learned',
    empty: 'Nothing recorded.',
    kinds: {
      detection: 'Detection',
      alert_lead: 'Lead establishment alerted',
      alert_ars: 'ARS alerted',
      alert_cert_sante: 'CERT Santé alerted',
      declaration: 'Declaration',
    },
  },
} as const;

const heading = headingWith(10);

function line(doc: Doc, text: string, opts: { bold?: boolean; indent?: number } = {}): void {
  if (doc.y + 14 > BOTTOM) doc.addPage();
  const indent = opts.indent ?? 0;
  doc.font(opts.bold ? 'Helvetica-Bold' : 'Helvetica').text(text, LEFT + indent, doc.y, { width: WIDTH - indent });
  doc.font('Helvetica');
}

const hhmm = (iso: string | null) => (iso ? iso.slice(11, 16) : '');
const day = (iso: string | null) => (iso ? iso.slice(0, 10) : '');

/** What the report draws besides the summary: the played stimuli and the cells' writing. */
export async function reportMaterial(db: Db, exerciseId: string) {
  const [stimuli, entries] = await Promise.all([
    db
      .selectFrom('exercise_stimuli')
      .select(['id', 'code', 'subject_fr', 'subject_en', 'delivered_at'])
      .where('exercise_id', '=', exerciseId)
      .where('status', '=', 'delivered')
      .orderBy('delivered_at')
      .orderBy('position')
      .execute(),
    db
      .selectFrom('exercise_entries')
      .select(['id', 'kind', 'cell_id', 'stimulus_id', 'text', 'author_name', 'decided_by', 'created_at'])
      .where('exercise_id', '=', exerciseId)
      .where('kind', 'in', ['reply', 'logbook', 'decision'])
      .orderBy('created_at')
      .orderBy('id')
      .execute(),
  ]);
  return { stimuli, entries };
}
export type ReportMaterial = Awaited<ReturnType<typeof reportMaterial>>;

/** The exercise (or incident) report as a PDF, in the reader's language. */
export async function exerciseReportPdf(
  ex: ExercisesTable,
  after: AfterDto,
  m: ReportMaterial,
  locale: Locale,
  generatedAt: Date,
): Promise<Buffer> {
  const w = words[locale];
  const doc = await pdfDocument({ size: 'A4', margins: { top: 50, bottom: 50, left: LEFT, right: 50 }, info: { Title: ex.title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const cellName = new Map(after.cells.map((c) => [c.id, c.name]));
  doc
    .font('Helvetica-Bold')
    .fontSize(18)
    .fillColor(BLUE)
    .text(ex.kind === 'incident' ? w.incident : w.title, LEFT, 50, { width: WIDTH });
  doc.font('Helvetica-Bold').fontSize(14).fillColor('black').text(ex.title, { width: WIDTH });
  doc.font('Helvetica').fontSize(10);
  line(doc, `${w.played} ${day(ex.started_at)} ${hhmm(ex.started_at)} ${w.to} ${day(ex.ended_at)} ${hhmm(ex.ended_at)}`);
  line(doc, `${w.generated} ${day(generatedAt.toISOString())}`);

  heading(doc, w.timeline);
  if (!m.stimuli.length) line(doc, w.empty);
  for (const s of m.stimuli) {
    line(doc, `${hhmm(s.delivered_at)}  ${s.code}  ${locale === 'en' ? s.subject_en : s.subject_fr}`, { bold: true });
    for (const r of m.entries.filter((e) => e.kind === 'reply' && e.stimulus_id === s.id)) {
      line(doc, `${hhmm(r.created_at)}  ${w.reply} (${cellName.get(r.cell_id) ?? ''}, ${r.author_name}): ${r.text}`, { indent: 14 });
    }
  }
  for (const [kind, title] of [
    ['logbook', w.logbook],
    ['decision', w.decisions],
  ] as const) {
    heading(doc, title);
    const rows = m.entries.filter((e) => e.kind === kind);
    if (!rows.length) line(doc, w.empty);
    for (const e of rows) {
      const who = e.decided_by ?? e.author_name;
      line(doc, `${hhmm(e.created_at)}  ${cellName.get(e.cell_id) ?? ''} · ${who}: ${e.text}`);
    }
  }

  heading(doc, w.times);
  if (!after.times.length) line(doc, w.empty);
  for (const t of after.times) {
    const value = t.minutes === null ? w.notReached : `${t.minutes} ${w.min} (${hhmm(t.at)})`;
    line(doc, `${t.cellName} · ${w.kinds[t.kind]}: ${value}`);
  }

  heading(doc, w.evaluations);
  if (!after.evaluations.length) line(doc, w.empty);
  for (const e of after.evaluations) {
    line(doc, `${e.objectiveId}. ${e.text[locale]}`, { bold: true });
    line(doc, `${w.observers}: ${e.observersRating ?? w.none} · ${w.animators}: ${e.animatorsRating ?? w.none}`, { indent: 14 });
  }

  heading(doc, w.debriefs);
  if (!after.debriefs.length) line(doc, w.empty);
  for (const d of after.debriefs) {
    line(doc, d.cellName, { bold: true });
    line(doc, `${w.wentWell}: ${d.wentWell}`, { indent: 14 });
    line(doc, `${w.toImprove}: ${d.toImprove}`, { indent: 14 });
    if (d.surprises) line(doc, `${w.surprises}: ${d.surprises}`, { indent: 14 });
  }

  heading(doc, w.lessons);
  if (!after.lessons.length) line(doc, w.empty);
  for (const l of after.lessons) line(doc, `- ${l.lesson}`);
  doc.end();
  return done;
}
