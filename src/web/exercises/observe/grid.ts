import type { ObservationNote } from './observe-api.js';

/** The API's scale: 1 not met … 4 fully met. */
export const ratingScale = [1, 2, 3, 4] as const;

/** Notes newest first: an observer reads what was just written at the top of a phone screen. */
export const newestFirst = (notes: readonly ObservationNote[]): ObservationNote[] =>
  [...notes].sort((a, b) => (a.createdAt === b.createdAt ? b.id.localeCompare(a.id) : a.createdAt < b.createdAt ? 1 : -1));

/** The rating this observer gave last (it is the one the average counts), or null. */
export function latestRatingOf(notes: readonly ObservationNote[], accountId: string): number | null {
  const mine = newestFirst(notes).find((n) => n.accountId === accountId && n.rating !== null);
  return mine?.rating ?? null;
}

/** "2,5 / 4" in French, "2.5 / 4" in English. */
export const formatRating = (rating: number, lang: string): string =>
  `${rating.toLocaleString(lang, { maximumFractionDigits: 1 })} / ${ratingScale.length}`;

export interface ObservationForm {
  note: string;
  rating: string;
  cellId: string;
}

export type ObservationBody = { objectiveId: string; cellId?: string; note?: string; rating?: number };

/** The form as the API's body; null when it holds neither a note nor a rating (the server would refuse it too). */
export function toObservationBody(objectiveId: string, f: ObservationForm): ObservationBody | null {
  const note = f.note.trim();
  const rating = Number(f.rating);
  const rated = f.rating !== '' && (ratingScale as readonly number[]).includes(rating);
  if (!note && !rated) return null;
  return {
    objectiveId,
    ...(f.cellId ? { cellId: f.cellId } : {}),
    ...(note ? { note } : {}),
    ...(rated ? { rating } : {}),
  };
}
