import { describe, expect, it } from 'vitest';
import {
  createRng,
  descendLandscape,
  landscapeGradient,
  landscapeLoss,
  leastSquaresKnobs,
  meanSquaredError,
  nearestWell,
  polyFit,
  polyValue,
  type Point,
} from '../../../src/engine';

/** The plain reference: the normal equations (AᵀA) K = Aᵀy solved by Gaussian elimination. */
function normalEquations(points: Point[], degree: number): number[] {
  const m = degree + 1;
  const M = Array.from({ length: m }, (_, r) =>
    Array.from({ length: m + 1 }, (_, c) => points.reduce((s, p) => s + p.x ** r * (c < m ? p.x ** c : p.y), 0)),
  );
  for (let k = 0; k < m; k++) {
    let piv = k;
    for (let r = k + 1; r < m; r++) if (Math.abs(M[r][k]) > Math.abs(M[piv][k])) piv = r;
    [M[k], M[piv]] = [M[piv], M[k]];
    for (let r = k + 1; r < m; r++) {
      const f = M[r][k] / M[k][k];
      for (let c = k; c <= m; c++) M[r][c] -= f * M[k][c];
    }
  }
  const x = new Array<number>(m).fill(0);
  for (let k = m - 1; k >= 0; k--) {
    let s = M[k][m];
    for (let c = k + 1; c < m; c++) s -= M[k][c] * x[c];
    x[k] = s / M[k][k];
  }
  return x;
}

const rng = createRng(9);
const points: Point[] = Array.from({ length: 12 }, (_, i) => {
  const x = -1 + (2 * i) / 11;
  return { x, y: Math.sin(2 * x) + rng.normal(0, 0.1) };
});

describe('polyFit', () => {
  it('agrees with the normal equations for low degrees', () => {
    for (let d = 0; d <= 4; d++) {
      const a = polyFit(points, d);
      const b = normalEquations(points, d);
      a.forEach((v, i) => expect(v).toBeCloseTo(b[i], 8));
    }
  });

  it('agrees with the engine’s descent-based least squares at degree 5', () => {
    const exact = polyFit(points, 5);
    const other = leastSquaresKnobs([0, 0, 0, 0, 0, 0], points);
    exact.forEach((v, i) => expect(v).toBeCloseTo(other[i], 5));
  });

  it('threads every point when it has as many knobs as points, and the training error only falls', () => {
    const k = polyFit(points, points.length - 1);
    for (const p of points) expect(polyValue(k, p.x)).toBeCloseTo(p.y, 8);
    let prev = Number.POSITIVE_INFINITY;
    for (let d = 0; d < points.length; d++) {
      const e = meanSquaredError(polyFit(points, d), points);
      expect(e).toBeLessThanOrEqual(prev + 1e-12);
      prev = e;
    }
  });

  it('refuses degrees it cannot pin down', () => {
    expect(() => polyFit(points.slice(0, 3), 3)).toThrow(/at least 4 points/);
    expect(() =>
      polyFit(
        [
          { x: 1, y: 1 },
          { x: 1, y: 2 },
        ],
        1,
      ),
    ).toThrow(/pin down/);
    expect(() => polyFit(points, 1.5)).toThrow(/degree/);
  });
});

describe('a landscape with two valleys', () => {
  const land = {
    bowl: 0.06,
    wells: [
      { at: [1.1, 0.9] as const, depth: 1, width: 0.55 },
      { at: [-1, -0.8] as const, depth: 1.8, width: 0.7 },
    ],
  };

  it('has the gradient a central difference measures', () => {
    for (const [a, b] of [
      [0.3, -0.2],
      [1.5, 2],
      [-1.2, 0.4],
    ]) {
      const [ga, gb] = landscapeGradient(land, a, b);
      const h = 1e-6;
      expect(ga).toBeCloseTo((landscapeLoss(land, a + h, b) - landscapeLoss(land, a - h, b)) / (2 * h), 6);
      expect(gb).toBeCloseTo((landscapeLoss(land, a, b + h) - landscapeLoss(land, a, b - h)) / (2 * h), 6);
    }
  });

  it('sends the same descent into different valleys from different starts', () => {
    const end = (s: [number, number]) => {
      const p = descendLandscape(land, s, 0.15, 80);
      return p[p.length - 1];
    };
    const [a, b] = [end([2.2, 2]), end([2.2, -1.8])];
    expect(nearestWell(land, a[0], a[1])).toBe(0);
    expect(nearestWell(land, b[0], b[1])).toBe(1);
    expect(landscapeLoss(land, b[0], b[1])).toBeLessThan(landscapeLoss(land, a[0], a[1]));
    expect(descendLandscape(land, [2.2, 2], 0.15, 80)).toEqual(descendLandscape(land, [2.2, 2], 0.15, 80));
  });
});
