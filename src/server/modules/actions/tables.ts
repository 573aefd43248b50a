/** Sources that feed the action plan; `manual` is an action created by hand. */
export const sourceKinds = ['manual', 'diagnostic', 'supplier_finding', 'exercise', 'incident'] as const;
export type SourceKind = (typeof sourceKinds)[number];

export const priorities = ['low', 'medium', 'high', 'critical'] as const;
export type Priority = (typeof priorities)[number];

export const actionStatuses = ['todo', 'in_progress', 'done', 'cancelled'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

export interface ActionsTable {
  id: string;
  organization_id: string;
  title: string;
  description: string;
  source_kind: SourceKind;
  source_id: string | null;
  source_label: string;
  /** A web path in the app (e.g. /suppliers/audits/:id/review), never an outside URL. */
  source_link: string | null;
  owner_account_id: string | null;
  /** Free owner when the person has no account ("Service biomédical"). */
  owner_name: string;
  due_on: string | null;
  priority: Priority;
  status: ActionStatus;
  done_at: string | null;
  created_at: string;
  updated_at: string;
  /** Last reminder sent to the owner; cleared when the due date moves. */
  reminded_at: string | null;
  search_text: string;
}

export interface ActionNotesTable {
  id: string;
  action_id: string;
  author_account_id: string | null;
  author_label: string;
  body: string;
  created_at: string;
}

export interface ActionEvidenceTable {
  id: string;
  action_id: string;
  file_name: string;
  media_type: string;
  size: number;
  sha256: string;
  storage_key: string;
  uploaded_by: string | null;
  uploaded_at: string;
}

export interface ActionsTables {
  actions: ActionsTable;
  action_notes: ActionNotesTable;
  action_evidence: ActionEvidenceTable;
}
