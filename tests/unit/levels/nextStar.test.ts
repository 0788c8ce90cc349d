// The results card says what earns the next star: each chapter's nextStar reads its level's star
// thresholds, names the next one with the player's own numbers, and says when none is left.
import { describe, expect, it } from 'vitest';
import ch1 from '../../../src/levels/ch1';
import ch2 from '../../../src/levels/ch2';
import ch3 from '../../../src/levels/ch3';
import ch4 from '../../../src/levels/ch4';
import ch5 from '../../../src/levels/ch5';
import ch4En from '../../../src/i18n/locales/ch4.en.json';
import ch4Zh from '../../../src/i18n/locales/ch4.zh-CN.json';
import ch5En from '../../../src/i18n/locales/ch5.en.json';
import ch5Zh from '../../../src/i18n/locales/ch5.zh-CN.json';
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

  it('chapter 4 names the next threshold of the point set played, from the level file', () => {
    const level = ch4.loadLevel() as {
      lab: { datasets: { id: string; passAt: number; stars: { stars: number }[] }[] };
    };
    const set = (id: string) => level.lab.datasets.find((d) => d.id === id);
    const run = { passed: true, correct: 55, size: 60, epochs: 300, runs: 1, bitSteps: 4 };
    // Circle, one star (91 % with 6 neurons): two stars ask 95 % with at most 8.
    const one = hint(ch4 as typeof ch1, { ...run, stars: 1, dataset: 'circle', neurons: 6 });
    expect(one).toEqual({
      key: 'results.ch4.nextStar.circle',
      params: { stars: 2, percent: 95, neurons: 8, yourPercent: 91, yourNeurons: 6 },
    });
    // Circle, two stars: three stars need the same 95 % with at most 4 neurons.
    const two = hint(ch4 as typeof ch1, { ...run, correct: 58, stars: 2, dataset: 'circle', neurons: 8 });
    expect(two?.params).toMatchObject({ stars: 3, percent: 95, neurons: 4 });
    // Moons has its own thresholds; the spiral's two stars ask 85 %, three 90 %.
    const moons = hint(ch4 as typeof ch1, { ...run, correct: 58, stars: 2, dataset: 'moons', neurons: 8 });
    expect(moons).toMatchObject({ key: 'results.ch4.nextStar.moons', params: { stars: 3, neurons: 6 } });
    const spiral = hint(ch4 as typeof ch1, { ...run, correct: 49, stars: 1, dataset: 'spiral', neurons: 12 });
    expect(spiral).toMatchObject({
      key: 'results.ch4.nextStar.spiral',
      params: { stars: 2, percent: 85, yourPercent: 81 },
    });
    expect(set('spiral')?.passAt).toBe(0.8);
    // No star yet: the first asks the point set's passAt.
    const none = hint(ch4 as typeof ch1, { ...run, correct: 40, stars: 0, dataset: 'moons', neurons: 3 });
    expect(none?.params).toMatchObject({ stars: 1, percent: 90, yourPercent: 66 });
    const three = hint(ch4 as typeof ch1, { ...run, correct: 59, stars: 3, dataset: 'circle', neurons: 3 });
    expect(three?.key).toBe('results.nextStar.all');
  });

  it("chapter 4 never shows the player's percent at a threshold they missed", () => {
    // 56.9 of 60 cannot happen, but 94.8 % of 58 can: 55 of 58 rounds to 95 and must read 94.
    const h = hint(ch4 as typeof ch1, {
      passed: true,
      stars: 1,
      dataset: 'circle',
      correct: 55,
      size: 58,
      neurons: 5,
      epochs: 1,
      runs: 1,
      bitSteps: 0,
    });
    expect(h?.params).toMatchObject({ percent: 95, yourPercent: 94 });
  });

  it('chapter 5 names the score the next star allows, or reaching the target for the first', () => {
    const run = { passed: true, steps: 5, overshoots: 1, runs: 1, handLoss: 1, autoSteps: 10, gearTries: 1 };
    const one = hint(ch5 as typeof ch1, { ...run, stars: 1, score: 6 });
    expect(one).toEqual({ key: 'results.ch5.nextStar', params: { stars: 2, max: 5, score: 6 } });
    const two = hint(ch5 as typeof ch1, { ...run, stars: 2, score: 4 });
    expect(two).toEqual({ key: 'results.ch5.nextStar', params: { stars: 3, max: 3, score: 4 } });
    const none = hint(ch5 as typeof ch1, { ...run, passed: false, stars: 0, score: 13 });
    expect(none).toEqual({ key: 'results.ch5.nextStar.reach', params: { target: 0.5, max: 12 } });
    expect(hint(ch5 as typeof ch1, { ...run, stars: 3, score: 3 })?.key).toBe('results.nextStar.all');
  });

  it('chapter 4 and 5 hint keys exist in both languages with the same placeholders', () => {
    const holes = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();
    const pairs: [Record<string, string>, Record<string, string>, string[]][] = [
      [ch4En, ch4Zh, ['results.ch4.nextStar.circle', 'results.ch4.nextStar.moons', 'results.ch4.nextStar.spiral']],
      [ch5En, ch5Zh, ['results.ch5.nextStar', 'results.ch5.nextStar.reach']],
    ];
    for (const [a, b, keys] of pairs)
      for (const key of keys) {
        expect(a[key] && b[key], key).toBeTruthy();
        expect(holes(b[key])).toEqual(holes(a[key]));
      }
    // Every placeholder a hint fills is in its text, and every text placeholder is filled.
    const ch4Hint = hint(ch4 as typeof ch1, {
      passed: true,
      stars: 1,
      dataset: 'spiral',
      correct: 50,
      size: 60,
      neurons: 9,
      epochs: 1,
      runs: 1,
      bitSteps: 0,
    });
    expect(Object.keys(ch4Hint?.params ?? {}).sort()).toEqual(holes(ch4En['results.ch4.nextStar.spiral']));
    const ch5Hint = hint(ch5 as typeof ch1, {
      passed: true,
      stars: 1,
      steps: 6,
      overshoots: 0,
      score: 6,
      runs: 1,
      handLoss: 1,
      autoSteps: 1,
      gearTries: 1,
    });
    expect(Object.keys(ch5Hint?.params ?? {}).sort()).toEqual(holes(ch5En['results.ch5.nextStar']));
    const reach = hint(ch5 as typeof ch1, {
      passed: false,
      stars: 0,
      steps: 12,
      overshoots: 0,
      score: 12,
      runs: 1,
      handLoss: 1,
      autoSteps: 1,
      gearTries: 1,
    });
    expect(Object.keys(reach?.params ?? {}).sort()).toEqual(holes(ch5En['results.ch5.nextStar.reach']));
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
