// More ways down the mountain, beside polynomial.ts's plain descent step:
//
//   momentum (heavy ball)   v <- beta v - lr dL/dK        K <- K + v
//                           (beta = 0 is plain descent; beta near 1 keeps rolling through a
//                           narrow valley instead of zig-zagging across it)
//   least squares           the bottom of the bowl, solved exactly from the normal equations
//                           (X^T X) K = X^T y over the knobs that are free, the others held
//   overshoot in any number of knobs: the slope along the direction just walked flipped sign,
//                           g_old . g_new < 0, i.e. the step crossed the valley floor.
//
// Like descentStep, a momentum step that would blow up keeps the previous knobs and says
// 'diverged', so NaN and Infinity never leave the engine.
import { type DescentStatus, MAX_DEGREE, type Point, polyValue, sseGradient, sseLoss } from './polynomial';

export interface MomentumStep {
  knobs: number[];
  velocity: number[];
  loss: number;
  previousLoss: number;
  gradient: number[];
  status: DescentStatus;
}

function lossOf(knobs: readonly number[], points: readonly Point[]): number {
  let loss = 0;
  for (const p of points) {
    const r = polyValue(knobs, p.x) - p.y;
    loss += r * r;
  }
  return loss;
}

function freeMask(n: number, free: readonly number[] | undefined): boolean[] {
  const mask = Array.from({ length: n }, () => free === undefined);
  for (const j of free ?? []) {
    if (!Number.isInteger(j) || j < 0 || j >= n) throw new Error(`free knob ${String(j)} is not in 0..${n - 1}`);
    mask[j] = true;
  }
  return mask;
}

/** One heavy-ball momentum step; never returns non-finite knobs, velocity or loss. */
export function momentumStep(
  knobs: readonly number[],
  velocity: readonly number[],
  points: readonly Point[],
  lr: number,
  beta: number,
  options: { free?: readonly number[]; maxLoss?: number } = {},
): MomentumStep {
  if (!Number.isFinite(lr) || lr <= 0) throw new Error(`learning rate must be a finite number > 0, got ${lr}`);
  if (!Number.isFinite(beta) || beta < 0 || beta >= 1) throw new Error(`momentum must be in [0, 1), got ${beta}`);
  if (velocity.length !== knobs.length) throw new Error('velocity must have one entry per knob');
  const maxLoss = options.maxLoss ?? 1e15;
  const mask = freeMask(knobs.length, options.free);
  const previousLoss = sseLoss(knobs, points);
  const gradient = sseGradient(knobs, points).map((g, j) => (mask[j] ? g : 0));
  const nextVelocity = velocity.map((v, j) => (mask[j] ? beta * v - lr * gradient[j] : 0));
  const next = knobs.map((k, j) => k + nextVelocity[j]);
  const loss = lossOf(next, points);
  if (
    !next.every(Number.isFinite) ||
    !nextVelocity.every(Number.isFinite) ||
    !Number.isFinite(loss) ||
    loss > maxLoss
  ) {
    return {
      knobs: [...knobs],
      velocity: knobs.map(() => 0),
      loss: previousLoss,
      previousLoss,
      gradient: gradient.map((g) => (Number.isFinite(g) ? g : 0)),
      status: 'diverged',
    };
  }
  const rose = loss > previousLoss + 1e-12 * Math.max(1, previousLoss);
  return {
    knobs: next,
    velocity: nextVelocity,
    loss,
    previousLoss,
    gradient,
    status: rose ? 'overshooting' : 'converging',
  };
}

/** Solves A z = b by Gaussian elimination with partial pivoting (A square, not singular). */
export function solveLinear(a: readonly (readonly number[])[], b: readonly number[]): number[] {
  const n = b.length;
  const m = a.map((row, i) => {
    if (row.length !== n) throw new Error('solveLinear: the matrix must be square and match b');
    return [...row, b[i]];
  });
  for (let col = 0; col < n; col++) {
    let pivot = col;
    for (let r = col + 1; r < n; r++) if (Math.abs(m[r][col]) > Math.abs(m[pivot][col])) pivot = r;
    if (Math.abs(m[pivot][col]) < 1e-12) throw new Error('solveLinear: the matrix is singular');
    [m[col], m[pivot]] = [m[pivot], m[col]];
    for (let r = col + 1; r < n; r++) {
      const f = m[r][col] / m[col][col];
      for (let c = col; c <= n; c++) m[r][c] -= f * m[col][c];
    }
  }
  const z = new Array<number>(n).fill(0);
  for (let r = n - 1; r >= 0; r--) {
    let s = m[r][n];
    for (let c = r + 1; c < n; c++) s -= m[r][c] * z[c];
    z[r] = s / m[r][r];
  }
  return z;
}

/**
 * The knobs at the bottom of the bowl: the free knobs solved from the normal equations, the
 * others kept as given. With every knob free this is the least-squares polynomial fit.
 */
export function leastSquaresKnobs(
  knobs: readonly number[],
  points: readonly Point[],
  free?: readonly number[],
): number[] {
  if (knobs.length < 1 || knobs.length > MAX_DEGREE + 1)
    throw new Error(`knobs must hold 1..${MAX_DEGREE + 1} numbers`);
  const mask = freeMask(knobs.length, free);
  const freeIdx = mask.flatMap((f, j) => (f ? [j] : []));
  // Residual target for the free knobs: y minus what the held knobs already explain.
  const held = knobs.map((k, j) => (mask[j] ? 0 : k));
  const targets = points.map((p) => p.y - polyValue(held, p.x));
  const ata = freeIdx.map((j) => freeIdx.map((k) => points.reduce((s, p) => s + p.x ** j * p.x ** k, 0)));
  const aty = freeIdx.map((j) => points.reduce((s, p, i) => s + p.x ** j * targets[i], 0));
  const solved = solveLinear(ata, aty);
  const out = [...knobs];
  freeIdx.forEach((j, i) => {
    out[j] = solved[i];
  });
  return out;
}

/** Whether a step crossed the valley floor: the slope along the walked direction changed sign. */
export function crossedValley(gradientBefore: readonly number[], gradientAfter: readonly number[]): boolean {
  let dot = 0;
  for (let j = 0; j < gradientBefore.length; j++) dot += gradientBefore[j] * gradientAfter[j];
  return dot < 0;
}
