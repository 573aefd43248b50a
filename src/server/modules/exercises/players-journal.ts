import { fromBool01, toBool01 } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { assertOpen } from './exercises-rules.js';
import { cellTopic, consoleTopic, notStarted } from './play-rules.js';
import type { EntryKind, ExerciseEntriesTable, ExercisesTable, TaskStatus } from './tables.js';

export interface EntryInput {
  text: string;
  stimulusId?: string | undefined;
  category?: string | undefined;
  decidedBy?: string | undefined;
  assignee?: string | undefined;
}

export function presentEntry(r: ExerciseEntriesTable) {
  return {
    id: r.id,
    kind: r.kind,
    cellId: r.cell_id,
    text: r.text,
    authorName: r.author_name,
    fromAnimators: fromBool01(r.from_animators),
    stimulusId: r.stimulus_id,
    category: r.category,
    decidedBy: r.decided_by,
    assignee: r.assignee,
    status: r.task_status,
    createdAt: r.created_at,
    updatedAt: r.updated_at,
  };
}
export type EntryDto = ReturnType<typeof presentEntry>;

/** Play writes only while the exercise is played: not before the start, never after the end. */
export function assertPlaying(ex: ExercisesTable): void {
  assertOpen(ex);
  if (ex.status === 'draft') throw notStarted();
}

/**
 * What a cell writes during play (replies, logbook, decisions, tasks, chat): one table, one
 * timeline for the debrief. Every write is audited and published to the cell and to the console.
 */
export class CellJournal {
  constructor(private readonly deps: AppDeps) {}

  async list(exerciseId: string, cellId: string, kind?: EntryKind) {
    let q = this.deps.db.selectFrom('exercise_entries').selectAll().where('exercise_id', '=', exerciseId).where('cell_id', '=', cellId);
    if (kind) q = q.where('kind', '=', kind);
    const rows = await q.orderBy('created_at').orderBy('id').limit(2_000).execute();
    return { items: rows.map(presentEntry) };
  }

  async write(
    ctx: RequestContext,
    ex: ExercisesTable,
    cellId: string,
    kind: EntryKind,
    input: EntryInput,
    opts: { fromAnimators: boolean },
  ): Promise<EntryDto> {
    return this.deps.db.transaction().execute(async (trx) => {
      const fresh = await trx.selectFrom('exercises').selectAll().where('id', '=', ex.id).executeTakeFirstOrThrow();
      assertPlaying(fresh);
      if (kind === 'reply') await this.assertReceived(trx, ex.id, cellId, input.stimulusId ?? '');
      const at = this.deps.clock.now().toISOString();
      const accountId = ctx.actor?.accountId ?? null;
      const author = accountId
        ? await trx.selectFrom('accounts').select('display_name').where('id', '=', accountId).executeTakeFirst()
        : undefined;
      const row: ExerciseEntriesTable = {
        id: newId(),
        exercise_id: ex.id,
        cell_id: cellId,
        kind,
        account_id: accountId,
        author_name: author?.display_name ?? ctx.label ?? '',
        from_animators: toBool01(opts.fromAnimators),
        stimulus_id: kind === 'reply' ? (input.stimulusId ?? null) : null,
        text: input.text,
        category: kind === 'logbook' ? (input.category ?? null) : null,
        decided_by: kind === 'decision' ? (input.decidedBy ?? author?.display_name ?? null) : null,
        assignee: kind === 'task' ? (input.assignee ?? null) : null,
        task_status: kind === 'task' ? 'todo' : null,
        created_at: at,
        updated_at: at,
      };
      await trx.insertInto('exercise_entries').values(row).execute();
      const dto = presentEntry(row);
      await this.audit(trx, ctx, fresh, `exercises.${kind}.added`, null, { cellId, entryId: row.id, text: row.text });
      await this.publish(trx, ex.id, cellId, `${kind}.added`, dto);
      return dto;
    });
  }

  async updateTask(
    ctx: RequestContext,
    ex: ExercisesTable,
    cellId: string,
    taskId: string,
    input: { status?: TaskStatus | undefined; assignee?: string | null | undefined },
  ): Promise<EntryDto> {
    return this.deps.db.transaction().execute(async (trx) => {
      const fresh = await trx.selectFrom('exercises').selectAll().where('id', '=', ex.id).executeTakeFirstOrThrow();
      assertPlaying(fresh);
      const before = await trx
        .selectFrom('exercise_entries')
        .selectAll()
        .where('id', '=', taskId)
        .where('cell_id', '=', cellId)
        .where('kind', '=', 'task')
        .executeTakeFirst();
      if (!before) throw new NotFound('task');
      const after: ExerciseEntriesTable = {
        ...before,
        task_status: input.status ?? before.task_status,
        assignee: input.assignee !== undefined ? input.assignee : before.assignee,
        updated_at: this.deps.clock.now().toISOString(),
      };
      await trx
        .updateTable('exercise_entries')
        .set({ task_status: after.task_status, assignee: after.assignee, updated_at: after.updated_at })
        .where('id', '=', taskId)
        .execute();
      await this.audit(
        trx,
        ctx,
        fresh,
        'exercises.task.updated',
        { status: before.task_status, assignee: before.assignee },
        { status: after.task_status, assignee: after.assignee },
      );
      const dto = presentEntry(after);
      await this.publish(trx, ex.id, cellId, 'task.updated', dto);
      return dto;
    });
  }

  /** A reply answers a stimulus the cell has received. */
  private async assertReceived(trx: Db, exerciseId: string, cellId: string, stimulusId: string) {
    const got = await trx
      .selectFrom('exercise_deliveries')
      .select('id')
      .where('exercise_id', '=', exerciseId)
      .where('cell_id', '=', cellId)
      .where('stimulus_id', '=', stimulusId)
      .executeTakeFirst();
    // A stimulus the cell never received is, for that cell, not there at all.
    if (!got) throw new NotFound('stimulus');
  }

  private async publish(trx: Db, exerciseId: string, cellId: string, kind: string, payload: unknown) {
    await this.deps.live.publish(trx, cellTopic(exerciseId, cellId), kind, payload);
    await this.deps.live.publish(trx, consoleTopic(exerciseId), kind, payload);
  }

  private audit(trx: Db, ctx: RequestContext, ex: ExercisesTable, action: string, before: unknown, after: unknown) {
    return this.deps.audit.record(trx, auditActor(ctx), {
      action,
      entityType: 'exercise',
      entityId: ex.id,
      organizationId: ex.organization_id,
      territoryId: ex.territory_id,
      before,
      after,
    });
  }
}
