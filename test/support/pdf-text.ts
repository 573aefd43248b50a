// Reads back the text of the PDFs the server draws, for the server tests and the end-to-end suite
// alike: it depends on node:zlib only, so the e2e side can import it without the database layer.
import { inflateSync } from 'node:zlib';

// WinAnsi differs from latin1 in 0x80–0x9f (apostrophe, dashes, quotes).
const winAnsi: Record<string, string> = { '\u0092': '’', '\u0096': '–', '\u0097': '—', '\u0093': '“', '\u0094': '”', '\u0085': '…' };

/**
 * The text drawn in a pdfkit PDF: content streams inflated, then the strings of their TJ operators
 * (standard fonts write WinAnsi bytes as hex), one line per text object; the no-break space reads as a space.
 */
export function pdfText(pdf: Buffer): string {
  const raw = pdf.toString('latin1');
  const out: string[] = [];
  const streams = /stream\r?\n/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    let body: string;
    try {
      body = inflateSync(Buffer.from(raw.slice(start, end), 'latin1')).toString('latin1');
    } catch {
      body = raw.slice(start, end);
    }
    for (const tj of body.matchAll(/\[([^\]]*)\]\s*TJ/g)) {
      const hex = [...(tj[1] ?? '').matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      out.push(Buffer.from(hex, 'hex').toString('latin1'));
    }
  }
  return out
    .join('\n')
    .replace(/[\u0085\u0092-\u0097]/g, (c) => winAnsi[c] ?? c)
    .replace(/\u00a0/g, ' ');
}
