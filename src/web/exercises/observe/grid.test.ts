import { describe, expect, it } from 'vitest';
import { formatRating, latestRatingOf, newestFirst, toObservationBody } from './grid.js';
import type { ObservationNote } from './observe-api.js';

const note = (id: string, accountId: string, createdAt: string, rating: number | null): ObservationNote => ({
  id,
  cellId: null,
  accountId,
  authorName: accountId,
  note: rating === null ? 'vu' : null,
  rating,
  createdAt,
});

describe('the observation grid', () => {
  const notes = [
    note('n1', 'a', '2026-12-01T09:10:00.000Z', 2),
    note('n2', 'b', '2026-12-01T09:12:00.000Z', 4),
    note('n3', 'a', '2026-12-01T09:20:00.000Z', 3),
    note('n4', 'a', '2026-12-01T09:25:00.000Z', null),
  ];

  it('lists notes newest first', () => {
    expect(newestFirst(notes).map((n) => n.id)).toEqual(['n4', 'n3', 'n2', 'n1']);
  });

  it("finds an observer's latest rating, skipping notes without one", () => {
    expect(latestRatingOf(notes, 'a')).toBe(3);
    expect(latestRatingOf(notes, 'c')).toBeNull();
  });

  it('writes the average in the page language', () => {
    expect(formatRating(2.5, 'fr')).toBe('2,5 / 4');
    expect(formatRating(3, 'en')).toBe('3 / 4');
  });

  it('sends a note, a rating or both, never an empty observation', () => {
    expect(toObservationBody('obj1', { note: '  ', rating: '', cellId: '' })).toBeNull();
    expect(toObservationBody('obj1', { note: '', rating: '7', cellId: '' })).toBeNull();
    expect(toObservationBody('obj1', { note: ' Alerte tardive ', rating: '', cellId: 'c1' })).toEqual({
      objectiveId: 'obj1',
      cellId: 'c1',
      note: 'Alerte tardive',
    });
    expect(toObservationBody('obj1', { note: '', rating: '2', cellId: '' })).toEqual({ objectiveId: 'obj1', rating: 2 });
  });
});
