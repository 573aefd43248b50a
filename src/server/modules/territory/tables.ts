/** What a member organization may let its territories see, one flag per kind of data. */
export const sharingDomains = ['maturity', 'training', 'phishing', 'suppliers', 'exercises', 'actions'] as const;
export type SharingDomain = (typeof sharingDomains)[number];

/** A row means the organization shares that domain with that territory; no row, nothing is shown. */
export interface TerritorySharingTable {
  territory_id: string;
  organization_id: string;
  domain: SharingDomain;
  shared_since: string;
  /** The account that switched it on; null when copied from the former single flag. */
  changed_by: string | null;
}

/** An account of a lead organization offered to the territory as a mentor. */
export interface MentorsTable {
  id: string;
  territory_id: string;
  account_id: string;
  /** The lead organization the mentor comes from. */
  organization_id: string;
  /** Most active pairings at once. */
  capacity: number;
  /** 0 once withdrawn: existing pairings go on, no new one. */
  active: 0 | 1;
  created_at: string;
  updated_at: string;
}

export interface MentoringPairingsTable {
  id: string;
  territory_id: string;
  mentor_id: string;
  /** The mentee organization (tenant of the plan). */
  organization_id: string;
  started_at: string;
  ended_at: string | null;
  end_note: string | null;
  created_by: string | null;
  updated_at: string;
}

export const goalStatuses = ['planned', 'in_progress', 'reached', 'dropped'] as const;
export type GoalStatus = (typeof goalStatuses)[number];

export interface MentoringGoalsTable {
  id: string;
  pairing_id: string;
  organization_id: string;
  text: string;
  status: GoalStatus;
  created_at: string;
  updated_at: string;
}

export interface MentoringSessionsTable {
  id: string;
  pairing_id: string;
  organization_id: string;
  /** Calendar day YYYY-MM-DD. */
  held_on: string;
  duration_minutes: number;
  notes: string;
  next_steps: string;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface TerritoryTables {
  territory_sharing: TerritorySharingTable;
  mentors: MentorsTable;
  mentoring_pairings: MentoringPairingsTable;
  mentoring_goals: MentoringGoalsTable;
  mentoring_sessions: MentoringSessionsTable;
}
