import { describe, expect, it } from 'vitest';
import {
  addQuestion,
  copyFrenchToEnglish,
  emptyForm,
  fieldMessages,
  formFromDetail,
  locateField,
  type ModuleForm,
  moveItem,
  nextQuestionId,
  removeQuestion,
  toModuleInput,
} from './module-form.js';
import type { ModuleDetail } from './types.js';

const detail: ModuleDetail = {
  id: 'm1',
  origin: 'fork',
  forkedFrom: 'phishing-health-staff',
  kind: 'lesson',
  audience: 'staff',
  level: 2,
  topic: 'phishing-health-staff',
  roleFamilies: ['nurses_care_assistants'],
  threatTags: ['phishing'],
  version: 3,
  durationMinutes: 5,
  status: 'archived',
  lastReviewed: null,
  title: 'Hameçonnage',
  summary: 'Résumé',
  languages: ['fr'],
  questions: 1,
  editable: true,
  texts: {
    fr: {
      title: 'Hameçonnage',
      summary: 'Résumé',
      screens: [{ title: 'Un', body: 'Texte' }],
      questions: [{ id: 'q-1', level: 1, prompt: 'Que faire ?', choices: [{ text: 'Signaler', correct: true, explanation: 'Oui' }] }],
    },
  },
};

describe('the module editor form', () => {
  it('sends only the languages being written, trimmed, with the metadata', () => {
    const form: ModuleForm = { ...formFromDetail(detail), topic: '  phishing-health-staff ' };
    form.texts.fr!.title = '  Hameçonnage aux urgences  ';
    form.texts.fr!.questions[0]!.choices[0]!.text = ' Signaler ';
    const input = toModuleInput(form);
    expect(Object.keys(input.texts)).toEqual(['fr']);
    expect(input.texts.fr?.title).toBe('Hameçonnage aux urgences');
    expect(input.texts.fr?.questions[0]?.choices[0]?.text).toBe('Signaler');
    expect(input.topic).toBe('phishing-health-staff');
    expect(input).toMatchObject({
      audience: 'staff',
      level: 2,
      roleFamilies: ['nurses_care_assistants'],
      threatTags: ['phishing'],
      durationMinutes: 5,
    });
    // An archived module edited is sent as a draft: the API only takes draft or published.
    expect(input.status).toBe('draft');
  });

  it('does not share objects with the detail it came from', () => {
    const form = formFromDetail(detail);
    form.texts.fr!.screens[0]!.title = 'Changé';
    expect(detail.texts.fr?.screens[0]?.title).toBe('Un');
  });

  it('starts a new module in French only, with one empty screen', () => {
    const input = toModuleInput(emptyForm());
    expect(Object.keys(input.texts)).toEqual(['fr']);
    expect(input.texts.fr?.screens).toHaveLength(1);
  });

  it('copies the French into the English with the same question ids, as a separate copy', () => {
    const copied = copyFrenchToEnglish(formFromDetail(detail));
    expect(copied.texts.en?.questions.map((q) => q.id)).toEqual(['q-1']);
    copied.texts.en!.title = 'Phishing';
    expect(copied.texts.fr?.title).toBe('Hameçonnage');
    expect(Object.keys(toModuleInput(copied).texts).sort()).toEqual(['en', 'fr']);
  });

  it('adds and removes a question in every language at once, with a fresh id', () => {
    const both = copyFrenchToEnglish(formFromDetail(detail));
    expect(nextQuestionId(both)).toBe('q-2');
    const added = addQuestion(both);
    expect(added.texts.fr?.questions.map((q) => q.id)).toEqual(['q-1', 'q-2']);
    expect(added.texts.en?.questions.map((q) => q.id)).toEqual(['q-1', 'q-2']);
    const removed = removeQuestion(added, 'q-1');
    expect(removed.texts.fr?.questions.map((q) => q.id)).toEqual(['q-2']);
    expect(removed.texts.en?.questions.map((q) => q.id)).toEqual(['q-2']);
    expect(nextQuestionId(removed)).toBe('q-3');
  });

  it('moves screens and ignores moves out of range', () => {
    expect(moveItem(['a', 'b', 'c'], 2, 0)).toEqual(['c', 'a', 'b']);
    expect(moveItem(['a', 'b', 'c'], 0, 1)).toEqual(['b', 'a', 'c']);
    expect(moveItem(['a', 'b'], 0, -1)).toEqual(['a', 'b']);
    expect(moveItem(['a', 'b'], 1, 2)).toEqual(['a', 'b']);
  });

  it('places a server error next to the field it names, and in the language tab', () => {
    expect(locateField('body.texts.en.questions.3.prompt')).toEqual({ path: 'texts.en.questions.3.prompt', language: 'en' });
    expect(locateField('topic')).toEqual({ path: 'topic', language: null });
    expect(locateField(undefined)).toBeNull();
    const zod = fieldMessages({
      field: 'body.texts.fr.title',
      message: 'body.texts.fr.title: Too small',
      issues: [
        { field: 'body.texts.fr.title', message: 'Too small' },
        { field: 'body.topic', message: 'lower-case letters, digits and dashes' },
      ],
    });
    expect(zod).toEqual({ 'texts.fr.title': 'Too small', topic: 'lower-case letters, digits and dashes' });
    expect(fieldMessages({ field: 'texts.fr.questions', message: 'Au moins 8 questions.' })).toEqual({
      'texts.fr.questions': 'Au moins 8 questions.',
    });
  });
});
