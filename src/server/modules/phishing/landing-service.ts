import type { RequestContext } from '../../platform/context.js';
import type { Executor } from '../identity/shared.js';
import { prepareLandingTexts } from './library-content.js';
import { LibraryItemRepo } from './library-item-repo.js';
import { type ItemQuery, itemKinds, LibraryItemService } from './library-item-service.js';
import type { LandingListText, LandingRow, LandingTextRow } from './library-landing-repo.js';
import { presentLanding, presentLandingSummary } from './library-present.js';
import { previewLanding } from './library-preview.js';
import type { LandingDto, LandingInput, LandingQuery, LandingSummaryDto, Language } from './library-schema.js';
import type { ContentOrigin } from './tables.js';
import type { LibraryTenant } from './territory-scopes.js';

const tables = {
  table: 'phishing_landing_pages',
  texts: 'phishing_landing_page_texts',
  key: 'landing_page_id',
  listColumns: ['title'],
} as const;

/**
 * Landing pages (fake sign-in, webmail, file share, attachment viewer): the catalogue and each
 * organization's own. Whatever a target types there is never read (the tracking listener).
 */
export class LandingService extends LibraryItemService<
  LandingInput,
  LandingDto,
  LandingSummaryDto,
  LandingRow,
  LandingTextRow,
  LandingListText
> {
  protected readonly kind = itemKinds.landing;
  readonly repo = new LibraryItemRepo<LandingRow, LandingTextRow, LandingListText>(tables);

  protected summary = presentLandingSummary;
  protected present = presentLanding;

  protected listing(query: ItemQuery) {
    const f = query as LandingQuery;
    return {
      equals: { kind: f.kind, origin: f.origin },
      text: (r: { texts: LandingListText[] }) => r.texts.map((t) => t.title).join(' '),
      keys: { title: (d: LandingSummaryDto) => d.title, updatedAt: (d: LandingSummaryDto) => d.updatedAt },
    };
  }

  protected async prepare(_trx: Executor, _organizationId: string, id: string, input: LandingInput) {
    const texts = prepareLandingTexts(input.texts);
    return {
      columns: { kind: input.kind },
      texts: texts.map(([language, t]) => ({ landing_page_id: id, language, title: t.title, html: t.html })),
    };
  }

  protected async forkInput(_trx: Executor, _organizationId: string, source: LandingDto): Promise<LandingInput> {
    return { kind: source.kind, texts: source.texts };
  }

  /** Creates within the caller's transaction (the import runs many in one); returns the new id. */
  async createIn(trx: Executor, ctx: RequestContext, organizationId: string, input: LandingInput, origin: ContentOrigin): Promise<string> {
    return this.createItem(trx, ctx, organizationId, input, { origin });
  }

  async preview(tenant: LibraryTenant, body: { html: string; language: Language }) {
    return previewLanding(this.previewInput(tenant, body.language), body.html);
  }
}
