import { toJson } from '../../db/dialect.js';
import type { RequestContext } from '../../platform/context.js';
import type { Executor } from '../identity/shared.js';
import { prepareTemplateTexts } from './library-content.js';
import { LibraryItemRepo } from './library-item-repo.js';
import { type ItemQuery, itemKinds, LibraryItemService } from './library-item-service.js';
import { presentTemplate, presentTemplateSummary } from './library-present.js';
import { previewTemplate } from './library-preview.js';
import type { Language, TemplateDto, TemplateInput, TemplateSummaryDto, TemplatesQuery } from './library-schema.js';
import { unknownLandingPage } from './library-shared.js';
import { detectionDifficulty } from './phish-scale.js';
import type { ContentOrigin } from './tables.js';
import { type TemplateListText, type TemplateRow, type TemplateTextRow, usableLandingPage } from './templates-repo.js';
import type { LibraryTenant } from './territory-scopes.js';

// Sorting by difficulty goes from the easiest to spot to the hardest.
const ease = { 'least-difficult': 0, 'moderately-difficult': 1, 'very-difficult': 2 } as const;

const tables = {
  table: 'phishing_templates',
  texts: 'phishing_template_texts',
  key: 'template_id',
  listColumns: ['title', 'subject'],
} as const;

/** Phishing email templates: the catalogue (read-only) and each organization's own, forked, imported. */
export class TemplatesService extends LibraryItemService<
  TemplateInput,
  TemplateDto,
  TemplateSummaryDto,
  TemplateRow,
  TemplateTextRow,
  TemplateListText
> {
  protected readonly kind = itemKinds.template;
  readonly repo = new LibraryItemRepo<TemplateRow, TemplateTextRow, TemplateListText>(tables);

  protected summary = presentTemplateSummary;
  protected present = presentTemplate;

  protected listing(query: ItemQuery) {
    const f = query as TemplatesQuery;
    return {
      equals: { theme: f.theme, difficulty: f.difficulty, origin: f.origin },
      text: (r: { texts: TemplateListText[] }) => r.texts.map((t) => `${t.title} ${t.subject}`).join(' '),
      keys: {
        title: (d: TemplateSummaryDto) => d.title,
        difficulty: (d: TemplateSummaryDto) => ease[d.difficulty],
        updatedAt: (d: TemplateSummaryDto) => d.updatedAt,
      },
    };
  }

  protected async prepare(trx: Executor, organizationId: string, id: string, input: TemplateInput) {
    const { texts, cueCount } = prepareTemplateTexts(input.texts);
    if (input.landingPageId !== null && !(await usableLandingPage(trx, organizationId, input.landingPageId))) throw unknownLandingPage();
    return {
      columns: {
        theme: input.theme,
        audiences: toJson(input.audiences),
        landing_page_id: input.landingPageId,
        premise_alignment: input.premiseAlignment,
        cue_count: cueCount,
        difficulty: detectionDifficulty(cueCount, input.premiseAlignment),
      },
      texts: texts.map(([language, t]) => ({
        template_id: id,
        language,
        title: t.title,
        from_name: t.fromName,
        from_local_part: t.fromLocalPart,
        subject: t.subject,
        html: t.html,
        cues: toJson(t.cues),
        premise_rationale: t.premiseRationale,
      })),
    };
  }

  /** The copy keeps the source's landing page when the organization may use it. */
  protected async forkInput(trx: Executor, organizationId: string, source: TemplateDto): Promise<TemplateInput> {
    const keep = source.landingPageId !== null && (await usableLandingPage(trx, organizationId, source.landingPageId));
    return {
      theme: source.theme as TemplateInput['theme'],
      audiences: source.audiences,
      landingPageId: keep ? source.landingPageId : null,
      premiseAlignment: source.premiseAlignment,
      texts: source.texts,
    };
  }

  /** Creates within the caller's transaction (the import runs many in one); returns the new id. */
  async createIn(
    trx: Executor,
    ctx: RequestContext,
    organizationId: string,
    input: TemplateInput,
    from: { origin: ContentOrigin; forkedFrom?: string },
  ): Promise<string> {
    return this.createItem(trx, ctx, organizationId, input, from);
  }

  async preview(tenant: LibraryTenant, body: { subject: string; html: string; language: Language }) {
    return previewTemplate(this.previewInput(tenant, body.language), body.subject, body.html);
  }
}
