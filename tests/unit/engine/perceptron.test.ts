import { describe, expect, it } from 'vitest';
import { evaluateCondition, type Condition } from '../../../src/engine/conditions';
import {
  perceptronAccuracy,
  createPerceptron,
  decisionLine,
  featureVector,
  lineInBox,
  perceptronEpoch,
  perceptronStep,
  predict,
  ruleToPerceptron,
  trainPerceptron,
  weightedSum,
} from '../../../src/engine/perceptron';
import { createRng } from '../../../src/engine/random';
import { handBuiltXor, runThresholdNetwork } from '../../../src/engine/thresholdNetwork';

const TABLE = [
  [0, 0],
  [0, 1],
  [1, 0],
  [1, 1],
];
const AND = [0, 0, 0, 1];
const OR = [0, 1, 1, 1];
const XOR = [0, 1, 1, 0];

/** All 2^n boolean input vectors. */
function allInputs(n: number): number[][] {
  return Array.from({ length: 2 ** n }, (_, k) => Array.from({ length: n }, (_, i) => (k >> i) & 1));
}

describe('perceptron', () => {
  it('sums, compares strictly above the threshold', () => {
    const p = { weights: [2, -1, 0.5], threshold: 1 };
    expect(weightedSum(p, [1, 1, 2])).toBe(2); // 2 - 1 + 1
    expect(predict(p, [1, 1, 0])).toBe(0); // sum 1 is not above 1
    expect(predict(p, [1, 1, 2])).toBe(1);
  });

  it('one Rosenblatt step reports exactly what changed', () => {
    const p = createPerceptron(2); // w = (0, 0), threshold 0
    const step = perceptronStep(p, [1, 1], 1, 0.5);
    // sum 0 is not > 0 -> output 0, error = 1 - 0 = 1
    // w_i += 0.5 * 1 * 1 = +0.5 each; threshold -= 0.5 * 1
    expect(step.output).toBe(0);
    expect(step.error).toBe(1);
    expect(step.weightChanges).toEqual([0.5, 0.5]);
    expect(step.thresholdChange).toBe(-0.5);
    expect(step.after).toEqual({ weights: [0.5, 0.5], threshold: -0.5 });
    expect(step.changed).toBe(true);
    expect(p).toEqual({ weights: [0, 0], threshold: 0 }); // not mutated
    const same = perceptronStep(step.after, [1, 1], 1, 0.5);
    expect(same.changed).toBe(false);
    expect(same.after).toEqual(step.after);
  });

  it('converges on AND and OR', () => {
    for (const target of [AND, OR]) {
      const result = trainPerceptron(createPerceptron(2), TABLE, target, { lr: 1, maxEpochs: 50 });
      expect(result.converged).toBe(true);
      expect(perceptronAccuracy(result.perceptron, TABLE, target)).toBe(1);
      expect(result.mistakesPerEpoch.at(-1)).toBe(0);
    }
  });

  it('converges on a seeded linearly separable cloud, deterministically', () => {
    const rng = createRng(2024);
    const xs: number[][] = [];
    const ts: number[] = [];
    while (xs.length < 100) {
      const x = [rng.uniform(-1, 1), rng.uniform(-1, 1)];
      const s = 0.8 * x[0] - 0.6 * x[1] - 0.1; // true line, keep a margin of 0.05
      if (Math.abs(s) < 0.05) continue;
      xs.push(x);
      ts.push(s > 0 ? 1 : 0);
    }
    const run = () => trainPerceptron(createPerceptron(2), xs, ts, { lr: 0.1, maxEpochs: 1000, rng: createRng(1) });
    const result = run();
    expect(result.converged).toBe(true);
    expect(perceptronAccuracy(result.perceptron, xs, ts)).toBe(1);
    expect(run()).toEqual(result);
  });

  it('never separates XOR: every epoch still errs', () => {
    const result = trainPerceptron(createPerceptron(2), TABLE, XOR, { lr: 0.1, maxEpochs: 2000 });
    expect(result.converged).toBe(false);
    expect(Math.min(...result.mistakesPerEpoch)).toBeGreaterThan(0);
    expect(perceptronAccuracy(result.perceptron, TABLE, XOR)).toBeLessThanOrEqual(0.75);
    // Nor does any hand setting on a grid of knobs.
    let best = 0;
    for (let w1 = -3; w1 <= 3; w1 += 0.5)
      for (let w2 = -3; w2 <= 3; w2 += 0.5)
        for (let t = -3; t <= 3; t += 0.25)
          best = Math.max(best, perceptronAccuracy({ weights: [w1, w2], threshold: t }, TABLE, XOR));
    expect(best).toBe(0.75);
  });

  it('the hand-built XOR network gives the XOR table', () => {
    const net = handBuiltXor();
    expect(TABLE.map((x) => runThresholdNetwork(net, x).output)).toEqual(XOR);
    expect(runThresholdNetwork(net, [1, 0])).toEqual({ hiddenSums: [1, -1], hidden: [1, 0], outputSum: 1, output: 1 });
  });

  it('epoch returns every step in order', () => {
    const epoch = perceptronEpoch(createPerceptron(2), TABLE, AND, 1);
    expect(epoch.steps).toHaveLength(4);
    expect(epoch.steps[1].before).toEqual(epoch.steps[0].after);
    expect(epoch.perceptron).toEqual(epoch.steps[3].after);
    expect(epoch.mistakes).toBe(epoch.steps.filter((s) => s.error !== 0).length);
  });

  it('decision line and its endpoints in a box', () => {
    const p = { weights: [1, 1], threshold: 1.5 }; // AND: x + y = 1.5
    expect(decisionLine(p)).toEqual({ a: 1, b: 1, c: 1.5 });
    const ends = lineInBox({ a: 1, b: 1, c: 1.5 }, { xMin: 0, xMax: 1, yMin: 0, yMax: 1 });
    expect(ends).not.toBeNull();
    for (const [x, y] of ends ?? []) expect(x + y).toBeCloseTo(1.5, 12);
    expect(ends).toEqual([
      [1, 0.5],
      [0.5, 1],
    ]);
    expect(lineInBox({ a: 1, b: 0, c: 0.25 }, { xMin: 0, xMax: 1, yMin: -1, yMax: 1 })).toEqual([
      [0.25, -1],
      [0.25, 1],
    ]);
    expect(lineInBox({ a: 1, b: 1, c: 10 }, { xMin: 0, xMax: 1, yMin: 0, yMax: 1 })).toBeNull();
    expect(decisionLine({ weights: [0, 0], threshold: 1 })).toBeNull();
  });

  it('translates "red AND sweet AND NOT big" into knobs that agree on all 2^n fruits', () => {
    const features = ['red', 'sweet', 'big', 'round', 'sour'];
    const rules: Condition[] = [
      {
        op: 'and',
        conditions: [
          { op: 'is', fact: 'red' },
          { op: 'is', fact: 'sweet' },
          { op: 'not', condition: { op: 'is', fact: 'big' } },
        ],
      },
      {
        op: 'or',
        conditions: [
          { op: 'is', fact: 'sour' },
          { op: 'is', fact: 'big', value: false },
        ],
      },
      { op: 'not', condition: { op: 'is', fact: 'round' } },
      { op: 'is', fact: 'red' },
    ];
    const lamp = ruleToPerceptron(rules[0], features);
    expect(lamp).toEqual({ weights: [1, 1, -1, 0, 0], threshold: 1.5 });
    for (const rule of rules) {
      const p = ruleToPerceptron(rule, features);
      for (const x of allInputs(features.length)) {
        const facts = Object.fromEntries(features.map((f, i) => [f, x[i] === 1]));
        const expected = evaluateCondition(rule, facts).result === true ? 1 : 0;
        expect(predict(p, featureVector(facts, features))).toBe(expected);
      }
    }
  });

  it('bad input throws a message naming the problem', () => {
    const p = createPerceptron(2);
    expect(() => predict(p, [1])).toThrow(/input has length 1, expected 2/);
    expect(() => predict(p, [1, Number.NaN])).toThrow(/input\[1\]/);
    expect(() => perceptronStep(p, [1, 1], 2)).toThrow(/target/);
    expect(() => perceptronStep(p, [1, 1], 1, -1)).toThrow(/learning rate/);
    expect(() => trainPerceptron(p, TABLE, [0, 1])).toThrow(/differ in length/);
    expect(() => decisionLine(createPerceptron(3))).toThrow(/2-input/);
    expect(() => createPerceptron(0)).toThrow(/input count/);
    expect(() => ruleToPerceptron({ op: 'is', fact: 'blue' }, ['red'])).toThrow(/unknown feature "blue"/);
    expect(() => ruleToPerceptron({ op: '>', fact: 'red', value: 1 }, ['red'])).toThrow(/op ">"/);
    expect(() => featureVector({}, ['red'])).toThrow(/"red"/);
    expect(() => runThresholdNetwork({ hidden: [p], output: createPerceptron(2) }, [0, 0])).toThrow(
      /output neuron has 2 weights/,
    );
  });
});
