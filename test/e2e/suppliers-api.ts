import { randomInt } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import type { APIRequestContext } from '@playwright/test';
import { apiCall, operatorAdmin } from './operator-admin.js';

/**
 * The provider-chain spec's administrator and API calls. Demo administrators get their TOTP
 * enrolled by other specs (secret unknown here), so this spec makes a platform administrator of its
 * own with the CLI, as an operator would (as phishing-api.ts does, under another address).
 */
export const SUPPLIERS_ADMIN = 'e2e.prestataires@rempart.test';

/** An API call that must succeed; the failure message carries the server's answer. */
export const api = apiCall;

/** A signed-in platform administrator (second factor verified) of the app at `baseURL`. */
export const suppliersAdmin = (baseURL: string, dataDir: string): Promise<APIRequestContext> =>
  operatorAdmin(baseURL, dataDir, SUPPLIERS_ADMIN, 'Admin e2e prestataires');

/** Luhn: from the right, every second digit doubled (minus 9 above 9), the sum a multiple of 10. */
function luhnDigit(body: string): string {
  let sum = 0;
  for (let i = 0; i < body.length; i++) {
    let d = Number(body[body.length - 1 - i]);
    // The check digit will sit at the right, so the body's last digit is the first to double.
    if (i % 2 === 0) d = d * 2 > 9 ? d * 2 - 9 : d * 2;
    sum += d;
  }
  return String((10 - (sum % 10)) % 10);
}

/** A fresh SIREN and a SIRET of it, both passing the checksum (never La Poste's 356 000 000). */
export function freshSiret(): { siren: string; siret: string } {
  const head = String(randomInt(1, 9)) + String(randomInt(0, 10_000_000)).padStart(7, '0');
  const siren = head + luhnDigit(head);
  const body = siren + String(randomInt(1, 10_000)).padStart(4, '0');
  return { siren, siret: body + luhnDigit(body) };
}

/** Today in Paris (the app's "today"), `YYYY-MM-DD`. */
export function parisToday(): string {
  return new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Paris', year: 'numeric', month: '2-digit', day: '2-digit' }).format(
    new Date(),
  );
}

/** `day` moved by `months`; days kept at 28 or less so no month end shifts the result. */
export function addMonths(day: string, months: number): string {
  const [y, m, d] = day.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, '0')}-${String(Math.min(d, 28)).padStart(2, '0')}`;
}

// The PDF reader shared with the server tests (it imports node:zlib only).
export { pdfText } from '../support/pdf-text.js';

/** A small but real PDF (one empty page), as a provider's scanned policy would be. */
export function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) out += `${String(off).padStart(10, '0')} 00000 n \n`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

export interface Question {
  id: string;
  type: string;
  evidence: string;
  text: { fr: string };
}
export interface Grid {
  definition: { sections: Array<{ questions: Question[] }> };
}
export interface CalendarItem {
  state: string;
  kind: string;
  auditId: string | null;
  dueOn: string;
  contractId: string;
  supplierName: string;
  gridId: string | null;
}
export interface Calendar {
  upcoming: CalendarItem[];
  overdue: CalendarItem[];
}

/** Whether the front end the app serves (WEB_DIST) holds this text, i.e. the page that shows it. */
export function builtWith(marker: string): boolean {
  try {
    const dir = `${process.env.WEB_DIST ?? 'dist/web'}/assets`;
    return readdirSync(dir).some((f) => f.endsWith('.js') && readFileSync(`${dir}/${f}`, 'utf8').includes(marker));
  } catch {
    return false;
  }
}
