import { describe, expect, it } from 'vitest';
import { baseKeysOf, emptyKeys, missingUsedKeys, type Tree } from '../../i18n/catalogue-checks.js';
import { reportBuckets } from './display.js';
import enJson from './i18n/en.json';
import frJson from './i18n/fr.json';
import { campaignNav } from './index.js';
import { campaignStatuses, decidedVerdicts, difficulties, recipientOutcomes, reportVerdicts, resultsDimensions } from './types.js';
import { wizardSteps } from './wizard-state.js';

// The catalogues hold a few lists (bullet points): arrays read as trees keyed 0, 1…
const fr = frJson as unknown as Tree;
const en = enJson as unknown as Tree;

const root = import.meta.dirname;

describe("the phishing campaign pages' catalogues", () => {
  const frKeys = baseKeysOf(fr);
  const enKeys = baseKeysOf(en);

  it('French and English hold the same keys, none empty', () => {
    expect([...enKeys].sort()).toEqual([...frKeys].sort());
    expect(emptyKeys(fr, en)).toEqual([]);
  });

  it('holds every key the pages use literally, the validation messages and the navigation labels', () => {
    // Besides the `t` calls, the zod validation messages name their keys ('errors.…').
    const missing = missingUsedKeys(root, frKeys, { extra: [/'(errors\.[a-zA-Z]+)'/g] });
    for (const e of campaignNav) if (!frKeys.has(e.labelKey.replace(/^phishingCampaigns:/, ''))) missing.push(e.labelKey);
    expect(missing).toEqual([]);
  });

  it('labels every value of the closed vocabularies', () => {
    const needed = [
      ...campaignStatuses.map((k) => `statuses.${k}`),
      ...difficulties.map((k) => `difficulties.${k}`),
      ...[...reportVerdicts, 'simulation'].map((k) => `verdicts.${k}`),
      ...decidedVerdicts.map((k) => `verdicts.${k}`),
      ...resultsDimensions.map((k) => `results.by.${k}`),
      ...reportBuckets.map((k) => `results.ttr.buckets.${k}`),
      ...recipientOutcomes.map((k) => `recipients.outcomes.${k}`),
      ...wizardSteps.flatMap((k) => [`wizard.steps.${k}`, `wizard.stepHints.${k}`]),
      ...['pause', 'resume', 'cancel', 'withdraw'].flatMap((k) => [
        `actions.done.${k}`,
        `actions.confirm.${k}.title`,
        `actions.confirm.${k}.text`,
      ]),
      ...['targets', 'delivered', 'opened', 'clicked', 'submitted', 'reported', 'scannerFlagged'].map((k) => `results.counters.${k}`),
      ...['smtp', 'imap', 'link'].map((k) => `triage.sources.${k}`),
      ...['raw', 'adjusted'].map((k) => `trends.kinds.${k}`),
      ...['reported', 'clicked', 'submitted'].map((k) => `trends.series.${k}`),
      'about.simulatedDefault',
      'about.recordedDefault.0',
      'about.neverDefault.0',
    ];
    expect(needed.filter((k) => !frKeys.has(k))).toEqual([]);
  });
});
