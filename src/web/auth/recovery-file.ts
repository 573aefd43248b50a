/** The text file offered for download: one code a line, with a heading that says what they are. */
export function recoveryCodesFile(codes: readonly string[], heading: string, issuedAt: Date): string {
  return [heading, issuedAt.toISOString(), '', ...codes, ''].join('\n');
}
