// The results card says what earns the next star: each chapter's nextStar reads its level's star
// thresholds, names the next one with the player's own numbers, and says when none is left.
import { describe, expect, it } from 'vitest';
import ch1 from '../../../src/levels/ch1';
import ch2 from '../../../src/levels/ch2';
import ch3 from '../../../src/levels/ch3';
import { nextThreshold } from '../../../src/levels/shared/nextStar';
import en from '../../../src/i18n/locales/en.json';
import zh from '../../../src/i18n/locales/zh-CN.json';

type Hint = { key: string; params: Record<string, string | number> } | null | undefined;
const hint = (chapter: typeof ch1, result: Record<string, unknown>): Hint =>
  chapter.nextStar?.(result as never, chapter.loadLevel());

describe('what earns the next star', () => {
  it('picks the threshold just above the stars earned', () => {
    const list = [{ stars: 3 }, { stars: 2 }];
    expect(nextThreshold(list, 1)?.stars).toBe(2);
    expect(nextThreshold(list, 2)?.stars).toBe(3);
    expect(nextThreshold(list, 3)).toBeNull();
  });

  it('chapter 1: one star after 142 trials names the 75-trial line for two stars', () => {
    const h = hint(ch1, { passed: true, stars: 1, trainingTrials: 142, showCorrect: 9, showSize: 10, showAttempts: 2 });
    expect(h).toEqual({ key: 'results.ch1.nextStar', params: { stars: 2, max: 75, trials: 142 } });
    const two = hint(ch1, {
      passed: true,
      stars: 2,
      trainingTrials: 60,
      showCorrect: 9,
      showSize: 10,
      showAttempts: 1,
    });
    expect(two?.params).toMatchObject({ stars: 3, max: 45 });
    const three = hint(ch1, {
      passed: true,
      stars: 3,
      trainingTrials: 30,
      showCorrect: 10,
      showSize: 10,
      showAttempts: 1,
    });
    expect(three?.key).toBe('results.nextStar.all');
  });

  it('chapter 2 and 3 name the right count and the rules or knobs allowed', () => {
    const two = hint(ch2 as typeof ch1, { passed: true, stars: 2, correct: 7, size: 8, rules: 3 });
    expect(two).toMatchObject({
      key: 'results.ch2.nextStar',
      params: { stars: 3, correct: 7, rules: 2, yourRules: 3 },
    });
    const one = hint(ch3 as typeof ch1, { passed: true, stars: 1, correct: 8, size: 10, knobs: 7 });
    expect(one).toMatchObject({ key: 'results.ch3.nextStar', params: { stars: 2, correct: 8, knobs: 7 } });
    const zero = hint(ch3 as typeof ch1, { passed: false, stars: 0, correct: 5, size: 10, knobs: 2 });
    expect(zero?.params.stars).toBe(1);
  });

  it('every hint key exists in both languages with the same placeholders', () => {
    for (const key of [
      'results.nextStar.all',
      'results.ch1.nextStar',
      'results.ch2.nextStar',
      'results.ch3.nextStar',
    ]) {
      const a = (en as Record<string, string>)[key];
      const b = (zh as Record<string, string>)[key];
      expect(a && b, key).toBeTruthy();
      const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
      expect(holes(b)).toEqual(holes(a));
    }
  });
});
