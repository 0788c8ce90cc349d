// Chapter 5's foggy mountain: fit f(x) = K0 + K1 x + ... + Kd x^d (d <= 5) to points by walking
// downhill on the sum of squared errors.
//
//   L(K)       = sum_i (f(x_i) - y_i)^2
//   dL/dK_j    = sum_i 2 (f(x_i) - y_i) x_i^j         (chain rule: d(r^2)/dr = 2r, df/dK_j = x^j)
//   step       K_j <- K_j - lr * dL/dK_j              for the knobs that are free to move
//
// A step is 'converging' when the loss did not rise (beyond round-off), 'overshooting' when it rose (the step jumped
// past the valley floor), and 'diverged' when the new loss would be non-finite or beyond maxLoss;
// then the previous knobs are kept, so the game never sees NaN or Infinity.

export const MAX_DEGREE = 5;

export interface Point {
  x: number;
  y: number;
}

export type DescentStatus = 'converging' | 'overshooting' | 'diverged';

export interface DescentStep {
  knobs: number[];
  loss: number;
  previousLoss: number;
  /** Gradient at the previous knobs (zero for knobs that are not free). */
  gradient: number[];
  status: DescentStatus;
}

export interface DescentOptions {
  /** Indices of knobs allowed to move (default: all). */
  free?: readonly number[];
  /** A loss above this counts as diverged (default 1e15). */
  maxLoss?: number;
}

function checkKnobs(knobs: readonly number[]): void {
  if (!Array.isArray(knobs) || knobs.length < 1 || knobs.length > MAX_DEGREE + 1) {
    throw new Error(`knobs must be an array of 1..${MAX_DEGREE + 1} numbers (degree up to ${MAX_DEGREE})`);
  }
  knobs.forEach((k, j) => {
    if (typeof k !== 'number' || !Number.isFinite(k))
      throw new Error(`knob K${j} is not a finite number: ${String(k)}`);
  });
}

function checkPoints(points: readonly Point[]): void {
  if (!Array.isArray(points) || points.length === 0) throw new Error('points must be a non-empty array of {x, y}');
  points.forEach((p, i) => {
    if (typeof p !== 'object' || p === null || !Number.isFinite(p.x) || !Number.isFinite(p.y)) {
      throw new Error(`point ${i} must have finite x and y`);
    }
  });
}

function checkIndex(index: number, knobs: readonly number[], what: string): void {
  if (!Number.isInteger(index) || index < 0 || index >= knobs.length) {
    throw new Error(`${what} ${String(index)} is not a knob index in 0..${knobs.length - 1}`);
  }
}

/** f(x) by Horner's rule: K0 + x (K1 + x (K2 + ...)). */
export function polyValue(knobs: readonly number[], x: number): number {
  let y = 0;
  for (let j = knobs.length - 1; j >= 0; j--) y = y * x + knobs[j];
  return y;
}

function lossUnchecked(knobs: readonly number[], points: readonly Point[]): number {
  let loss = 0;
  for (const p of points) {
    const r = polyValue(knobs, p.x) - p.y;
    loss += r * r;
  }
  return loss;
}

/** L = sum_i (f(x_i) - y_i)^2. */
export function sseLoss(knobs: readonly number[], points: readonly Point[]): number {
  checkKnobs(knobs);
  checkPoints(points);
  return lossUnchecked(knobs, points);
}

/** dL/dK_j = sum_i 2 (f(x_i) - y_i) x_i^j, exact. */
export function sseGradient(knobs: readonly number[], points: readonly Point[]): number[] {
  checkKnobs(knobs);
  checkPoints(points);
  const grad = knobs.map(() => 0);
  for (const p of points) {
    const twoR = 2 * (polyValue(knobs, p.x) - p.y);
    let xj = 1; // x^j, built up power by power
    for (let j = 0; j < knobs.length; j++) {
      grad[j] += twoR * xj;
      xj *= p.x;
    }
  }
  return grad;
}

/** n evenly spaced values from min to max inclusive (for slice axes). */
export function linspace(min: number, max: number, n: number): number[] {
  if (!Number.isFinite(min) || !Number.isFinite(max)) throw new Error('linspace: min and max must be finite');
  if (!Number.isInteger(n) || n < 2) throw new Error(`linspace: n must be an integer >= 2, got ${n}`);
  return Array.from({ length: n }, (_, i) => min + ((max - min) * i) / (n - 1));
}

/** Loss as one knob takes each of `values`, the others held still: the 1-D mountain profile. */
export function lossSlice1D(
  knobs: readonly number[],
  points: readonly Point[],
  index: number,
  values: readonly number[],
): number[] {
  checkKnobs(knobs);
  checkPoints(points);
  checkIndex(index, knobs, 'slice knob');
  const k = [...knobs];
  return values.map((v) => {
    k[index] = v;
    return lossUnchecked(k, points);
  });
}

/**
 * Loss over a grid of two knobs, the others held still: the 2-D fog map.
 * grid[r][c] is the loss with knob `rowIndex` = rowValues[r] and knob `colIndex` = colValues[c].
 */
export function lossSlice2D(
  knobs: readonly number[],
  points: readonly Point[],
  colIndex: number,
  colValues: readonly number[],
  rowIndex: number,
  rowValues: readonly number[],
): number[][] {
  checkKnobs(knobs);
  checkPoints(points);
  checkIndex(colIndex, knobs, 'column knob');
  checkIndex(rowIndex, knobs, 'row knob');
  if (colIndex === rowIndex) throw new Error(`lossSlice2D needs two different knobs, got ${colIndex} twice`);
  const k = [...knobs];
  return rowValues.map((rv) => {
    k[rowIndex] = rv;
    return colValues.map((cv) => {
      k[colIndex] = cv;
      return lossUnchecked(k, points);
    });
  });
}

/** One gradient-descent step; never returns non-finite knobs or loss. */
export function descentStep(
  knobs: readonly number[],
  points: readonly Point[],
  lr: number,
  options: DescentOptions = {},
): DescentStep {
  if (typeof lr !== 'number' || !Number.isFinite(lr) || lr <= 0) {
    throw new Error(`learning rate must be a finite number > 0, got ${String(lr)}`);
  }
  const maxLoss = options.maxLoss ?? 1e15;
  const free = options.free ?? knobs.map((_, j) => j);
  const grad = sseGradient(knobs, points);
  for (const j of free) checkIndex(j, knobs, 'free knob');
  const isFree = knobs.map((_, j) => free.includes(j));
  const gradient = grad.map((g, j) => (isFree[j] ? g : 0));
  const previousLoss = lossUnchecked(knobs, points);
  const next = knobs.map((k, j) => k - lr * gradient[j]);
  const loss = lossUnchecked(next, points);
  const blewUp =
    !next.every(Number.isFinite) || !gradient.every(Number.isFinite) || !Number.isFinite(loss) || loss > maxLoss;
  if (blewUp) {
    return {
      knobs: [...knobs],
      loss: previousLoss,
      previousLoss,
      gradient: gradient.map((g) => (Number.isFinite(g) ? g : 0)),
      status: 'diverged',
    };
  }
  // A rise within round-off (1e-12 relative, or absolute near zero) still counts as converging.
  const rose = loss > previousLoss + 1e-12 * Math.max(1, previousLoss);
  return { knobs: next, loss, previousLoss, gradient, status: rose ? 'overshooting' : 'converging' };
}

export interface DescentRun {
  knobs: number[];
  losses: number[];
  statuses: DescentStatus[];
}

/** Up to `steps` descent steps; stops early at the first 'diverged'. losses[0] is the start. */
export function gradientDescent(
  knobs: readonly number[],
  points: readonly Point[],
  lr: number,
  steps: number,
  options: DescentOptions = {},
): DescentRun {
  if (!Number.isInteger(steps) || steps < 0) throw new Error(`steps must be an integer >= 0, got ${steps}`);
  let current = [...knobs];
  const losses = [sseLoss(current, points)];
  const statuses: DescentStatus[] = [];
  for (let s = 0; s < steps; s++) {
    const step = descentStep(current, points, lr, options);
    statuses.push(step.status);
    if (step.status === 'diverged') break;
    current = step.knobs;
    losses.push(step.loss);
  }
  return { knobs: current, losses, statuses };
}
