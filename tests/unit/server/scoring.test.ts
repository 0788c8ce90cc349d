// The classroom's score: 100 points a star, plus up to 99 for accuracy (correct out of size,
// clamped), so stars always outweigh accuracy and equal stars are told apart by accuracy.
import { describe, expect, it } from 'vitest';
import { scoreOf } from '../../../src/server/scoring';

describe('the classroom score', () => {
  const table: [string, number, Record<string, number> | undefined, number][] = [
    ['no stats: stars only', 2, undefined, 200],
    ['stats without accuracy', 1, { trials: 31 }, 100],
    ['all correct', 3, { correct: 10, size: 10 }, 399],
    ['none correct', 3, { correct: 0, size: 10 }, 300],
    ['7 of 10 (floor of 69.3)', 2, { correct: 7, size: 10 }, 269],
    ['1 of 3 (floor of 33)', 1, { correct: 1, size: 3 }, 133],
    ['2 of 3 (floor of 66)', 1, { correct: 2, size: 3 }, 166],
    ['more correct than cases is clamped to all', 1, { correct: 12, size: 10 }, 199],
    ['a negative count is clamped to none', 1, { correct: -4, size: 10 }, 100],
    ['an empty test adds nothing', 1, { correct: 0, size: 0 }, 100],
    ['a negative size adds nothing', 1, { correct: 3, size: -5 }, 100],
    ['no stars, all correct', 0, { correct: 5, size: 5 }, 99],
  ];
  for (const [name, stars, stats, score] of table) {
    it(`${name}: ${stars} stars → ${score}`, () => expect(scoreOf(stars, stats)).toBe(score));
  }

  it('stars always outweigh accuracy', () => {
    for (let stars = 0; stars < 3; stars++) {
      for (let size = 1; size <= 40; size++) {
        for (let correct = -1; correct <= size + 1; correct++) {
          const best = scoreOf(stars, { correct, size });
          expect(best).toBeLessThan(scoreOf(stars + 1, { correct: 0, size }));
          expect(best).toBeGreaterThanOrEqual(stars * 100);
        }
      }
    }
  });

  it('equal stars are told apart by accuracy, never the wrong way', () => {
    for (let size = 1; size <= 40; size++) {
      for (let correct = 0; correct < size; correct++) {
        expect(scoreOf(2, { correct, size })).toBeLessThanOrEqual(scoreOf(2, { correct: correct + 1, size }));
      }
      expect(scoreOf(2, { correct: 0, size })).toBeLessThan(scoreOf(2, { correct: size, size }));
    }
  });
});
