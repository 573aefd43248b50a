import { sql } from 'kysely';
import QRCode from 'qrcode';
import { baseUrl } from '../../config.js';
import { fromBool01, toBool01, toCount } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { type Locale, NotFound } from '../../platform/errors.js';
import { randomToken } from '../../platform/ids.js';
import { dayOf } from './counters.js';
import type { PublicCatalogue, PublicModule, PublicPageDto } from './metrics-schema.js';
import { loadModule } from './module-content.js';

/**
 * The patient page: an organization's waiting-room link to the awareness modules for patients.
 * Visitors have no account and leave no trace but per-day counts per module: no cookie, no IP,
 * no identifier (see public-routes.ts for the cookie side).
 */
export class PublicPageService {
  constructor(private readonly deps: AppDeps) {}

  private url(slug: string): string {
    return `${baseUrl(this.deps.config)}/sensibilisation/${slug}`;
  }

  /** The page of an organization; created (enabled, with an unguessable slug) on first read. */
  async get(ctx: RequestContext, orgId: string): Promise<PublicPageDto> {
    const { db } = this.deps;
    const existing = await db.selectFrom('learning_public_pages').selectAll().where('organization_id', '=', orgId).executeTakeFirst();
    if (!existing) {
      const now = this.deps.clock.now().toISOString();
      const row = { organization_id: orgId, slug: randomToken(12), enabled: toBool01(true), created_at: now, updated_at: now };
      await db.transaction().execute(async (trx) => {
        // Two first reads at once: the second insert does nothing and both read the same row.
        const r = await trx
          .insertInto('learning_public_pages')
          .values(row)
          .onConflict((oc) => oc.column('organization_id').doNothing())
          .executeTakeFirst();
        if (Number(r.numInsertedOrUpdatedRows ?? 0) > 0) {
          await this.deps.audit.record(trx, auditActor(ctx), {
            action: 'learning.public_page.created',
            entityType: 'learning_public_page',
            entityId: orgId,
            organizationId: orgId,
            after: { slug: row.slug, enabled: true },
          });
        }
      });
    }
    return this.present(orgId);
  }

  async setEnabled(ctx: RequestContext, orgId: string, enabled: boolean): Promise<PublicPageDto> {
    const before = await this.get(ctx, orgId);
    if (before.enabled !== enabled) {
      await this.deps.db.transaction().execute(async (trx) => {
        await trx
          .updateTable('learning_public_pages')
          .set({ enabled: toBool01(enabled), updated_at: this.deps.clock.now().toISOString() })
          .where('organization_id', '=', orgId)
          .execute();
        await this.deps.audit.record(trx, auditActor(ctx), {
          action: enabled ? 'learning.public_page.enabled' : 'learning.public_page.disabled',
          entityType: 'learning_public_page',
          entityId: orgId,
          organizationId: orgId,
          before: { enabled: before.enabled },
          after: { enabled },
        });
      });
    }
    return this.present(orgId);
  }

  async qrSvg(ctx: RequestContext, orgId: string): Promise<string> {
    const page = await this.get(ctx, orgId);
    return QRCode.toString(page.url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  }

  private async present(orgId: string): Promise<PublicPageDto> {
    const { db } = this.deps;
    const page = await db.selectFrom('learning_public_pages').selectAll().where('organization_id', '=', orgId).executeTakeFirstOrThrow();
    const counts = await db
      .selectFrom('learning_public_counts')
      .select((eb) => [eb.fn.sum<number>('views').as('views'), eb.fn.sum<number>('completions').as('completions')])
      .where('organization_id', '=', orgId)
      .executeTakeFirst();
    return {
      slug: page.slug,
      url: this.url(page.slug),
      enabled: fromBool01(page.enabled),
      views: toCount(counts?.views),
      completions: toCount(counts?.completions),
    };
  }

  // Public side ----------------------------------------------------------------------------------

  /** The organization behind an enabled page; an unknown or disabled slug is a 404 like any other. */
  private async pageOf(slug: string) {
    const page = await this.deps.db
      .selectFrom('learning_public_pages as pp')
      .innerJoin('organizations as o', 'o.id', 'pp.organization_id')
      .select(['pp.organization_id', 'o.name'])
      .where('pp.slug', '=', slug)
      .where('pp.enabled', '=', 1)
      .where('o.archived', '=', 0)
      .executeTakeFirst();
    if (!page) throw new NotFound('page');
    return page;
  }

  /** Published patient lessons of the catalogue and of the organization itself. */
  private servedModules(orgId: string) {
    return this.deps.db
      .selectFrom('learning_modules')
      .where('audience', '=', 'patients')
      .where('kind', '=', 'lesson')
      .where('status', '=', 'published')
      .where((eb) => eb.or([eb('organization_id', 'is', null), eb('organization_id', '=', orgId)]));
  }

  async catalogue(slug: string, locale: Locale): Promise<PublicCatalogue> {
    const page = await this.pageOf(slug);
    const rows = await this.servedModules(page.organization_id).select('id').orderBy('level').orderBy('id').execute();
    const modules: PublicCatalogue['modules'] = [];
    for (const r of rows) {
      const m = await loadModule(this.deps.db, r.id, locale);
      if (m) modules.push({ id: m.id, title: m.title, summary: m.summary, durationMinutes: m.durationMinutes });
    }
    return { organization: { name: page.name }, modules };
  }

  private async servedModule(slug: string, moduleId: string): Promise<{ orgId: string }> {
    const page = await this.pageOf(slug);
    const row = await this.servedModules(page.organization_id).select('id').where('id', '=', moduleId).executeTakeFirst();
    if (!row) throw new NotFound('module');
    return { orgId: page.organization_id };
  }

  /** A patient module with its answers revealed: patients check themselves, nothing is recorded. */
  async module(slug: string, moduleId: string, locale: Locale): Promise<PublicModule> {
    await this.servedModule(slug, moduleId);
    const m = await loadModule(this.deps.db, moduleId, locale);
    if (!m) throw new NotFound('module');
    return {
      id: m.id,
      title: m.title,
      summary: m.summary,
      language: m.language,
      screens: m.screens.map((s) => ({ title: s.title, body: s.body })),
      questions: m.questions.map((q) => ({
        id: q.id,
        prompt: q.prompt,
        choices: q.choices.map((c) => ({ text: c.text, correct: c.correct, explanation: c.explanation })),
      })),
    };
  }

  /** One view or completion: an increment of the day's count, and nothing else is kept. */
  async count(slug: string, moduleId: string, kind: 'view' | 'completed'): Promise<void> {
    const { orgId } = await this.servedModule(slug, moduleId);
    const views = kind === 'view' ? 1 : 0;
    const completions = kind === 'completed' ? 1 : 0;
    await this.deps.db
      .insertInto('learning_public_counts')
      .values({ organization_id: orgId, module_id: moduleId, day: dayOf(this.deps.clock.now().toISOString()), views, completions })
      .onConflict((oc) =>
        oc.columns(['organization_id', 'module_id', 'day']).doUpdateSet({
          views: sql`learning_public_counts.views + ${views}`,
          completions: sql`learning_public_counts.completions + ${completions}`,
        }),
      )
      .execute();
  }
}
