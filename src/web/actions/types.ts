/** The action plan as the API shows it (docs/api-actions.md); mirrors src/server/modules/actions/schema.ts. */
export const actionStatuses = ['todo', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];
export const priorities = ['low', 'medium', 'high', 'critical'] as const;
export type Priority = (typeof priorities)[number];
export const sourceKinds = ['manual', 'diagnostic', 'supplier_finding', 'exercise', 'incident'] as const;
export type SourceKind = (typeof sourceKinds)[number];
export const sortKeys = ['due_on', 'priority', 'status', 'created_at', 'updated_at', 'title'] as const;

export interface Action {
  id: string;
  organizationId: string;
  title: string;
  description: string;
  sourceKind: SourceKind;
  sourceId: string | null;
  sourceLabel: string;
  sourceLink: string | null;
  statusOwnedBySource: boolean;
  ownerAccountId: string | null;
  ownerName: string;
  ownerLabel: string;
  dueOn: string | null;
  priority: Priority;
  status: ActionStatus;
  overdue: boolean;
  doneAt: string | null;
  createdAt: string;
  updatedAt: string;
}

export interface ActionDetail extends Action {
  notes: Array<{ id: string; authorLabel: string; body: string; createdAt: string }>;
  evidence: Array<{ id: string; fileName: string; mediaType: string; size: number; uploadedAt: string }>;
}

export interface Progress {
  total: number;
  byStatus: Record<ActionStatus, number>;
  overdue: number;
  doneLast30Days: number;
  bySource: Array<{ source: SourceKind; total: number; done: number }>;
}

export interface Board {
  columns: Array<{ status: ActionStatus; total: number; items: Action[] }>;
}

export interface ActionInput {
  title: string;
  description: string;
  ownerAccountId: string | null;
  ownerName: string;
  dueOn: string | null;
  priority: Priority;
  status?: ActionStatus;
}
