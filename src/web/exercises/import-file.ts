/** The import format from the file's name: chronograms are written in spreadsheets, saved as .xlsx or .csv. */
export function formatOfFile(name: string): 'csv' | 'xlsx' | null {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  return ext === 'csv' ? 'csv' : ext === 'xlsx' ? 'xlsx' : null;
}

export const mimeOf = (format: 'csv' | 'xlsx') =>
  format === 'csv' ? 'text/csv' : 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
