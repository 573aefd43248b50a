/** Test-only helpers for the maturity API tests (imported by *.test.ts beside this file). */
import { expect } from 'vitest';
import type { Client } from '../../../../test/helpers/app.js';
import type { Question } from './referential.js';

type Pick = 'best' | 'worst';

/** The option a test answers with: the best or the worst one ("none" alone for a multiple choice). */
export function optionFor(q: Question, pick: Pick): string | string[] {
  const sorted = [...q.options].sort((a, b) => (pick === 'best' ? b.score - a.score : a.score - b.score));
  const id = sorted[0]!.id;
  return q.type === 'multiple' ? [id] : id;
}

/**
 * Answers every question still missing, round after round (nested questions show once their parent
 * is answered), choosing each answer with `choose`; returns the diagnostic as the last save left it.
 */
export async function answerAll(client: Client, url: string, choose: (q: Question) => string | string[]) {
  const questions = new Map<string, Question>();
  const ref = (await client.get('/api/maturity/referential?variant=full')).json();
  for (const q of ref.questions as Question[]) questions.set(q.id, q);
  let d = (await client.get(url)).json();
  for (let round = 0; round < 6 && d.scores.missing.length > 0; round++) {
    const answers = Object.fromEntries((d.scores.missing as string[]).map((id) => [id, choose(questions.get(id)!)]));
    const res = await client.patch(url, { answers });
    expect(res.statusCode, res.body).toBe(200);
    d = res.json();
  }
  expect(d.scores.missing).toEqual([]);
  return d;
}
