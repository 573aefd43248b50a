/** Every API path the admin pages call, in one place (docs/api-foundation.md). */
const enc = encodeURIComponent;

/** Builds a query string from defined, non-empty values. */
export function qs(params: Record<string, string | number | boolean | null | undefined>): string {
  const search = new URLSearchParams();
  for (const [k, v] of Object.entries(params)) {
    if (v === undefined || v === null || v === '') continue;
    search.set(k, String(v));
  }
  const s = search.toString();
  return s ? `?${s}` : '';
}

export const endpoints = {
  me: '/api/me',
  organizations: '/api/organizations',
  organization: (orgId: string) => `/api/orgs/${enc(orgId)}`,
  territories: '/api/territories',
  territory: (territoryId: string) => `/api/territories/${enc(territoryId)}`,
  territoryMember: (territoryId: string, orgId: string) => `/api/territories/${enc(territoryId)}/members/${enc(orgId)}`,
  territoryGrants: (territoryId: string) => `/api/territories/${enc(territoryId)}/grants`,
  territoryGrant: (territoryId: string, grantId: string) => `/api/territories/${enc(territoryId)}/grants/${enc(grantId)}`,
  people: (orgId: string) => `/api/orgs/${enc(orgId)}/people`,
  person: (orgId: string, personId: string) => `/api/orgs/${enc(orgId)}/people/${enc(personId)}`,
  peopleFacets: (orgId: string) => `/api/orgs/${enc(orgId)}/people/facets`,
  peopleExport: (orgId: string) => `/api/orgs/${enc(orgId)}/people/export.csv`,
  imports: (orgId: string) => `/api/orgs/${enc(orgId)}/imports`,
  importDryRun: (orgId: string, importId: string) => `/api/orgs/${enc(orgId)}/imports/${enc(importId)}/dry-run`,
  importApply: (orgId: string, importId: string) => `/api/orgs/${enc(orgId)}/imports/${enc(importId)}/apply`,
  orgAccounts: (orgId: string) => `/api/orgs/${enc(orgId)}/accounts`,
  orgGrants: (orgId: string) => `/api/orgs/${enc(orgId)}/grants`,
  orgGrant: (orgId: string, grantId: string) => `/api/orgs/${enc(orgId)}/grants/${enc(grantId)}`,
  platformAccounts: '/api/platform/accounts',
  platformAccount: (accountId: string) => `/api/platform/accounts/${enc(accountId)}`,
  platformAccountUnlock: (accountId: string) => `/api/platform/accounts/${enc(accountId)}/unlock`,
  platformAccountResetTotp: (accountId: string) => `/api/platform/accounts/${enc(accountId)}/reset-totp`,
  platformGrants: '/api/platform/grants',
  platformGrant: (grantId: string) => `/api/platform/grants/${enc(grantId)}`,
  auditLog: '/api/audit-log',
  auditLogExport: '/api/audit-log/export.csv',
  auditVerify: '/api/audit-log/verify',
  orgAuditLog: (orgId: string) => `/api/orgs/${enc(orgId)}/audit-log`,
  orgAuditLogExport: (orgId: string) => `/api/orgs/${enc(orgId)}/audit-log/export.csv`,
};
