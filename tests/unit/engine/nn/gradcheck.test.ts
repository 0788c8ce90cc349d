// Whole-network gradient checks: backprop's analytic gradients against central differences of
// the loss, for one layer, for MLPs with every trainable activation, and for the input.
import { describe, expect, it } from 'vitest';
import {
  DenseNetwork,
  denseMatrix,
  getLoss,
  toCsr,
  type ActivationName,
  type LossName,
} from '../../../../src/engine/nn';
import { expectClose, numericGrad64, randomBuffer, referenceLoss } from './helpers';

const BATCH = 4;

function check(hidden: ActivationName[], out: ActivationName, lossName: LossName, seed: number): void {
  const inputs = 5;
  const units = 3;
  const layers = [...hidden.map((a) => ({ units: 4, activation: a })), { units, activation: out }];
  const net = new DenseNetwork({ input: inputs, layers }, { seed });
  // Non-zero biases so a bias bug cannot hide behind zeros.
  net.layers.forEach((l, i) => l.bias.set(randomBuffer(l.units, seed + i, -0.5, 0.5)));
  const x = denseMatrix(randomBuffer(BATCH * inputs, seed + 10), BATCH, inputs);
  const t = lossName === 'mse' ? randomBuffer(BATCH * units, seed + 20, 0, 1) : new Uint8Array([0, 2, 1, 2]);
  const loss = getLoss(lossName);
  net.zeroGrad();
  net.accumulateRows(x, net.rowsFor(BATCH), BATCH, t, loss);
  const params64 = net.params().map((p) => Float64Array.from(p.value));
  const x64 = Float64Array.from(x.data);
  params64.forEach((p, k) => {
    const numeric = numericGrad64(p, () => referenceLoss(net.spec, params64, x64, BATCH, t, loss));
    expectClose(net.params()[k].grad, numeric);
  });
}

describe('gradient checks (central differences)', () => {
  it('a single layer: linear + MSE', () => check([], 'linear', 'mse', 1));
  it('a single layer: sigmoid + MSE', () => check([], 'sigmoid', 'mse', 2));
  it('a single layer: softmax + cross-entropy', () => check([], 'softmax', 'softmaxCrossEntropy', 3));
  it('a single layer: softmax + MSE (through the softmax Jacobian)', () => check([], 'softmax', 'mse', 4));
  for (const a of ['sigmoid', 'tanh', 'relu', 'linear'] as const) {
    it(`MLP with ${a} hidden layers, softmax + cross-entropy`, () =>
      check([a, a], 'softmax', 'softmaxCrossEntropy', 5));
    it(`MLP with ${a} hidden layer, tanh + MSE`, () => check([a], 'tanh', 'mse', 6));
  }

  it('gradient with respect to the input', () => {
    const net = new DenseNetwork(
      {
        input: 6,
        layers: [
          { units: 5, activation: 'tanh' },
          { units: 4, activation: 'softmax' },
        ],
      },
      { seed: 7 },
    );
    const xs = randomBuffer(2 * 6, 8);
    const t = new Uint8Array([3, 1]);
    const loss = getLoss('softmaxCrossEntropy');
    const before = net.params().map((p) => p.grad.slice());
    const g = net.inputGradient(xs, t, loss);
    // Parameter gradients are left as they were.
    net.params().forEach((p, i) => expect(Array.from(p.grad)).toEqual(Array.from(before[i])));
    // The batch loss is a mean, so dL/dx of sample s carries a 1/B factor like every gradient.
    const params64 = net.params().map((p) => Float64Array.from(p.value));
    const x64 = Float64Array.from(xs);
    const numeric = numericGrad64(x64, () => referenceLoss(net.spec, params64, x64, 2, t, loss));
    expectClose(g, numeric);
  });

  it('CSR (sparse) and dense inputs give the same outputs and gradients', () => {
    const spec = {
      input: 30,
      layers: [
        { units: 7, activation: 'relu' as const },
        { units: 3, activation: 'softmax' as const },
      ],
    };
    // 9 samples with ~70 % zeros: row lengths hit the 4-way unrolled loop and its remainder.
    const raw = randomBuffer(9 * 30, 11);
    raw.forEach((v, i) => (raw[i] = v > 0.4 ? v : 0));
    const dense = denseMatrix(raw, 9, 30);
    const csr = toCsr(raw, 9, 30);
    const t = new Uint8Array([0, 1, 2, 0, 1, 2, 0, 1, 2]);
    const loss = getLoss('softmaxCrossEntropy');
    const a = new DenseNetwork(spec, { seed: 12 });
    const b = new DenseNetwork(spec, { seed: 12 });
    // A shuffled row selection, as an epoch uses.
    const rows = Int32Array.from([4, 0, 8, 2, 7, 1, 3, 6, 5]);
    const la = a.accumulateRows(dense, rows, 9, t, loss, true);
    const lb = b.accumulateRows(csr, rows, 9, t, loss, true);
    expect(lb).toBeCloseTo(la, 5);
    expectClose(b.layers[1].y, a.layers[1].y, 1e-5, 1e-6);
    a.params().forEach((p, i) => expectClose(b.params()[i].grad, p.grad, 1e-4, 1e-6));
    expectClose(b.layers[0].dX, a.layers[0].dX, 1e-4, 1e-6);
  });
});
