import { sql } from 'kysely';
import { fromJson, toJson } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Invalid } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { FlashAlertDto, FlashAlertInput } from './admin-schema.js';
import { addDays, enrol, type Target } from './enrolment.js';
import { checkMembers, type RuleOwner } from './rules-service.js';
import type { LearningFlashAlertsTable } from './tables.js';

type Executor = AppDeps['db'];

/** How long people have to read a flash alert before it counts as overdue. */
const FLASH_DUE_DAYS = 7;

/**
 * Flash alerts: a short module about a current threat, sent to the targeted people of an
 * organization or of a territory's members, by email (the mail job) and as an in-app banner.
 */
export class FlashAlertsService {
  constructor(
    private readonly deps: AppDeps,
    /** Starts the mail job right away (not awaited): the emails leave within seconds. */
    private readonly mailNow: () => void,
  ) {}

  async list(owner: RuleOwner): Promise<FlashAlertDto[]> {
    let q = this.deps.db.selectFrom('learning_flash_alerts').selectAll();
    if ('organizationId' in owner) {
      const orgId = owner.organizationId;
      // The organization's own alerts, and its share of the territory alerts that reached its staff.
      q = q.where((eb) =>
        eb.or([
          eb.and([eb('scope_kind', '=', 'organization'), eb('scope_id', '=', orgId)]),
          eb('id', 'in', eb.selectFrom('learning_flash_receipts').select('alert_id').where('organization_id', '=', orgId)),
        ]),
      );
    } else {
      q = q.where('scope_kind', '=', 'territory').where('scope_id', '=', owner.territoryId);
    }
    const alerts = await q.orderBy('published_at', 'desc').orderBy('id', 'desc').execute();
    return this.present(this.deps.db, alerts, 'organizationId' in owner ? owner.organizationId : null);
  }

  async publish(ctx: RequestContext, owner: RuleOwner, input: FlashAlertInput): Promise<FlashAlertDto> {
    const dto = await this.deps.db.transaction().execute(async (trx) => {
      const { scope, moduleOrgId, organizationIds } = await this.resolve(trx, owner, input.organizationIds ?? []);
      const now = this.deps.clock.now();
      const at = now.toISOString();
      const moduleId = newId();
      await trx
        .insertInto('learning_modules')
        .values({
          id: moduleId,
          organization_id: moduleOrgId,
          origin: 'custom',
          forked_from: null,
          kind: 'flash_alert',
          audience: 'staff',
          level: 1,
          topic: 'flash-alert',
          role_families: toJson(input.roleFamilies),
          threat_tags: toJson([]),
          version: 1,
          duration_minutes: 2,
          status: 'published',
          last_reviewed: at.slice(0, 10),
          content_hash: null,
          created_by: ctx.actor?.accountId ?? null,
          created_at: at,
          updated_at: at,
        })
        .execute();
      await trx
        .insertInto('learning_module_texts')
        .values({
          module_id: moduleId,
          language: input.language,
          title: input.title,
          summary: input.summary,
          screens: toJson([{ title: input.title, body: input.body }]),
          questions: toJson(input.question ? [input.question] : []),
          updated_at: at,
        })
        .execute();
      const target: Target = { scope, roleFamilies: input.roleFamilies, services: [], sites: [] };
      const enrolled = await enrol(trx, this.deps.dbh.dialect, {
        target,
        modules: [{ id: moduleId, roleFamilies: [] }],
        byRoleFamily: false,
        curriculumId: null,
        ruleId: null,
        source: 'flash_alert',
        cycle: '',
        assignedAt: at,
        dueAt: addDays(now, FLASH_DUE_DAYS),
      });
      const alert: LearningFlashAlertsTable = {
        id: newId(),
        module_id: moduleId,
        scope_kind: 'organizationId' in owner ? 'organization' : 'territory',
        scope_id: 'organizationId' in owner ? owner.organizationId : owner.territoryId,
        role_families: toJson(input.roleFamilies),
        organization_ids: toJson(organizationIds),
        recipients: enrolled.length,
        published_by: ctx.actor?.accountId ?? null,
        published_at: at,
        expires_at: null,
      };
      await trx.insertInto('learning_flash_alerts').values(alert).execute();
      // One receipt per assignment of the new module: exactly the people targeted, set-based.
      await trx
        .insertInto('learning_flash_receipts')
        .columns(['alert_id', 'person_id', 'organization_id'])
        .expression(
          trx
            .selectFrom('learning_assignments')
            .select([sql<string>`cast(${alert.id} as text)`.as('alert_id'), 'person_id', 'organization_id'])
            .where('module_id', '=', moduleId),
        )
        .execute();
      const [dto] = await this.present(trx, [alert], null);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'learning.flash_alert_published',
        entityType: 'learning_flash_alert',
        entityId: alert.id,
        organizationId: 'organizationId' in owner ? owner.organizationId : null,
        territoryId: 'territoryId' in owner ? owner.territoryId : null,
        after: { ...dto, summary: input.summary },
      });
      return dto!;
    });
    this.mailNow();
    return dto;
  }

  /**
   * Who is targeted and who owns the alert's module: the organization itself, or for a territory
   * its first lead organization (modules belong to an organization; the learners of every member
   * reach it through their assignment).
   */
  private async resolve(db: Executor, owner: RuleOwner, organizationIds: string[]) {
    if ('organizationId' in owner) {
      if (organizationIds.some((id) => id !== owner.organizationId)) {
        throw new Invalid(
          'not_this_organization',
          { fr: 'Une alerte d’établissement ne vise que son personnel.', en: "An organization's alert only reaches its own staff." },
          'organizationIds',
        );
      }
      return {
        scope: { kind: 'organization', organizationId: owner.organizationId } as const,
        moduleOrgId: owner.organizationId,
        organizationIds: [owner.organizationId],
      };
    }
    await checkMembers(db, owner.territoryId, organizationIds);
    const first = await db
      .selectFrom('territory_members')
      .select('organization_id')
      .where('territory_id', '=', owner.territoryId)
      .orderBy('is_lead', 'desc')
      .orderBy('joined_at')
      .orderBy('organization_id')
      .executeTakeFirst();
    if (!first) {
      throw new Invalid('no_members', { fr: 'Le territoire n’a aucun membre.', en: 'The territory has no members.' }, 'organizationIds');
    }
    return {
      scope: { kind: 'territory', territoryId: owner.territoryId, organizationIds } as const,
      moduleOrgId: first.organization_id,
      organizationIds,
    };
  }

  /** Counts from the receipts (of one organization when `orgId` is given). */
  private async present(db: Executor, alerts: LearningFlashAlertsTable[], orgId: string | null): Promise<FlashAlertDto[]> {
    if (alerts.length === 0) return [];
    const ids = alerts.map((a) => a.id);
    let counts = db
      .selectFrom('learning_flash_receipts')
      .where('alert_id', 'in', ids)
      .groupBy('alert_id')
      .select((eb) => [
        'alert_id',
        eb.fn.countAll<number>().as('recipients'),
        sql<number>`sum(case when emailed_at is null then 0 else 1 end)`.as('emailed'),
        sql<number>`sum(case when acknowledged_at is null then 0 else 1 end)`.as('acknowledged'),
      ]);
    if (orgId) counts = counts.where('organization_id', '=', orgId);
    const byAlert = new Map((await counts.execute()).map((c) => [c.alert_id, c]));
    const titles = await db
      .selectFrom('learning_module_texts')
      .select(['module_id', 'title'])
      .where(
        'module_id',
        'in',
        alerts.map((a) => a.module_id),
      )
      .execute();
    return alerts.map((a) => {
      const c = byAlert.get(a.id);
      return {
        id: a.id,
        moduleId: a.module_id,
        title: titles.find((t) => t.module_id === a.module_id)?.title ?? '',
        publishedAt: a.published_at,
        roleFamilies: fromJson<string[]>(a.role_families, []),
        organizationIds: fromJson<string[]>(a.organization_ids, []),
        recipients: Number(c?.recipients ?? 0),
        emailed: Number(c?.emailed ?? 0),
        acknowledged: Number(c?.acknowledged ?? 0),
      };
    });
  }
}
