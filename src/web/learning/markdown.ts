/**
 * A deliberately tiny Markdown reader for lesson screens: paragraphs, ### headings, bullet and
 * numbered lists, quotes, **bold**, *italic*, `code`, links and images. It builds a tree of plain
 * data that markdown-view.tsx turns into React elements, so any HTML in the text stays text:
 * nothing here ever reaches innerHTML. URLs are checked (same-origin paths; https and mailto for
 * links only), anything else is shown as text.
 */
export type Inline =
  | { type: 'text'; text: string }
  | { type: 'strong'; children: Inline[] }
  | { type: 'em'; children: Inline[] }
  | { type: 'code'; text: string }
  | { type: 'link'; href: string; children: Inline[] }
  | { type: 'image'; src: string; alt: string };

export type Block =
  | { type: 'paragraph'; children: Inline[] }
  | { type: 'heading'; level: 3 | 4; children: Inline[] }
  | { type: 'list'; ordered: boolean; items: Inline[][] }
  | { type: 'quote'; children: Inline[] }
  | { type: 'image'; src: string; alt: string };

/** A path on this site ("/api/learning/media/…"), never "//host" nor a scheme: the CSP allows our images only. */
export function safeImageSrc(url: string): string | null {
  return /^\/(?![/\\])[A-Za-z0-9\-._~/%?=&+]*$/.test(url) ? url : null;
}

/** Links may also go to an https site or an email address; javascript:, data: and the like are refused. */
export function safeLinkHref(url: string): string | null {
  if (safeImageSrc(url)) return url;
  if (/^mailto:[^\s<>"]+@[^\s<>"]+$/i.test(url)) return url;
  if (!/^https:\/\//i.test(url)) return null;
  try {
    return new URL(url).protocol === 'https:' ? url : null;
  } catch {
    return null;
  }
}

const IMAGE = /^!\[([^\]]*)\]\(([^)\s]*)\)/;
const LINK = /^\[([^\]]+)\]\(([^)\s]*)\)/;

/** Parses the inline marks of one block of text. */
export function parseInline(source: string): Inline[] {
  const out: Inline[] = [];
  let text = '';
  const flush = () => {
    if (text) out.push({ type: 'text', text });
    text = '';
  };
  let i = 0;
  while (i < source.length) {
    const rest = source.slice(i);
    const ch = source[i]!;
    if (ch === '\\' && i + 1 < source.length && /[\\*_`[\]()!#>-]/.test(source[i + 1]!)) {
      text += source[i + 1];
      i += 2;
      continue;
    }
    const image = IMAGE.exec(rest);
    if (image) {
      const src = safeImageSrc(image[2]!);
      if (src) {
        flush();
        out.push({ type: 'image', src, alt: image[1]! });
      } else text += image[1]!;
      i += image[0].length;
      continue;
    }
    const link = LINK.exec(rest);
    if (link) {
      const href = safeLinkHref(link[2]!);
      flush();
      if (href) out.push({ type: 'link', href, children: parseInline(link[1]!) });
      else out.push(...parseInline(link[1]!));
      i += link[0].length;
      continue;
    }
    if (rest.startsWith('**')) {
      const end = source.indexOf('**', i + 2);
      if (end > i + 2) {
        flush();
        out.push({ type: 'strong', children: parseInline(source.slice(i + 2, end)) });
        i = end + 2;
        continue;
      }
    }
    // *em* anywhere; _em_ only at word edges, so snake_case and file_names stay as they are.
    if (ch === '*' || (ch === '_' && !/\w/.test(source[i - 1] ?? ''))) {
      const end = source.indexOf(ch, i + 1);
      const closesWord = ch === '*' || !/\w/.test(source[end + 1] ?? '');
      if (end > i + 1 && closesWord && source[i + 1] !== ' ') {
        flush();
        out.push({ type: 'em', children: parseInline(source.slice(i + 1, end)) });
        i = end + 1;
        continue;
      }
    }
    if (ch === '`') {
      const end = source.indexOf('`', i + 1);
      if (end > i) {
        flush();
        out.push({ type: 'code', text: source.slice(i + 1, end) });
        i = end + 1;
        continue;
      }
    }
    text += ch;
    i += 1;
  }
  flush();
  return out;
}

const HEADING = /^(#{1,6})\s+(.*)$/;
const BULLET = /^\s*[-*+]\s+(.*)$/;
const NUMBERED = /^\s*\d{1,3}[.)]\s+(.*)$/;
const QUOTE = /^>\s?(.*)$/;
const IMAGE_LINE = /^!\[[^\]]*\]\([^)\s]*\)\s*$/;

/** Parses a screen's Markdown into blocks. */
export function parseMarkdown(source: string): Block[] {
  const blocks: Block[] = [];
  let para: string[] = [];
  let quote: string[] = [];
  let list: { ordered: boolean; items: string[] } | null = null;

  const flush = () => {
    if (para.length) blocks.push({ type: 'paragraph', children: parseInline(para.join(' ')) });
    if (quote.length) blocks.push({ type: 'quote', children: parseInline(quote.join(' ')) });
    if (list) blocks.push({ type: 'list', ordered: list.ordered, items: list.items.map(parseInline) });
    para = [];
    quote = [];
    list = null;
  };

  for (const raw of source.replace(/\r\n?/g, '\n').split('\n')) {
    const line = raw.trimEnd();
    if (line.trim() === '') {
      flush();
      continue;
    }
    const heading = HEADING.exec(line);
    const bullet = BULLET.exec(line);
    const numbered = NUMBERED.exec(line);
    const quoted = QUOTE.exec(line);
    if (heading) {
      flush();
      blocks.push({ type: 'heading', level: heading[1]!.length >= 4 ? 4 : 3, children: parseInline(heading[2]!.trim()) });
    } else if (bullet || numbered) {
      const ordered = !bullet;
      if (!list || list.ordered !== ordered) {
        flush();
        list = { ordered, items: [] };
      }
      list.items.push((bullet ?? numbered)![1]!.trim());
    } else if (list) {
      // A line under a list item (indented or not) continues that item.
      list.items[list.items.length - 1] += ` ${line.trim()}`;
    } else if (quoted) {
      if (para.length) flush();
      quote.push(quoted[1]!.trim());
    } else if (IMAGE_LINE.test(line.trim()) && para.length === 0 && quote.length === 0) {
      const [image] = parseInline(line.trim());
      if (image?.type === 'image') blocks.push({ type: 'image', src: image.src, alt: image.alt });
      else blocks.push({ type: 'paragraph', children: image ? [image] : [] });
    } else {
      if (quote.length) flush();
      para.push(line.trim());
    }
  }
  flush();
  return blocks;
}

/** The text of a piece of Markdown without its marks (for titles and screen-reader labels). */
export function plainText(nodes: Inline[]): string {
  return nodes.map(plainTextOf).join('');
}

function plainTextOf(n: Inline): string {
  switch (n.type) {
    case 'text':
    case 'code':
      return n.text;
    case 'image':
      return n.alt;
    case 'strong':
    case 'em':
    case 'link':
      return plainText(n.children);
  }
}
