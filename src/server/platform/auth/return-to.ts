/**
 * Open-redirect guard: only a path on this site ('/x...'), never '//host', '/\host', a scheme or
 * control characters, which browsers would read as another origin.
 */
export function safeReturnTo(value: string | null | undefined): string | null {
  if (!value || value.length > 1000) return null;
  if (!value.startsWith('/') || value.startsWith('//') || value.startsWith('/\\')) return null;
  // biome-ignore lint/suspicious/noControlCharactersInRegex: refusing control characters is the point
  if (/[\u0000-\u001f\u007f\\]/.test(value)) return null;
  try {
    const probe = new URL(value, 'http://rempart.invalid');
    if (probe.origin !== 'http://rempart.invalid') return null;
  } catch {
    return null;
  }
  return value;
}
