import type { Pause } from './play-rules.js';
import type { Milestone, MilestoneKind } from './scenario-format.js';
import type { ExerciseCellsTable, ExerciseEntriesTable } from './tables.js';

/** One measured time: a milestone of one cell, reached or not. */
export interface MeasuredTime {
  cellId: string;
  cellName: string;
  kind: MilestoneKind;
  /** When the cell reached it; null when it never did. */
  at: string | null;
  /** Minutes of play from the start of the exercise: the pauses before it are left out. */
  minutes: number | null;
  /** What marked it: the reply to a stimulus, or a logbook/decision entry. */
  entryId: string | null;
}

/** Lower case, no accents, single spaces: players write "l'ARS est prevenue" as often as the scenario's wording. */
export const fold = (s: string) =>
  s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[’']/g, "'").replace(/\s+/g, ' ').trim().toLowerCase();

/**
 * The rule (docs/api-exercises.md, "Measured times"): for each milestone of the frozen scenario and
 * each cell playing its scenario cell, the time is the first of
 *  - a reply of that cell to the milestone's stimulus (when the milestone names one);
 *  - a decision or logbook entry of that cell whose category is the milestone kind
 *    (e.g. `alert_ars`), or whose text contains the milestone's decision wording (FR or EN,
 *    case, accents and spacing ignored).
 * Times count played minutes from `started_at`: the part of every pause that came before the
 * milestone is taken off (a milestone reached during a pause counts up to the pause's start).
 */
export function measuredTimes(
  startedAt: string | null,
  pauses: readonly Pause[],
  milestones: Milestone[],
  cells: ExerciseCellsTable[],
  entries: ExerciseEntriesTable[],
  stimulusIdOfCode: (code: string) => string | undefined,
): MeasuredTime[] {
  const start = startedAt ? Date.parse(startedAt) : null;
  const out: MeasuredTime[] = [];
  const sorted = [...entries].sort((a, b) => a.created_at.localeCompare(b.created_at) || a.id.localeCompare(b.id));
  for (const m of milestones) {
    const stimulusId = m.stimulusId ? stimulusIdOfCode(m.stimulusId) : undefined;
    const wording = m.decision ? [fold(m.decision.fr), fold(m.decision.en)] : [];
    for (const cell of cells.filter((c) => c.scenario_cell_id === m.cellId)) {
      const hit = sorted.find((e) => {
        if (e.cell_id !== cell.id) return false;
        if (stimulusId && e.kind === 'reply' && e.stimulus_id === stimulusId) return true;
        if (e.kind !== 'decision' && e.kind !== 'logbook') return false;
        if (e.category === m.kind) return true;
        const text = fold(e.text);
        return wording.some((w) => w.length > 0 && text.includes(w));
      });
      const at = hit?.created_at ?? null;
      out.push({
        cellId: cell.id,
        cellName: cell.name,
        kind: m.kind,
        at,
        minutes: at && start !== null ? Math.round(playedMs(start, Date.parse(at), pauses) / 60_000) : null,
        entryId: hit?.id ?? null,
      });
    }
  }
  return out;
}

/** Milliseconds between `from` and `to` outside every pause. */
export function playedMs(from: number, to: number, pauses: readonly Pause[]): number {
  let paused = 0;
  for (const p of pauses) {
    const start = Math.max(from, Date.parse(p.from));
    const end = Math.min(to, Date.parse(p.to));
    if (end > start) paused += end - start;
  }
  return Math.max(0, to - from - paused);
}
