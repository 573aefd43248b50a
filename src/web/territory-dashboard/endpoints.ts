import { qs } from '../admin/endpoints.js';

/** Every API path of the dashboard pages (docs/api-territory.md, Dashboards). */
const seg = encodeURIComponent;

export const dashboardApi = {
  territory: (territoryId: string) => `/api/territories/${seg(territoryId)}/dashboard`,
  csv: (territoryId: string) => `/api/territories/${seg(territoryId)}/dashboard.csv`,
  pdf: (territoryId: string) => `/api/territories/${seg(territoryId)}/dashboard.pdf`,
  regional: (regionId: string, q: { sort: string; page: number; pageSize: number; kind?: string; q?: string }) =>
    `/api/territories/${seg(regionId)}/regional-dashboard${qs({ sort: q.sort, page: q.page, pageSize: q.pageSize, kind: q.kind || undefined, q: q.q || undefined })}`,
};

export const dashboardKeys = {
  territory: (territoryId: string) => ['territory-dashboard', territoryId] as const,
  regional: (regionId: string, q: object) => ['territory-dashboard', 'region', regionId, q] as const,
};
