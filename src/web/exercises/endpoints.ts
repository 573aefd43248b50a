import { qs } from '../admin/endpoints.js';
import type { Owner } from './types.js';

/** Every API path of the exercises pages (docs/api-exercises.md). */
const seg = encodeURIComponent;
const base = (o: Owner) => (o.kind === 'org' ? `/api/orgs/${seg(o.id)}/exercises` : `/api/territories/${seg(o.id)}/exercises`);
const one = (o: Owner, id: string) => `${base(o)}/${seg(id)}`;

export const exercisesApi = {
  scenarios: '/api/exercises/scenarios',
  list: (o: Owner, q: { status?: string; page: number; pageSize: number }) => `${base(o)}${qs({ ...q, status: q.status || undefined })}`,
  create: base,
  exercise: one,
  cells: (o: Owner, id: string) => `${one(o, id)}/cells`,
  cell: (o: Owner, id: string, cellId: string) => `${one(o, id)}/cells/${seg(cellId)}`,
  participants: (o: Owner, id: string) => `${one(o, id)}/participants`,
  participant: (o: Owner, id: string, pId: string) => `${one(o, id)}/participants/${seg(pId)}`,
  stimuli: (o: Owner, id: string) => `${one(o, id)}/chronogram/stimuli`,
  stimulus: (o: Owner, id: string, sId: string) => `${one(o, id)}/chronogram/stimuli/${seg(sId)}`,
  order: (o: Owner, id: string) => `${one(o, id)}/chronogram/order`,
  exportFile: (o: Owner, id: string, format: 'csv' | 'xlsx') => `${one(o, id)}/chronogram/export${qs({ format })}`,
  importFile: (o: Owner, id: string, format: 'csv' | 'xlsx', dryRun: boolean) =>
    `${one(o, id)}/chronogram/import${qs({ format, dryRun: String(dryRun) })}`,
  mine: '/api/me/exercises',
  myStimuli: (id: string, cellId: string) => `/api/me/exercises/${seg(id)}/cells/${seg(cellId)}/stimuli`,
  /** A whole scenario of the library, for its preview. */
  scenario: (id: string) => `/api/exercises/scenarios/${seg(id)}`,
  /** The accounts of a playing organization (staff or roles), to place as participants (exercises.manage). */
  candidates: (o: Owner, id: string, orgId: string, q = '') =>
    `${one(o, id)}/candidates${qs({ organizationId: orgId, q: q || undefined })}`,
  /** A territory's members (territory.read), to choose the playing organizations. */
  territoryMembers: (territoryId: string) => `/api/territories/${seg(territoryId)}/sharing`,
};

export const exercisesKeys = {
  scenarios: ['exercises', 'scenarios'] as const,
  owner: (o: Owner) => ['exercises', o.kind, o.id] as const,
  one: (o: Owner, id: string) => ['exercises', o.kind, o.id, 'one', id] as const,
  mine: ['exercises', 'mine'] as const,
};

/** The page URL of an exercise: its owner is in the path so the link works whatever the header scope. */
export const exercisePath = (o: Owner, id: string) => `/exercises/${o.kind === 'org' ? 'o' : 't'}/${seg(o.id)}/${seg(id)}`;
