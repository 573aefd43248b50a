import { describe, expect, it } from 'vitest';
import { answerText, optionLabels, scoreText } from './answer-text.js';

const words = { yes: 'Oui', no: 'Non', partial: 'En partie' };

describe('review display', () => {
  it('words the stored answers', () => {
    expect(answerText('yes', words)).toBe('Oui');
    expect(answerText('partial', words)).toBe('En partie');
    expect(answerText(['a', 'b'], words)).toBe('a, b');
    expect(answerText(42, words)).toBe('42');
    expect(answerText(null, words)).toBe('');
  });
  it('shows option labels from the frozen grid', () => {
    const grid = {
      sections: [
        {
          questions: [
            {
              id: 'q1',
              type: 'single',
              options: [
                { id: 'deleted', label: { fr: 'Supprimées', en: 'Deleted' } },
                { id: 'yes', label: { fr: 'Rendues', en: 'Returned' } },
              ],
            },
            { id: 'q2', type: 'yes_no' },
          ],
        },
      ],
    };
    const labels = optionLabels(grid, 'fr');
    expect(answerText('deleted', words, labels.get('q1'))).toBe('Supprimées');
    expect(answerText(['yes', 'deleted'], words, optionLabels(grid, 'en').get('q1'))).toBe('Returned, Deleted');
    expect(answerText('yes', words, labels.get('q2'))).toBe('Oui');
    expect(optionLabels(undefined, 'fr').size).toBe(0);
  });
  it('shows a score with one decimal or a dash', () => {
    expect(scoreText(null, 'fr')).toBe('—');
    expect(scoreText(66.7, 'en')).toBe('66.7\u00a0%');
    expect(scoreText(50, 'fr')).toBe('50\u00a0%');
  });
});
