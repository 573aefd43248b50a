/** Every API path of audits, the provider portal and grids (docs/api-suppliers.md), ids encoded as one segment. */
const seg = encodeURIComponent;
const org = (orgId: string) => `/api/orgs/${seg(orgId)}/suppliers`;
const portal = '/api/portal/audits';

export const auditsApi = {
  suppliers: (orgId: string) => org(orgId),
  contracts: (orgId: string) => `${org(orgId)}/contracts`,
  audits: (orgId: string) => `${org(orgId)}/audits`,
  audit: (orgId: string, auditId: string) => `${org(orgId)}/audits/${seg(auditId)}`,
  auditAction: (orgId: string, auditId: string, action: 'open' | 'notice' | 'cancel' | 'share') =>
    `${org(orgId)}/audits/${seg(auditId)}/${action}`,
  territoryShare: (territoryId: string, auditId: string) => `/api/territories/${seg(territoryId)}/suppliers/audits/${seg(auditId)}/share`,
  comments: (orgId: string, auditId: string) => `${org(orgId)}/audits/${seg(auditId)}/comments`,
  evidenceFile: (orgId: string, auditId: string, evidenceId: string) => `${org(orgId)}/audits/${seg(auditId)}/evidence/${seg(evidenceId)}`,

  grids: (orgId: string) => `${org(orgId)}/grids`,
  grid: (orgId: string, gridId: string) => `${org(orgId)}/grids/${seg(gridId)}`,
  gridFork: (orgId: string, gridId: string) => `${org(orgId)}/grids/${seg(gridId)}/fork`,
  gridExport: (orgId: string, gridId: string, format: 'xlsx' | 'csv') => `${org(orgId)}/grids/${seg(gridId)}/export.${format}`,
  gridImport: (orgId: string, format: 'xlsx' | 'csv', dryRun: boolean) => `${org(orgId)}/grids/import?format=${format}&dryRun=${dryRun}`,

  portalAudits: portal,
  portalAudit: (auditId: string) => `${portal}/${seg(auditId)}`,
  portalAnswer: (auditId: string, questionId: string) => `${portal}/${seg(auditId)}/answers/${seg(questionId)}`,
  portalSubmit: (auditId: string) => `${portal}/${seg(auditId)}/submit`,
  portalAgree: (auditId: string) => `${portal}/${seg(auditId)}/agree-sharing`,
  portalComments: (auditId: string) => `${portal}/${seg(auditId)}/comments`,
  portalEvidence: (auditId: string) => `${portal}/${seg(auditId)}/evidence`,
  portalUpload: (auditId: string, fileName: string, questionId: string | null) =>
    `${portal}/${seg(auditId)}/evidence?filename=${seg(fileName)}${questionId ? `&questionId=${seg(questionId)}` : ''}`,
  portalEvidenceFile: (auditId: string, evidenceId: string) => `${portal}/${seg(auditId)}/evidence/${seg(evidenceId)}`,
};

/** TanStack Query keys; invalidating ['suppliersAudits', orgId] refreshes everything of an organization. */
export const auditsKeys = {
  org: (orgId: string) => ['suppliersAudits', orgId] as const,
  audits: (orgId: string) => ['suppliersAudits', orgId, 'audits'] as const,
  audit: (orgId: string, auditId: string) => ['suppliersAudits', orgId, 'audits', 'one', auditId] as const,
  grids: (orgId: string) => ['suppliersAudits', orgId, 'grids'] as const,
  grid: (orgId: string, gridId: string) => ['suppliersAudits', orgId, 'grids', 'one', gridId] as const,
  portal: ['suppliersPortal'] as const,
  portalAudit: (auditId: string) => ['suppliersPortal', auditId] as const,
};
