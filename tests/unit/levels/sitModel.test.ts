import { describe, expect, it } from 'vitest';
import { loadSitLevel } from '../../../src/levels/ch1/sitLevel';
import {
  createSitState,
  giveCommand,
  giveFeedback,
  probabilityOf,
  resultOf,
  runShow,
  starsFor,
} from '../../../src/levels/ch1/sitModel';

const level = loadSitLevel();

describe('chapter 1 model', () => {
  it('starts with Bit choosing uniformly among the five actions', () => {
    const s = createSitState(level, 7);
    for (const a of level.actions) expect(probabilityOf(s, 'sit', a.id)).toBeCloseTo(1 / level.actions.length, 12);
  });

  it('a treat makes the rewarded action more likely for that command only', () => {
    let s = giveCommand(createSitState(level, 3), 'sit');
    const action = s.pending!.action;
    const before = probabilityOf(s, 'sit', action);
    s = giveFeedback(level, s, 'treat', false);
    expect(probabilityOf(s, 'sit', action)).toBeGreaterThan(before);
    expect(probabilityOf(s, 'speak', action)).toBeCloseTo(before, 12);
    expect(s.trainingTrials).toBe(1);
  });

  it('a scold makes the action less likely', () => {
    let s = giveCommand(createSitState(level, 4), 'shake');
    const action = s.pending!.action;
    const before = probabilityOf(s, 'shake', action);
    s = giveFeedback(level, s, 'scold', false);
    expect(probabilityOf(s, 'shake', action)).toBeLessThan(before);
  });

  it('refuses feedback without an action, and a second command before feedback', () => {
    const s = createSitState(level, 1);
    expect(() => giveFeedback(level, s, 'treat', false)).toThrow(/no action/);
    expect(() => giveCommand(giveCommand(s, 'sit'), 'sit')).toThrow(/waiting/);
  });

  it('the same seed and inputs give the same actions; another seed differs somewhere', () => {
    const run = (seed: number) => {
      let s = createSitState(level, seed);
      const actions: string[] = [];
      for (let i = 0; i < 20; i++) {
        s = giveCommand(s, 'sit');
        actions.push(s.pending!.action);
        s = giveFeedback(level, s, s.pending!.action === 'sit' ? 'treat' : 'scold', false);
      }
      return actions;
    };
    expect(run(42)).toEqual(run(42));
    expect(run(42)).not.toEqual(run(43));
  });

  it('an untrained Bit fails the show; stars follow the level file thresholds', () => {
    const s = runShow(level, createSitState(level, 9));
    const r = resultOf(level, s);
    expect(r.passed).toBe(false);
    expect(r.stars).toBe(0);
    expect(starsFor(level, 10)).toBe(3);
    expect(starsFor(level, level.stars[0].maxTrials + 1)).toBe(2);
    expect(starsFor(level, 10_000)).toBe(1);
  });
});
