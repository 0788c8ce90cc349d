// Least-squares polynomial fits of any degree up to MAX_FIT_DEGREE: the exact minimiser of the sum
// of squared errors, found by Householder QR on the design matrix (x^0 .. x^d per point), which
// stays accurate where the normal equations lose digits. With as many knobs as points the curve
// threads every point (interpolation). Chapter 5's overfitting part refits with it at each degree.
//
//   minimise  sum_i (K0 + K1 x_i + ... + Kd x_i^d - y_i)^2
//   A = Q R  (Householder reflections applied to A and y),  then solve  R K = (Q^T y)[0..d]
import { polyValue, type Point } from './polynomial';

export const MAX_FIT_DEGREE = 15;

function checkFit(points: readonly Point[], degree: number): void {
  if (!Number.isInteger(degree) || degree < 0 || degree > MAX_FIT_DEGREE)
    throw new Error(`degree must be an integer in 0..${MAX_FIT_DEGREE}, got ${String(degree)}`);
  if (!Array.isArray(points) || points.length < degree + 1)
    throw new Error(`a degree-${degree} fit needs at least ${degree + 1} points`);
  points.forEach((p, i) => {
    if (typeof p !== 'object' || p === null || !Number.isFinite(p.x) || !Number.isFinite(p.y))
      throw new Error(`point ${i} must have finite x and y`);
  });
}

/** The knobs K0..Kd of the least-squares polynomial of the given degree through the points. */
export function polyFit(points: readonly Point[], degree: number): number[] {
  checkFit(points, degree);
  const n = points.length;
  const m = degree + 1;
  const a = points.map((p) => {
    const row: number[] = [];
    let v = 1;
    for (let j = 0; j < m; j++) {
      row.push(v);
      v *= p.x;
    }
    return row;
  });
  const b = points.map((p) => p.y);
  const v = new Array<number>(n).fill(0);
  for (let k = 0; k < m; k++) {
    let norm = 0;
    for (let i = k; i < n; i++) norm += a[i][k] * a[i][k];
    norm = Math.sqrt(norm);
    if (norm === 0) throw new Error('the points do not pin down every knob (repeated x values?)');
    const alpha = a[k][k] > 0 ? -norm : norm;
    let vv = 0;
    for (let i = k; i < n; i++) {
      v[i] = a[i][k] - (i === k ? alpha : 0);
      vv += v[i] * v[i];
    }
    if (vv === 0) continue;
    for (let j = k; j < m; j++) {
      let s = 0;
      for (let i = k; i < n; i++) s += v[i] * a[i][j];
      s = (2 * s) / vv;
      for (let i = k; i < n; i++) a[i][j] -= s * v[i];
    }
    let s = 0;
    for (let i = k; i < n; i++) s += v[i] * b[i];
    s = (2 * s) / vv;
    for (let i = k; i < n; i++) b[i] -= s * v[i];
  }
  const knobs = new Array<number>(m).fill(0);
  const scale = Math.max(...Array.from({ length: m }, (_, k) => Math.abs(a[k][k])));
  for (let k = m - 1; k >= 0; k--) {
    if (Math.abs(a[k][k]) <= scale * 1e-13)
      throw new Error('the points do not pin down every knob (repeated x values?)');
    let s = b[k];
    for (let j = k + 1; j < m; j++) s -= a[k][j] * knobs[j];
    knobs[k] = s / a[k][k];
  }
  if (!knobs.every(Number.isFinite)) throw new Error('the fit did not give finite knobs');
  return knobs;
}

/** The mean of the squared errors of the polynomial with these knobs (any count) at the points. */
export function meanSquaredError(knobs: readonly number[], points: readonly Point[]): number {
  if (points.length === 0) throw new Error('points must be a non-empty array of {x, y}');
  let sum = 0;
  for (const p of points) {
    const r = polyValue(knobs, p.x) - p.y;
    sum += r * r;
  }
  return sum / points.length;
}
