/**
 * What an evidence file really is, read from its bytes: the name and the declared type are the
 * sender's word, and a renamed executable must not reach an auditor's workstation as a "PDF".
 * Office files are zip archives: the entries they must contain tell a workbook from a document.
 */
export type EvidenceKind = 'pdf' | 'png' | 'jpeg' | 'xlsx' | 'docx' | 'csv' | 'txt';

export const mediaTypes: Record<EvidenceKind, string> = {
  pdf: 'application/pdf',
  png: 'image/png',
  jpeg: 'image/jpeg',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  csv: 'text/csv',
  txt: 'text/plain',
};

/** Extensions a stored name may keep for each kind; another one gets the right extension appended. */
export const extensions: Record<EvidenceKind, string[]> = {
  pdf: ['pdf'],
  png: ['png'],
  jpeg: ['jpg', 'jpeg'],
  xlsx: ['xlsx'],
  docx: ['docx'],
  csv: ['csv'],
  txt: ['txt', 'log', 'md'],
};

const startsWith = (b: Buffer, sig: number[]) => b.length >= sig.length && sig.every((v, i) => b[i] === v);

/** The kind of an evidence file, or null when it is none of the allowed ones. */
export function sniffEvidence(bytes: Buffer): EvidenceKind | null {
  if (startsWith(bytes, [0x25, 0x50, 0x44, 0x46, 0x2d])) return 'pdf'; // %PDF-
  if (startsWith(bytes, [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a])) return 'png';
  if (startsWith(bytes, [0xff, 0xd8, 0xff])) return 'jpeg';
  if (startsWith(bytes, [0x50, 0x4b, 0x03, 0x04])) return officeKind(zipEntryNames(bytes));
  if (isText(bytes)) return looksLikeCsv(bytes) ? 'csv' : 'txt';
  return null;
}

function officeKind(names: string[] | null): EvidenceKind | null {
  if (!names?.includes('[Content_Types].xml')) return null;
  if (names.includes('xl/workbook.xml')) return 'xlsx';
  if (names.includes('word/document.xml')) return 'docx';
  return null;
}

/** Entry names from the zip's central directory; null when the archive is malformed. */
export function zipEntryNames(b: Buffer): string[] | null {
  // The end-of-central-directory record sits in the last 22 bytes plus an optional 64 KiB comment.
  const floor = Math.max(0, b.length - 22 - 0xffff);
  let eocd = -1;
  for (let i = b.length - 22; i >= floor; i--) {
    if (b.readUInt32LE(i) === 0x06054b50) {
      eocd = i;
      break;
    }
  }
  if (eocd < 0) return null;
  const count = b.readUInt16LE(eocd + 10);
  let at = b.readUInt32LE(eocd + 16);
  const names: string[] = [];
  for (let n = 0; n < count; n++) {
    if (at + 46 > b.length || b.readUInt32LE(at) !== 0x02014b50) return null;
    const nameLen = b.readUInt16LE(at + 28);
    const extraLen = b.readUInt16LE(at + 30);
    const commentLen = b.readUInt16LE(at + 32);
    if (at + 46 + nameLen > b.length) return null;
    names.push(b.toString('utf8', at + 46, at + 46 + nameLen));
    at += 46 + nameLen + extraLen + commentLen;
  }
  return names;
}

/**
 * Plain text in UTF-8 or Windows-1252 (what Excel writes for CSV in France): no control bytes
 * but tab, line feed, form feed and carriage return. Executables and archives all carry NULs.
 */
function isText(b: Buffer): boolean {
  for (const c of b) {
    if (c < 0x20 && c !== 0x09 && c !== 0x0a && c !== 0x0c && c !== 0x0d) return false;
    if (c === 0x7f) return false;
  }
  return true;
}

/** Several lines with the same number of ";", "," or tab separators, at least one per line. */
function looksLikeCsv(b: Buffer): boolean {
  const all = b.toString('latin1', 0, Math.min(b.length, 8192)).split(/\r?\n/);
  if (b.length > 8192) all.pop(); // cut mid-line
  const lines = all.filter((l) => l.trim() !== '').slice(0, 10);
  if (lines.length < 2) return false;
  return [';', ',', '\t'].some((sep) => {
    const counts = lines.map((l) => l.split(sep).length - 1);
    return counts[0]! > 0 && counts.every((c) => c === counts[0]);
  });
}
