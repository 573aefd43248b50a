import { Conflict } from '../../platform/errors.js';
import type { ExercisesTable } from './tables.js';

/** Nothing changes in an ended or closed exercise: its record is what the debrief reads. */
export function assertOpen(row: ExercisesTable): void {
  if (row.status === 'ended' || row.status === 'closed') {
    throw new Conflict(
      'exercise_closed',
      { fr: 'Cet exercice est terminé : il ne peut plus être modifié.', en: 'This exercise has ended: it can no longer be changed.' },
      'status',
    );
  }
}

/** Some preparation only makes sense before the start (removing a cell, importing a chronogram, deleting). */
export function assertDraft(row: ExercisesTable): void {
  assertOpen(row);
  if (row.status !== 'draft') {
    throw new Conflict(
      'exercise_started',
      {
        fr: 'L’exercice a commencé : cette modification n’est possible qu’en préparation.',
        en: 'The exercise has started: this change is only possible while it is being prepared.',
      },
      'status',
    );
  }
}
