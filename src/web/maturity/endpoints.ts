import { qs } from '../admin/endpoints.js';
import { type DiagnosticSort, diagnosticSorts, diagnosticStatuses, variants } from './types.js';

/** Every API path of the maturity pages (docs/api-maturity.md). */
const seg = encodeURIComponent;
const diagnostics = (orgId: string) => `/api/orgs/${seg(orgId)}/maturity/diagnostics`;
const one = (orgId: string, id: string) => `${diagnostics(orgId)}/${seg(id)}`;

export const maturityApi = {
  referential: (variant: string) => `/api/maturity/referential?variant=${seg(variant)}`,
  diagnostics,
  diagnostic: one,
  complete: (orgId: string, id: string) => `${one(orgId, id)}/complete`,
  report: (orgId: string, id: string) => `${one(orgId, id)}/report.pdf`,
  toAction: (orgId: string, id: string, recId: string) => `${one(orgId, id)}/recommendations/${seg(recId)}/action`,
};

export const maturityKeys = {
  all: (orgId: string) => ['maturity', orgId] as const,
  one: (orgId: string, id: string) => ['maturity', orgId, 'one', id] as const,
  referential: (variant: string) => ['maturity', 'referential', variant] as const,
};

/** The list's URL state: sort as the column headers write it ("-overall": overall, descending). */
export interface DiagnosticsListState {
  status: string;
  variant: string;
  sort: string;
  page: string;
  pageSize: string;
}
export const defaultDiagnosticsSort = '-createdAt';

const oneOf = <T extends string>(values: readonly T[], v: string): T | undefined => values.find((x) => x === v);

/**
 * The URL state as the API's query. A hand-edited or stale URL must not turn the page into a 400:
 * values the API does not know are dropped (filters) or replaced by the default (sort).
 */
export function diagnosticsQuery(state: DiagnosticsListState): string {
  const desc = state.sort.startsWith('-');
  const sort: DiagnosticSort | undefined = oneOf(diagnosticSorts, state.sort.replace(/^-/, ''));
  const page = Math.max(1, Math.trunc(Number(state.page)) || 1);
  const pageSize = Math.min(100, Math.max(1, Math.trunc(Number(state.pageSize)) || 25));
  return qs({
    status: oneOf(diagnosticStatuses, state.status),
    variant: oneOf(variants, state.variant),
    sort: sort ?? 'createdAt',
    order: sort === undefined || desc ? 'desc' : 'asc',
    page,
    pageSize,
  });
}

/** Whether a filter narrows the list (its empty state then says so rather than "no diagnostic yet"). */
export const isFiltered = (state: Pick<DiagnosticsListState, 'status' | 'variant'>): boolean =>
  Boolean(oneOf(diagnosticStatuses, state.status) || oneOf(variants, state.variant));
