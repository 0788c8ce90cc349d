// Shared test helpers: central finite differences, the independent oracle for every gradient.
//   f'(x) ~ (f(x + h) - f(x - h)) / (2h), error O(h^2) for smooth f.
// The oracle is a separate float64 forward pass, so h can be small (1e-6) and tolerances tight.

import { expect } from 'vitest';
import { ACTIVATIONS, softmaxRows } from '../../../../src/engine/nn';
import type { Loss, NetworkSpec, Targets } from '../../../../src/engine/nn';

/**
 * An independent float64 forward pass: y = f(x W + b) layer by layer, written as plainly as
 * possible (j outer, i inner), then the loss. `params` is [W0, b0, W1, b1, ...] with W stored
 * inputs x units like the engine. Used as the oracle for central differences at h = 1e-6.
 */
export function referenceLoss(
  spec: NetworkSpec,
  params: Float64Array[],
  x: Float64Array,
  rows: number,
  t: Targets,
  loss: Loss,
): number {
  let a = x;
  let inputs = spec.input;
  spec.layers.forEach((layer, l) => {
    const w = params[2 * l];
    const b = params[2 * l + 1];
    const z = new Float64Array(rows * layer.units);
    for (let r = 0; r < rows; r++) {
      for (let j = 0; j < layer.units; j++) {
        let sum = b[j];
        for (let i = 0; i < inputs; i++) sum += a[r * inputs + i] * w[i * layer.units + j];
        z[r * layer.units + j] = sum;
      }
    }
    const y = new Float64Array(z.length);
    if (layer.activation === 'softmax') softmaxRows(z, y, rows, layer.units);
    else z.forEach((v, i) => (y[i] = ACTIVATIONS[layer.activation as 'relu'].output(v)));
    a = y;
    inputs = layer.units;
  });
  return loss.value(a, t, rows, inputs);
}

/** Central differences of f with respect to each entry of a float64 buffer. */
export function numericGrad64(buf: Float64Array, f: () => number, h = 1e-6): Float64Array {
  const g = new Float64Array(buf.length);
  for (let i = 0; i < buf.length; i++) {
    const orig = buf[i];
    buf[i] = orig + h;
    const up = f();
    buf[i] = orig - h;
    const down = f();
    buf[i] = orig;
    g[i] = (up - down) / (2 * h);
  }
  return g;
}

/**
 * Each analytic value must match the numeric one within `rel` of the larger magnitude, with an
 * absolute floor `abs` for values near 0 (float32 rounding noise).
 */
export function expectClose(analytic: ArrayLike<number>, numeric: ArrayLike<number>, rel = 1e-4, abs = 1e-6): void {
  expect(analytic.length).toBe(numeric.length);
  for (let i = 0; i < analytic.length; i++) {
    const a = analytic[i];
    const n = numeric[i];
    const tol = abs + rel * Math.max(Math.abs(a), Math.abs(n));
    if (!(Math.abs(a - n) <= tol)) {
      throw new Error(`entry ${i}: analytic ${a} vs numeric ${n} (tolerance ${tol})`);
    }
  }
}

/** Inputs in (-1, 1), seeded by a simple LCG so tests need no other module. */
export function randomBuffer(n: number, seed: number, lo = -1, hi = 1): Float32Array {
  let s = seed >>> 0;
  const out = new Float32Array(n);
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    out[i] = lo + ((hi - lo) * s) / 4294967296;
  }
  return out;
}
