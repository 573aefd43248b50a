import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportBuckets } from './display.js';
import enJson from './i18n/en.json';
import frJson from './i18n/fr.json';
import { campaignNav } from './index.js';
import { campaignStatuses, decidedVerdicts, difficulties, recipientOutcomes, reportVerdicts, resultsDimensions } from './types.js';
import { wizardSteps } from './wizard-state.js';

type Tree = { [k: string]: string | Tree };
// The catalogues hold a few lists (bullet points): arrays read as trees keyed 0, 1…
const fr = frJson as unknown as Tree;
const en = enJson as unknown as Tree;
const keys = (tree: Tree, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : keys(v, `${prefix}${k}.`)));
const base = (k: string) => k.replace(/_(zero|one|two|few|many|other)$/, '');
const textAt = (tree: Tree, key: string): unknown => key.split('.').reduce<unknown>((n, p) => (n as Tree | undefined)?.[p], tree);

const root = import.meta.dirname;
function sources(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sources(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

describe("the phishing campaign pages' catalogues", () => {
  const frKeys = new Set(keys(fr).map(base));
  const enKeys = new Set(keys(en).map(base));

  it('French and English hold the same keys, none empty', () => {
    expect([...enKeys].sort()).toEqual([...frKeys].sort());
    expect([fr, en].flatMap((c) => keys(c).filter((k) => textAt(c, k) === ''))).toEqual([]);
  });

  it('holds every key the pages use literally, the validation messages and the navigation labels', () => {
    const missing: string[] = [];
    for (const file of sources(root)) {
      const text = readFileSync(file, 'utf8');
      // Files that also read the 'admin' namespace call that function `ta`; `t` is ours.
      for (const m of text.matchAll(/\bt\(\s*'([a-zA-Z0-9_.-]+)'/g))
        if (!frKeys.has(m[1] ?? '')) missing.push(`${relative(root, file)}: ${m[1]}`);
      for (const m of text.matchAll(/\bt\([^)]*\?\s*'([a-zA-Z0-9_.-]+)'\s*:\s*'([a-zA-Z0-9_.-]+)'/g))
        for (const k of [m[1] ?? '', m[2] ?? '']) if (!frKeys.has(k)) missing.push(`${relative(root, file)}: ${k}`);
      for (const m of text.matchAll(/'(errors\.[a-zA-Z]+)'/g))
        if (!frKeys.has(m[1] ?? '')) missing.push(`${relative(root, file)}: ${m[1]}`);
    }
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
