import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { loadModelClauses } from './clauses-library.js';
import { clauseKeys } from './contracts-schema.js';

describe('model clauses library', () => {
  it('has one valid clause per checklist key, in French and English', () => {
    const clauses = loadModelClauses();
    expect(clauses.map((c) => c.key)).toEqual([...clauseKeys]);
    for (const c of clauses) {
      expect(c.text.fr).not.toEqual(c.text.en);
      // French typography: a non-breaking space before the high punctuation.
      expect(c.text.fr).not.toMatch(/ [:;?!]/);
    }
    const audit = clauses.find((c) => c.key === 'audit');
    // The common practice of DOMAIN.md: yearly, 15 days' notice, provider pays on a breach, 30 days to fix.
    expect(audit?.auditClause).toMatchObject({ frequencyMonths: 12, noticeDays: 15, payer: 'provider_if_breach', fixDeadlineDays: 30 });
    expect(audit?.text.fr).toMatch(/15 jours/);
  });

  it('rejects a file missing a field or with a key unlike its name', () => {
    const dir = mkdtempSync(join(tmpdir(), 'clauses-'));
    writeFileSync(join(dir, 'audit.yaml'), 'key: audit\nversion: 1\n');
    expect(() => loadModelClauses(dir)).toThrow(/audit\.yaml/);
    const dir2 = mkdtempSync(join(tmpdir(), 'clauses-'));
    writeFileSync(
      join(dir2, 'reversibility.yaml'),
      [
        'key: audit',
        'version: 1',
        'lastReviewed: 2026-11-29',
        'requiredFor: personal_data',
        'basis: RGPD',
        'title: { fr: Titre, en: Title }',
        'text: { fr: "Un texte assez long pour passer.", en: "A text long enough to pass here." }',
      ].join('\n'),
    );
    expect(() => loadModelClauses(dir2)).toThrow(/does not match/);
  });
});
