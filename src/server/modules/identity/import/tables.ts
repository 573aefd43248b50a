export type ImportStatus = 'uploaded' | 'applied';
export type ImportMode = 'partial' | 'full';

export interface PeopleImportsTable {
  id: string;
  organization_id: string;
  filename: string;
  size: number;
  /** 'utf-8', 'windows-1252', 'utf-16le' or 'utf-16be': what the upload was decoded from. */
  encoding: string;
  delimiter: string;
  /** The decoded text of the file. */
  content: string;
  /** JSON array of the header cells, as shown to the admin. */
  headers: string;
  row_count: number;
  status: ImportStatus;
  mode: ImportMode | null;
  /** JSON: our field -> header of the file, as last applied. */
  mapping: string | null;
  /** JSON: the counts of the last apply. */
  summary: string | null;
  created_by: string | null;
  created_at: string;
  applied_at: string | null;
}

export interface ImportTables {
  people_imports: PeopleImportsTable;
}
