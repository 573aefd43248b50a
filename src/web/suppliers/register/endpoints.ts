/** Every API path of the register, contracts, calendar and review pages (docs/api-suppliers.md). */
const seg = encodeURIComponent;
const org = (orgId: string) => `/api/orgs/${seg(orgId)}/suppliers`;

export const registerApi = {
  suppliers: org,
  supplier: (orgId: string, supplierId: string) => `${org(orgId)}/${seg(supplierId)}`,
  supplierAction: (orgId: string, supplierId: string, action: 'archive' | 'restore') => `${org(orgId)}/${seg(supplierId)}/${action}`,
  /** HDS certificates, subcontractors and contacts: the collection, or one row with its id. */
  part: (orgId: string, supplierId: string, part: 'hds-certificates' | 'subcontractors' | 'contacts', id?: string) =>
    `${org(orgId)}/${seg(supplierId)}/${part}${id ? `/${seg(id)}` : ''}`,
  supplierContracts: (orgId: string, supplierId: string) => `${org(orgId)}/${seg(supplierId)}/contracts`,
  contract: (orgId: string, contractId: string) => `${org(orgId)}/contracts/${seg(contractId)}`,
  contractAction: (orgId: string, contractId: string, action: 'archive' | 'restore' | 'gaps' | 'triggered-audit') =>
    `${org(orgId)}/contracts/${seg(contractId)}/${action}`,
  modelClauses: (orgId: string) => `${org(orgId)}/model-clauses`,
  gaps: (orgId: string) => `${org(orgId)}/gaps`,
  grids: (orgId: string) => `${org(orgId)}/grids?pageSize=200`,
  calendar: (orgId: string) => `${org(orgId)}/calendar`,
  /** Planning an audit by hand from the calendar (the audits part owns the audit pages). */
  audits: (orgId: string) => `${org(orgId)}/audits`,

  audit: (orgId: string, auditId: string) => `${org(orgId)}/audits/${seg(auditId)}`,
  review: (orgId: string, auditId: string) => `${org(orgId)}/audits/${seg(auditId)}/review`,
  reviewComplete: (orgId: string, auditId: string) => `${org(orgId)}/audits/${seg(auditId)}/review/complete`,
  rating: (orgId: string, auditId: string, questionId: string) => `${org(orgId)}/audits/${seg(auditId)}/answers/${seg(questionId)}/rating`,
  auditFindings: (orgId: string, auditId: string) => `${org(orgId)}/audits/${seg(auditId)}/findings`,
  findings: (orgId: string) => `${org(orgId)}/findings`,
  finding: (orgId: string, findingId: string) => `${org(orgId)}/findings/${seg(findingId)}`,
  findingAction: (orgId: string, findingId: string, action: 'plan' | 'plan/agree' | 'close') =>
    `${org(orgId)}/findings/${seg(findingId)}/${action}`,
  stepDone: (orgId: string, findingId: string, stepId: string) => `${org(orgId)}/findings/${seg(findingId)}/steps/${seg(stepId)}/done`,
  auditEvidence: (orgId: string, auditId: string) => `${org(orgId)}/audits/${seg(auditId)}/evidence`,
  costs: (orgId: string, auditId: string, costId?: string) =>
    `${org(orgId)}/audits/${seg(auditId)}/costs${costId ? `/${seg(costId)}` : ''}`,
  report: (orgId: string, auditId: string) => `${org(orgId)}/audits/${seg(auditId)}/report.pdf`,
  budget: (orgId: string, year: number) => `${org(orgId)}/budget?year=${year}`,
  dashboard: (orgId: string) => `${org(orgId)}/dashboard`,
  territoryDashboard: (territoryId: string) => `/api/territories/${seg(territoryId)}/suppliers/dashboard`,
};

/** TanStack Query keys; invalidating ['suppliersRegister', orgId] refreshes everything of an organization. */
export const registerKeys = {
  org: (orgId: string) => ['suppliersRegister', orgId] as const,
  suppliers: (orgId: string) => ['suppliersRegister', orgId, 'suppliers'] as const,
  supplier: (orgId: string, id: string) => ['suppliersRegister', orgId, 'supplier', id] as const,
  contract: (orgId: string, id: string) => ['suppliersRegister', orgId, 'contract', id] as const,
  static: (orgId: string, what: 'modelClauses' | 'grids') => ['suppliersRegister', orgId, what] as const,
  calendar: (orgId: string) => ['suppliersRegister', orgId, 'calendar'] as const,
  audit: (orgId: string, auditId: string) => `${org(orgId)}/audits/${seg(auditId)}`,
  review: (orgId: string, auditId: string) => ['suppliersRegister', orgId, 'review', auditId] as const,
  findings: (orgId: string) => ['suppliersRegister', orgId, 'findings'] as const,
};
