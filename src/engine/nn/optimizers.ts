// Optimizers turn accumulated gradients into a weight update, then clear the gradients they used
// (so the next batch starts accumulating from zero), and report each write (Param.written) so
// that what is derived from the values (a layer's float64 weight copy) is refreshed before use.
// Their state (velocity, moments) is allocated once, same shape as each parameter.
//   SGD:       w <- w - lr g
//   Momentum:  v <- mu v + g;  w <- w - lr v                 (heavy ball, as in PyTorch)
//   Adam:      m <- b1 m + (1 - b1) g;  s <- b2 s + (1 - b2) g^2
//              w <- w - lr (m / (1 - b1^t)) / (sqrt(s / (1 - b2^t)) + eps)   (Kingma & Ba 2015)

import type { Param } from './denseLayer';

export type OptimizerSpec =
  | { readonly kind: 'sgd'; readonly learningRate: number }
  | { readonly kind: 'momentum'; readonly learningRate: number; readonly momentum?: number }
  | {
      readonly kind: 'adam';
      readonly learningRate?: number;
      readonly beta1?: number;
      readonly beta2?: number;
      readonly epsilon?: number;
    };

export interface Optimizer {
  readonly spec: OptimizerSpec;
  /** Updates every parameter from its gradient, then zeroes the gradient. */
  apply(): void;
}

function checkRate(value: number, name: string, max = Infinity): number {
  if (!Number.isFinite(value) || value < 0 || value > max) {
    throw new Error(`optimizer: ${name} must be a finite number in [0, ${max}], got ${value}`);
  }
  return value;
}

/** Plain SGD on one buffer: w <- w - lr g, then g <- 0. */
export function sgdUpdate(w: Float32Array, g: Float32Array, lr: number): void {
  for (let i = 0; i < w.length; i++) {
    w[i] -= lr * g[i];
    g[i] = 0;
  }
}

/** sgdUpdate on a parameter, reporting the write. */
export function sgdStep(p: Param, lr: number): void {
  sgdUpdate(p.value, p.grad, lr);
  p.written?.();
}

export function createOptimizer(spec: OptimizerSpec, params: readonly Param[]): Optimizer {
  switch (spec.kind) {
    case 'sgd': {
      const lr = checkRate(spec.learningRate, 'learningRate');
      return {
        spec,
        apply() {
          for (const p of params) sgdStep(p, lr);
        },
      };
    }
    case 'momentum': {
      const lr = checkRate(spec.learningRate, 'learningRate');
      const mu = checkRate(spec.momentum ?? 0.9, 'momentum', 1);
      const velocity = params.map((p) => new Float32Array(p.value.length));
      return {
        spec,
        apply() {
          params.forEach(({ value: w, grad: g, written }, k) => {
            const v = velocity[k];
            for (let i = 0; i < w.length; i++) {
              v[i] = mu * v[i] + g[i];
              w[i] -= lr * v[i];
              g[i] = 0;
            }
            written?.();
          });
        },
      };
    }
    case 'adam': {
      const lr = checkRate(spec.learningRate ?? 0.001, 'learningRate');
      const b1 = checkRate(spec.beta1 ?? 0.9, 'beta1', 1);
      const b2 = checkRate(spec.beta2 ?? 0.999, 'beta2', 1);
      const eps = spec.epsilon ?? 1e-8;
      if (!(eps > 0)) throw new Error(`optimizer: epsilon must be > 0, got ${eps}`);
      const first = params.map((p) => new Float32Array(p.value.length));
      const second = params.map((p) => new Float32Array(p.value.length));
      let t = 0;
      return {
        spec,
        apply() {
          t++;
          const c1 = 1 / (1 - b1 ** t);
          const c2 = 1 / (1 - b2 ** t);
          params.forEach(({ value: w, grad: g, written }, k) => {
            const m = first[k];
            const s = second[k];
            for (let i = 0; i < w.length; i++) {
              const gi = g[i];
              m[i] = b1 * m[i] + (1 - b1) * gi;
              s[i] = b2 * s[i] + (1 - b2) * gi * gi;
              w[i] -= (lr * m[i] * c1) / (Math.sqrt(s[i] * c2) + eps);
              g[i] = 0;
            }
            written?.();
          });
        },
      };
    }
    default: {
      const kind: unknown = (spec as { kind?: unknown }).kind;
      throw new Error(`unknown optimizer ${JSON.stringify(kind)} (expected one of: sgd, momentum, adam)`);
    }
  }
}
