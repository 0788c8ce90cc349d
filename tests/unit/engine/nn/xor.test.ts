import { describe, expect, it } from 'vitest';
import { createNetwork, createTrainer, getLoss } from '../../../../src/engine/nn';

const X = new Float32Array([0, 0, 0, 1, 1, 0, 1, 1]);
const XOR = new Float32Array([0, 1, 1, 0]);

describe('XOR', () => {
  it('a 2-2-1 sigmoid net learns XOR by backprop from a fixed seed', () => {
    const net = createNetwork(
      {
        input: 2,
        layers: [
          { units: 2, activation: 'sigmoid' },
          { units: 1, activation: 'sigmoid' },
        ],
      },
      { seed: 1 },
    );
    const trainer = createTrainer(net, { loss: 'mse', optimizer: { kind: 'sgd', learningRate: 2 } });
    const first = trainer.step(X, XOR);
    let last = first;
    for (let i = 1; i < 3000; i++) last = trainer.step(X, XOR);
    expect(last).toBeLessThan(first / 10);
    const p = net.predict(X);
    [0, 1, 1, 0].forEach((t, i) => expect(Math.abs(p[i] - t)).toBeLessThan(0.2));
  });

  it('hand-set weights with step units compute XOR exactly', () => {
    // h0 = step(x1 + x2 - 0.5) is OR, h1 = step(x1 + x2 - 1.5) is AND,
    // y = step(h0 - h1 - 0.5) is "OR but not AND" = XOR.
    const net = createNetwork(
      {
        input: 2,
        layers: [
          { units: 2, activation: 'step' },
          { units: 1, activation: 'step' },
        ],
      },
      { init: 'zeros' },
    );
    net.setNeuron(0, 0, [1, 1], -0.5);
    net.setNeuron(0, 1, [1, 1], -1.5);
    net.setNeuron(1, 0, [1, -1], -0.5);
    expect(Array.from(net.predict(X))).toEqual([0, 1, 1, 0]);
    expect(net.getNeuron(0, 1)).toEqual({ incoming: [1, 1], bias: -1.5 });
  });

  it('training through a step activation throws a clear error', () => {
    const net = createNetwork(
      {
        input: 2,
        layers: [
          { units: 2, activation: 'step' },
          { units: 1, activation: 'sigmoid' },
        ],
      },
      { seed: 3 },
    );
    expect(() => createTrainer(net, { loss: 'mse', optimizer: { kind: 'sgd', learningRate: 1 } })).toThrow(
      /layers\[0\] uses the step activation, which has no gradient/,
    );
    expect(() => net.accumulate(X, XOR, getLoss('mse'))).toThrow(/no gradient/);
  });
});
