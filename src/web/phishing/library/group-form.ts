import type { Targeting } from '../../learning/admin/rule-form.js';
import type { GroupKind, TargetCriteria, TargetGroup } from './types.js';

/** The group form: the learning targeting fields (role families, services, sites) plus named people. */
export interface GroupForm {
  kind: GroupKind;
  name: string;
  targeting: Targeting;
  personIds: string[];
}

export const emptyGroupForm = (kind: GroupKind = 'target'): GroupForm => ({
  kind,
  name: '',
  targeting: { roleFamilies: [], services: [], sites: [] },
  personIds: [],
});

export const groupFormOf = (g: TargetGroup): GroupForm => ({
  kind: g.kind,
  name: g.name,
  targeting: {
    roleFamilies: [...(g.criteria.roleFamilies ?? [])],
    services: [...(g.criteria.services ?? [])],
    sites: [...(g.criteria.sites ?? [])],
  },
  personIds: [...(g.criteria.personIds ?? [])],
});

const clean = (xs: readonly string[]) => [...new Set(xs.map((x) => x.trim()).filter(Boolean))];

/** Criteria with empty keys left out: `{}` means all staff, an empty list would mean nobody. */
export function toCriteria(f: Pick<GroupForm, 'targeting' | 'personIds'>): TargetCriteria {
  const out: TargetCriteria = {};
  const services = clean(f.targeting.services);
  const roleFamilies = clean(f.targeting.roleFamilies);
  const sites = clean(f.targeting.sites);
  const personIds = clean(f.personIds);
  if (services.length) out.services = services;
  if (roleFamilies.length) out.roleFamilies = roleFamilies;
  if (sites.length) out.sites = sites;
  if (personIds.length) out.personIds = personIds;
  return out;
}

export const toGroupInput = (f: GroupForm) => ({ kind: f.kind, name: f.name.trim(), criteria: toCriteria(f) });

/** Field names of the server (criteria.services, criteria.personIds.2) → the form's (services, personIds). */
export function groupFieldErrors(errors: Record<string, string>): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(errors)) {
    const key = k.replace(/^criteria\./, '').replace(/^(services|sites|roleFamilies|personIds)\.\d+$/, '$1');
    if (!out[key]) out[key] = v;
  }
  return out;
}
