// The JSON form of a dense network. Weights are float32; each one is written as the JavaScript
// number holding exactly that float32 value, and JSON prints numbers so that they parse back to
// the same double, so save -> load (serialize.ts) gives bit-identical weights.

import type { ActivationName } from './activations';
import type { DenseNetwork } from './denseNetwork';

export const NETWORK_FORMAT = 'black-box-dog/dense-network';
export const NETWORK_FORMAT_VERSION = 1;

export interface LayerJSON {
  units: number;
  activation: ActivationName;
  /** inputs x units, row-major: weights[i * units + j] carries input i to unit j. */
  weights: number[];
  bias: number[];
}

export interface NetworkJSON {
  format: typeof NETWORK_FORMAT;
  version: typeof NETWORK_FORMAT_VERSION;
  input: number;
  layers: LayerJSON[];
}

export function networkToJSON(net: DenseNetwork): NetworkJSON {
  return {
    format: NETWORK_FORMAT,
    version: NETWORK_FORMAT_VERSION,
    input: net.inputSize,
    layers: net.layers.map((l) => ({
      units: l.units,
      activation: l.activation,
      weights: Array.from(l.weights),
      bias: Array.from(l.bias),
    })),
  };
}
