import { describe, expect, it } from 'vitest';
import raw from '../../../levels/03-apple-lamp.json';
import fruits from '../../../levels/fruits.json';
import { LevelFileError } from '../../../src/levels/shared/levelFile';
import { loadAppleLampLevel } from '../../../src/levels/ch3/appleLampLevel';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function problemsOf(data: unknown, fruitData: unknown = fruits): string[] {
  try {
    loadAppleLampLevel(data, fruitData);
  } catch (err) {
    expect(err).toBeInstanceOf(LevelFileError);
    return [...(err as LevelFileError).problems];
  }
  throw new Error('expected the level to be rejected');
}

describe('chapter 3 level file', () => {
  it('loads and joins the fruits it names', () => {
    const level = loadAppleLampLevel();
    expect(level.features).toEqual(['big', 'red', 'green', 'round', 'sweet', 'sour', 'fragrant']);
    expect(Object.keys(level.fruits)).toEqual(expect.arrayContaining([...level.basket, ...level.challenge.fruits]));
    expect(level.featureLabels[1]).toBe('feature.red');
  });

  it('the hidden basket is mostly fruits the conveyor never showed', () => {
    const level = loadAppleLampLevel();
    const unseen = level.challenge.fruits.filter((f) => !level.basket.includes(f));
    expect(unseen.length).toBeGreaterThan(level.challenge.fruits.length / 2);
  });

  it('names the field and the problem for a wrong type', () => {
    const bad = clone(raw) as Record<string, unknown>;
    (bad.knobs as { weight: { min: unknown } }).weight.min = 'low';
    const problems = problemsOf(bad);
    expect(problems.join('\n')).toMatch(/knobs\.weight\.min.*found the text "low"/);
  });

  it('rejects a knob range off its own grid, and a start outside it', () => {
    const bad = clone(raw);
    bad.knobs.weight.max = 3.2;
    bad.knobs.threshold.start = 9;
    const text = problemsOf(bad).join('\n');
    expect(text).toMatch(/knobs\.weight\.max.*fineSteps/);
    expect(text).toMatch(/knobs\.threshold\.start.*between min and max/);
  });

  it('rejects task targets that are not on the conveyor and an unknown tuning task', () => {
    const bad = clone(raw);
    bad.tasks[1].target = ['dragon-fruit'];
    bad.tuning.task = 'pear';
    const text = problemsOf(bad).join('\n');
    expect(text).toMatch(/tasks\[1\]\.target\[0\].*not on the conveyor/);
    expect(text).toMatch(/tuning\.task.*not one of the tasks/);
  });

  it('rejects star thresholds the hidden basket cannot reach', () => {
    const bad = clone(raw);
    bad.stars[0].minCorrect = 99;
    expect(problemsOf(bad).join('\n')).toMatch(/stars\[0\]\.minCorrect.*cannot be more/);
  });

  it('rejects fruits and features missing from fruits.json, naming the file', () => {
    const bad = clone(raw);
    bad.basket[1] = 'durian';
    bad.features[0] = 'spiky';
    try {
      loadAppleLampLevel(bad, fruits);
      throw new Error('expected a failure');
    } catch (err) {
      expect((err as Error).message).toMatch(/levels\/03-apple-lamp\.json/);
      expect((err as LevelFileError).problems.join('\n')).toMatch(/basket\[1\].*"durian" is not a fruit/);
      expect((err as LevelFileError).problems.join('\n')).toMatch(/features\[0\].*"spiky" is not a feature/);
    }
  });
});
