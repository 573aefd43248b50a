/**
 * A deliberately small Markdown reader for library sheets: headings, paragraphs, bullet and
 * numbered lists, checklists (`- [ ]`), quotes (`>`, the "to adapt" notes), bold and inline code. It yields plain data that React renders as text nodes,
 * so nothing written in a sheet can ever become HTML or script in the page.
 */
export type Inline = { kind: 'text' | 'strong' | 'code'; text: string };
export type Block =
  | { kind: 'heading'; level: 2 | 3 | 4; inlines: Inline[] }
  | { kind: 'paragraph'; lines: Inline[][] }
  | { kind: 'quote'; lines: Inline[][] }
  /** `checks[i]` is null for a plain item, else whether the box of a checklist item is ticked. */
  | { kind: 'list'; ordered: boolean; items: Inline[][]; checks: Array<boolean | null> }
  | { kind: 'rule' };

export function parseInline(text: string): Inline[] {
  const out: Inline[] = [];
  const re = /\*\*([^*]+)\*\*|__([^_]+)__|`([^`]+)`/g;
  let at = 0;
  for (const m of text.matchAll(re)) {
    const index = m.index ?? 0;
    if (index > at) out.push({ kind: 'text', text: text.slice(at, index) });
    if (m[3] !== undefined) out.push({ kind: 'code', text: m[3] });
    else out.push({ kind: 'strong', text: m[1] ?? m[2] ?? '' });
    at = index + m[0].length;
  }
  if (at < text.length) out.push({ kind: 'text', text: text.slice(at) });
  return out;
}

/** Drops a leading YAML front matter block (--- … ---), which readers never need to see. */
export function stripFrontMatter(md: string): string {
  const m = /^---\r?\n[\s\S]*?\r?\n---\r?\n?/.exec(md);
  return m ? md.slice(m[0].length) : md;
}

export function parseMarkdown(md: string): Block[] {
  const blocks: Block[] = [];
  let para: Inline[][] | null = null;
  let list: { ordered: boolean; items: Inline[][]; checks: Array<boolean | null> } | null = null;
  let quote: Inline[][] | null = null;
  const flush = () => {
    if (para) blocks.push({ kind: 'paragraph', lines: para });
    if (list) blocks.push({ kind: 'list', ...list });
    if (quote) blocks.push({ kind: 'quote', lines: quote });
    para = null;
    list = null;
    quote = null;
  };
  for (const raw of stripFrontMatter(md).split(/\r?\n/)) {
    const line = raw.trimEnd();
    const heading = /^(#{1,6})\s+(.*)$/.exec(line);
    const bullet = /^\s*[-*+]\s+(.*)$/.exec(line);
    const numbered = /^\s*\d+[.)]\s+(.*)$/.exec(line);
    const quoted = /^\s*>\s?(.*)$/.exec(line);
    if (line.trim() === '') flush();
    else if (quoted) {
      if (!quote) flush();
      if (!quote) quote = [];
      quote.push(parseInline(quoted[1] ?? ''));
    } else if (/^(\*\s*){3,}$|^(-\s*){3,}$|^(_\s*){3,}$/.test(line.trim())) {
      flush();
      blocks.push({ kind: 'rule' });
    } else if (heading) {
      flush();
      // The page title is the h1: a sheet's own headings start one level below.
      const level = Math.min(4, Math.max(2, (heading[1] ?? '#').length + 1)) as 2 | 3 | 4;
      blocks.push({ kind: 'heading', level, inlines: parseInline(heading[2] ?? '') });
    } else if (bullet || numbered) {
      const ordered = !bullet;
      if (para || quote || (list && list.ordered !== ordered)) flush();
      if (!list) list = { ordered, items: [], checks: [] };
      const text = (bullet ?? numbered)?.[1] ?? '';
      const box = /^\[([ xX])\]\s+(.*)$/.exec(text);
      list.items.push(parseInline(box ? (box[2] ?? '') : text));
      list.checks.push(box ? box[1] !== ' ' : null);
    } else if (list && /^\s{2,}\S/.test(raw)) {
      // An indented line continues the previous item.
      list.items[list.items.length - 1]?.push({ kind: 'text', text: ` ${line.trim()}` });
    } else {
      if (list || quote) flush();
      if (!para) para = [];
      para.push(parseInline(line));
    }
  }
  flush();
  return blocks;
}
