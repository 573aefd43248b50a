import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Executor, Page } from '../identity/shared.js';
import { prepareLandingTexts } from './library-content.js';
import { LandingRepo, type LandingTextRow, type LandingWithTexts } from './library-landing-repo.js';
import { presentLanding, presentLandingSummary } from './library-present.js';
import { previewLanding } from './library-preview.js';
import type { LandingDto, LandingInput, LandingQuery, LandingSummaryDto, LandingTextDto, Language } from './library-schema.js';
import { archivedConflict, byKey, catalogueReadOnly, searchSortPage } from './library-shared.js';
import type { ContentOrigin } from './tables.js';

const textRows = (id: string, texts: Array<[Language, LandingTextDto]>): LandingTextRow[] =>
  texts.map(([language, t]) => ({ landing_page_id: id, language, title: t.title, html: t.html }));

/**
 * Landing pages (fake sign-in, webmail, file share, attachment viewer): the catalogue and each
 * organization's own. Whatever a target types there is never read (the tracking listener).
 */
export class LandingService {
  readonly repo = new LandingRepo();
  constructor(private readonly deps: AppDeps) {}

  async list(organizationId: string, query: LandingQuery, language: Language): Promise<Page<LandingSummaryDto>> {
    const { q, sort, page, pageSize, ...filters } = query;
    const rows = await this.repo.list(this.deps.db, organizationId, filters);
    const items = rows.map((r) => ({ row: r, dto: presentLandingSummary(r, language) }));
    const result = searchSortPage(items, {
      q,
      text: (i) => i.row.texts.map((t) => t.title).join(' '),
      compare: byKey(sort, { title: (i) => i.dto.title, updatedAt: (i) => i.dto.updatedAt }, (a, b) => (a.dto.id < b.dto.id ? -1 : 1)),
      page,
      pageSize,
    });
    return { ...result, items: result.items.map((i) => i.dto) };
  }

  async get(organizationId: string, id: string, language: Language): Promise<LandingDto> {
    return presentLanding(await this.load(this.deps.db, organizationId, id), language);
  }

  async create(ctx: RequestContext, organizationId: string, input: LandingInput, language: Language): Promise<LandingDto> {
    const id = await this.deps.db.transaction().execute((trx) => this.createIn(trx, ctx, organizationId, input, 'custom'));
    return this.get(organizationId, id, language);
  }

  async createIn(trx: Executor, ctx: RequestContext, organizationId: string, input: LandingInput, origin: ContentOrigin): Promise<string> {
    const texts = prepareLandingTexts(input.texts);
    const now = this.deps.clock.now().toISOString();
    const id = newId();
    await this.repo.insert(
      trx,
      { id, organization_id: organizationId, origin, kind: input.kind, version: 1, archived: 0, created_at: now, updated_at: now },
      textRows(id, texts),
    );
    await this.deps.audit.record(trx, auditActor(ctx), {
      action:
        origin === 'fork'
          ? 'phishing.landing_page.fork'
          : origin === 'import'
            ? 'phishing.landing_page.import'
            : 'phishing.landing_page.create',
      entityType: 'phishing_landing_page',
      entityId: id,
      organizationId,
      after: presentLandingSummary(await this.load(trx, organizationId, id), 'fr'),
    });
    return id;
  }

  async fork(ctx: RequestContext, organizationId: string, sourceId: string, language: Language): Promise<LandingDto> {
    const id = await this.deps.db.transaction().execute(async (trx) => {
      const source = presentLanding(await this.load(trx, organizationId, sourceId), 'fr');
      return this.createIn(trx, ctx, organizationId, { kind: source.kind, texts: source.texts }, 'fork');
    });
    return this.get(organizationId, id, language);
  }

  async update(ctx: RequestContext, organizationId: string, id: string, input: LandingInput, language: Language): Promise<LandingDto> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.load(trx, organizationId, id);
      if (before.organization_id === null) throw catalogueReadOnly('landing');
      if (before.archived === 1) throw archivedConflict();
      const texts = prepareLandingTexts(input.texts);
      const now = this.deps.clock.now().toISOString();
      await this.repo.update(
        trx,
        organizationId,
        id,
        { kind: input.kind, version: before.version + 1, updated_at: now },
        textRows(id, texts),
      );
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'phishing.landing_page.update',
        entityType: 'phishing_landing_page',
        entityId: id,
        organizationId,
        before: presentLandingSummary(before, 'fr'),
        after: presentLandingSummary(await this.load(trx, organizationId, id), 'fr'),
      });
    });
    return this.get(organizationId, id, language);
  }

  /** Archived, never deleted: templates and campaigns may still point at it. */
  async archive(ctx: RequestContext, organizationId: string, id: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.load(trx, organizationId, id);
      if (before.organization_id === null) throw catalogueReadOnly('landing');
      if (before.archived === 1) return;
      await this.repo.update(trx, organizationId, id, { archived: 1, updated_at: this.deps.clock.now().toISOString() });
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'phishing.landing_page.archive',
        entityType: 'phishing_landing_page',
        entityId: id,
        organizationId,
        before: presentLandingSummary(before, 'fr'),
      });
    });
  }

  async preview(organizationId: string, body: { html: string; language: Language }) {
    const p = {
      db: this.deps.db,
      organizationId,
      language: body.language,
      reportAddress: this.deps.config.REPORT_ADDRESS,
      now: this.deps.clock.now(),
    };
    return previewLanding(p, body.html);
  }

  private async load(db: Executor, organizationId: string, id: string): Promise<LandingWithTexts> {
    const row = await this.repo.get(db, organizationId, id);
    if (!row) throw new NotFound('landing page');
    return row;
  }
}
