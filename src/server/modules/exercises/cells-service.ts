import { fromBool01 } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import type { AppDeps, RequestContext } from '../../platform/context.js';
import { Conflict, Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { type ExerciseScope, exerciseIn, frozenScenario } from './exercises-repo.js';
import { assertDraft, assertOpen } from './exercises-rules.js';
import type { AddParticipantInput, CellChoice, ExerciseDetail } from './exercises-schema.js';
import type { ExercisesService } from './exercises-service.js';
import { type ExercisesTable, participantFunctions } from './tables.js';

const notMember = (field: string) =>
  new Invalid(
    'not_a_member',
    { fr: 'Cet établissement n’est pas membre du territoire.', en: 'This organization is not a member of the territory.' },
    field,
  );

/** Who plays: cells (one per organization) and the accounts placed in them, or animating and observing. */
export class CellsService {
  constructor(
    private readonly deps: AppDeps,
    private readonly exercises: ExercisesService,
  ) {}

  /** Checks the organization may play in this exercise and which scenario cell it takes. */
  async insertCell(trx: Db, row: ExercisesTable, c: CellChoice, base: string): Promise<string> {
    const field = (name: string) => (base ? `${base}.${name}` : name);
    const scenario = frozenScenario(row);
    let isLead = false;
    if (row.territory_id) {
      const member = await trx
        .selectFrom('territory_members')
        .select('is_lead')
        .where('territory_id', '=', row.territory_id)
        .where('organization_id', '=', c.organizationId)
        .executeTakeFirst();
      if (!member) throw notMember(field('organizationId'));
      isLead = fromBool01(member.is_lead);
    } else if (c.organizationId !== row.organization_id) {
      throw new Invalid(
        'foreign_organization',
        {
          fr: 'Un exercice d’établissement se joue dans cet établissement seulement.',
          en: 'An establishment exercise is played within that establishment only.',
        },
        field('organizationId'),
      );
    }
    const fallback =
      (isLead ? scenario.cells.find((x) => x.id === 'lead') : undefined) ??
      scenario.cells.find((x) => x.id !== 'lead') ??
      scenario.cells[0];
    const cell = c.scenarioCellId ? scenario.cells.find((x) => x.id === c.scenarioCellId) : fallback;
    if (!cell) {
      throw new Invalid(
        'unknown_cell',
        { fr: 'Cette cellule n’existe pas dans le scénario.', en: 'This cell is not in the scenario.' },
        field('scenarioCellId'),
      );
    }
    const taken = await trx
      .selectFrom('exercise_cells')
      .select('id')
      .where('exercise_id', '=', row.id)
      .where('organization_id', '=', c.organizationId)
      .executeTakeFirst();
    if (taken) {
      throw new Conflict(
        'cell_exists',
        { fr: 'Cet établissement a déjà sa cellule.', en: 'This organization already has its cell.' },
        field('organizationId'),
      );
    }
    const org = await trx.selectFrom('organizations').select('name').where('id', '=', c.organizationId).executeTakeFirst();
    const at = this.deps.clock.now().toISOString();
    const id = newId();
    await trx
      .insertInto('exercise_cells')
      .values({
        id,
        exercise_id: row.id,
        organization_id: c.organizationId,
        scenario_cell_id: cell.id,
        name: c.name ?? (row.territory_id ? `${org?.name ?? ''} – ${cell.name.fr}` : cell.name.fr),
        joined_at: at,
        created_at: at,
      })
      .execute();
    return id;
  }

  /** Adding a cell is possible until the end: one that joins a running exercise receives only what comes next. */
  async addCell(ctx: RequestContext, scope: ExerciseScope, exerciseId: string, c: CellChoice): Promise<ExerciseDetail> {
    const row = await this.deps.db.transaction().execute(async (trx) => {
      const row = await exerciseIn(trx, scope, exerciseId);
      assertOpen(row);
      const id = await this.insertCell(trx, row, c, '');
      await this.exercises.touch(trx, row);
      await this.exercises.record(trx, ctx, row, 'exercises.cell.added', null, { cellId: id, organizationId: c.organizationId });
      return row;
    });
    return this.exercises.get(scope, row.id);
  }

  async removeCell(ctx: RequestContext, scope: ExerciseScope, exerciseId: string, cellId: string): Promise<ExerciseDetail> {
    await this.deps.db.transaction().execute(async (trx) => {
      const row = await exerciseIn(trx, scope, exerciseId);
      const cell = await trx
        .selectFrom('exercise_cells')
        .selectAll()
        .where('id', '=', cellId)
        .where('exercise_id', '=', row.id)
        .executeTakeFirst();
      if (!cell) throw new NotFound('cell');
      assertDraft(row);
      await trx.deleteFrom('exercise_participants').where('cell_id', '=', cell.id).execute();
      await trx.deleteFrom('exercise_cells').where('id', '=', cell.id).execute();
      await this.exercises.touch(trx, row);
      await this.exercises.record(trx, ctx, row, 'exercises.cell.removed', { cellId: cell.id, organizationId: cell.organization_id }, null);
    });
    return this.exercises.get(scope, exerciseId);
  }

  async addParticipant(ctx: RequestContext, scope: ExerciseScope, exerciseId: string, input: AddParticipantInput): Promise<ExerciseDetail> {
    await this.deps.db.transaction().execute(async (trx) => {
      const row = await exerciseIn(trx, scope, exerciseId);
      assertOpen(row);
      const inCell = input.function === 'local_animator' || (participantFunctions as readonly string[]).includes(input.function);
      if (inCell && !input.cellId) {
        throw new Invalid('cell_required', { fr: 'Un joueur est placé dans une cellule.', en: 'A player is placed in a cell.' }, 'cellId');
      }
      if (!inCell && input.cellId) {
        throw new Invalid(
          'no_cell_for_staff',
          {
            fr: 'Animateurs et observateurs suivent tout l’exercice, sans cellule.',
            en: 'Animators and observers follow the whole exercise, without a cell.',
          },
          'cellId',
        );
      }
      let orgIds: string[];
      if (input.cellId) {
        const cell = await trx
          .selectFrom('exercise_cells')
          .select('organization_id')
          .where('id', '=', input.cellId)
          .where('exercise_id', '=', row.id)
          .executeTakeFirst();
        if (!cell)
          throw new Invalid(
            'unknown_cell',
            { fr: 'Cette cellule n’existe pas dans l’exercice.', en: 'This cell is not in the exercise.' },
            'cellId',
          );
        orgIds = [cell.organization_id];
      } else {
        const cells = await trx.selectFrom('exercise_cells').select('organization_id').where('exercise_id', '=', row.id).execute();
        orgIds = [...(row.organization_id ? [row.organization_id] : []), ...cells.map((c) => c.organization_id)];
      }
      if (!(await this.belongs(trx, input.accountId, orgIds, input.cellId ? null : row.territory_id))) {
        throw new Invalid(
          'foreign_account',
          {
            fr: 'Ce compte n’appartient pas à l’établissement de la cellule.',
            en: 'This account does not belong to the cell’s organization.',
          },
          'accountId',
        );
      }
      const already = await trx
        .selectFrom('exercise_participants')
        .select('id')
        .where('exercise_id', '=', row.id)
        .where('account_id', '=', input.accountId)
        .executeTakeFirst();
      if (already) {
        throw new Conflict(
          'already_participant',
          { fr: 'Ce compte participe déjà à l’exercice.', en: 'This account already takes part in the exercise.' },
          'accountId',
        );
      }
      const p = {
        id: newId(),
        exercise_id: row.id,
        cell_id: input.cellId,
        account_id: input.accountId,
        function: input.function,
        joined_at: this.deps.clock.now().toISOString(),
      };
      await trx.insertInto('exercise_participants').values(p).execute();
      await this.exercises.touch(trx, row);
      await this.exercises.record(trx, ctx, row, 'exercises.participant.added', null, {
        participantId: p.id,
        accountId: p.account_id,
        cellId: p.cell_id,
        function: p.function,
      });
    });
    return this.exercises.get(scope, exerciseId);
  }

  async removeParticipant(ctx: RequestContext, scope: ExerciseScope, exerciseId: string, participantId: string): Promise<ExerciseDetail> {
    await this.deps.db.transaction().execute(async (trx) => {
      const row = await exerciseIn(trx, scope, exerciseId);
      const p = await trx
        .selectFrom('exercise_participants')
        .selectAll()
        .where('id', '=', participantId)
        .where('exercise_id', '=', row.id)
        .executeTakeFirst();
      if (!p) throw new NotFound('participant');
      assertOpen(row);
      await trx.deleteFrom('exercise_participants').where('id', '=', p.id).execute();
      await this.exercises.touch(trx, row);
      await this.exercises.record(
        trx,
        ctx,
        row,
        'exercises.participant.removed',
        { participantId: p.id, accountId: p.account_id, cellId: p.cell_id, function: p.function },
        null,
      );
    });
    return this.exercises.get(scope, exerciseId);
  }

  /** An active account of one of these organizations (staff record or role there), or with a role on the territory. */
  private async belongs(trx: Db, accountId: string, orgIds: string[], territoryId: string | null): Promise<boolean> {
    if (orgIds.length === 0 && !territoryId) return false;
    const found = await trx
      .selectFrom('accounts as a')
      .select('a.id')
      .where('a.id', '=', accountId)
      .where('a.active', '=', 1)
      .where((eb) => {
        const ors = [];
        if (orgIds.length > 0) {
          ors.push(eb('a.person_id', 'in', eb.selectFrom('people').select('id').where('organization_id', 'in', orgIds)));
          ors.push(
            eb(
              'a.id',
              'in',
              eb.selectFrom('role_grants').select('account_id').where('scope_kind', '=', 'organization').where('scope_id', 'in', orgIds),
            ),
          );
        }
        if (territoryId) {
          ors.push(
            eb(
              'a.id',
              'in',
              eb.selectFrom('role_grants').select('account_id').where('scope_kind', '=', 'territory').where('scope_id', '=', territoryId),
            ),
          );
        }
        return eb.or(ors);
      })
      .executeTakeFirst();
    return found !== undefined;
  }
}
