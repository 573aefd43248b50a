/** Reading the export file before sending it: JSON, one object or an array of at most 1,000. */
export type ParsedImport = { ok: true; data: unknown; count: number } | { ok: false; reason: 'not_json' | 'not_object' | 'over_limit' };

export const maxImportItems = 1000;

export function parseImportFile(text: string): ParsedImport {
  let data: unknown;
  try {
    data = JSON.parse(text.replace(/^\uFEFF/, ''));
  } catch {
    return { ok: false, reason: 'not_json' };
  }
  if (Array.isArray(data)) {
    if (data.length > maxImportItems) return { ok: false, reason: 'over_limit' };
    if (data.some((x) => typeof x !== 'object' || x === null || Array.isArray(x))) return { ok: false, reason: 'not_object' };
    return { ok: true, data, count: data.length };
  }
  if (typeof data !== 'object' || data === null) return { ok: false, reason: 'not_object' };
  return { ok: true, data, count: 1 };
}
