import { fromJson, toJson } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Invalid, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import { clocksOf, contentKeys, type DeclarationStep, declarationChecklist, declarationSteps } from './incidents-declaration.js';
import type { ExerciseIncidentsTable, ExercisesTable } from './tables.js';

export interface OpenIncidentInput {
  title: string;
  startedAt?: string | undefined;
  detectedAt?: string | undefined;
}

export interface DeclarationUpdate {
  detectedAt?: string | undefined;
  content?: Record<string, string> | undefined;
  /** When each step was sent by the establishment; null takes it back. */
  sent?: Partial<Record<DeclarationStep, string | null>> | undefined;
}

/** The frozen "scenario" of an incident: one crisis cell, no stimuli, no milestones. */
const incidentScenario = {
  id: 'incident',
  version: 1,
  cells: [{ id: 'crisis', name: { fr: 'Cellule de crise', en: 'Crisis cell' }, roles: [] }],
  personas: [],
  objectives: [],
  stimuli: [],
  milestones: [],
};

const sentColumn = { early_warning: 'early_warning_at', notification: 'notification_at', final_report: 'final_report_at' } as const;

/**
 * Real incidents on the exercise console: an `exercises` row of kind `incident`, running from its
 * start, with one crisis cell whose logbook and tasks are the players' space; and the declaration
 * helper with its three clocks from the detection time.
 */
export class IncidentsService {
  constructor(private readonly deps: AppDeps) {}

  async open(ctx: RequestContext, orgId: string, input: OpenIncidentInput) {
    const now = this.deps.clock.now().toISOString();
    const startedAt = input.startedAt ?? now;
    const detectedAt = input.detectedAt ?? startedAt;
    if (startedAt > now) {
      throw new Invalid(
        'in_the_future',
        { fr: 'Le début ne peut pas être dans le futur.', en: 'The start cannot be in the future.' },
        'startedAt',
      );
    }
    const org = await this.deps.db.selectFrom('organizations').select('name').where('id', '=', orgId).executeTakeFirst();
    if (!org) throw new NotFound('organization');
    const exerciseId = newId();
    const cellId = newId();
    await this.deps.db.transaction().execute(async (trx) => {
      const row: ExercisesTable = {
        id: exerciseId,
        organization_id: orgId,
        territory_id: null,
        scenario_id: 'incident',
        scenario_version: 1,
        scenario_json: toJson(incidentScenario),
        title: input.title,
        level: 'incident',
        status: 'running',
        kind: 'incident',
        planned_start: null,
        started_at: startedAt,
        paused_at: null,
        paused_ms: 0,
        pauses: '[]',
        ended_at: null,
        created_by: ctx.actor?.accountId ?? null,
        created_at: now,
        updated_at: now,
      };
      await trx.insertInto('exercises').values(row).execute();
      await trx
        .insertInto('exercise_cells')
        .values({
          id: cellId,
          exercise_id: exerciseId,
          organization_id: orgId,
          scenario_cell_id: 'crisis',
          name: `${org.name} – Cellule de crise`,
          joined_at: startedAt,
          created_at: now,
        })
        .execute();
      // Whoever opens the incident leads the cell at once: the logbook is theirs from the first minute.
      if (ctx.actor) {
        await trx
          .insertInto('exercise_participants')
          .values({
            id: newId(),
            exercise_id: exerciseId,
            cell_id: cellId,
            account_id: ctx.actor.accountId,
            function: 'director',
            joined_at: now,
          })
          .execute();
      }
      const incident: ExerciseIncidentsTable = {
        exercise_id: exerciseId,
        organization_id: orgId,
        detected_at: detectedAt,
        content_json: toJson({}),
        early_warning_at: null,
        notification_at: null,
        final_report_at: null,
        reminded_json: toJson({}),
        updated_at: now,
      };
      await trx.insertInto('exercise_incidents').values(incident).execute();
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'exercises.incident.opened',
        entityType: 'exercise',
        entityId: exerciseId,
        organizationId: orgId,
        before: null,
        after: { title: row.title, startedAt, detectedAt },
      });
    });
    return { ...(await this.declaration(orgId, exerciseId)), cellId };
  }

  async declaration(orgId: string, exerciseId: string) {
    const { ex, inc } = await this.load(orgId, exerciseId);
    const content = fromJson<Record<string, string>>(inc.content_json, {});
    return {
      exerciseId: ex.id,
      title: ex.title,
      status: ex.status,
      startedAt: ex.started_at,
      detectedAt: inc.detected_at,
      checklist: declarationChecklist.map((c) => ({ ...c, value: content[c.key] ?? '' })),
      clocks: clocksOf(inc.detected_at, this.sentOf(inc), this.deps.clock.now()),
      updatedAt: inc.updated_at,
    };
  }

  async update(ctx: RequestContext, orgId: string, exerciseId: string, input: DeclarationUpdate) {
    const { inc } = await this.load(orgId, exerciseId);
    for (const key of Object.keys(input.content ?? {})) {
      if (!contentKeys.includes(key)) {
        throw new Invalid(
          'unknown_field',
          { fr: 'Cette rubrique n’existe pas dans la déclaration.', en: 'The declaration has no such item.' },
          `content.${key}`,
        );
      }
    }
    const now = this.deps.clock.now().toISOString();
    const content = { ...fromJson<Record<string, string>>(inc.content_json, {}), ...(input.content ?? {}) };
    const next: ExerciseIncidentsTable = {
      ...inc,
      content_json: toJson(content),
      detected_at: input.detectedAt ?? inc.detected_at,
      updated_at: now,
    };
    for (const step of declarationSteps) {
      const v = input.sent?.[step];
      if (v !== undefined) next[sentColumn[step]] = v;
    }
    await this.deps.db.transaction().execute(async (trx) => {
      await trx.updateTable('exercise_incidents').set(next).where('exercise_id', '=', exerciseId).execute();
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'exercises.declaration.updated',
        entityType: 'exercise',
        entityId: exerciseId,
        organizationId: orgId,
        before: { detectedAt: inc.detected_at, sent: this.sentOf(inc) },
        after: { detectedAt: next.detected_at, sent: this.sentOf(next), items: Object.keys(input.content ?? {}) },
      });
    });
    return this.declaration(orgId, exerciseId);
  }

  sentOf(inc: ExerciseIncidentsTable): Record<DeclarationStep, string | null> {
    return { early_warning: inc.early_warning_at, notification: inc.notification_at, final_report: inc.final_report_at };
  }

  private async load(orgId: string, exerciseId: string) {
    const row = await this.deps.db
      .selectFrom('exercises as e')
      .innerJoin('exercise_incidents as i', 'i.exercise_id', 'e.id')
      .selectAll('e')
      .select([
        'i.detected_at',
        'i.content_json',
        'i.early_warning_at',
        'i.notification_at',
        'i.final_report_at',
        'i.reminded_json',
        'i.updated_at as incident_updated_at',
      ])
      .where('e.id', '=', exerciseId)
      .where('e.organization_id', '=', orgId)
      .executeTakeFirst();
    if (!row) throw new NotFound('incident');
    const { detected_at, content_json, early_warning_at, notification_at, final_report_at, reminded_json, incident_updated_at, ...ex } =
      row;
    const inc: ExerciseIncidentsTable = {
      exercise_id: ex.id,
      organization_id: orgId,
      detected_at,
      content_json,
      early_warning_at,
      notification_at,
      final_report_at,
      reminded_json,
      updated_at: incident_updated_at,
    };
    return { ex: { ...ex, paused_ms: Number(ex.paused_ms) } as ExercisesTable, inc };
  }
}
