import type { RuleInput } from './types.js';

/** The targeting part shared by rules, manual assignments and the "N people match" preview. */
export interface Targeting {
  roleFamilies: string[];
  services: string[];
  sites: string[];
}

const clean = (xs: readonly string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

/** GET /rules/preview takes comma lists; a comma inside a service name cannot be sent, so it is left out. */
export function previewSearch(curriculumId: string | null, t: Targeting): string {
  const p = new URLSearchParams();
  if (curriculumId) p.set('curriculumId', curriculumId);
  const list = (xs: readonly string[]) => clean(xs).filter((x) => !x.includes(','));
  if (t.roleFamilies.length) p.set('roleFamilies', list(t.roleFamilies).join(','));
  const services = list(t.services);
  if (services.length) p.set('services', services.join(','));
  const sites = list(t.sites);
  if (sites.length) p.set('sites', sites.join(','));
  const s = p.toString();
  return s ? `?${s}` : '';
}

export function toRuleInput(curriculumId: string, t: Targeting, dueDays: number, organizationIds?: readonly string[]): RuleInput {
  const input: RuleInput = {
    curriculumId,
    roleFamilies: clean(t.roleFamilies),
    services: clean(t.services),
    sites: clean(t.sites),
    dueDays,
  };
  if (organizationIds) input.organizationIds = clean(organizationIds);
  return input;
}
