/** Shapes of the dashboard API (docs/api-territory.md, Dashboards); the server's zod schemas are the reference. */

export const domains = ['maturity', 'training', 'phishing', 'suppliers', 'exercises', 'actions'] as const;
export type Domain = (typeof domains)[number];
export const attentionFlags = ['no_recent_diagnostic', 'no_exercise_this_year', 'overdue_actions', 'crisis_kit_stale'] as const;
export type AttentionFlag = (typeof attentionFlags)[number];

export interface Cell<T> {
  shared: boolean;
  value: T | null;
}
export interface MaturityValue {
  score: number | null;
  completedAt: string;
  variant: 'full' | 'short';
}
export interface TrainingValue {
  suppressed: boolean;
  people: number | null;
  completionRate: number | null;
}
export interface PhishingValue {
  suppressed: boolean;
  campaigns: number | null;
  delivered: number | null;
  reportRate: number | null;
  clickRate: number | null;
}
export interface SuppliersValue {
  criticalProviders: number;
  audited: number;
  coverageRate: number | null;
  overdueAudits: number;
}
export interface ExercisesValue {
  lastExerciseOn: string | null;
}
export interface ActionsValue {
  open: number;
  overdue: number;
  doneLast90Days: number;
}

export interface MemberRow {
  organizationId: string;
  name: string;
  kind: string;
  isLead: boolean;
  maturity: Cell<MaturityValue>;
  training: Cell<TrainingValue>;
  phishing: Cell<PhishingValue>;
  suppliers: Cell<SuppliersValue>;
  exercises: Cell<ExercisesValue>;
  actions: Cell<ActionsValue>;
  flags: AttentionFlag[];
}

export interface Totals {
  members: number;
  sharing: Record<Domain, number>;
  maturity: { averageScore: number | null; diagnosed: number };
  training: TrainingValue;
  phishing: PhishingValue;
  suppliers: SuppliersValue;
  actions: ActionsValue;
  flagged: number;
}

export interface TerritoryDashboard {
  territory: { id: string; name: string; kind: string; region: string | null };
  generatedAt: string;
  minGroupSize: number;
  members: MemberRow[];
  totals: Totals;
}

export interface RegionalItem {
  territory: { id: string; name: string; kind: 'ght' | 'cpts' | 'region' | 'custom' };
  canOpen: boolean;
  totals: Totals;
}

export interface RegionalDashboard {
  region: { territoryId: string; name: string; region: string };
  generatedAt: string;
  minGroupSize: number;
  items: RegionalItem[];
  total: number;
  page: number;
  pageSize: number;
  totals: Totals;
}
