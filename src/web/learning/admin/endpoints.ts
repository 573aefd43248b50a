/** Every API path of the learning administration (docs/api-learning.md), ids encoded as one segment. */
const seg = encodeURIComponent;

const org = (orgId: string) => `/api/orgs/${seg(orgId)}/learning`;
const territory = (territoryId: string) => `/api/territories/${seg(territoryId)}/learning`;

export const adminApi = {
  modules: (orgId: string) => `${org(orgId)}/modules`,
  module: (orgId: string, moduleId: string) => `${org(orgId)}/modules/${seg(moduleId)}`,
  fork: (orgId: string, moduleId: string) => `${org(orgId)}/modules/${seg(moduleId)}/fork`,
  archive: (orgId: string, moduleId: string) => `${org(orgId)}/modules/${seg(moduleId)}/archive`,
  restore: (orgId: string, moduleId: string) => `${org(orgId)}/modules/${seg(moduleId)}/restore`,
  media: (orgId: string) => `${org(orgId)}/media`,
  curricula: (orgId: string) => `${org(orgId)}/curricula`,
  curriculum: (orgId: string, id: string) => `${org(orgId)}/curricula/${seg(id)}`,
  rules: (orgId: string) => `${org(orgId)}/rules`,
  rulesPreview: (orgId: string) => `${org(orgId)}/rules/preview`,
  rule: (orgId: string, ruleId: string) => `${org(orgId)}/rules/${seg(ruleId)}`,
  assignments: (orgId: string) => `${org(orgId)}/assignments`,
  flashAlerts: (orgId: string) => `${org(orgId)}/flash-alerts`,
  metrics: (orgId: string) => `${org(orgId)}/metrics`,
  metricsCsv: (orgId: string) => `${org(orgId)}/metrics.csv`,
  reportPdf: (orgId: string) => `${org(orgId)}/report.pdf`,
  publicPage: (orgId: string) => `${org(orgId)}/public-page`,
  publicPageQr: (orgId: string) => `${org(orgId)}/public-page/qr.svg`,
  territoryRules: (territoryId: string) => `${territory(territoryId)}/rules`,
  territoryRule: (territoryId: string, ruleId: string) => `${territory(territoryId)}/rules/${seg(ruleId)}`,
  territoryFlashAlerts: (territoryId: string) => `${territory(territoryId)}/flash-alerts`,
  territoryMetrics: (territoryId: string) => `${territory(territoryId)}/metrics`,
  territoryMetricsCsv: (territoryId: string) => `${territory(territoryId)}/metrics.csv`,
  territory: (territoryId: string) => `/api/territories/${seg(territoryId)}`,
};

/** TanStack Query keys; invalidating ['learningAdmin', orgId] refreshes everything of an organization. */
export const adminKeys = {
  org: (orgId: string) => ['learningAdmin', orgId] as const,
  modules: (orgId: string) => ['learningAdmin', orgId, 'modules'] as const,
  module: (orgId: string, moduleId: string) => ['learningAdmin', orgId, 'modules', 'one', moduleId] as const,
  curricula: (orgId: string) => ['learningAdmin', orgId, 'curricula'] as const,
  rules: (orgId: string) => ['learningAdmin', orgId, 'rules'] as const,
  flashAlerts: (orgId: string) => ['learningAdmin', orgId, 'flash-alerts'] as const,
  metrics: (orgId: string, by: string) => ['learningAdmin', orgId, 'metrics', by] as const,
  publicPage: (orgId: string) => ['learningAdmin', orgId, 'public-page'] as const,
  territory: (territoryId: string) => ['learningAdminTerritory', territoryId] as const,
};
