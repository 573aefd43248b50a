import type { Locale } from '../../platform/errors.js';
import { pdfDocument } from '../../platform/lazy-libs.js';
import type { StarterResource } from '../territory/library-starter.js';
import type { CrisisKitService } from './crisis-kit-service.js';

// The printed crisis kit: kept in the crisis room and at the switchboard, read when the network is
// down. Numbers first, then the sheets.

type Kit = Awaited<ReturnType<CrisisKitService['get']>>;

const words = {
  fr: {
    title: 'Kit de crise cyber',
    generated: 'Généré le',
    roster: 'Cellule de crise',
    name: 'Nom',
    fn: 'Fonction',
    phone: 'Téléphone',
    contacts: 'Contacts extérieurs',
    lead: 'Établissement support',
    ars: 'ARS',
    cert: 'CERT Santé',
    providers: 'Prestataires critiques (niveau 1)',
    none: 'à compléter',
    reprint: 'Réimprimez ce kit au moins tous les trois mois et après chaque changement de la cellule.',
  },
  en: {
    title: 'Cyber crisis kit',
    generated: 'Generated on',
    roster: 'Crisis cell',
    name: 'Name',
    fn: 'Role',
    phone: 'Phone',
    contacts: 'Outside contacts',
    lead: 'Lead establishment',
    ars: 'ARS',
    cert: 'CERT Santé',
    providers: 'Critical providers (tier 1)',
    none: 'to fill in',
    reprint: 'Print this kit again at least every three months and after any change in the cell.',
  },
} as const;

const LEFT = 50;
const WIDTH = 495;
const BLUE = '#1c3d5a';

/** Markdown of the library sheets, drawn plainly: headings, quotes, lists; emphasis marks dropped. */
function drawMarkdown(doc: PDFKit.PDFDocument, body: string): void {
  for (const raw of body.split('\n')) {
    const line = raw.replace(/\*\*|__|`/g, '').trimEnd();
    if (!line.trim()) {
      doc.moveDown(0.3);
      continue;
    }
    if (line.startsWith('# ')) doc.font('Helvetica-Bold').fontSize(14).fillColor(BLUE).text(line.slice(2), LEFT, doc.y, { width: WIDTH });
    else if (line.startsWith('## ') || line.startsWith('### '))
      doc.moveDown(0.3).font('Helvetica-Bold').fontSize(11).fillColor(BLUE).text(line.replace(/^#+ /, ''), LEFT, doc.y, { width: WIDTH });
    else if (line.startsWith('> '))
      doc.font('Helvetica-Oblique').fontSize(9).fillColor('#444444').text(line.slice(2), LEFT, doc.y, { width: WIDTH });
    else
      doc
        .font('Helvetica')
        .fontSize(10)
        .fillColor('black')
        .text(line.replace(/^\s*[-*] /, '• '), LEFT, doc.y, { width: WIDTH });
  }
  doc.font('Helvetica').fontSize(10).fillColor('black');
}

export async function crisisKitPdf(kit: Kit, sheets: StarterResource[], locale: Locale, generatedAt: Date): Promise<Buffer> {
  const w = words[locale];
  const doc = await pdfDocument({
    size: 'A4',
    margins: { top: 50, bottom: 50, left: LEFT, right: 50 },
    info: { Title: `${w.title} – ${kit.organizationName}` },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  const day = generatedAt.toLocaleDateString(locale === 'en' ? 'en-GB' : 'fr-FR', { timeZone: 'Europe/Paris', dateStyle: 'long' });
  doc.font('Helvetica-Bold').fontSize(18).fillColor(BLUE).text(w.title, LEFT, 50, { width: WIDTH });
  doc.font('Helvetica-Bold').fontSize(13).fillColor('black').text(kit.organizationName, { width: WIDTH });
  doc.font('Helvetica').fontSize(10).text(`${w.generated} ${day}. ${w.reprint}`, { width: WIDTH });

  const heading = (text: string) =>
    doc
      .moveDown(0.8)
      .font('Helvetica-Bold')
      .fontSize(13)
      .fillColor(BLUE)
      .text(text, LEFT, doc.y, { width: WIDTH })
      .font('Helvetica')
      .fontSize(10)
      .fillColor('black');
  heading(w.roster);
  if (!kit.roster.length) doc.text(w.none);
  for (const r of kit.roster)
    doc.text(`${r.name} – ${r.function || w.none} – ${w.phone} : ${r.phone || w.none}`, LEFT, doc.y, { width: WIDTH });

  heading(w.contacts);
  for (const [label, value] of [
    [w.lead, kit.contacts.lead],
    [w.ars, kit.contacts.ars],
    [w.cert, kit.contacts.certSante],
  ] as const)
    doc.text(`${label} : ${value || w.none}`, LEFT, doc.y, { width: WIDTH });

  heading(w.providers);
  if (!kit.providers.length) doc.text(w.none);
  for (const p of kit.providers) {
    doc.font('Helvetica-Bold').text(`${p.name} – ${p.services}`, LEFT, doc.y, { width: WIDTH }).font('Helvetica');
    for (const c of p.contacts)
      doc.text(`${c.name} (${c.role}) – ${c.phone ?? w.none} – ${c.email}`, LEFT + 14, doc.y, { width: WIDTH - 14 });
  }

  for (const s of sheets) {
    doc.addPage();
    drawMarkdown(doc, s.body);
  }
  doc.end();
  return done;
}
