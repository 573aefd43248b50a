import { describe, expect, it } from 'vitest';
import {
  landingPageKinds,
  cueCategories as serverCueCategories,
  placeholders as serverPlaceholders,
} from '../../../server/modules/phishing/content-schema.js';
import { groupKinds as serverGroupKinds } from '../../../server/modules/phishing/groups-schema.js';
import {
  languages as serverLanguages,
  origins as serverOrigins,
  templateThemes as serverThemes,
} from '../../../server/modules/phishing/library-schema.js';
import { difficulties as serverDifficulties, premiseAlignments as serverPremise } from '../../../server/modules/phishing/phish-scale.js';
import { tlsModes as serverTlsModes } from '../../../server/modules/phishing/profiles-schema.js';
import * as web from './types.js';

// The web copies these lists to keep the server's zod schemas out of the bundle; they must not drift.
describe('the library vocabularies', () => {
  it('match the server', () => {
    expect([...web.templateThemes]).toEqual([...serverThemes]);
    expect([...web.difficulties].sort()).toEqual([...serverDifficulties].sort());
    expect([...web.premiseAlignments]).toEqual([...serverPremise]);
    expect([...web.cueCategories]).toEqual([...serverCueCategories]);
    expect([...web.landingKinds]).toEqual([...landingPageKinds]);
    expect([...web.placeholders]).toEqual([...serverPlaceholders]);
    expect([...web.languages]).toEqual([...serverLanguages]);
    expect([...web.origins]).toEqual([...serverOrigins]);
    expect([...web.tlsModes]).toEqual([...serverTlsModes]);
    expect([...web.groupKinds]).toEqual([...serverGroupKinds]);
  });
});
