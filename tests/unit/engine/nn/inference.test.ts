import { describe, expect, it } from 'vitest';
import {
  argmax,
  createNetwork,
  createTrainer,
  denseMatrix,
  networkFromJSON,
  predictClasses,
  toCsr,
  type DenseNetwork,
  type NetworkSpec,
} from '../../../../src/engine/nn';
import { forwardCsr, forwardDense } from '../../../../src/engine/nn/kernels';
import { forwardCsrPackedRelu, forwardDensePacked, packWeights } from '../../../../src/engine/nn/inferenceKernels';
import { createRng } from '../../../../src/engine/random';
import { randomBuffer } from './helpers';

describe('inference kernels', () => {
  const inputs = 30;
  const n = 40;
  const raw = randomBuffer(n * inputs, 3, 0, 1);
  const x = raw.map((v) => (v < 0.75 ? 0 : v));
  const rows = Int32Array.from({ length: n }, (_, i) => (i * 7) % n);

  it('sparse ReLU forward (packed float64 weights, fused ReLU) is bit-identical to forwardCsr + ReLU', () => {
    for (const units of [64, 13, 5]) {
      const w = randomBuffer(inputs * units, 4, -1, 1);
      const b = randomBuffer(units, 5, -0.5, 0.5);
      const csr = toCsr(x, n, inputs);
      const zRef = new Float32Array(n * units);
      forwardCsr(csr, rows, n, w, b, units, zRef);
      const z = new Float32Array(n * units);
      const y = new Float32Array(n * units);
      forwardCsrPackedRelu(csr, rows, n, packWeights(w, inputs, units), b, units, z, y);
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
      forwardDensePacked(m, rows, n, packWeights(w, inputs, units), b, units, z);
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

describe('the float64 weight copy follows every change of the weights', () => {
  const spec: NetworkSpec = {
    input: 30,
    layers: [
      { units: 19, activation: 'relu' },
      { units: 4, activation: 'softmax' },
    ],
  };
  const n = 200;
  const x = randomBuffer(n * 30, 21, 0, 1).map((v) => (v < 0.7 ? 0 : v));
  const labels = Uint8Array.from({ length: n }, (_, r) => r % 4);
  const csr = toCsr(x, n, 30);

  /** The classes by a float64 forward pass over the dense input (relu, then the logits' argmax). */
  function referenceClasses(net: DenseNetwork): number[] {
    const [l0, l1] = net.layers;
    return Array.from({ length: n }, (_, r) => {
      const h = Array.from({ length: l0.units }, (_, j) => {
        let z = l0.bias[j];
        for (let i = 0; i < 30; i++) z += x[r * 30 + i] * l0.weights[i * l0.units + j];
        return z > 0 ? z : 0;
      });
      const logits = Array.from({ length: l1.units }, (_, j) => {
        let z = l1.bias[j];
        for (let i = 0; i < l0.units; i++) z += h[i] * l1.weights[i * l1.units + j];
        return z;
      });
      return argmax(logits, 0, logits.length);
    });
  }

  /** classifyRows on the sparse input (no other call first) must give the reference classes. */
  function expectCurrent(net: DenseNetwork, when: string): void {
    const expected = referenceClasses(net);
    // Not a degenerate check: the reference must predict more than one class.
    expect(new Set(expected).size, when).toBeGreaterThan(1);
    const out = new Int32Array(n);
    const rows = Int32Array.from({ length: n }, (_, i) => i);
    net.classifyRows(csr, rows, n, out, 0);
    expect(Array.from(out), `classifyRows ${when}`).toEqual(expected);
    const small = new Int32Array(10);
    net.classifyRows(csr, rows.subarray(20), 10, small, 0);
    expect(Array.from(small), `classifyRows on 10 rows ${when}`).toEqual(expected.slice(20, 30));
    expect(Array.from(predictClasses(net, csr)), `predictClasses ${when}`).toEqual(expected);
    const p = net.predict(csr);
    expect(
      Array.from({ length: n }, (_, r) => argmax(p, r * 4, 4)),
      `predict ${when}`,
    ).toEqual(expected);
  }

  it('after construction, training steps, fused SGD epochs, setNeuron and loading', () => {
    const net = createNetwork(spec, { seed: 4 });
    expectCurrent(net, 'right after construction');
    const adam = createTrainer(net, { loss: 'softmaxCrossEntropy', optimizer: { kind: 'adam', learningRate: 0.05 } });
    adam.step(csr, labels);
    expectCurrent(net, 'after an Adam step');
    const sgd = createTrainer(net, { loss: 'softmaxCrossEntropy', optimizer: { kind: 'sgd', learningRate: 0.5 } });
    sgd.epoch({ inputs: csr, targets: labels }, { batchSize: 16, rng: createRng(1) });
    expectCurrent(net, 'after a fused SGD epoch');
    adam.step(csr, labels);
    expectCurrent(net, 'after an Adam step that followed the fused epoch');
    sgd.epoch({ inputs: csr, targets: labels }, { batchSize: 16, rng: createRng(2) });
    sgd.step(csr, labels);
    expectCurrent(net, 'after a fused epoch then an SGD step');
    net.setNeuron(
      0,
      3,
      Array.from({ length: 30 }, (_, i) => (i % 7) / 2 - 1.5),
      0.1,
    );
    expectCurrent(net, 'after setNeuron');
    // A direct write into the weights, reported as their documentation asks.
    const first = net.layers[0];
    for (let k = 0; k < first.weights.length; k += 5) first.weights[k] = -first.weights[k];
    first.weightsWritten();
    expectCurrent(net, 'after a direct write reported by weightsWritten()');
    const loaded = networkFromJSON(JSON.stringify(net));
    expectCurrent(loaded, 'after networkFromJSON');
  });
});
