import { describe, expect, it } from 'vitest';
import { ApiError } from '../../api.js';
import { errorsByPath, errorsUnder } from './field-errors.js';

describe('errorsByPath', () => {
  it('keys shape and business errors by their path inside the body', () => {
    const shape = new ApiError(400, 'invalid', 'Bad', 'body.definition.sections.1.questions.2.weight', [
      { field: 'body.definition.sections.1.questions.2.weight', message: 'Too big' },
      { field: 'body.title.fr', message: 'Required' },
    ]);
    expect(errorsByPath(shape)).toEqual({
      byPath: { 'definition.sections.1.questions.2.weight': 'Too big', 'title.fr': 'Required' },
      rest: null,
    });
    expect(errorsByPath(new ApiError(400, 'unknown_grid', 'No such grid', 'gridId')).byPath).toEqual({ gridId: 'No such grid' });
  });

  it('leaves an error without a field for the page', () => {
    expect(errorsByPath(new ApiError(409, 'archived', 'Archived'))).toEqual({ byPath: {}, rest: 'Archived' });
    expect(errorsByPath(new Error('x'))).toEqual({ byPath: {}, rest: null });
  });

  it('gathers the errors under a question, not those of its neighbours', () => {
    const byPath = { 'a.q.1.weight': 'w', 'a.q.1.showIf.questionId': 'c', 'a.q.10.id': 'other' };
    expect(errorsUnder(byPath, 'a.q.1').map(([k]) => k)).toEqual(['a.q.1.weight', 'a.q.1.showIf.questionId']);
  });
});
