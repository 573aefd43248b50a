/** Images for lesson screens: checked in the browser first (the server checks the content again). */
export const imageTypes = ['image/png', 'image/jpeg', 'image/webp', 'image/gif'] as const;
export const MAX_IMAGE_BYTES = 1024 * 1024;

export type ImageProblem = 'type' | 'size' | null;

export function imageProblem(file: { type: string; size: number }): ImageProblem {
  if (!(imageTypes as readonly string[]).includes(file.type)) return 'type';
  if (file.size > MAX_IMAGE_BYTES) return 'size';
  return null;
}

/** Base64 of bytes, in chunks so a 1 MiB image does not overflow the call stack. */
export function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (let i = 0; i < bytes.length; i += 0x8000) binary += String.fromCharCode(...bytes.subarray(i, i + 0x8000));
  return btoa(binary);
}

/** Markdown of an image; brackets in the alternative text would end it early, so they go. */
export function imageMarkdown(alt: string, url: string): string {
  return `![${alt.replace(/[[\]\n]/g, ' ').trim()}](${url})`;
}

/**
 * Inserts a snippet at the cursor (replacing the selection) on a line of its own, and tells
 * where the cursor goes after it.
 */
export function insertSnippet(text: string, start: number, end: number, snippet: string): { text: string; cursor: number } {
  const s = Math.max(0, Math.min(start, text.length));
  const e = Math.max(s, Math.min(end, text.length));
  const before = text.slice(0, s);
  const after = text.slice(e);
  const lead = before === '' || before.endsWith('\n\n') ? '' : before.endsWith('\n') ? '\n' : '\n\n';
  const trail = after === '' || after.startsWith('\n\n') ? '' : after.startsWith('\n') ? '\n' : '\n\n';
  const inserted = `${lead}${snippet}${trail}`;
  return { text: `${before}${inserted}${after}`, cursor: before.length + lead.length + snippet.length };
}
