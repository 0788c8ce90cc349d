// The shape of a dense network, e.g.
//   { input: 784, layers: [{ units: 64, activation: 'relu' }, { units: 10, activation: 'softmax' }] }
// and its validation, with errors that name the offending field.

import { ACTIVATION_NAMES, isActivationName, type ActivationName } from './activations';

export interface LayerSpec {
  readonly units: number;
  readonly activation: ActivationName;
}

export interface NetworkSpec {
  readonly input: number;
  readonly layers: readonly LayerSpec[];
}

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function positiveInt(v: unknown, field: string): number {
  if (typeof v !== 'number' || !Number.isInteger(v) || v < 1) {
    throw new Error(`${field}: expected a positive integer, got ${JSON.stringify(v)}`);
  }
  return v;
}

/** Checks an untrusted spec and returns a clean copy. `where` prefixes error messages. */
export function parseSpec(value: unknown, where = 'spec'): NetworkSpec {
  if (!isRecord(value)) throw new Error(`${where}: expected an object with "input" and "layers"`);
  const input = positiveInt(value.input, `${where}.input`);
  if (!Array.isArray(value.layers) || value.layers.length === 0) {
    throw new Error(`${where}.layers: expected a non-empty array of { units, activation }`);
  }
  const layers = value.layers.map((layer: unknown, i: number): LayerSpec => {
    const field = `${where}.layers[${i}]`;
    if (!isRecord(layer)) throw new Error(`${field}: expected an object { units, activation }`);
    const units = positiveInt(layer.units, `${field}.units`);
    if (!isActivationName(layer.activation)) {
      throw new Error(
        `${field}.activation: unknown activation ${JSON.stringify(layer.activation)} ` +
          `(expected one of: ${ACTIVATION_NAMES.join(', ')})`,
      );
    }
    if (layer.activation === 'softmax' && units < 2) {
      throw new Error(`${field}: softmax needs at least 2 units, got ${units}`);
    }
    return { units, activation: layer.activation };
  });
  return { input, layers };
}
