import { describe, expect, it } from 'vitest';
import { centralDifferenceGradient, maxRelativeError } from '../../../src/engine/gradientCheck';
import {
  descentStep,
  gradientDescent,
  linspace,
  lossSlice1D,
  lossSlice2D,
  polyValue,
  sseGradient,
  sseLoss,
  type Point,
} from '../../../src/engine/polynomial';
import { createRng } from '../../../src/engine/random';

/** Points on y = 1 - 2x + 0.5x^2 for x in [-1, 1], plus optional seeded noise. */
function quadraticPoints(noise = 0, seed = 1): Point[] {
  const rng = createRng(seed);
  return linspace(-1, 1, 21).map((x) => ({ x, y: 1 - 2 * x + 0.5 * x * x + rng.normal(0, noise) }));
}

describe('polynomial', () => {
  it('evaluates f(x) = K0 + K1 x + ... + K5 x^5', () => {
    expect(polyValue([1, 2, 3, 4, 5, 6], 2)).toBe(1 + 4 + 12 + 32 + 80 + 192);
    expect(polyValue([7], 100)).toBe(7);
  });

  it('loss by hand: f = 1 + x on (0, 0), (1, 3)', () => {
    // residuals f(0) - 0 = 1, f(1) - 3 = -1  ->  L = 1 + 1 = 2
    // dL/dK0 = 2(1)(1) + 2(-1)(1) = 0;  dL/dK1 = 2(1)(0) + 2(-1)(1) = -2
    const pts = [
      { x: 0, y: 0 },
      { x: 1, y: 3 },
    ];
    expect(sseLoss([1, 1], pts)).toBe(2);
    expect(sseGradient([1, 1], pts)).toEqual([0, -2]);
  });

  it('exact gradient matches central differences, all six knobs', () => {
    const rng = createRng(5);
    const pts = Array.from({ length: 15 }, () => ({ x: rng.uniform(-1.5, 1.5), y: rng.normal(0, 2) }));
    for (let trial = 0; trial < 20; trial++) {
      const knobs = Array.from({ length: 6 }, () => rng.uniform(-2, 2));
      const numeric = centralDifferenceGradient((k) => sseLoss(k, pts), knobs, 1e-5);
      expect(maxRelativeError(sseGradient(knobs, pts), numeric)).toBeLessThan(1e-7);
    }
  });

  it('descent with a good learning rate converges to the generating curve', () => {
    const run = gradientDescent([0, 0, 0], quadraticPoints(), 0.01, 3000);
    expect(run.statuses.every((s) => s === 'converging')).toBe(true);
    for (let i = 1; i < run.losses.length; i++) expect(run.losses[i]).toBeLessThanOrEqual(run.losses[i - 1] + 1e-12);
    expect(run.losses.at(-1)).toBeLessThan(1e-8);
    expect(run.knobs[0]).toBeCloseTo(1, 4);
    expect(run.knobs[1]).toBeCloseTo(-2, 4);
    expect(run.knobs[2]).toBeCloseTo(0.5, 4);
  });

  it('a huge learning rate overshoots, then reports divergence, never NaN', () => {
    const pts = quadraticPoints(0.1);
    const run = gradientDescent([0, 0, 0, 0, 0, 0], pts, 5, 500);
    expect(run.statuses[0]).toBe('overshooting');
    expect(run.statuses.at(-1)).toBe('diverged');
    expect(run.losses.every(Number.isFinite)).toBe(true);
    expect(run.knobs.every(Number.isFinite)).toBe(true);
    // A single step from the kept knobs keeps reporting diverged with the same finite knobs.
    const again = descentStep(run.knobs, pts, 5);
    expect(again.status).toBe('diverged');
    expect(again.knobs).toEqual(run.knobs);
    expect(Number.isFinite(again.loss)).toBe(true);
    // Even from absurd knobs whose step would overflow.
    const wild = descentStep([1e150, 1e150], pts, 1e10);
    expect(wild.status).toBe('diverged');
    expect(wild.knobs).toEqual([1e150, 1e150]);
  });

  it('one knob in the fog: only the free knob moves', () => {
    const step = descentStep([1, 0, 0.5], quadraticPoints(), 0.01, { free: [1] });
    expect(step.knobs[0]).toBe(1);
    expect(step.knobs[2]).toBe(0.5);
    expect(step.knobs[1]).toBeLessThan(0); // slope says K1 should go toward -2
    expect(step.gradient[0]).toBe(0);
    expect(step.gradient[2]).toBe(0);
    expect(step.status).toBe('converging');
  });

  it('1-D and 2-D loss slices', () => {
    const pts = quadraticPoints();
    const values = linspace(-4, 0, 41);
    const slice = lossSlice1D([1, 0, 0.5], pts, 1, values);
    expect(slice).toHaveLength(41);
    expect(slice[10]).toBeCloseTo(sseLoss([1, values[10], 0.5], pts), 12);
    const best = slice.indexOf(Math.min(...slice));
    expect(values[best]).toBeCloseTo(-2, 10); // the valley floor at K1 = -2
    const cols = linspace(-3, -1, 5);
    const rows = linspace(0, 1, 3);
    const grid = lossSlice2D([1, 0, 0], pts, 1, cols, 2, rows);
    expect(grid).toHaveLength(3);
    expect(grid[0]).toHaveLength(5);
    expect(grid[1][2]).toBeCloseTo(sseLoss([1, cols[2], rows[1]], pts), 12);
    expect(grid[1][2]).toBeCloseTo(0, 12); // (K1, K2) = (-2, 0.5) is the exact fit
  });

  it('is deterministic, and each run is the descent computed independently in matrix form', () => {
    // Reference: with the design matrix X[i][j] = x_i^j (Math.pow, not Horner), residuals
    // r = X K - y, loss r.r, gradient 2 X^T r, and K <- K - lr * gradient on the free knobs.
    function reference(start: number[], pts: Point[], lr: number, steps: number, free: number[]) {
      const X = pts.map((p) => start.map((_, j) => p.x ** j));
      const lossAt = (k: number[]) =>
        pts.reduce((sum, p, i) => sum + (X[i].reduce((f, xij, j) => f + xij * k[j], 0) - p.y) ** 2, 0);
      let k = [...start];
      const losses = [lossAt(k)];
      for (let s = 0; s < steps; s++) {
        const r = pts.map((p, i) => X[i].reduce((f, xij, j) => f + xij * k[j], 0) - p.y);
        const grad = k.map((_, j) => 2 * r.reduce((sum, ri, i) => sum + X[i][j] * ri, 0));
        k = k.map((kj, j) => (free.includes(j) ? kj - lr * grad[j] : kj));
        losses.push(lossAt(k));
      }
      return { knobs: k, losses };
    }
    const close = (got: number[], want: number[]) =>
      got.forEach((g, i) => expect(Math.abs(g - want[i])).toBeLessThanOrEqual(1e-9 * Math.max(1, Math.abs(want[i]))));

    for (const free of [
      [0, 1, 2, 3],
      [1, 3],
    ]) {
      const run = () => gradientDescent([0, 0, 0, 0], quadraticPoints(0.2, 9), 0.005, 200, { free });
      const a = run();
      // An unrelated run in between: no state may carry over from one call to the next.
      gradientDescent([3, -1, 2], quadraticPoints(0.5, 4), 0.02, 50);
      const b = run();
      expect(b).toEqual(a);
      const ref = reference([0, 0, 0, 0], quadraticPoints(0.2, 9), 0.005, 200, free);
      expect(a.statuses).toEqual(new Array(200).fill('converging'));
      expect(a.losses).toHaveLength(201);
      close(a.knobs, ref.knobs);
      close(a.losses, ref.losses);
      // The knobs held still stayed at 0; the run really moved the others.
      for (let j = 0; j < 4; j++) {
        if (free.includes(j)) expect(Math.abs(a.knobs[j])).toBeGreaterThan(0.01);
        else expect(a.knobs[j]).toBe(0);
      }
      expect(a.losses[200]).toBeLessThan(free.length === 4 ? a.losses[0] / 2 : a.losses[0]);
    }
  });

  it('bad input throws a message naming the problem', () => {
    const pts = quadraticPoints();
    expect(() => sseLoss([0, 0, 0, 0, 0, 0, 0], pts)).toThrow(/degree up to 5/);
    expect(() => sseLoss([0, Number.NaN], pts)).toThrow(/knob K1/);
    expect(() => sseLoss([0], [])).toThrow(/points/);
    expect(() => sseLoss([0], [{ x: 1, y: Number.NaN }])).toThrow(/point 0/);
    expect(() => descentStep([0], pts, 0)).toThrow(/learning rate/);
    expect(() => descentStep([0, 0], pts, 0.1, { free: [2] })).toThrow(/free knob 2/);
    expect(() => lossSlice1D([0, 0], pts, 3, [0])).toThrow(/slice knob 3/);
    expect(() => lossSlice2D([0, 0], pts, 1, [0], 1, [0])).toThrow(/two different knobs/);
    expect(() => linspace(0, 1, 1)).toThrow(/linspace/);
  });
});
