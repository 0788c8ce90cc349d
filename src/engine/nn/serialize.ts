// Loading a network from its JSON form (see networkJson.ts), checking every field and naming the
// first bad one in the error.

import { DenseNetwork } from './denseNetwork';
import { NETWORK_FORMAT, NETWORK_FORMAT_VERSION } from './networkJson';
import { parseSpec } from './spec';

function numbers(value: unknown, length: number, field: string): number[] {
  if (!Array.isArray(value)) throw new Error(`${field}: expected an array of ${length} numbers`);
  if (value.length !== length) throw new Error(`${field}: expected ${length} numbers, got ${value.length}`);
  value.forEach((v: unknown, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v)) {
      throw new Error(`${field}[${i}]: expected a finite number, got ${JSON.stringify(v)}`);
    }
  });
  return value as number[];
}

/** Rebuilds a network from networkToJSON's output (an object or its JSON text). */
export function networkFromJSON(json: unknown): DenseNetwork {
  let value = json;
  if (typeof value === 'string') {
    try {
      value = JSON.parse(value) as unknown;
    } catch (e) {
      throw new Error(`network JSON: not valid JSON (${(e as Error).message})`);
    }
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw new Error('network JSON: expected an object');
  }
  const obj = value as Record<string, unknown>;
  if (obj.format !== NETWORK_FORMAT) {
    throw new Error(`network JSON.format: expected "${NETWORK_FORMAT}", got ${JSON.stringify(obj.format)}`);
  }
  if (obj.version !== NETWORK_FORMAT_VERSION) {
    throw new Error(`network JSON.version: expected ${NETWORK_FORMAT_VERSION}, got ${JSON.stringify(obj.version)}`);
  }
  const spec = parseSpec(obj, 'network JSON');
  const net = new DenseNetwork(spec, { init: 'zeros' });
  const layers = obj.layers as Record<string, unknown>[];
  net.layers.forEach((layer, i) => {
    const field = `network JSON.layers[${i}]`;
    layer.weights.set(numbers(layers[i].weights, layer.inputs * layer.units, `${field}.weights`));
    layer.weightsWritten();
    layer.bias.set(numbers(layers[i].bias, layer.units, `${field}.bias`));
  });
  return net;
}
