import type { Locale } from '../../platform/errors.js';
import { pdfDocument } from '../../platform/lazy-libs.js';

export interface CertificateInput {
  locale: Locale;
  personName: string;
  moduleTitle: string;
  organizationName: string;
  /** ISO time the module was completed. */
  completedAt: string;
  /** Best score, percent. */
  score: number | null;
  /** The assignment id: quoting it lets the organization check the certificate in Rempart. */
  verificationId: string;
}

const words = {
  fr: {
    title: 'Attestation de formation',
    awarded: 'Cette attestation est délivrée à',
    completed: 'pour avoir suivi et validé le module de sensibilisation',
    organization: 'Établissement',
    date: 'Date de validation',
    score: 'Score obtenu',
    verification: 'Identifiant de vérification',
    footer: 'Rempart : la cyber-résilience de la chaîne de soins',
  },
  en: {
    title: 'Certificate of completion',
    awarded: 'This certificate is awarded to',
    completed: 'for completing the awareness module',
    organization: 'Organization',
    date: 'Completed on',
    score: 'Score',
    verification: 'Verification id',
    footer: 'Rempart: cyber resilience for the health care chain',
  },
} as const;

// The built-in PDF fonts only know the Windows-1252 characters; anything else would print as garbage.
const CP1252_EXTRA = '€‚ƒ„…†‡ˆ‰Š‹ŒŽ‘’“”•–—˜™š›œžŸ';
// Letters with a stroke have no decomposition: spell them plainly rather than print "?".
const PLAIN: Record<string, string> = { Ł: 'L', ł: 'l', Đ: 'D', đ: 'd', Ħ: 'H', ħ: 'h', ı: 'i', Ŀ: 'L', ŀ: 'l', Ŧ: 'T', ŧ: 't' };
function printable(text: string): string {
  return [...text]
    .map((ch) => {
      const code = ch.codePointAt(0)!;
      if ((code >= 0x20 && code <= 0x7e) || (code >= 0xa0 && code <= 0xff) || CP1252_EXTRA.includes(ch)) return ch;
      if (ch === '\u202f' || ch === '\u2009') return '\u00a0';
      if (PLAIN[ch]) return PLAIN[ch];
      const plain = ch.normalize('NFD').replace(/\p{Diacritic}/gu, '');
      return plain.length > 0 && plain.codePointAt(0)! < 0x7f ? plain : '?';
    })
    .join('');
}

const formatDate = (iso: string, locale: Locale): string =>
  new Intl.DateTimeFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { dateStyle: 'long', timeZone: 'UTC' }).format(new Date(iso));

const formatScore = (score: number, locale: Locale): string =>
  `${new Intl.NumberFormat(locale === 'en' ? 'en-GB' : 'fr-FR', { maximumFractionDigits: 1 }).format(score)}${locale === 'en' ? '' : '\u00a0'}%`;

/** A one-page A4 landscape certificate, in French or English. */
export async function certificatePdf(input: CertificateInput): Promise<Buffer> {
  const w = words[input.locale];
  const doc = await pdfDocument({
    size: 'A4',
    layout: 'landscape',
    margin: 56,
    info: { Title: printable(`${w.title} - ${input.moduleTitle}`), Author: 'Rempart', Subject: printable(input.personName) },
  });
  const chunks: Buffer[] = [];
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('data', (c: Buffer) => chunks.push(c));
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  const { width, height } = doc.page;
  const left = 72;
  const inner = width - 2 * left;
  doc
    .lineWidth(3)
    .strokeColor('#1c4e80')
    .rect(28, 28, width - 56, height - 56)
    .stroke();
  doc
    .lineWidth(1)
    .strokeColor('#7aa6d6')
    .rect(38, 38, width - 76, height - 76)
    .stroke();

  const center = (text: string, size: number, font = 'Helvetica', color = '#1f2933') =>
    doc.font(font).fontSize(size).fillColor(color).text(printable(text), left, undefined, { width: inner, align: 'center' });

  doc.y = 90;
  center(w.title, 34, 'Helvetica-Bold', '#1c4e80');
  doc.moveDown(1.2);
  center(w.awarded, 14);
  doc.moveDown(0.4);
  center(input.personName, 28, 'Helvetica-Bold');
  doc.moveDown(0.8);
  center(w.completed, 14);
  doc.moveDown(0.4);
  const quoted = input.locale === 'en' ? `“${input.moduleTitle}”` : `«\u00a0${input.moduleTitle}\u00a0»`;
  center(quoted, 20, 'Helvetica-Bold', '#1c4e80');
  doc.moveDown(1.4);

  const colon = input.locale === 'en' ? ':' : '\u00a0:';
  const lines = [
    `${w.organization}${colon} ${input.organizationName}`,
    `${w.date}${colon} ${formatDate(input.completedAt, input.locale)}`,
    ...(input.score === null ? [] : [`${w.score}${colon} ${formatScore(input.score, input.locale)}`]),
  ];
  for (const line of lines) {
    center(line, 13);
    doc.moveDown(0.3);
  }

  doc
    .font('Helvetica')
    .fontSize(9)
    .fillColor('#52606d')
    .text(printable(`${w.verification}${colon} ${input.verificationId}`), left, height - 110, {
      width: inner,
      align: 'center',
    })
    .text(printable(w.footer), { width: inner, align: 'center' });
  doc.end();
  return done;
}
