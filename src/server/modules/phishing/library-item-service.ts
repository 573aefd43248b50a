import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Executor, Page } from '../identity/shared.js';
import type { LibraryItemRepo } from './library-item-repo.js';
import type { PreviewInput } from './library-preview.js';
import type { Language } from './library-schema.js';
import { archivedConflict, byKey, catalogueReadOnly, searchSortPage } from './library-shared.js';
import type { ContentOrigin } from './tables.js';
import { type LibraryTenant, orgTenant } from './territory-scopes.js';

/** The columns every library item has, whatever its kind. */
export interface ItemRowBase {
  id: string;
  organization_id: string | null;
  origin: ContentOrigin;
  forked_from: string | null;
  version: number;
  archived: number;
  created_at: string;
  updated_at: string;
}

export interface ItemQuery {
  q?: string | undefined;
  sort: string;
  page: number;
  pageSize: number;
  archived: 'false' | 'true' | 'all';
  language?: Language | undefined;
}

/** What differs between templates and landing pages, beyond their tables. */
export interface ItemKind {
  /** For the catalogue's read-only error. */
  what: 'template' | 'landing';
  /** For the 404. */
  name: string;
  /** Audit actions are `<action>.create|fork|import|update|archive`. */
  action: string;
  entityType: string;
}

export const itemKinds = {
  template: { what: 'template', name: 'template', action: 'phishing.template', entityType: 'phishing_template' },
  landing: { what: 'landing', name: 'landing page', action: 'phishing.landing_page', entityType: 'phishing_landing_page' },
} as const satisfies Record<string, ItemKind>;

type Summary = { id: string; updatedAt: string };

/**
 * Templates and landing pages: the catalogue (read-only, forked to be adapted) and each
 * organization's own, created, forked or imported, edited with a version, archived but never
 * deleted (campaigns keep pointing at what they sent). Subclasses say how an input becomes columns
 * and texts, and how a row is presented.
 */
export abstract class LibraryItemService<
  Input,
  Dto extends Summary,
  SummaryDto extends Summary,
  Row extends ItemRowBase,
  TextRow extends ListText,
  ListText,
> {
  protected abstract readonly kind: ItemKind;
  abstract readonly repo: LibraryItemRepo<Row, TextRow, ListText>;
  constructor(protected readonly deps: AppDeps) {}

  protected abstract summary(row: Row & { texts: ListText[] }, language: Language): SummaryDto;
  protected abstract present(row: Row & { texts: TextRow[] }, language: Language): Dto;
  /** The columns and texts an input sets, on creation as on update; checks what it points at. */
  protected abstract prepare(
    trx: Executor,
    organizationId: string,
    id: string,
    input: Input,
  ): Promise<{ columns: Partial<Row>; texts: TextRow[] }>;
  /** The input of an organization's copy of `source`. */
  protected abstract forkInput(trx: Executor, organizationId: string, source: Dto): Promise<Input>;
  /** Filters on the item's own columns (theme, kind…), the searched text and the sort keys. */
  protected abstract listing(query: ItemQuery): {
    equals: Record<string, string | undefined>;
    text: (row: Row & { texts: ListText[] }) => string;
    keys: Record<string, (dto: SummaryDto) => string | number>;
  };

  async list(tenant: LibraryTenant, query: ItemQuery, language: Language): Promise<Page<SummaryDto>> {
    const { equals, text, keys } = this.listing(query);
    const rows = await this.repo.list(this.deps.db, tenant, { equals, archived: query.archived, language: query.language });
    const items = rows.map((r) => ({ row: r, dto: this.summary(r, language) }));
    const result = searchSortPage(items, {
      q: query.q,
      text: (i) => text(i.row),
      compare: byKey(
        query.sort,
        Object.fromEntries(Object.entries(keys).map(([k, f]) => [k, (i: { dto: SummaryDto }) => f(i.dto)])),
        (a, b) => (a.dto.id < b.dto.id ? -1 : 1),
      ),
      page: query.page,
      pageSize: query.pageSize,
    });
    return { ...result, items: result.items.map((i) => i.dto) };
  }

  async get(tenant: LibraryTenant, id: string, language: Language): Promise<Dto> {
    return this.present(await this.load(this.deps.db, tenant, id), language);
  }

  async create(ctx: RequestContext, organizationId: string, input: Input, language: Language): Promise<Dto> {
    const id = await this.deps.db.transaction().execute((trx) => this.createItem(trx, ctx, organizationId, input, { origin: 'custom' }));
    return this.get(orgTenant(organizationId), id, language);
  }

  /** Creates within the caller's transaction (the import runs many in one); returns the new id. */
  protected async createItem(
    trx: Executor,
    ctx: RequestContext,
    organizationId: string,
    input: Input,
    from: { origin: ContentOrigin; forkedFrom?: string },
  ): Promise<string> {
    const id = newId();
    const { columns, texts } = await this.prepare(trx, organizationId, id, input);
    const now = this.deps.clock.now().toISOString();
    const base: ItemRowBase = {
      id,
      organization_id: organizationId,
      origin: from.origin,
      forked_from: from.forkedFrom ?? null,
      version: 1,
      archived: 0,
      created_at: now,
      updated_at: now,
    };
    await this.repo.insert(trx, { ...base, ...columns } as Row, texts);
    const verb = from.origin === 'fork' ? 'fork' : from.origin === 'import' ? 'import' : 'create';
    await this.deps.audit.record(trx, auditActor(ctx), {
      action: `${this.kind.action}.${verb}`,
      entityType: this.kind.entityType,
      entityId: id,
      organizationId,
      after: this.summary(await this.load(trx, orgTenant(organizationId), id), 'fr'),
    });
    return id;
  }

  /** A copy the organization owns and may edit; the catalogue's way to be adapted. */
  async fork(ctx: RequestContext, organizationId: string, sourceId: string, language: Language): Promise<Dto> {
    const id = await this.deps.db.transaction().execute(async (trx) => {
      const source = this.present(await this.load(trx, orgTenant(organizationId), sourceId), 'fr');
      const input = await this.forkInput(trx, organizationId, source);
      return this.createItem(trx, ctx, organizationId, input, { origin: 'fork', forkedFrom: sourceId });
    });
    return this.get(orgTenant(organizationId), id, language);
  }

  async update(ctx: RequestContext, organizationId: string, id: string, input: Input, language: Language): Promise<Dto> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.editable(trx, organizationId, id);
      if (before.archived === 1) throw archivedConflict();
      const { columns, texts } = await this.prepare(trx, organizationId, id, input);
      const patch = { ...columns, version: before.version + 1, updated_at: this.deps.clock.now().toISOString() };
      await this.repo.update(trx, organizationId, id, patch as Partial<Row>, texts);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: `${this.kind.action}.update`,
        entityType: this.kind.entityType,
        entityId: id,
        organizationId,
        before: this.summary(before, 'fr'),
        after: this.summary(await this.load(trx, orgTenant(organizationId), id), 'fr'),
      });
    });
    return this.get(orgTenant(organizationId), id, language);
  }

  /** Archived, never deleted: templates and campaigns may still point at it. */
  async archive(ctx: RequestContext, organizationId: string, id: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.editable(trx, organizationId, id);
      if (before.archived === 1) return;
      const patch = { archived: 1, updated_at: this.deps.clock.now().toISOString() };
      await this.repo.update(trx, organizationId, id, patch as Partial<Row>);
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: `${this.kind.action}.archive`,
        entityType: this.kind.entityType,
        entityId: id,
        organizationId,
        before: this.summary(before, 'fr'),
      });
    });
  }

  /** What a preview needs: the tenant names the sample organization, nothing is recorded. */
  protected previewInput(tenant: LibraryTenant, language: Language): PreviewInput {
    return { db: this.deps.db, tenant, language, reportAddress: this.deps.config.REPORT_ADDRESS, now: this.deps.clock.now() };
  }

  private async editable(trx: Executor, organizationId: string, id: string) {
    const row = await this.load(trx, orgTenant(organizationId), id);
    if (row.organization_id === null) throw catalogueReadOnly(this.kind.what);
    return row;
  }

  protected async load(db: Executor, tenant: LibraryTenant, id: string): Promise<Row & { texts: TextRow[] }> {
    const row = await this.repo.get(db, tenant, id);
    if (!row) throw new NotFound(this.kind.name);
    return row;
  }
}
