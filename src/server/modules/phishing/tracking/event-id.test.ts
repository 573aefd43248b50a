import { describe, expect, it } from 'vitest';
import { eventId } from './event-id.js';

describe('tracking event ids', () => {
  it('are UUIDv7 strings, unique, ordered by time', () => {
    const ms = Date.UTC(2026, 11, 1, 9, 0, 0);
    const ids = Array.from({ length: 5000 }, (_, i) => eventId(ms + Math.floor(i / 10)));
    for (const id of ids.slice(0, 50)) expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(new Set(ids).size).toBe(ids.length);
    expect(ids[0]!.slice(0, 13).replace('-', '')).toBe(ms.toString(16).padStart(12, '0'));
    expect([...ids].sort()).toEqual(ids); // creation order, also within one millisecond
    const burst = Array.from({ length: 5000 }, () => eventId(ms + 10));
    expect([...burst].sort()).toEqual(burst);
    expect(new Set(burst).size).toBe(burst.length);
  });
});
