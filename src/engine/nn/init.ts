// Seeded starting weights. Random, so that units in a layer start different and learn different
// things; scaled to the fan-in/fan-out so signals neither explode nor vanish through the layers.
//   Glorot (Xavier) uniform: W ~ U(-a, a), a = sqrt(6 / (fanIn + fanOut)), keeps Var(y) ~ Var(x)
//                            for sigmoid/tanh-like units (Glorot & Bengio 2010).
//   He normal:               W ~ N(0, sqrt(2 / fanIn)), compensates ReLU zeroing half of its
//                            inputs (He et al. 2015).
// Biases start at 0.

import type { Rng } from '../random';
import type { DenseLayer } from './denseLayer';

export type InitName = 'auto' | 'glorot' | 'he' | 'zeros';
export const INIT_NAMES: readonly InitName[] = Object.freeze(['auto', 'glorot', 'he', 'zeros']);

export function initLayer(layer: DenseLayer, init: InitName, rng: Rng | undefined): void {
  const kind = init === 'auto' ? (layer.activation === 'relu' ? 'he' : 'glorot') : init;
  layer.bias.fill(0);
  if (kind === 'zeros') {
    layer.weights.fill(0);
    layer.weightsWritten();
    return;
  }
  if (!rng) throw new Error(`init "${kind}" needs a seeded Rng (pass { seed } or { rng })`);
  const w = layer.weights;
  if (kind === 'glorot') {
    const a = Math.sqrt(6 / (layer.inputs + layer.units));
    for (let i = 0; i < w.length; i++) w[i] = rng.uniform(-a, a);
  } else {
    const sd = Math.sqrt(2 / layer.inputs);
    for (let i = 0; i < w.length; i++) w[i] = rng.normal(0, sd);
  }
  layer.weightsWritten();
}
