import type { Bilingual, Owner } from '../types.js';

/** The observers' grid API (docs/api-exercises.md, "Observers"): through the owner, or through the placement. */
const seg = encodeURIComponent;

export const observeApi = {
  grid: (exerciseId: string, owner?: Owner) =>
    owner
      ? `/api/${owner.kind === 'org' ? 'orgs' : 'territories'}/${seg(owner.id)}/exercises/${seg(exerciseId)}/observations`
      : `/api/me/exercises/${seg(exerciseId)}/observations`,
};

export const observeKeys = {
  grid: (exerciseId: string, owner?: Owner) => ['exercises', 'observe', exerciseId, owner?.kind ?? 'me', owner?.id ?? ''] as const,
};

/** The page URL: an observer placed on the exercise needs no owner; a manager comes through it. */
export const observePath = (exerciseId: string, owner?: Owner) =>
  owner
    ? `/exercises/${owner.kind === 'org' ? 'o' : 't'}/${seg(owner.id)}/${seg(exerciseId)}/observe`
    : `/exercises/observe/${seg(exerciseId)}`;

export interface ObservationNote {
  id: string;
  cellId: string | null;
  accountId: string;
  authorName: string;
  note: string | null;
  rating: number | null;
  createdAt: string;
}

export interface GridObjective {
  id: string;
  text: Bilingual;
  criteria: Bilingual[];
  /** The average of each observer's latest rating. */
  rating: number | null;
  notes: ObservationNote[];
}

export interface Grid {
  exerciseId: string;
  objectives: GridObjective[];
}
