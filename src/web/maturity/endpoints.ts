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
