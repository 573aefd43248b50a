import type { Locale } from '../../platform/errors.js';
import type { PersonRow } from './people-repo.js';

/** Excel (French locale) opens semicolon-separated UTF-8 files correctly when they start with a BOM. */
export const CSV_BOM = '\uFEFF';
const SEPARATOR = ';';

/**
 * One cell: text a spreadsheet would run as a formula (= + - @, or a leading tab or carriage
 * return) gets a leading apostrophe; cells with a separator, quote or line break are quoted.
 */
export function csvCell(value: string | null | undefined): string {
  let v = value ?? '';
  if (/^[=+\-@\t\r]/.test(v)) v = `'${v}`;
  return /[;",\r\n]/.test(v) || v !== v.trim() ? `"${v.replaceAll('"', '""')}"` : v;
}

export const csvLine = (cells: Array<string | null | undefined>): string => `${cells.map(csvCell).join(SEPARATOR)}\r\n`;

// Headers the directory import recognises, so an export can be edited and imported back.
const headers: Record<Locale, string[]> = {
  fr: [
    'Courriel',
    'Nom',
    'Prénom',
    'Fonction',
    'Famille de métiers',
    'Service',
    'Site',
    'Encadrant',
    'Actif',
    'Désactivé le',
    'Mis à jour le',
  ],
  en: [
    'Email',
    'Last name',
    'First name',
    'Job title',
    'Role family',
    'Service',
    'Site',
    'Manager',
    'Active',
    'Deactivated at',
    'Updated at',
  ],
};
const yesNo: Record<Locale, [string, string]> = { fr: ['oui', 'non'], en: ['yes', 'no'] };

/** The export as CSV lines: BOM and header first, then one line per person. */
export async function* peopleCsv(people: AsyncIterable<PersonRow>, locale: Locale): AsyncGenerator<string> {
  const [yes, no] = yesNo[locale];
  yield CSV_BOM + csvLine(headers[locale]);
  let chunk = '';
  for await (const p of people) {
    chunk += csvLine([
      p.email,
      p.last_name,
      p.first_name,
      p.job_title,
      p.role_family,
      p.service,
      p.site,
      p.is_manager === 1 ? yes : no,
      p.active === 1 ? yes : no,
      p.deactivated_at,
      p.updated_at,
    ]);
    // Fewer, larger writes: a 100,000-row export would otherwise be 100,000 stream chunks.
    if (chunk.length > 64_000) {
      yield chunk;
      chunk = '';
    }
  }
  if (chunk) yield chunk;
}
