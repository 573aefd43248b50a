/**
 * Reading CSV files as HR systems really export them: the encoding (UTF-8 with or without BOM,
 * Windows-1252 from older exports, UTF-16 from Excel's "Unicode text"), the delimiter (comma,
 * semicolon from French Excel, tab) and quoted fields spanning several lines.
 */
import { parse } from 'csv-parse/sync';
import iconv from 'iconv-lite';

export type Encoding = 'utf-8' | 'windows-1252' | 'utf-16le' | 'utf-16be';
export type Delimiter = ',' | ';' | '\t';

export interface DecodedFile {
  encoding: Encoding;
  text: string;
}

/** BOM first; then strict UTF-8; anything that is not valid UTF-8 is read as Windows-1252. */
export function decodeBytes(bytes: Uint8Array): DecodedFile {
  if (bytes[0] === 0xef && bytes[1] === 0xbb && bytes[2] === 0xbf) {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8').decode(bytes.subarray(3)) };
  }
  if (bytes[0] === 0xff && bytes[1] === 0xfe)
    return { encoding: 'utf-16le', text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16le') };
  if (bytes[0] === 0xfe && bytes[1] === 0xff)
    return { encoding: 'utf-16be', text: iconv.decode(Buffer.from(bytes.subarray(2)), 'utf-16be') };
  try {
    return { encoding: 'utf-8', text: new TextDecoder('utf-8', { fatal: true }).decode(bytes) };
  } catch {
    return { encoding: 'windows-1252', text: iconv.decode(Buffer.from(bytes), 'windows-1252') };
  }
}

/** The delimiter that occurs most often outside quotes in the header line (comma when none). */
export function detectDelimiter(text: string): Delimiter {
  const counts: Record<Delimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c] += 1;
  }
  let best: Delimiter = ',';
  for (const d of [';', '\t'] as const) if (counts[d] > counts[best]) best = d;
  return best;
}

export interface CsvRecord {
  /** Physical line (1-based) where the record starts in the file, as an editor shows it. */
  line: number;
  cells: string[];
}

export interface CsvProblem {
  line: number;
  code: 'malformed';
  detail: string;
}

export interface ParsedCsv {
  headers: string[];
  records: CsvRecord[];
  /** Records csv-parse could not read (an unclosed quote...): reported, never fatal. */
  problems: CsvProblem[];
}

/**
 * Parses the whole text. Header cells are trimmed; an empty header becomes "Colonne N" and a
 * repeated one gets a " (2)" suffix, so every column can be named in a mapping.
 *
 * Line numbers are computed here, not taken from csv-parse's `info.lines`: that counter counts
 * CRLF inside a quoted cell as two lines, so every record after a multi-line cell of a Windows
 * export would be reported one line too far. csv-parse does give, in order, the byte offset where
 * each record ends; the next record starts there (after any blank lines), and counting line
 * breaks (CRLF, LF or a lone CR) up to that offset gives the physical line an editor shows.
 */
export function parseCsv(text: string, delimiter: Delimiter): ParsedCsv {
  const buf = Buffer.from(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text, 'utf8');
  let cursor = 0;
  let line = 1;
  const advanceTo = (offset: number) => {
    const end = Math.min(offset, buf.length);
    for (; cursor < end; cursor++) {
      const b = buf[cursor];
      if (b === 10 || (b === 13 && buf[cursor + 1] !== 10)) line += 1;
    }
  };
  /** Skips blank lines from the cursor; answers the line where the next record starts. */
  const startLine = (): number => {
    while (cursor < buf.length && (buf[cursor] === 10 || buf[cursor] === 13)) advanceTo(cursor + 1);
    return line;
  };

  const problems: CsvProblem[] = [];
  const records: CsvRecord[] = [];
  let headers: string[] | null = null;
  parse(buf, {
    delimiter,
    relax_quotes: true,
    relax_column_count: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (err) => {
      problems.push({ line: startLine(), code: 'malformed', detail: err?.message ?? '' });
      advanceTo((err as { bytes?: number } | undefined)?.bytes ?? buf.length);
    },
    on_record: (cells: string[], context: { bytes: number }) => {
      const at = startLine();
      advanceTo(context.bytes);
      if (headers === null) headers = uniqueHeaders(cells);
      // A line of only delimiters (";;;;" at the end of Excel exports) is an empty line.
      else if (!cells.every((c) => c.trim() === '')) records.push({ line: at, cells });
      return null;
    },
  });
  return { headers: headers ?? [], records, problems };
}

function uniqueHeaders(cells: string[]): string[] {
  const taken = new Set<string>();
  return cells.map((raw, i) => {
    const base = raw.replace(/\s+/g, ' ').trim() || `Colonne ${i + 1}`;
    let name = base;
    for (let n = 2; taken.has(name); n++) name = `${base} (${n})`;
    taken.add(name);
    return name;
  });
}
