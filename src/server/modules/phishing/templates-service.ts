import { toJson } from '../../db/dialect.js';
import { type AppDeps, auditActor, type RequestContext } from '../../platform/context.js';
import { NotFound } from '../../platform/errors.js';
import { newId } from '../../platform/ids.js';
import type { Executor, Page } from '../identity/shared.js';
import { prepareTemplateTexts } from './library-content.js';
import { presentTemplate, presentTemplateSummary } from './library-present.js';
import { previewTemplate } from './library-preview.js';
import type { Language, TemplateDto, TemplateInput, TemplateSummaryDto, TemplatesQuery, TemplateTextDto } from './library-schema.js';
import { archivedConflict, byKey, catalogueReadOnly, searchSortPage, unknownLandingPage } from './library-shared.js';
import { detectionDifficulty } from './phish-scale.js';
import type { ContentOrigin } from './tables.js';
import { TemplatesRepo, type TemplateTextRow, type TemplateWithTexts } from './templates-repo.js';

// Sorting by difficulty goes from the easiest to spot to the hardest.
const ease = { 'least-difficult': 0, 'moderately-difficult': 1, 'very-difficult': 2 } as const;

const textRows = (templateId: string, texts: Array<[Language, TemplateTextDto]>): TemplateTextRow[] =>
  texts.map(([language, t]) => ({
    template_id: templateId,
    language,
    title: t.title,
    from_name: t.fromName,
    from_local_part: t.fromLocalPart,
    subject: t.subject,
    html: t.html,
    cues: toJson(t.cues),
    premise_rationale: t.premiseRationale,
  }));

/** Phishing email templates: the catalogue (read-only) and each organization's own, forked, imported. */
export class TemplatesService {
  readonly repo = new TemplatesRepo();
  constructor(private readonly deps: AppDeps) {}

  async list(organizationId: string, query: TemplatesQuery, language: Language): Promise<Page<TemplateSummaryDto>> {
    const { q, sort, page, pageSize, ...filters } = query;
    const rows = await this.repo.list(this.deps.db, organizationId, filters);
    const items = rows.map((r) => ({ row: r, dto: presentTemplateSummary(r, language) }));
    const result = searchSortPage(items, {
      q,
      text: (i) => i.row.texts.map((t) => `${t.title} ${t.subject}`).join(' '),
      compare: byKey(
        sort,
        { title: (i) => i.dto.title, difficulty: (i) => ease[i.dto.difficulty], updatedAt: (i) => i.dto.updatedAt },
        (a, b) => (a.dto.id < b.dto.id ? -1 : 1),
      ),
      page,
      pageSize,
    });
    return { ...result, items: result.items.map((i) => i.dto) };
  }

  async get(organizationId: string, id: string, language: Language): Promise<TemplateDto> {
    return presentTemplate(await this.load(this.deps.db, organizationId, id), language);
  }

  async create(ctx: RequestContext, organizationId: string, input: TemplateInput, language: Language): Promise<TemplateDto> {
    const id = await this.deps.db.transaction().execute((trx) => this.createIn(trx, ctx, organizationId, input, { origin: 'custom' }));
    return this.get(organizationId, id, language);
  }

  /** Creates within the caller's transaction (the import runs many in one); returns the new id. */
  async createIn(
    trx: Executor,
    ctx: RequestContext,
    organizationId: string,
    input: TemplateInput,
    from: { origin: ContentOrigin; forkedFrom?: string },
  ): Promise<string> {
    const { texts, cueCount } = prepareTemplateTexts(input.texts);
    if (input.landingPageId !== null && !(await this.repo.usableLandingPage(trx, organizationId, input.landingPageId)))
      throw unknownLandingPage();
    const now = this.deps.clock.now().toISOString();
    const id = newId();
    await this.repo.insert(
      trx,
      {
        id,
        organization_id: organizationId,
        origin: from.origin,
        forked_from: from.forkedFrom ?? null,
        theme: input.theme,
        audiences: toJson(input.audiences),
        landing_page_id: input.landingPageId,
        premise_alignment: input.premiseAlignment,
        cue_count: cueCount,
        difficulty: detectionDifficulty(cueCount, input.premiseAlignment),
        version: 1,
        archived: 0,
        created_at: now,
        updated_at: now,
      },
      textRows(id, texts),
    );
    const created = await this.load(trx, organizationId, id);
    await this.deps.audit.record(trx, auditActor(ctx), {
      action:
        from.origin === 'fork'
          ? 'phishing.template.fork'
          : from.origin === 'import'
            ? 'phishing.template.import'
            : 'phishing.template.create',
      entityType: 'phishing_template',
      entityId: id,
      organizationId,
      after: presentTemplateSummary(created, 'fr'),
    });
    return id;
  }

  /** A copy the organization owns and may edit; the catalogue's way to be adapted. */
  async fork(ctx: RequestContext, organizationId: string, sourceId: string, language: Language): Promise<TemplateDto> {
    const id = await this.deps.db.transaction().execute(async (trx) => {
      const source = presentTemplate(await this.load(trx, organizationId, sourceId), 'fr');
      const landingPageId =
        source.landingPageId !== null && (await this.repo.usableLandingPage(trx, organizationId, source.landingPageId))
          ? source.landingPageId
          : null;
      const input: TemplateInput = {
        theme: source.theme as TemplateInput['theme'],
        audiences: source.audiences,
        landingPageId,
        premiseAlignment: source.premiseAlignment,
        texts: source.texts,
      };
      return this.createIn(trx, ctx, organizationId, input, { origin: 'fork', forkedFrom: sourceId });
    });
    return this.get(organizationId, id, language);
  }

  async update(ctx: RequestContext, organizationId: string, id: string, input: TemplateInput, language: Language): Promise<TemplateDto> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.load(trx, organizationId, id);
      if (before.organization_id === null) throw catalogueReadOnly('template');
      if (before.archived === 1) throw archivedConflict();
      const { texts, cueCount } = prepareTemplateTexts(input.texts);
      if (input.landingPageId !== null && !(await this.repo.usableLandingPage(trx, organizationId, input.landingPageId))) {
        throw unknownLandingPage();
      }
      await this.repo.update(
        trx,
        organizationId,
        id,
        {
          theme: input.theme,
          audiences: toJson(input.audiences),
          landing_page_id: input.landingPageId,
          premise_alignment: input.premiseAlignment,
          cue_count: cueCount,
          difficulty: detectionDifficulty(cueCount, input.premiseAlignment),
          version: before.version + 1,
          updated_at: this.deps.clock.now().toISOString(),
        },
        textRows(id, texts),
      );
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'phishing.template.update',
        entityType: 'phishing_template',
        entityId: id,
        organizationId,
        before: presentTemplateSummary(before, 'fr'),
        after: presentTemplateSummary(await this.load(trx, organizationId, id), 'fr'),
      });
    });
    return this.get(organizationId, id, language);
  }

  /** Archived, never deleted: campaigns keep pointing at the version they sent. */
  async archive(ctx: RequestContext, organizationId: string, id: string): Promise<void> {
    await this.deps.db.transaction().execute(async (trx) => {
      const before = await this.load(trx, organizationId, id);
      if (before.organization_id === null) throw catalogueReadOnly('template');
      if (before.archived === 1) return;
      await this.repo.update(trx, organizationId, id, { archived: 1, updated_at: this.deps.clock.now().toISOString() });
      await this.deps.audit.record(trx, auditActor(ctx), {
        action: 'phishing.template.archive',
        entityType: 'phishing_template',
        entityId: id,
        organizationId,
        before: presentTemplateSummary(before, 'fr'),
      });
    });
  }

  async preview(organizationId: string, body: { subject: string; html: string; language: Language }) {
    const p = {
      db: this.deps.db,
      organizationId,
      language: body.language,
      reportAddress: this.deps.config.REPORT_ADDRESS,
      now: this.deps.clock.now(),
    };
    return previewTemplate(p, body.subject, body.html);
  }

  private async load(db: Executor, organizationId: string, id: string): Promise<TemplateWithTexts> {
    const row = await this.repo.get(db, organizationId, id);
    if (!row) throw new NotFound('template');
    return row;
  }
}
