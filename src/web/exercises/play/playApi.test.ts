import { describe, expect, it } from 'vitest';
import { entryKinds } from '../../../server/modules/exercises/tables.js';
import { exerciseStatuses } from '../types.js';
import { type Entry, streamKinds, taskStatuses } from './playApi.js';
import { newestFirst } from './useWrite.js';

describe("the players' space against the server's vocabulary", () => {
  it('listens to every kind of event the server publishes on a cell topic (a kind left out would never refresh the page)', () => {
    const published = [
      'stimulus',
      ...exerciseStatuses.filter((s) => s !== 'draft').map((s) => `exercise.${s}`),
      ...entryKinds.map((k) => `${k}.added`),
      'task.updated',
    ];
    expect([...streamKinds].sort()).toEqual([...published].sort());
  });

  it('knows the task statuses the server accepts', async () => {
    const server = await import('../../../server/modules/exercises/tables.js');
    expect([...taskStatuses]).toEqual([...server.taskStatuses]);
  });

  it('puts the newest line first, whatever order the journal came in', () => {
    const at = (createdAt: string, id: string) => ({ id, createdAt }) as Entry;
    const sorted = newestFirst([
      at('2026-11-29T10:00:00.000Z', 'a'),
      at('2026-11-29T10:05:00.000Z', 'c'),
      at('2026-11-29T10:01:00.000Z', 'b'),
    ]);
    expect(sorted.map((e) => e.id)).toEqual(['c', 'b', 'a']);
  });
});
