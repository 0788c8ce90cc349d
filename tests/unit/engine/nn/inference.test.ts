import { describe, expect, it } from 'vitest';
import { argmax, createNetwork, denseMatrix, predictClasses, toCsr, type NetworkSpec } from '../../../../src/engine/nn';
import { forwardCsr, forwardCsr64Relu, forwardDense, forwardDenseLocal } from '../../../../src/engine/nn/kernels';
import { randomBuffer } from './helpers';

describe('inference kernels', () => {
  const inputs = 30;
  const n = 40;
  const raw = randomBuffer(n * inputs, 3, 0, 1);
  const x = raw.map((v) => (v < 0.75 ? 0 : v));
  const rows = Int32Array.from({ length: n }, (_, i) => (i * 7) % n);

  it('sparse ReLU forward (float64 weights, fused ReLU) is bit-identical to forwardCsr + ReLU', () => {
    for (const units of [64, 13, 5]) {
      const w = randomBuffer(inputs * units, 4, -1, 1);
      const b = randomBuffer(units, 5, -0.5, 0.5);
      const csr = toCsr(x, n, inputs);
      const zRef = new Float32Array(n * units);
      forwardCsr(csr, rows, n, w, b, units, zRef);
      const z = new Float32Array(n * units);
      const y = new Float32Array(n * units);
      forwardCsr64Relu(csr, rows, n, Float64Array.from(w), b, units, z, y);
      expect(Array.from(z)).toEqual(Array.from(zRef));
      expect(Array.from(y)).toEqual(Array.from(zRef, (v) => (v > 0 ? v : 0)));
    }
  });

  it('dense forward with sums in locals is bit-identical to forwardDense', () => {
    for (const units of [10, 16, 7, 1]) {
      const w = randomBuffer(inputs * units, 6, -1, 1);
      const b = randomBuffer(units, 7, -0.5, 0.5);
      const m = denseMatrix(x, n, inputs);
      const zRef = new Float32Array(n * units);
      const z = new Float32Array(n * units);
      forwardDense(m, rows, n, w, b, units, zRef);
      forwardDenseLocal(m, rows, n, w, b, units, z);
      expect(Array.from(z)).toEqual(Array.from(zRef));
    }
  });

  it('predictClasses (logits argmax) equals the argmax of predict (softmax), sparse and dense, any batch size', () => {
    const spec: NetworkSpec = {
      input: inputs,
      layers: [
        { units: 16, activation: 'relu' },
        { units: 10, activation: 'softmax' },
      ],
    };
    const net = createNetwork(spec, { seed: 9 });
    const p = net.predict(x);
    const expected = Array.from({ length: n }, (_, r) => argmax(p, r * 10, 10));
    expect(Array.from(predictClasses(net, x))).toEqual(expected);
    expect(Array.from(predictClasses(net, toCsr(x, n, inputs)))).toEqual(expected);
    expect(Array.from(predictClasses(net, toCsr(x, n, inputs), 7))).toEqual(expected);
    // predict still returns probabilities after predictClasses ran.
    const again = net.predict(toCsr(x, n, inputs));
    for (let r = 0; r < n; r++) {
      let sum = 0;
      for (let j = 0; j < 10; j++) sum += again[r * 10 + j];
      expect(sum).toBeCloseTo(1, 5);
    }
  });
});
