import { type ExpressionBuilder, sql } from 'kysely';
import { likePattern } from '../../db/dialect.js';
import type { Database } from '../../db/schema.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Forbidden, Invalid, type Locale, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { ModuleDetail, ModuleInput, ModulesQuery, ModuleTextInput } from './admin-schema.js';
import { meta, presentDetail, presentSummary, textRow } from './catalogue-present.js';
import type { LearningModulesTable, LearningModuleTextsTable, ModuleKind } from './tables.js';

type TextRow = LearningModuleTextsTable;
type Lang = 'fr' | 'en';
type Executor = AppDeps['db'];

const readOnly = () =>
  new Forbidden('catalogue_read_only', {
    fr: 'Les modules du catalogue ne se modifient pas : créez-en une copie (« Copier ») pour l’adapter.',
    en: 'Catalogue modules cannot be changed: fork one to adapt it.',
  });

/** A lesson needs ≥ 8 questions per language; a flash alert may have none. Translations keep the question ids. */
export function checkTexts(kind: ModuleKind, texts: ModuleInput['texts']): Array<[Lang, ModuleTextInput]> {
  const entries = (['fr', 'en'] as const).flatMap((l) => (texts[l] ? [[l, texts[l]] as [Lang, ModuleTextInput]] : []));
  if (entries.length === 0) {
    throw new Invalid(
      'texts_required',
      { fr: 'Donnez au moins une langue (fr ou en).', en: 'Give at least one language (fr or en).' },
      'texts',
    );
  }
  for (const [l, t] of entries) {
    const field = `texts.${l}.questions`;
    if (kind === 'lesson' && t.questions.length < 8) {
      throw new Invalid(
        'too_few_questions',
        {
          fr: `Un module demande au moins 8 questions (${t.questions.length} ici).`,
          en: `A module needs at least 8 questions (${t.questions.length} here).`,
        },
        field,
      );
    }
    if (new Set(t.questions.map((q) => q.id)).size !== t.questions.length) {
      throw new Invalid('duplicate_question', { fr: 'Deux questions ont le même identifiant.', en: 'Two questions share an id.' }, field);
    }
  }
  const [fr, en] = [texts.fr, texts.en];
  if (fr && en) {
    const ids = (t: ModuleTextInput) =>
      t.questions
        .map((q) => q.id)
        .sort()
        .join(',');
    if (ids(fr) !== ids(en)) {
      throw new Invalid(
        'translation_mismatch',
        {
          fr: 'La traduction doit garder les mêmes questions (mêmes identifiants).',
          en: 'The translation must keep the same questions (same ids).',
        },
        'texts.en.questions',
      );
    }
  }
  return entries;
}

/** Catalogue and own modules: list, read, create, edit, fork, archive. */
export class CatalogueService {
  constructor(private readonly deps: AppDeps) {}

  async list(orgId: string, query: ModulesQuery, locale: Locale) {
    const db = this.deps.db;
    const where = (eb: ExpressionBuilder<Database, 'learning_modules'>) => {
      const conds = [
        eb.or([eb('learning_modules.organization_id', 'is', null), eb('learning_modules.organization_id', '=', orgId)]),
        eb('learning_modules.kind', '=', query.kind),
        query.status ? eb('learning_modules.status', '=', query.status) : eb('learning_modules.status', 'in', ['draft', 'published']),
      ];
      if (query.audience) conds.push(eb('learning_modules.audience', '=', query.audience));
      if (query.origin) conds.push(eb('learning_modules.origin', '=', query.origin));
      if (query.roleFamily) {
        // JSON text: a module for everyone (empty list) or one naming the family.
        conds.push(
          eb.or([eb('learning_modules.role_families', '=', '[]'), eb('learning_modules.role_families', 'like', `%"${query.roleFamily}"%`)]),
        );
      }
      if (query.q) {
        const pattern = likePattern(query.q); // accents ignored on both sides
        conds.push(
          eb.exists(
            eb
              .selectFrom('learning_module_texts as t')
              .select('t.module_id')
              .whereRef('t.module_id', '=', 'learning_modules.id')
              .where(
                sql<boolean>`(rempart_fold(t.title) like ${pattern} escape '\\' or rempart_fold(t.summary) like ${pattern} escape '\\')`,
              ),
          ),
        );
      }
      return eb.and(conds);
    };
    const total = await db
      .selectFrom('learning_modules')
      .where(where)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    const desc = query.sort.startsWith('-');
    const key = query.sort.replace('-', '');
    const title = sql`(select t.title from learning_module_texts t where t.module_id = learning_modules.id
      order by case when t.language = ${locale} then 0 else 1 end limit 1)`;
    const order = key === 'title' ? title : key === 'level' ? sql.ref('learning_modules.level') : sql.ref('learning_modules.updated_at');
    const rows = await db
      .selectFrom('learning_modules')
      .where(where)
      .selectAll()
      .orderBy(order, desc ? 'desc' : 'asc')
      .orderBy('learning_modules.id')
      .limit(query.pageSize)
      .offset((query.page - 1) * query.pageSize)
      .execute();
    const texts = await this.texts(
      db,
      rows.map((r) => r.id),
    );
    return {
      items: rows.map((r) => presentSummary(r, texts.get(r.id) ?? [], locale, orgId)),
      total: Number(total.n),
      page: query.page,
      pageSize: query.pageSize,
    };
  }

  async get(orgId: string, moduleId: string, locale: Locale): Promise<ModuleDetail> {
    const { row, texts } = await this.visible(this.deps.db, orgId, moduleId);
    return presentDetail(row, texts, locale, orgId);
  }

  async create(ctx: RequestContext, orgId: string, input: ModuleInput): Promise<ModuleDetail> {
    const entries = checkTexts('lesson', input.texts);
    const now = this.deps.clock.now().toISOString();
    const row: LearningModulesTable = {
      id: newId(),
      organization_id: orgId,
      origin: 'custom',
      forked_from: null,
      kind: 'lesson',
      ...meta(input),
      version: 1,
      status: input.status ?? 'draft',
      last_reviewed: now.slice(0, 10),
      content_hash: null,
      created_by: ctx.actor?.accountId ?? null,
      created_at: now,
      updated_at: now,
    };
    const texts = entries.map(([language, t]) => textRow(row.id, language, t, now));
    await this.deps.db.transaction().execute(async (trx) => {
      await trx.insertInto('learning_modules').values(row).execute();
      await trx.insertInto('learning_module_texts').values(texts).execute();
      await this.audit(trx, ctx, 'learning.module_created', orgId, row.id, undefined, presentSummary(row, texts, 'fr', orgId));
    });
    return presentDetail(row, texts, ctx.locale, orgId);
  }

  async update(ctx: RequestContext, orgId: string, moduleId: string, input: ModuleInput): Promise<ModuleDetail> {
    return this.deps.db.transaction().execute(async (trx) => {
      const before = await this.own(trx, orgId, moduleId);
      const entries = checkTexts(before.row.kind, input.texts);
      const now = this.deps.clock.now().toISOString();
      const row: LearningModulesTable = {
        ...before.row,
        ...meta(input),
        version: before.row.version + 1,
        status: before.row.status === 'archived' ? 'archived' : (input.status ?? before.row.status),
        last_reviewed: now.slice(0, 10),
        updated_at: now,
      };
      const texts = entries.map(([language, t]) => textRow(row.id, language, t, now));
      const { id: _id, ...patch } = row;
      await trx.updateTable('learning_modules').set(patch).where('id', '=', moduleId).execute();
      await trx.deleteFrom('learning_module_texts').where('module_id', '=', moduleId).execute();
      await trx.insertInto('learning_module_texts').values(texts).execute();
      await this.audit(
        trx,
        ctx,
        'learning.module_updated',
        orgId,
        moduleId,
        presentSummary(before.row, before.texts, 'fr', orgId),
        presentSummary(row, texts, 'fr', orgId),
      );
      return presentDetail(row, texts, ctx.locale, orgId);
    });
  }

  /** An editable copy owned by the organization; the original stays as it is. */
  async fork(ctx: RequestContext, orgId: string, moduleId: string): Promise<ModuleDetail> {
    return this.deps.db.transaction().execute(async (trx) => {
      const source = await this.visible(trx, orgId, moduleId);
      const now = this.deps.clock.now().toISOString();
      const row: LearningModulesTable = {
        ...source.row,
        id: newId(),
        organization_id: orgId,
        origin: 'fork',
        forked_from: source.row.id,
        version: 1,
        status: 'draft',
        content_hash: null,
        created_by: ctx.actor?.accountId ?? null,
        created_at: now,
        updated_at: now,
      };
      const texts = source.texts.map((t) => ({ ...t, module_id: row.id, updated_at: now }));
      await trx.insertInto('learning_modules').values(row).execute();
      if (texts.length > 0) await trx.insertInto('learning_module_texts').values(texts).execute();
      await this.audit(trx, ctx, 'learning.module_forked', orgId, row.id, undefined, presentSummary(row, texts, 'fr', orgId));
      return presentDetail(row, texts, ctx.locale, orgId);
    });
  }

  /** Archived modules are no longer assigned; assignments already made stay. */
  async setArchived(ctx: RequestContext, orgId: string, moduleId: string, archived: boolean): Promise<ModuleDetail> {
    return this.deps.db.transaction().execute(async (trx) => {
      const before = await this.own(trx, orgId, moduleId);
      const status = archived ? 'archived' : before.row.status === 'archived' ? 'published' : before.row.status;
      const row = { ...before.row, status, updated_at: this.deps.clock.now().toISOString() } as LearningModulesTable;
      if (status !== before.row.status) {
        await trx.updateTable('learning_modules').set({ status, updated_at: row.updated_at }).where('id', '=', moduleId).execute();
        const action = archived ? 'learning.module_archived' : 'learning.module_restored';
        await this.audit(trx, ctx, action, orgId, moduleId, { status: before.row.status }, { status });
      }
      return presentDetail(row, before.texts, ctx.locale, orgId);
    });
  }

  private async texts(db: Executor, ids: string[]): Promise<Map<string, TextRow[]>> {
    const map = new Map<string, TextRow[]>();
    if (ids.length === 0) return map;
    for (const t of await db.selectFrom('learning_module_texts').selectAll().where('module_id', 'in', ids).execute()) {
      map.set(t.module_id, [...(map.get(t.module_id) ?? []), t]);
    }
    return map;
  }

  /** A catalogue module or one of the organization's own; anything else is absent (404). */
  private async visible(db: Executor, orgId: string, moduleId: string) {
    const row = await db.selectFrom('learning_modules').selectAll().where('id', '=', moduleId).executeTakeFirst();
    if (!row || (row.organization_id !== null && row.organization_id !== orgId)) throw new NotFound('module');
    return { row, texts: (await this.texts(db, [moduleId])).get(moduleId) ?? [] };
  }

  private async own(db: Executor, orgId: string, moduleId: string) {
    const found = await this.visible(db, orgId, moduleId);
    if (found.row.organization_id === null) throw readOnly();
    return found;
  }

  private audit(db: Executor, ctx: RequestContext, action: string, orgId: string, id: string, before: unknown, after: unknown) {
    return this.deps.audit.record(db, auditActor(ctx), {
      action,
      entityType: 'learning_module',
      entityId: id,
      organizationId: orgId,
      before,
      after,
    });
  }
}
