import { qs } from '../admin/endpoints.js';

/** Every API path of the action plan pages (docs/api-actions.md). */
const seg = encodeURIComponent;
const org = (orgId: string) => `/api/orgs/${seg(orgId)}/actions`;

export const actionsApi = {
  list: org,
  exportCsv: (orgId: string) => `${org(orgId)}/export.csv`,
  board: (orgId: string) => `${org(orgId)}/board`,
  progress: (orgId: string) => `${org(orgId)}/progress`,
  action: (orgId: string, actionId: string) => `${org(orgId)}/${seg(actionId)}`,
  notes: (orgId: string, actionId: string) => `${org(orgId)}/${seg(actionId)}/notes`,
  evidence: (orgId: string, actionId: string, evidenceId?: string) =>
    `${org(orgId)}/${seg(actionId)}/evidence${evidenceId ? `/${seg(evidenceId)}` : ''}`,
  upload: (orgId: string, actionId: string, fileName: string) => `${org(orgId)}/${seg(actionId)}/evidence${qs({ filename: fileName })}`,
  accounts: (orgId: string) => `/api/orgs/${seg(orgId)}/accounts?pageSize=200`,
};

export const actionsKeys = {
  all: (orgId: string) => ['actions', orgId] as const,
  one: (orgId: string, actionId: string) => ['actions', orgId, 'one', actionId] as const,
};

/** The list's URL state as API filters (sort "-priority": priority descending, as the API reads it). */
export function listQuery(state: Record<string, string>, extra: Record<string, string | number> = {}): string {
  return qs({
    status: state.status,
    priority: state.priority,
    source: state.source,
    overdue: state.overdue,
    q: state.q,
    sort: state.sort,
    ...extra,
  });
}
