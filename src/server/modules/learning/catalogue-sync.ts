import { createHash } from 'node:crypto';
import { existsSync } from 'node:fs';
import { toJson } from '../../db/dialect.js';
import type { Db } from '../../db/index.js';
import { type LearningModuleContent, loadModules } from './content-loader.js';

/** Ids of the two default curricula every organization can assign as they are. */
export const DEFAULT_ONBOARDING = 'default-onboarding';
export const DEFAULT_REFRESHER = 'default-refresher';

/**
 * Brings the catalogue (content/learning, written by us, versioned in git) into the database at
 * start-up: a module whose files changed gets its new text and version; modules stay referenced
 * by assignments even when a later release drops them (they are archived, never deleted).
 * Then refreshes the two default curricula from the catalogue.
 */
export async function syncCatalogue(db: Db, dir: string, now: string): Promise<{ modules: number; changed: number }> {
  if (!existsSync(dir)) return { modules: 0, changed: 0 };
  const files = loadModules(dir);
  const byId = new Map<string, LearningModuleContent[]>();
  for (const f of files) byId.set(f.id, [...(byId.get(f.id) ?? []), f]);
  let changed = 0;
  await db.transaction().execute(async (trx) => {
    const existing = new Map(
      (await trx.selectFrom('learning_modules').select(['id', 'content_hash']).where('origin', '=', 'catalogue').execute()).map((r) => [
        r.id,
        r.content_hash,
      ]),
    );
    for (const [id, versions] of byId) {
      const main = versions.find((v) => v.language === 'fr') ?? versions[0]!;
      const hash = createHash('sha256')
        .update(JSON.stringify(versions.map(({ path: _p, ...v }) => v)))
        .digest('hex');
      if (existing.get(id) === hash) continue;
      changed++;
      const meta = {
        kind: 'lesson' as const,
        audience: main.audience,
        level: main.level,
        topic: main.topic,
        role_families: toJson(main.roleFamilies),
        threat_tags: toJson(main.threatTags),
        version: main.version,
        duration_minutes: main.durationMinutes,
        status: 'published' as const,
        last_reviewed: main.lastReviewed,
        content_hash: hash,
        updated_at: now,
      };
      if (existing.has(id)) await trx.updateTable('learning_modules').set(meta).where('id', '=', id).execute();
      else
        await trx
          .insertInto('learning_modules')
          .values({ id, organization_id: null, origin: 'catalogue', forked_from: null, created_by: null, created_at: now, ...meta })
          .execute();
      await trx.deleteFrom('learning_module_texts').where('module_id', '=', id).execute();
      for (const v of versions) {
        await trx
          .insertInto('learning_module_texts')
          .values({
            module_id: id,
            language: v.language,
            title: v.title,
            summary: v.summary,
            screens: toJson(v.screens),
            questions: toJson(v.questions),
            updated_at: now,
          })
          .execute();
      }
    }
    const gone = [...existing.keys()].filter((id) => !byId.has(id));
    if (gone.length > 0)
      await trx.updateTable('learning_modules').set({ status: 'archived', updated_at: now }).where('id', 'in', gone).execute();

    const staff = [...byId.values()].map((v) => v.find((x) => x.language === 'fr') ?? v[0]!).filter((m) => m.audience === 'staff');
    // Onboarding: the level-1 basics plus the first-day module; the refresher: every staff module.
    // A person is only assigned the modules of a curriculum that target their role family.
    const onboarding = staff.filter((m) => m.level === 1 || m.threatTags.includes('onboarding')).map((m) => m.id);
    const refresher = staff.filter((m) => !m.threatTags.includes('onboarding')).map((m) => m.id);
    await upsertCurriculum(trx, DEFAULT_ONBOARDING, 'onboarding', 'Parcours d’accueil', 'Onboarding path', onboarding, 30, null, now);
    await upsertCurriculum(trx, DEFAULT_REFRESHER, 'refresher', 'Rappel annuel', 'Yearly refresher', refresher, 60, 12, now);
  });
  return { modules: byId.size, changed };
}

async function upsertCurriculum(
  trx: Parameters<Parameters<ReturnType<Db['transaction']>['execute']>[0]>[0],
  id: string,
  kind: 'onboarding' | 'refresher',
  nameFr: string,
  nameEn: string,
  moduleIds: string[],
  dueDays: number,
  recurrenceMonths: number | null,
  now: string,
): Promise<void> {
  const values = {
    kind,
    name_fr: nameFr,
    name_en: nameEn,
    module_ids: toJson(moduleIds),
    due_days: dueDays,
    recurrence_months: recurrenceMonths,
    updated_at: now,
  };
  const found = await trx.selectFrom('learning_curricula').select('id').where('id', '=', id).executeTakeFirst();
  if (found) await trx.updateTable('learning_curricula').set(values).where('id', '=', id).execute();
  else
    await trx
      .insertInto('learning_curricula')
      .values({ id, organization_id: null, created_at: now, ...values })
      .execute();
}
