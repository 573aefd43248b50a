/**
 * mailparser flattens a forwarded message/rfc822 part into the outer text and drops its headers,
 * yet its headers are what we need (its sender, its subject, our X-Rempart-Report header). This
 * small walker finds those parts in the raw MIME tree; each is then parsed on its own.
 */
const MAX_PARTS = 200;

function splitHead(part: string): { head: string; body: string } {
  const m = /\r?\n\r?\n/.exec(part);
  if (!m) return { head: part, body: '' };
  return { head: part.slice(0, m.index), body: part.slice(m.index + m[0].length) };
}

function header(head: string, name: string): string {
  const unfolded = head.replace(/\r?\n[ \t]+/g, ' ');
  const re = new RegExp(`^${name}:[ \\t]*(.*)$`, 'im');
  return re.exec(unfolded)?.[1]?.trim() ?? '';
}

function decode(body: string, encoding: string): Buffer {
  if (encoding.toLowerCase() === 'base64') return Buffer.from(body.replace(/\s+/g, ''), 'base64');
  return Buffer.from(body, 'latin1');
}

/** The raw bytes of every message/rfc822 part (or attached .eml file) below the top message. */
export function attachedMessageParts(raw: Buffer): Buffer[] {
  const found: Buffer[] = [];
  let visited = 0;
  const walk = (part: string, depth: number): void => {
    if (depth > 4 || ++visited > MAX_PARTS) return;
    const { head, body } = splitHead(part);
    const type = header(head, 'content-type').toLowerCase();
    const disposition = header(head, 'content-disposition').toLowerCase();
    const isMessage = type.startsWith('message/rfc822') || /filename\*?=\s*"?[^";]*\.eml"?/.test(`${type};${disposition}`);
    if (depth > 0 && isMessage) {
      found.push(decode(body, header(head, 'content-transfer-encoding')));
      return;
    }
    if (!type.startsWith('multipart/')) return;
    const boundary = /boundary="?([^";]+)"?/i.exec(header(head, 'content-type'))?.[1];
    if (!boundary) return;
    const pieces = body.split(`--${boundary}`);
    for (const piece of pieces.slice(1)) {
      if (piece.startsWith('--')) break;
      walk(piece.replace(/^\r?\n/, ''), depth + 1);
    }
  };
  walk(raw.toString('latin1'), 0);
  return found;
}
