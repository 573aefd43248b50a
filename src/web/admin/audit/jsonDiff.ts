/** One line of the before/after view: unchanged, removed (before) or added (after). */
export interface DiffLine {
  sign: ' ' | '-' | '+';
  text: string;
}

/** Stored JSON may arrive parsed or as text. */
export function parseJson(v: unknown): unknown {
  if (typeof v !== 'string') return v ?? null;
  try {
    return JSON.parse(v) as unknown;
  } catch {
    return v;
  }
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const show = (v: unknown): string => JSON.stringify(v, null, 2) ?? 'null';

/**
 * A readable, diff-like listing of two snapshots: top-level keys in order, unchanged ones once,
 * changed ones as a "-" line then a "+" line. Non-object snapshots are shown whole.
 */
export function jsonDiff(beforeRaw: unknown, afterRaw: unknown): DiffLine[] {
  const before = parseJson(beforeRaw);
  const after = parseJson(afterRaw);
  if (!isRecord(before) || !isRecord(after)) {
    const lines: DiffLine[] = [];
    if (before !== null)
      lines.push(
        ...show(before)
          .split('\n')
          .map((text) => ({ sign: '-' as const, text })),
      );
    if (after !== null)
      lines.push(
        ...show(after)
          .split('\n')
          .map((text) => ({ sign: '+' as const, text })),
      );
    return lines;
  }
  const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
  const lines: DiffLine[] = [];
  const entry = (sign: DiffLine['sign'], key: string, value: unknown) => {
    const [first = '', ...rest] = show(value).split('\n');
    lines.push({ sign, text: `${key}: ${first}` });
    for (const text of rest) lines.push({ sign, text: `  ${text}` });
  };
  for (const key of keys) {
    const inBefore = key in before;
    const inAfter = key in after;
    if (inBefore && inAfter && show(before[key]) === show(after[key])) entry(' ', key, after[key]);
    else {
      if (inBefore) entry('-', key, before[key]);
      if (inAfter) entry('+', key, after[key]);
    }
  }
  return lines;
}
