import { describe, expect, it } from 'vitest';
import {
  biasToThreshold,
  binaryCrossEntropy,
  centralDifferenceGradient,
  createBinaryClassifier,
  createRng,
  flattenParams,
  gradientStep,
  handBuiltXor,
  layerGrids,
  lossGradient,
  makePointSet,
  maxRelativeError,
  outputGrid,
  perceptronToUnit,
  predict,
  probability,
  thresholdToBias,
  toTrainingSet,
  unitToPerceptron,
  withParams,
  type SmallActivation,
} from '../../../../src/engine';

const set = toTrainingSet(makePointSet('moons', { rng: createRng(7), count: 24, noise: 0.1 }));

describe('binary classifier (engine)', () => {
  for (const activation of ['sigmoid', 'tanh', 'relu'] as SmallActivation[]) {
    it(`backprop matches central finite differences (${activation}, two hidden layers)`, () => {
      const net = createBinaryClassifier([2, 4, 3, 1], activation, createRng(3));
      const g = lossGradient(net, set);
      const analytic = [...g.weights.flat(2), ...g.biases.flat()];
      const numeric = centralDifferenceGradient((p) => binaryCrossEntropy(withParams(net, p), set), flattenParams(net));
      expect(maxRelativeError(analytic, numeric)).toBeLessThan(1e-6);
      expect(g.loss).toBeCloseTo(binaryCrossEntropy(net, set), 12);
    });
  }

  it('binary cross-entropy by hand: one point, p = 1/2, gives ln 2; confident and right gives ~0', () => {
    // A network whose output pre-activation is 0 everywhere: all weights and biases 0 -> p = 1/2,
    // L = -ln(1/2) = ln 2 for either label.
    const zero = withParams(createBinaryClassifier([2, 2, 1], 'tanh', createRng(1)), new Array(9).fill(0));
    expect(binaryCrossEntropy(zero, { x: [[0.3, -0.2]], t: [1] })).toBeCloseTo(Math.LN2, 12);
    // Output bias 40, no weights: z = 40, L(t=1) = ln(1 + e^-40) ~ 4e-18, L(t=0) = 40 (never Infinity).
    const sure = withParams(zero, [0, 0, 0, 0, 0, 0, 0, 0, 40]);
    expect(binaryCrossEntropy(sure, { x: [[0, 0]], t: [1] })).toBeLessThan(1e-15);
    expect(binaryCrossEntropy(sure, { x: [[0, 0]], t: [0] })).toBeCloseTo(40, 9);
  });

  it('threshold form and bias form are the same neuron', () => {
    expect(thresholdToBias(0.5)).toBe(-0.5);
    expect(biasToThreshold(thresholdToBias(1.25))).toBe(1.25);
    const p = { weights: [1, -1], threshold: 0.5 };
    const unit = perceptronToUnit(p);
    expect(unit).toEqual({ weights: [1, -1], bias: -0.5 });
    expect(unitToPerceptron(unit)).toEqual(p);
    for (const x of [
      [0, 0],
      [1, 0],
      [0, 1],
      [1, 1],
    ])
      expect(x[0] * unit.weights[0] + x[1] * unit.weights[1] + unit.bias > 0 ? 1 : 0).toBe(predict(p, x));
  });

  it('the hand-built XOR network in dense form (big weights, sigmoid) gives XOR', () => {
    // Scale the threshold network by 20 so sigmoids act like steps; bias = -threshold.
    const xor = handBuiltXor();
    const k = 20;
    const net = {
      sizes: [2, 2, 1],
      activation: 'sigmoid' as const,
      weights: [xor.hidden.map((h) => h.weights.map((w) => w * k)), [xor.output.weights.map((w) => w * k)]],
      biases: [
        xor.hidden.map((h) => thresholdToBias(h.threshold) * k),
        [thresholdToBias(xor.output.threshold + 0.5) * k],
      ],
    };
    expect(
      [
        [0, 0],
        [0, 1],
        [1, 0],
        [1, 1],
      ].map((x) => (probability(net, x) > 0.5 ? 1 : 0)),
    ).toEqual([0, 1, 1, 0]);
  });

  it('training is deterministic and a too-large rate stops instead of producing NaN', () => {
    const a = createBinaryClassifier([2, 3, 1], 'relu', createRng(5));
    const run = (rate: number) => {
      let net = a;
      for (let i = 0; i < 20; i++) net = gradientStep(net, set, rate).net;
      return net;
    };
    expect(flattenParams(run(0.5))).toEqual(flattenParams(run(0.5)));
    let net = a;
    let diverged = false;
    for (let i = 0; i < 200 && !diverged; i++) {
      const s = gradientStep(net, set, 1e7);
      diverged = s.diverged;
      net = s.net;
    }
    expect(diverged).toBe(true);
    expect(flattenParams(net).every(Number.isFinite)).toBe(true);
  });

  it('grids every unit of every layer, row 0 at the top', () => {
    const net = createBinaryClassifier([2, 3, 2, 1], 'tanh', createRng(9));
    const box = { xMin: -1, xMax: 1, yMin: -1, yMax: 1 };
    const g = layerGrids(net, box, 8);
    expect(g.layers.map((l) => l.length)).toEqual([3, 2, 1]);
    // Cell (row 0, col 7) is the top-right corner's centre (0.875, 0.875).
    expect(outputGrid(g)[7]).toBeCloseTo(probability(net, [0.875, 0.875]), 6);
  });
});
