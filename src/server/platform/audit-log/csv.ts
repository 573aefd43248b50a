/** CSV for spreadsheet users in France: UTF-8 with BOM, semicolons, CRLF. */
export const CSV_BOM = '\uFEFF';

/**
 * Quotes a cell when needed and defuses spreadsheet formulas: a cell starting with = + - @ or a
 * control character gets a leading apostrophe, so opening an export never runs what an
 * attacker typed into a name or a label (CSV/formula injection).
 */
export function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  let s = typeof value === 'string' ? value : typeof value === 'object' ? JSON.stringify(value) : String(value);
  if (/^[=+\-@\t\r]/.test(s)) s = `'${s}`;
  return /[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
}

export const csvLine = (cells: unknown[]): string => `${cells.map(csvCell).join(';')}\r\n`;
