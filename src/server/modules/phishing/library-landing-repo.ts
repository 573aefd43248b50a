import type { Selectable } from 'kysely';
import type { PhishingLandingPagesTable, PhishingLandingPageTextsTable } from './tables.js';

// Landing pages are stored like templates (library-item-repo.ts); these are their row types.
export type LandingRow = Selectable<PhishingLandingPagesTable>;
export type LandingTextRow = Selectable<PhishingLandingPageTextsTable>;
export type LandingWithTexts = LandingRow & { texts: LandingTextRow[] };
export type LandingListText = Pick<LandingTextRow, 'language' | 'title'>;
export type LandingListRow = LandingRow & { texts: LandingListText[] };
