import { describe, expect, it } from 'vitest';
import {
  centralDifferenceGradient,
  crossedValley,
  descentStep,
  leastSquaresKnobs,
  maxRelativeError,
  momentumStep,
  solveLinear,
  sseGradient,
  sseLoss,
} from '../../../src/engine';

const points = [
  { x: -1, y: 1.5 },
  { x: -0.5, y: 0.2 },
  { x: 0, y: -0.1 },
  { x: 0.5, y: 0.4 },
  { x: 1, y: 2.1 },
  { x: 0.25, y: 0.05 },
];

describe('momentum descent', () => {
  it('with momentum 0 it is exactly plain descent', () => {
    const k = [0.3, -0.2, 0.5];
    const plain = descentStep(k, points, 0.05);
    const heavy = momentumStep(k, [0, 0, 0], points, 0.05, 0);
    expect(heavy.knobs).toEqual(plain.knobs);
    expect(heavy.loss).toBe(plain.loss);
  });

  it('keeps rolling: two steps on one knob match the hand-computed heavy ball', () => {
    // One knob K0, points y = 1 and y = 3 at any x: L = (K-1)^2 + (K-3)^2, dL/dK = 4K - 8.
    const pts = [
      { x: 0, y: 1 },
      { x: 0, y: 3 },
    ];
    // From K = 0, v = 0, lr = 0.1, beta = 0.5:
    //   g = -8, v = 0.5*0 - 0.1*(-8) = 0.8, K = 0.8
    //   g = 4*0.8 - 8 = -4.8, v = 0.5*0.8 + 0.48 = 0.88, K = 1.68
    const s1 = momentumStep([0], [0], pts, 0.1, 0.5);
    expect(s1.knobs[0]).toBeCloseTo(0.8, 12);
    const s2 = momentumStep(s1.knobs, s1.velocity, pts, 0.1, 0.5);
    expect(s2.velocity[0]).toBeCloseTo(0.88, 12);
    expect(s2.knobs[0]).toBeCloseTo(1.68, 12);
  });

  it('holds knobs that are not free', () => {
    const s = momentumStep([1, 1, 1], [0, 0, 0], points, 0.05, 0.9, { free: [1] });
    expect(s.knobs[0]).toBe(1);
    expect(s.knobs[2]).toBe(1);
    expect(s.knobs[1]).not.toBe(1);
  });

  it('refuses a step that blows up and returns finite numbers', () => {
    const s = momentumStep([1, 1, 1], [0, 0, 0], points, 1e9, 0.5, { maxLoss: 1e6 });
    expect(s.status).toBe('diverged');
    expect(s.knobs).toEqual([1, 1, 1]);
    expect([...s.knobs, ...s.velocity, s.loss, ...s.gradient].every(Number.isFinite)).toBe(true);
  });

  it('rejects bad settings', () => {
    expect(() => momentumStep([0], [0], points, 0.1, 1)).toThrow(/momentum/);
    expect(() => momentumStep([0], [0], points, 0, 0.5)).toThrow(/learning rate/);
    expect(() => momentumStep([0], [0, 0], points, 0.1, 0.5)).toThrow(/velocity/);
  });
});

describe('least squares and the valley floor', () => {
  it('solves a small linear system', () => {
    // 2a + b = 5, a + 3b = 10  =>  a = 1, b = 3
    const z = solveLinear(
      [
        [2, 1],
        [1, 3],
      ],
      [5, 10],
    );
    expect(z[0]).toBeCloseTo(1, 12);
    expect(z[1]).toBeCloseTo(3, 12);
  });

  it('finds knobs where every slope is zero, as the finite difference agrees', () => {
    const best = leastSquaresKnobs([0, 0, 0, 0], points);
    const g = sseGradient(best, points);
    for (const v of g) expect(Math.abs(v)).toBeLessThan(1e-9);
    const fd = centralDifferenceGradient((k) => sseLoss(k, points), best);
    expect(maxRelativeError(fd, g)).toBeLessThan(1e-6);
  });

  it('with some knobs held, solves only the free ones', () => {
    const best = leastSquaresKnobs([0.5, 0, 0, 0.2], points, [1, 2]);
    expect(best[0]).toBe(0.5);
    expect(best[3]).toBe(0.2);
    const g = sseGradient(best, points);
    expect(Math.abs(g[1])).toBeLessThan(1e-9);
    expect(Math.abs(g[2])).toBeLessThan(1e-9);
  });

  it('says a step crossed the valley when the slope along it flips', () => {
    expect(crossedValley([2, 0], [-1, 0.1])).toBe(true);
    expect(crossedValley([2, 1], [1, 0.5])).toBe(false);
  });
});
