import { useMutation, useQueryClient } from '@tanstack/react-query';
import { api } from '../../api.js';
import { type Entry, playApi, playKeys } from './playApi.js';

export interface CellCtx {
  exerciseId: string;
  cellId: string;
  readOnly: boolean;
}

type What = 'replies' | 'logbook' | 'decisions' | 'tasks' | 'messages';

/** A write of the cell (reply, logbook line, decision, task, chat); the stream refreshes the others' screens. */
export function useWrite(ctx: CellCtx, what: What) {
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (body: Record<string, unknown>) => api<Entry>(playApi.write(ctx.exerciseId, ctx.cellId, what), { body }),
    onSuccess: () => qc.invalidateQueries({ queryKey: playKeys.journal(ctx.exerciseId, ctx.cellId) }),
  });
}

/** Newest first: on a phone the latest line is what matters. */
export const newestFirst = <T extends { createdAt: string }>(items: T[]): T[] =>
  [...items].sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));

export const timeOf = (iso: string | null, lang: string) => (iso ? new Date(iso).toLocaleTimeString(lang, { timeStyle: 'short' }) : '—');
