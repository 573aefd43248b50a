export interface AuditLogTable {
  seq: number;
  id: string;
  at: string;
  actor_account_id: string | null;
  actor_label: string;
  ip: string | null;
  action: string;
  entity_type: string;
  entity_id: string | null;
  organization_id: string | null;
  territory_id: string | null;
  before_json: string | null;
  after_json: string | null;
  prev_hash: string;
  hash: string;
}

export interface AuditTables {
  audit_log: AuditLogTable;
}
