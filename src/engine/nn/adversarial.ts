// Fast Gradient Sign Method (Goodfellow et al. 2014): nudge every input value by +-epsilon in the
// direction that increases the loss the most under a max-norm budget,
//   x' = clip(x + epsilon * sign(dL/dx), 0, 1),
// which is often enough to flip a confident prediction while the picture looks unchanged.

import type { DenseNetwork } from './denseNetwork';
import { getLoss, type LossName, type Targets } from './losses';

export function fgsm(
  net: DenseNetwork,
  x: Float32Array,
  targets: Targets,
  epsilon: number,
  lossName: LossName = 'softmaxCrossEntropy',
): Float32Array {
  if (!Number.isFinite(epsilon) || epsilon < 0)
    throw new Error(`fgsm: epsilon must be a finite number >= 0, got ${epsilon}`);
  const grad = net.inputGradient(x, targets, getLoss(lossName));
  const out = new Float32Array(x.length);
  for (let i = 0; i < x.length; i++) {
    const g = grad[i];
    const sign = g > 0 ? 1 : g < 0 ? -1 : 0;
    const v = x[i] + epsilon * sign;
    out[i] = v < 0 ? 0 : v > 1 ? 1 : v;
  }
  return out;
}
