import type { Locale } from '../../platform/errors.js';
import { pdfDocument } from '../../platform/lazy-libs.js';
import { BOTTOM, type Doc, headingWith, LEFT, WIDTH } from '../../platform/pdf-layout.js';
import { percentText } from '../phishing/results-pdf.js';
import type { AuditReport } from './report-service.js';

// The audit report handed to the provider and kept for the record: every answer with its rating,
// then the findings and their plan, then the costs and who pays them.

const words = {
  fr: {
    title: 'Rapport d’audit prestataire',
    generated: 'Édité le',
    provider: 'Prestataire',
    siren: 'SIREN',
    services: 'Prestations',
    healthData: 'Données de santé',
    tier: 'Criticité',
    contract: 'Contrat et clause d’audit',
    noContract: 'Audit sans contrat rattaché.',
    noClause: 'Le contrat ne comporte pas de clause d’audit structurée.',
    frequency: 'Fréquence',
    months: 'mois',
    notice: 'Préavis',
    days: 'jours',
    payer: 'Prise en charge',
    cap: 'Plafond des frais',
    fix: 'Délai de correction',
    clauses: 'Clauses présentes',
    grid: 'Grille',
    status: 'État',
    score: 'Score de conformité',
    section: 'Section',
    answer: 'Réponse',
    comment: 'Commentaire du prestataire',
    rating: 'Appréciation',
    note: 'Note de l’auditeur',
    unanswered: 'sans réponse',
    unrated: 'non appréciée',
    findings: 'Écarts et plan de remédiation',
    noFinding: 'Aucun écart relevé.',
    due: 'échéance',
    rootCause: 'Cause',
    costs: 'Frais d’audit',
    noCost: 'Aucun frais enregistré.',
    total: 'Total',
    paidByUs: 'À la charge de l’établissement',
    paidByProvider: 'À la charge du prestataire',
    yes: 'oui',
    no: 'non',
    none: 'aucun',
    payers: { establishment: 'l’établissement', provider: 'le prestataire', provider_if_breach: 'le prestataire en cas de manquement' },
    ratings: { compliant: 'conforme', partial: 'partiellement conforme', non_compliant: 'non conforme', not_applicable: 'non applicable' },
    severities: { low: 'faible', medium: 'moyenne', high: 'élevée', critical: 'critique' },
    stepStatus: { todo: 'à faire', done: 'fait' },
    from: 'du',
    to: 'au',
    openEnded: 'sans terme',
    auditStatus: {
      planned: 'planifié',
      open: 'ouvert au prestataire',
      submitted: 'soumis',
      in_review: 'en revue',
      remediation: 'en remédiation',
      closed: 'clos',
      cancelled: 'annulé',
    } as Record<string, string>,
    findingStatus: { open: 'ouvert', plan_proposed: 'plan proposé', plan_agreed: 'plan convenu', closed: 'clos' },
  },
  en: {
    title: 'Provider audit report',
    generated: 'Generated on',
    provider: 'Provider',
    siren: 'SIREN',
    services: 'Services',
    healthData: 'Health data',
    tier: 'Criticality',
    contract: 'Contract and audit clause',
    noContract: 'Audit without a linked contract.',
    noClause: 'The contract has no structured audit clause.',
    frequency: 'Frequency',
    months: 'months',
    notice: 'Notice',
    days: 'days',
    payer: 'Paid by',
    cap: 'Cost cap',
    fix: 'Fix deadline',
    clauses: 'Clauses present',
    grid: 'Grid',
    status: 'Status',
    score: 'Compliance score',
    section: 'Section',
    answer: 'Answer',
    comment: 'Provider’s comment',
    rating: 'Rating',
    note: 'Auditor’s note',
    unanswered: 'not answered',
    unrated: 'not rated',
    findings: 'Findings and remediation plan',
    noFinding: 'No finding.',
    due: 'due',
    rootCause: 'Root cause',
    costs: 'Audit costs',
    noCost: 'No cost recorded.',
    total: 'Total',
    paidByUs: 'Paid by the establishment',
    paidByProvider: 'Paid by the provider',
    yes: 'yes',
    no: 'no',
    none: 'none',
    payers: { establishment: 'the establishment', provider: 'the provider', provider_if_breach: 'the provider if a breach is found' },
    ratings: { compliant: 'compliant', partial: 'partially compliant', non_compliant: 'non-compliant', not_applicable: 'not applicable' },
    severities: { low: 'low', medium: 'medium', high: 'high', critical: 'critical' },
    stepStatus: { todo: 'to do', done: 'done' },
    from: 'from',
    to: 'to',
    openEnded: 'open-ended',
    auditStatus: {
      planned: 'planned',
      open: 'open to the provider',
      submitted: 'submitted',
      in_review: 'in review',
      remediation: 'in remediation',
      closed: 'closed',
      cancelled: 'cancelled',
    } as Record<string, string>,
    findingStatus: { open: 'open', plan_proposed: 'plan proposed', plan_agreed: 'plan agreed', closed: 'closed' },
  },
} as const;

const heading = headingWith(9);

function line(doc: Doc, text: string, opts: { bold?: boolean; indent?: number; color?: string } = {}): void {
  if (doc.y + 14 > BOTTOM) doc.addPage();
  const indent = opts.indent ?? 0;
  doc
    .font(opts.bold ? 'Helvetica-Bold' : 'Helvetica')
    .fillColor(opts.color ?? 'black')
    .text(text, LEFT + indent, doc.y, { width: WIDTH - indent });
  doc.font('Helvetica').fillColor('black');
}

export const euros = (cents: number, locale: Locale): string =>
  new Intl.NumberFormat(locale === 'fr' ? 'fr-FR' : 'en-GB', { style: 'currency', currency: 'EUR' })
    .format(cents / 100)
    .replace(/\u202f/g, '\u00a0');

/** The PDF of one audit, in the reader's language. */
export async function auditReportPdf(r: AuditReport, locale: Locale, generatedAt: Date): Promise<Buffer> {
  const w = words[locale];
  const colon = locale === 'fr' ? '\u00a0:' : ':';
  const kv = (k: string, v: string) => `${k}${colon} ${v}`;
  const a = r.review.audit;
  const doc = await pdfDocument({ size: 'A4', margin: 50, info: { Title: `${w.title} — ${a.title}` } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  doc.font('Helvetica-Bold').fontSize(18).fillColor('#1c3d5a').text(w.title);
  doc.font('Helvetica').fontSize(12).fillColor('black').text(`${a.title} — ${r.supplier.name}`);
  doc
    .fontSize(9)
    .fillColor('#555555')
    .text(`${kv(w.status, w.auditStatus[a.status] ?? a.status)} — ${w.generated} ${generatedAt.toISOString().slice(0, 10)}`);
  doc.fillColor('black');

  heading(doc, w.provider);
  line(doc, kv(w.provider, r.supplier.name));
  line(doc, kv(w.siren, r.supplier.siren));
  if (r.supplier.services) line(doc, kv(w.services, r.supplier.services));
  line(doc, kv(w.healthData, r.supplier.healthData ? w.yes : w.no));
  line(doc, kv(w.tier, String(r.supplier.tier)));

  heading(doc, w.contract);
  if (!r.contract) line(doc, w.noContract);
  else {
    const ends = r.contract.ends_on ? `${w.to} ${r.contract.ends_on}` : w.openEnded;
    line(doc, `${r.contract.reference} — ${r.contract.title} (${w.from} ${r.contract.starts_on} ${ends})`);
    if (!r.clause) line(doc, w.noClause);
    else {
      const c = r.clause;
      line(doc, kv(w.frequency, `${c.frequency_months} ${w.months}`));
      line(doc, kv(w.notice, `${c.notice_days} ${w.days}`));
      line(doc, kv(w.payer, w.payers[c.payer]));
      line(doc, kv(w.cap, c.cost_cap_eur === null ? w.none : euros(Number(c.cost_cap_eur) * 100, locale)));
      line(doc, kv(w.fix, `${c.fix_deadline_days} ${w.days}`));
    }
    line(doc, kv(w.clauses, r.clausesPresent.length ? r.clausesPresent.join(', ') : w.none));
  }

  heading(doc, `${w.grid}${colon} ${r.review.grid.title}`);
  const pct = (x: number | null) => percentText(x === null ? null : x / 100, locale);
  line(doc, kv(w.score, pct(r.review.score.score)), { bold: true });
  for (const s of r.review.score.sections) line(doc, kv(s.title, pct(s.score)), { indent: 10 });
  for (const section of r.review.grid.sections) {
    heading(doc, `${w.section}${colon} ${section.title}`);
    for (const q of section.questions) {
      doc.moveDown(0.3);
      line(doc, `${q.id}. ${q.text}`, { bold: true });
      line(doc, kv(w.answer, answerText(q.answer?.value, r.options.get(q.id), w)), { indent: 10 });
      if (q.answer?.comment) line(doc, kv(w.comment, q.answer.comment), { indent: 10 });
      line(doc, kv(w.rating, q.rating ? w.ratings[q.rating] : w.unrated), {
        indent: 10,
        color: q.rating === 'non_compliant' ? '#a61b1b' : 'black',
      });
      if (q.ratingNote) line(doc, kv(w.note, q.ratingNote), { indent: 10 });
    }
  }

  heading(doc, w.findings);
  if (r.findings.length === 0) line(doc, w.noFinding);
  for (const f of r.findings) {
    doc.moveDown(0.3);
    line(doc, `${f.title} — ${w.severities[f.severity]} — ${w.findingStatus[f.status]}${f.dueOn ? ` — ${w.due} ${f.dueOn}` : ''}`, {
      bold: true,
    });
    if (f.description) line(doc, f.description, { indent: 10 });
    if (f.rootCause) line(doc, kv(w.rootCause, f.rootCause), { indent: 10 });
    for (const s of f.steps) line(doc, `• ${s.description} — ${w.due} ${s.dueOn} — ${w.stepStatus[s.status]}`, { indent: 10 });
  }

  heading(doc, w.costs);
  if (r.costs.items.length === 0) line(doc, w.noCost);
  for (const c of r.costs.items) line(doc, `${c.incurredOn} — ${c.label} — ${euros(c.amountCents, locale)}`);
  if (r.costs.items.length > 0) {
    line(doc, kv(w.total, euros(r.costs.split.totalCents, locale)), { bold: true });
    line(doc, kv(w.paidByUs, euros(r.costs.split.establishmentCents, locale)));
    line(doc, kv(w.paidByProvider, euros(r.costs.split.providerCents, locale)));
  }
  doc.end();
  return done;
}

function answerText(value: unknown, options: Map<string, string> | undefined, w: (typeof words)[Locale]): string {
  if (value === undefined || value === null) return w.unanswered;
  const word = (v: unknown): string => {
    const s = String(v);
    if (s === 'yes') return w.yes;
    if (s === 'no') return w.no;
    if (s === 'partial') return w.ratings.partial;
    return options?.get(s) ?? s;
  };
  return Array.isArray(value) ? value.map(word).join(', ') : word(value);
}
