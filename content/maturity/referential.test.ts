import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parse } from 'yaml';
import { referentialSchema, sourceMetrics } from '../../src/server/modules/maturity/referential.js';
import { loadReferential, REFERENTIAL_FILE, referentialIssues } from '../../src/server/modules/maturity/referential-check.js';

// Loading throws `file: path: id: reason` on the first problem, so this line validates the file.
const ref = loadReferential(REFERENTIAL_FILE);

type Text = { fr: string; en: string };
/** Every FR/EN pair of the file with where it sits, to check them all the same way. */
function texts(node: unknown, path: string, out: Array<{ path: string; text: Text }> = []) {
  if (Array.isArray(node))
    node.forEach((n, i) => {
      texts(n, `${path}.${i}`, out);
    });
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (typeof o.fr === 'string' && typeof o.en === 'string') out.push({ path, text: { fr: o.fr, en: o.en } });
    else for (const [k, v] of Object.entries(o)) texts(v, `${path}.${k}`, out);
  }
  return out;
}
const sentences = (s: string) => s.split(/[.!?…](?:\s|$)/).filter((p) => p.trim() !== '').length;

describe('maturity referential content', () => {
  it('validates against the schema with no cross-check issue, and has a version and a review date', () => {
    const raw = parse(readFileSync(REFERENTIAL_FILE, 'utf8'));
    const parsed = referentialSchema.safeParse(raw);
    expect(parsed.success, JSON.stringify(parsed.error?.issues[0])).toBe(true);
    expect(referentialIssues(ref)).toEqual([]);
    expect(ref.version).toBeGreaterThanOrEqual(1);
    expect(ref.lastReviewed).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('covers the ten digital-hygiene themes and the five CaRE themes, three to four questions each at most', () => {
    expect(ref.themes.filter((t) => t.kind === 'hygiene')).toHaveLength(10);
    expect(ref.themes.filter((t) => t.kind === 'care').map((t) => t.id)).toEqual([
      'c-governance',
      'c-exposure',
      'c-continuity',
      'c-awareness',
      'c-exercises',
    ]);
    for (const t of ref.themes) {
      const count = ref.questions.filter((q) => q.themeId === t.id).length;
      expect(count, t.id).toBeGreaterThanOrEqual(2);
      expect(count, t.id).toBeLessThanOrEqual(t.id === 'c-continuity' ? 7 : 5);
    }
    expect(ref.questions.length).toBeGreaterThanOrEqual(45);
    expect(ref.questions.length).toBeLessThanOrEqual(55);
    expect(ref.recommendations.length).toBeGreaterThanOrEqual(28);
  });

  it('has a short version of about fifteen questions spread over the essentials', () => {
    const short = ref.questions.filter((q) => q.short);
    expect(short.length).toBeGreaterThanOrEqual(12);
    expect(short.length).toBeLessThanOrEqual(18);
    for (const id of ['ac-mfa-mail', 'ct-backups', 'ct-offline-copy', 'up-updates', 'su-incident-procedure', 'mo-personal-phone'])
      expect(short.map((q) => q.id)).toContain(id);
    // Plain words for small practices: no acronym of the trade in the short questions' text.
    for (const q of short) expect(q.text.fr, q.id).not.toMatch(/\b(EDR|PCA|PRA|RSSI|DSI|VPN|SaaS|HDS)\b/);
  });

  it('asks the CaRE continuity points and pre-fills the four figures Rempart measures', () => {
    const ids = ref.questions.map((q) => q.id);
    for (const id of ['ct-offline-copy', 'ct-policy', 'ct-backup-access', 'ct-restore-test', 'ct-plans', 'ce-last-exercise'])
      expect(ids).toContain(id);
    const metrics = ref.questions.flatMap((q) => (q.source ? [q.source.metric] : [])).sort();
    expect(metrics).toEqual(Object.keys(sourceMetrics).sort());
  });

  it('writes French typography (non-breaking space before : ; ? ! », curly apostrophes) and an English that differs', () => {
    const all = texts(parse(readFileSync(REFERENTIAL_FILE, 'utf8')), 'referential');
    expect(all.length).toBeGreaterThan(400);
    for (const { path, text } of all) {
      expect(text.fr, path).not.toMatch(/ [?:;!»%]|« /);
      expect(text.fr, path).not.toContain("'");
      if (!path.includes('.options.')) expect(text.en, path).not.toBe(text.fr);
    }
    // Citations and sources are French too.
    for (const s of [...ref.sources, ...ref.questions.map((q) => q.reference ?? '')]) expect(s).not.toMatch(/ [?:;!»]|« |'/);
  });

  it('keeps each help to one or two sentences and each recommendation to two to four steps', () => {
    for (const q of ref.questions) {
      expect(sentences(q.help.fr), q.id).toBeLessThanOrEqual(2);
      expect(sentences(q.help.en), q.id).toBeLessThanOrEqual(2);
    }
    for (const r of ref.recommendations) {
      expect(r.how.length, r.id).toBeGreaterThanOrEqual(2);
      expect(r.how.length, r.id).toBeLessThanOrEqual(4);
    }
  });
});
