/** The server's default EVIDENCE_MAX_BYTES, shown when the page did not pass the configured limit. */
export const defaultMaxBytes = 10 * 1_048_576;

/** A size in the reader's language and units, in binary steps like the server's limit: "10 Mo" / "10 MB". */
export function formatBytes(bytes: number, lang: string): string {
  const [value, unit] = bytes >= 1_048_576 ? [bytes / 1_048_576, 'megabyte'] : bytes >= 1024 ? [bytes / 1024, 'kilobyte'] : [bytes, 'byte'];
  return new Intl.NumberFormat(lang, { style: 'unit', unit, unitDisplay: 'short', maximumFractionDigits: 1 }).format(value);
}

/** Only a limit the server gave refuses a file here: the default may not be this server's. */
export const tooLarge = (size: number, maxBytes: number | undefined) => maxBytes !== undefined && size > maxBytes;
