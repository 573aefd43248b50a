import { describe, expect, it } from 'vitest';
import type { GridDefinition, GridQuestion } from '../types.js';
import {
  addQuestion,
  addSection,
  conditionCandidates,
  emptyDefinition,
  move,
  moveQuestion,
  nextId,
  removeQuestion,
  setCondition,
  toGridBody,
  updateQuestion,
} from './grid-editor-logic.js';

const text = (s: string) => ({ fr: s, en: s });
const q = (id: string, type: GridQuestion['type'], extra: Partial<GridQuestion> = {}): GridQuestion => ({
  id,
  text: text(id),
  type,
  weight: 1,
  evidence: 'none',
  ...extra,
});
const base = (): GridDefinition => ({
  sections: [
    { id: 's1', title: text('S1'), questions: [q('q1', 'yes_no'), q('q2', 'text')] },
    {
      id: 's2',
      title: text('S2'),
      questions: [
        q('q3', 'single', {
          options: [
            { id: 'a', label: text('A') },
            { id: 'b', label: text('B') },
          ],
        }),
      ],
    },
  ],
});

describe('grid editor edits', () => {
  it('gives new questions and sections ids not used anywhere in the grid', () => {
    expect(nextId('q', ['q1', 'q3'])).toBe('q2');
    const def = addQuestion(base(), 1);
    expect(def.sections[1]?.questions.map((x) => x.id)).toEqual(['q3', 'q4']);
    expect(addSection(def).sections[2]?.id).toBe('s3');
    expect(emptyDefinition().sections[0]?.questions).toHaveLength(1);
  });

  it('moves within bounds only', () => {
    expect(move([1, 2, 3], 0, -1)).toEqual([1, 2, 3]);
    expect(move([1, 2, 3], 0, 1)).toEqual([2, 1, 3]);
    expect(moveQuestion(base(), 0, 1, -1).sections[0]?.questions.map((x) => x.id)).toEqual(['q2', 'q1']);
  });

  it('drops options when the type no longer takes them and offers two when it does', () => {
    const toText = updateQuestion(base(), 1, 0, { type: 'text' });
    expect(toText.sections[1]?.questions[0]?.options).toBeUndefined();
    const toChoice = updateQuestion(base(), 0, 1, { type: 'multiple' });
    expect(toChoice.sections[0]?.questions[1]?.options).toHaveLength(2);
  });

  it('offers as condition only earlier questions with a closed answer', () => {
    expect(conditionCandidates(base(), 1, 0).map((x) => x.id)).toEqual(['q1']);
    expect(conditionCandidates(base(), 0, 0)).toEqual([]);
  });

  it('clears conditions pointing to a removed question, and sets or clears one', () => {
    const withCond = setCondition(base(), 1, 0, { questionId: 'q1', anyOf: ['yes'] });
    expect(withCond.sections[1]?.questions[0]?.showIf).toEqual({ questionId: 'q1', anyOf: ['yes'] });
    const removed = removeQuestion(withCond, 0, 0);
    expect(removed.sections[1]?.questions[0]).not.toHaveProperty('showIf');
    expect(setCondition(withCond, 1, 0, null).sections[1]?.questions[0]).not.toHaveProperty('showIf');
  });

  it('sends trimmed texts and leaves out empty help and reference', () => {
    const def = updateQuestion(base(), 0, 0, { text: { fr: ' Oui ? ', en: 'Yes? ' }, help: { fr: ' ', en: '' }, reference: '  ' });
    const body = toGridBody({ fr: ' Grille ', en: 'Grid' }, def);
    expect(body.title).toEqual({ fr: 'Grille', en: 'Grid' });
    const first = body.definition.sections[0]?.questions[0];
    expect(first?.text).toEqual({ fr: 'Oui ?', en: 'Yes?' });
    expect(first).not.toHaveProperty('help');
    expect(first).not.toHaveProperty('reference');
  });
});
