import { describe, expect, it } from 'vitest';
import { centralDifferenceGradient, maxRelativeError } from '../../../../src/engine';
import { loadFoggyLevel } from '../../../../src/levels/ch5/foggyLevel';
import { LevelFileError } from '../../../../src/levels/shared/levelFile';
import {
  autoSteps,
  gradient,
  loss,
  startAuto,
  startWalk,
  starsFor,
  walkStep,
} from '../../../../src/levels/ch5/foggyModel';
import { bowl, fogCells } from '../../../../src/levels/ch5/foggyMap';
import raw from '../../../../levels/05-foggy-mountain.json';
import { level } from './ch5-player';

describe('chapter 5 level file', () => {
  it('loads, with the valley floor below every target', () => {
    expect(level.best).toHaveLength(6);
    expect(level.bestLoss).toBeLessThan(level.challenge.target);
  });

  it('names the broken field when a target cannot be reached', () => {
    const bad = structuredClone(raw);
    bad.challenge.target = 0.01;
    expect(() => loadFoggyLevel(bad)).toThrow(LevelFileError);
    expect(() => loadFoggyLevel(bad)).toThrow(/challenge\.target/);
  });

  it('names the broken field when a start is off the map', () => {
    const bad = structuredClone(raw);
    bad.fog1.start = 9;
    expect(() => loadFoggyLevel(bad)).toThrow(/fog1\.start/);
  });
});

describe('chapter 5 loss and slope', () => {
  it('the gradient matches a central finite difference at several settings', () => {
    for (const k of [[0, 0, 0, 0, 0, 0], [0.5, -1, 2, 0.3, -0.7, 1.1], level.best]) {
      const fd = centralDifferenceGradient((x) => loss(level, x), k);
      expect(maxRelativeError(fd, gradient(level, k))).toBeLessThan(1e-6);
    }
  });
});

describe('chapter 5 fog walks', () => {
  it('a small step goes down; a big one jumps across the valley and says so', () => {
    const w = startWalk(level, 'fog1');
    const small = walkStep(level, 'fog1', w, 0.05);
    expect(small.last?.kind).toBe('down');
    expect(small.overshoots).toBe(0);
    const big = walkStep(level, 'fog1', w, 0.15);
    expect(big.last?.kind).toBe('across');
    expect(big.overshoots).toBe(1);
    // The knob landed on the other side of the valley floor.
    expect(Math.sign(big.knobs[1] - level.best[1])).toBe(-Math.sign(w.knobs[1] - level.best[1]));
  });

  it('a step that would leave the map is refused; knobs stay finite and unchanged', () => {
    const w = startWalk(level, 'fog1');
    const r = walkStep(level, 'fog1', w, 0.25);
    expect(r.last?.kind).toBe('offMap');
    expect(r.knobs).toEqual(w.knobs);
    expect(r.steps).toBe(0);
    expect(r.refused).toBe(1);
  });

  it('a step that would blow up is refused', () => {
    const r = walkStep(level, 'fog2', startWalk(level, 'fog2'), 1e200);
    expect(r.last?.kind).toBe('blowUp');
    expect(r.knobs.every(Number.isFinite)).toBe(true);
  });

  it('two knobs: only K1 and K2 move, and the walk reaches the target', () => {
    let w = startWalk(level, 'fog2');
    for (let i = 0; i < 3; i++) w = walkStep(level, 'fog2', w, 0.1);
    expect(w.reached).toBe(true);
    expect([w.knobs[0], w.knobs[3], w.knobs[4], w.knobs[5]]).toEqual([level.best[0], ...level.best.slice(3)]);
    expect(w.trail).toHaveLength(4);
  });

  it('stars by steps plus overshoots', () => {
    expect(starsFor(level, true, 3)).toBe(3);
    expect(starsFor(level, true, 5)).toBe(2);
    expect(starsFor(level, true, 9)).toBe(1);
    expect(starsFor(level, false, 1)).toBe(0);
  });

  it('the fog lifts only around places stood on', () => {
    const start = startWalk(level, 'fog2');
    const fog = fogCells(level, start.trail);
    const clear = fog.filter((f) => !f).length;
    expect(clear).toBeGreaterThan(0);
    expect(clear).toBeLessThan(fog.length / 10);
    expect(bowl(level).segments.length).toBeGreaterThan(50);
  });
});

describe('chapter 5 automatic descent', () => {
  it('momentum gets lower than plain descent in the same number of steps', () => {
    const run = autoSteps(level, startAuto(level, 0.04, 0.9), 50);
    const plain = run.plain.losses.at(-1)!;
    const heavy = run.heavy.losses.at(-1)!;
    expect(heavy).toBeLessThan(plain);
    expect(run.plain.path).toHaveLength(51);
    // Momentum's path differs from plain descent's after the first step.
    expect(run.heavy.path[5]).not.toEqual(run.plain.path[5]);
  });

  it('too big a learning rate diverges safely: the track stops, every number stays finite', () => {
    const run = autoSteps(level, startAuto(level, 0.08, 0), 50);
    expect(run.plain.diverged).toBe(true);
    expect(run.plain.losses.every(Number.isFinite)).toBe(true);
    expect(run.plain.knobs.every(Number.isFinite)).toBe(true);
    expect(run.heavy.diverged).toBe(true);
    const saved = autoSteps(level, startAuto(level, 0.08, 0.5), 50);
    expect(saved.heavy.diverged).toBe(false);
  });
});
