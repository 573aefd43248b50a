import { describe, expect, it } from 'vitest';
import { afterApi, splitMinutes } from './api.js';

describe('after: clocks and paths', () => {
  it('reads a clock as days, hours and minutes, late or not', () => {
    expect(splitMinutes(23 * 60 + 5)).toEqual({ days: 0, hours: 23, mins: 5 });
    expect(splitMinutes(-(2 * 1440 + 61))).toEqual({ days: 2, hours: 1, mins: 1 });
  });
  it('builds the server paths of docs/api-exercises.md', () => {
    expect(afterApi.after({ kind: 'territory', id: 't 1' }, 'e1')).toBe('/api/territories/t%201/exercises/e1/after');
    expect(afterApi.kitPdf('o1')).toBe('/api/orgs/o1/crisis-kit/pdf');
    expect(afterApi.declaration('o1', 'e1')).toBe('/api/orgs/o1/incidents/e1/declaration');
  });
});
