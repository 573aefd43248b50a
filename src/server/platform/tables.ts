export interface JobsTable {
  id: string;
  kind: string;
  payload: string;
  status: 'queued' | 'running' | 'done' | 'failed';
  run_at: string;
  attempts: number;
  locked_until: string | null;
  last_error: string | null;
  created_at: string;
  updated_at: string;
}

/** One row per periodic job: the lease makes only one process run it at a time. */
export interface JobLeasesTable {
  name: string;
  holder: string | null;
  lease_until: string;
  last_run_at: string | null;
  last_error: string | null;
}

export interface SettingsTable {
  key: string;
  value: string;
  updated_at: string;
}

export interface PlatformTables {
  jobs: JobsTable;
  settings: SettingsTable;
  job_leases: JobLeasesTable;
}
