import { describe, expect, it } from 'vitest';
import { fromLocalInput, toLocalInput } from './dates.js';

describe('planned start inputs', () => {
  it('round-trips a minute-precise instant through the datetime-local value', () => {
    const iso = new Date(2026, 11, 3, 9, 30).toISOString();
    expect(toLocalInput(iso)).toBe('2026-12-03T09:30');
    expect(fromLocalInput(toLocalInput(iso))).toBe(iso);
  });

  it('reads empty or broken values as none', () => {
    expect(toLocalInput(null)).toBe('');
    expect(toLocalInput('nonsense')).toBe('');
    expect(fromLocalInput('')).toBeNull();
    expect(fromLocalInput('tomorrow')).toBeNull();
  });
});
