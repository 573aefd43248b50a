import { describe, expect, it } from 'vitest';
import { cueBand, detectionDifficulty } from './phish-scale.js';

describe('NIST Phish Scale', () => {
  it('puts cue counts in the bands 1–8, 9–14, 15+', () => {
    expect([1, 8, 9, 14, 15, 40].map(cueBand)).toEqual(['few', 'few', 'some', 'some', 'many', 'many']);
  });

  it('rejects a count that is not a natural number', () => {
    expect(() => cueBand(-1)).toThrow(RangeError);
    expect(() => cueBand(2.5)).toThrow(RangeError);
  });

  it.each([
    [5, 'high', 'very-difficult'],
    [5, 'medium', 'very-difficult'],
    [5, 'low', 'moderately-difficult'],
    [12, 'high', 'very-difficult'],
    [12, 'medium', 'moderately-difficult'],
    [12, 'low', 'least-difficult'],
    [16, 'high', 'moderately-difficult'],
    [16, 'medium', 'least-difficult'],
    [16, 'low', 'least-difficult'],
  ] as const)('%i cues with a %s premise alignment are %s to detect', (count, alignment, difficulty) => {
    expect(detectionDifficulty(count, alignment)).toBe(difficulty);
  });

  it('changes difficulty exactly at the band edges', () => {
    expect(detectionDifficulty(8, 'low')).toBe('moderately-difficult');
    expect(detectionDifficulty(9, 'low')).toBe('least-difficult');
    expect(detectionDifficulty(14, 'high')).toBe('very-difficult');
    expect(detectionDifficulty(15, 'high')).toBe('moderately-difficult');
  });
});
