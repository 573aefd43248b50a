import type { Locale } from '../../platform/errors.js';
import { pdfDocument } from '../../platform/lazy-libs.js';
import { type DeclarationClock, declarationSteps, stepLabels } from './incidents-declaration.js';

// The declaration's content on paper, step by step, to copy into the ARS / CERT Santé portal or
// read out on the phone when the network is down.

const words = {
  fr: {
    title: 'Déclaration d’incident – contenu préparé',
    detected: 'Détecté le',
    generated: 'Édité le',
    due: 'à envoyer avant le',
    sent: 'envoyée le',
    overdue: 'en retard',
    empty: 'à compléter',
    note: 'Déclaration sans délai à l’ARS et à CERT Santé ; rien n’a été envoyé par Rempart.',
  },
  en: {
    title: 'Incident declaration – prepared content',
    detected: 'Detected on',
    generated: 'Issued on',
    due: 'to send before',
    sent: 'sent on',
    overdue: 'overdue',
    empty: 'to fill in',
    note: 'Declare without delay to the ARS and CERT Santé; Rempart sent nothing.',
  },
} as const;

export interface DeclarationForPdf {
  title: string;
  detectedAt: string;
  checklist: Array<{ key: string; step: string; label: { fr: string; en: string }; value: string }>;
  clocks: DeclarationClock[];
}

const when = (iso: string, locale: Locale) =>
  new Date(iso).toLocaleString(locale === 'en' ? 'en-GB' : 'fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long', timeStyle: 'short' });

export async function declarationPdf(d: DeclarationForPdf, locale: Locale, generatedAt: Date): Promise<Buffer> {
  const w = words[locale];
  const doc = await pdfDocument({ size: 'A4', margins: { top: 50, bottom: 50, left: 50, right: 50 }, info: { Title: d.title } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  doc.font('Helvetica-Bold').fontSize(16).fillColor('#1c3d5a').text(w.title, { width: 495 });
  doc.font('Helvetica-Bold').fontSize(13).fillColor('black').text(d.title, { width: 495 });
  doc
    .font('Helvetica')
    .fontSize(10)
    .text(`${w.detected} ${when(d.detectedAt, locale)} · ${w.generated} ${when(generatedAt.toISOString(), locale)}`);
  doc.text(w.note, { width: 495 });
  for (const step of declarationSteps) {
    const clock = d.clocks.find((c) => c.step === step);
    const state = clock?.sentAt
      ? `${w.sent} ${when(clock.sentAt, locale)}`
      : `${w.due} ${when(clock?.dueAt ?? d.detectedAt, locale)}${clock?.state === 'overdue' ? ` (${w.overdue})` : ''}`;
    doc
      .moveDown(0.8)
      .font('Helvetica-Bold')
      .fontSize(12)
      .fillColor('#1c3d5a')
      .text(`${stepLabels[step][locale]} – ${state}`, { width: 495 });
    doc.fillColor('black').fontSize(10);
    for (const item of d.checklist.filter((c) => c.step === step)) {
      doc.moveDown(0.3).font('Helvetica-Bold').text(item.label[locale], { width: 495 });
      doc.font('Helvetica').text(item.value || `(${w.empty})`, { width: 495 });
    }
  }
  doc.end();
  return done;
}
