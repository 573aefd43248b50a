import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { stringify } from 'yaml';
import type { Referential } from './referential.js';
import { loadReferential, referentialIssues } from './referential-check.js';
import { tinyReferential } from './test-kit.js';

const broken = (change: (r: Referential) => void) => {
  const r = tinyReferential();
  change(r);
  return referentialIssues(r).map((i) => [i.field, i.code]);
};

describe('referential cross-checks', () => {
  it('accepts a coherent referential', () => {
    expect(referentialIssues(tinyReferential())).toEqual([]);
  });

  it('names the path of duplicate ids and unresolved references', () => {
    expect(broken((r) => r.questions.push({ ...r.questions[5]!, short: false }))).toContainEqual(['questions.6.id', 'duplicate_question']);
    expect(broken((r) => (r.questions[5]!.themeId = 'nowhere'))).toContainEqual(['questions.5.themeId', 'unknown_theme']);
    expect(broken((r) => (r.recommendations[3]!.questionIds = ['wifi', 'ghost']))).toContainEqual([
      'recommendations.3.questionIds.1',
      'unknown_question',
    ]);
    expect(
      broken(
        (r) =>
          (r.questions[5]!.source = { metric: 'learning.completion', thresholds: [{ optionId: 'yes', min: 80 }, { optionId: 'maybe' }] }),
      ),
    ).toEqual([
      ['questions.5.source.thresholds.0', 'ratio_range'],
      ['questions.5.source.thresholds.1.optionId', 'unknown_option'],
    ]);
  });

  it('keeps nesting under an earlier parent, on options it has, and on its better answers only', () => {
    expect(broken((r) => (r.questions[1]!.showWhen = ['yes', 'perhaps']))).toContainEqual(['questions.1.showWhen.1', 'unknown_option']);
    expect(broken((r) => (r.questions[1]!.showWhen = ['no']))).toContainEqual(['questions.1.showWhen', 'shown_on_worse_only']);
    expect(broken((r) => (r.questions[1]!.parentId = 'wifi'))).toContainEqual(['questions.1.parentId', 'unknown_parent']);
    expect(broken((r) => (r.questions[0]!.short = false))).toContainEqual(['questions.1.short', 'short_parent']);
    expect(broken((r) => delete r.questions[1]!.showWhen)).toContainEqual(['questions.1.parentId', 'nesting_incomplete']);
  });

  it('wants "none" to score 0 and every question that can score below 1 answered by a recommendation', () => {
    expect(broken((r) => (r.questions[4]!.options[2]!.score = 0.5))).toContainEqual(['questions.4.options', 'none_scores']);
    expect(broken((r) => r.recommendations.pop())).toEqual([['questions.5', 'no_recommendation']]);
    expect(broken((r) => (r.questions[5]!.themeId = 'backups'))).toEqual([]);
    expect(broken((r) => r.questions.splice(3, 3))).toContainEqual(['themes.1', 'empty_theme']);
  });

  it('loads a file and, when it is broken, throws the file, the path and the id', () => {
    const dir = mkdtempSync(join(tmpdir(), 'maturity-'));
    const file = join(dir, 'referential.yaml');
    writeFileSync(file, stringify(tinyReferential()));
    expect(loadReferential(file).questions).toHaveLength(6);

    const nested = tinyReferential();
    nested.questions[2]!.showWhen = ['sometimes'];
    writeFileSync(file, stringify(nested));
    expect(() => loadReferential(file)).toThrow(`${file}: questions.2.showWhen.0: restore: parent has no option "sometimes"`);

    const untranslated = tinyReferential() as unknown as { questions: Array<{ help: { en?: string } }> };
    delete untranslated.questions[3]!.help.en;
    writeFileSync(file, stringify(untranslated));
    expect(() => loadReferential(file)).toThrow(`${file}: questions.3.help.en: mfa: `);
  });
});
