import type { Generated } from 'kysely';

/** One published live event; `id` follows commit order (a database counter). */
export interface LiveEventsTable {
  id: Generated<number>;
  topic: string;
  kind: string;
  /** JSON text. */
  payload: string;
  created_at: string;
}

export interface LiveTables {
  live_events: LiveEventsTable;
}
