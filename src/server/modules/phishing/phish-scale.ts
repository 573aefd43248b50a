/**
 * NIST Phish Scale (DOMAIN.md): how hard a phishing email is to detect depends on how many cues
 * it carries and on how well its premise fits the work of the people who receive it. Rates are
 * normalised by this difficulty, so it is computed here, never typed by a content writer.
 */
export const premiseAlignments = ['high', 'medium', 'low'] as const;
export type PremiseAlignment = (typeof premiseAlignments)[number];

export const cueBands = ['few', 'some', 'many'] as const;
export type CueBand = (typeof cueBands)[number];

export const difficulties = ['very-difficult', 'moderately-difficult', 'least-difficult'] as const;
export type Difficulty = (typeof difficulties)[number];

/** Cue count bands of the scale: 1–8 few, 9–14 some, 15 and more many. */
export function cueBand(cueCount: number): CueBand {
  if (!Number.isInteger(cueCount) || cueCount < 0) throw new RangeError(`cue count must be a non-negative integer, got ${cueCount}`);
  if (cueCount <= 8) return 'few';
  if (cueCount <= 14) return 'some';
  return 'many';
}

// Rows: cue band; columns: premise alignment. Fewer cues and a premise that fits the job make an
// email harder to spot.
const matrix: Record<CueBand, Record<PremiseAlignment, Difficulty>> = {
  few: { high: 'very-difficult', medium: 'very-difficult', low: 'moderately-difficult' },
  some: { high: 'very-difficult', medium: 'moderately-difficult', low: 'least-difficult' },
  many: { high: 'moderately-difficult', low: 'least-difficult', medium: 'least-difficult' },
};

export function detectionDifficulty(cueCount: number, alignment: PremiseAlignment): Difficulty {
  return matrix[cueBand(cueCount)][alignment];
}
