import { fromJson, toJson } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { Conflict, Forbidden, type Locale, NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Executor, Page } from '../identity/shared.js';
import { byKey, searchSortPage } from '../phishing/library-shared.js';
import { assertValidGrid } from './grid-check.js';
import { type GridDefinition, questionsOf } from './grid-definition.js';
import { type GridRow, gridsRepo } from './grids-repo.js';
import type { GridDto, GridInput, GridListQuery, GridSummary } from './grids-schema.js';
import type { GridOrigin } from './tables.js';

const catalogueReadOnly = () =>
  new Forbidden('catalogue_read_only', {
    fr: 'Les grilles du catalogue ne se modifient pas : dupliquez celle-ci pour l’adapter.',
    en: 'Catalogue grids are read-only: fork this one to adapt it.',
  });

const archivedGrid = () =>
  new Conflict('archived', {
    fr: 'Cette grille est archivée : elle ne se modifie plus.',
    en: 'This grid is archived: it can no longer be edited.',
  });

export const definitionOf = (row: GridRow): GridDefinition => fromJson<GridDefinition>(row.definition, { sections: [] });

export function presentSummary(row: GridRow, locale: Locale): GridSummary {
  const definition = definitionOf(row);
  return {
    id: row.id,
    origin: row.origin,
    forkedFrom: row.forked_from,
    version: row.version,
    title: locale === 'en' ? row.title_en : row.title_fr,
    titles: { fr: row.title_fr, en: row.title_en },
    sectionCount: definition.sections.length,
    questionCount: questionsOf(definition).length,
    readOnly: row.organization_id === null,
    archived: row.archived === 1,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export const presentGrid = (row: GridRow, locale: Locale): GridDto => ({ ...presentSummary(row, locale), definition: definitionOf(row) });

/**
 * Audit grids (docs/api-suppliers.md, "Grids"): the catalogue, read-only and forked to be adapted,
 * and each organization's own, created, forked or imported, edited with a version, archived but
 * never deleted (audit clauses name them; audits keep their own frozen copy).
 */
export class GridService {
  constructor(private readonly deps: AppDeps) {}

  async list(organizationId: string, query: GridListQuery, locale: Locale): Promise<Page<GridSummary>> {
    const rows = await gridsRepo.list(this.deps.db, organizationId, { origin: query.origin, archived: query.archived });
    const items = rows.map((r) => presentSummary(r, locale));
    return searchSortPage(items, {
      q: query.q,
      text: (g) => `${g.titles.fr} ${g.titles.en}`,
      compare: byKey<GridSummary>(
        query.sort,
        { title: (g) => g.title, updatedAt: (g) => g.updatedAt, questionCount: (g) => g.questionCount },
        (a, b) => (a.id < b.id ? -1 : 1),
      ),
      page: query.page,
      pageSize: query.pageSize,
    });
  }

  async get(organizationId: string, id: string, locale: Locale): Promise<GridDto> {
    return presentGrid(await this.load(this.deps.db, organizationId, id), locale);
  }

  async create(ctx: RequestContext, organizationId: string, input: GridInput): Promise<GridDto> {
    assertValidGrid(input.definition, 'body.definition');
    const id = await this.deps.db.transaction().execute((trx) => this.insert(trx, ctx, organizationId, input, { origin: 'custom' }));
    return this.get(organizationId, id, ctx.locale);
  }

  /** Within the caller's transaction (the import uses it too); returns the new id. */
  async insert(
    trx: Executor,
    ctx: RequestContext,
    organizationId: string,
    input: GridInput,
    from: { origin: GridOrigin; forkedFrom?: string },
  ): Promise<string> {
    const id = newId();
    const now = this.deps.clock.now().toISOString();
    const row: GridRow = {
      id,
      organization_id: organizationId,
      origin: from.origin,
      forked_from: from.forkedFrom ?? null,
      version: 1,
      title_fr: input.title.fr,
      title_en: input.title.en,
      definition: toJson(input.definition),
      archived: 0,
      created_at: now,
      updated_at: now,
    };
    await gridsRepo.insert(trx, row);
    await this.deps.audit.record(trx, auditActor(ctx), {
      action: `suppliers.grid.${from.origin === 'custom' ? 'create' : from.origin}`,
      entityType: 'supplier_grid',
      entityId: id,
      organizationId,
      after: presentSummary(row, 'fr'),
    });
    return id;
  }

  /** An editable copy, of a catalogue grid or of the organization's own. */
  async fork(ctx: RequestContext, organizationId: string, sourceId: string, title?: { fr: string; en: string }): Promise<GridDto> {
    const id = await this.deps.db.transaction().execute(async (trx) => {
      const source = await this.load(trx, organizationId, sourceId);
      const input: GridInput = {
        title: title ?? { fr: `${source.title_fr} (copie)`.slice(0, 200), en: `${source.title_en} (copy)`.slice(0, 200) },
        definition: definitionOf(source),
      };
      return this.insert(trx, ctx, organizationId, input, { origin: 'fork', forkedFrom: sourceId });
    });
    return this.get(organizationId, id, ctx.locale);
  }

  async update(ctx: RequestContext, organizationId: string, id: string, input: GridInput): Promise<GridDto> {
    assertValidGrid(input.definition, 'body.definition');
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.editable(trx, organizationId, id);
      if (before.archived === 1) throw archivedGrid();
      const patch = {
        title_fr: input.title.fr,
        title_en: input.title.en,
        definition: toJson(input.definition),
        version: before.version + 1,
        updated_at: this.deps.clock.now().toISOString(),
      };
      await gridsRepo.update(trx, organizationId, id, patch);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'suppliers.grid.update',
        entityType: 'supplier_grid',
        entityId: id,
        organizationId,
        before: presentSummary(before, 'fr'),
        after: presentSummary({ ...before, ...patch }, 'fr'),
      });
    });
    return this.get(organizationId, id, ctx.locale);
  }

  /** Archived, never deleted: clauses and audits may point at it. Archiving twice is a no-op. */
  async archive(ctx: RequestContext, organizationId: string, id: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.editable(trx, organizationId, id);
      if (before.archived === 1) return;
      const patch = { archived: 1 as const, updated_at: this.deps.clock.now().toISOString() };
      await gridsRepo.update(trx, organizationId, id, patch);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'suppliers.grid.archive',
        entityType: 'supplier_grid',
        entityId: id,
        organizationId,
        before: presentSummary(before, 'fr'),
      });
    });
  }

  async load(db: Executor, organizationId: string, id: string): Promise<GridRow> {
    const row = await gridsRepo.get(db, organizationId, id);
    if (!row) throw new NotFound('grid');
    return row;
  }

  private async editable(trx: Executor, organizationId: string, id: string): Promise<GridRow> {
    const row = await this.load(trx, organizationId, id);
    if (row.organization_id === null) throw catalogueReadOnly();
    return row;
  }
}
