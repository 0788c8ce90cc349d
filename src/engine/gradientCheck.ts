// Numerical derivatives, the independent oracle for every analytic gradient in the engine.
// Central difference: f'(x) ~ (f(x + h) - f(x - h)) / (2h), error O(h^2) for smooth f
// (the forward difference (f(x + h) - f(x)) / h is only O(h)).

/** Central-difference gradient of f at x, one coordinate at a time. */
export function centralDifferenceGradient(f: (x: number[]) => number, x: readonly number[], h = 1e-5): number[] {
  if (!(h > 0) || !Number.isFinite(h)) throw new Error(`step h must be a finite number > 0, got ${h}`);
  return x.map((_, i) => {
    const plus = [...x];
    const minus = [...x];
    plus[i] += h;
    minus[i] -= h;
    return (f(plus) - f(minus)) / (2 * h);
  });
}

/** Largest relative difference |a - b| / max(1, |a|, |b|) between two gradients. */
export function maxRelativeError(a: readonly number[], b: readonly number[]): number {
  if (a.length !== b.length) throw new Error(`gradient lengths differ: ${a.length} vs ${b.length}`);
  let worst = 0;
  for (let i = 0; i < a.length; i++) {
    worst = Math.max(worst, Math.abs(a[i] - b[i]) / Math.max(1, Math.abs(a[i]), Math.abs(b[i])));
  }
  return worst;
}
