// Chapters 3-4: the threshold neuron (McCulloch-Pitts 1943, Rosenblatt 1957).
//
//   sum    = sum_i w_i x_i                       (the meter)
//   output = 1 if sum > threshold, else 0        (the lamp; convention: STRICTLY above the threshold)
//
// Rosenblatt's learning rule, one labelled example (x, t) at a time, t in {0, 1}:
//   error      = t - output                      (-1, 0 or +1)
//   w_i       += lr * error * x_i
//   threshold -= lr * error                      (the threshold is a bias with the sign flipped)
// On linearly separable data this stops making mistakes after finitely many steps (Novikoff 1962);
// on XOR it never does, since no line separates XOR's two classes.
//
// Parameters are plain data ({weights, threshold}), so they serialise and replay as they are.
// Every function returns new objects; none mutates its inputs.

import type { Condition } from './conditions';
import type { Rng } from './random';

export interface Perceptron {
  weights: number[];
  threshold: number;
}

export interface PerceptronStep {
  before: Perceptron;
  after: Perceptron;
  input: number[];
  target: 0 | 1;
  sum: number;
  output: 0 | 1;
  /** target - output */
  error: -1 | 0 | 1;
  /** after.weights - before.weights */
  weightChanges: number[];
  /** after.threshold - before.threshold */
  thresholdChange: number;
  changed: boolean;
}

function checkVector(x: readonly number[], what: string, length?: number): void {
  if (!Array.isArray(x)) throw new Error(`${what} must be an array of numbers`);
  if (length !== undefined && x.length !== length) {
    throw new Error(`${what} has length ${x.length}, expected ${length}`);
  }
  x.forEach((v, i) => {
    if (typeof v !== 'number' || !Number.isFinite(v))
      throw new Error(`${what}[${i}] is not a finite number: ${String(v)}`);
  });
}

function checkPerceptron(p: Perceptron): void {
  if (typeof p !== 'object' || p === null) throw new Error('perceptron must be an object {weights, threshold}');
  checkVector(p.weights, 'perceptron weights');
  if (typeof p.threshold !== 'number' || !Number.isFinite(p.threshold)) {
    throw new Error(`perceptron threshold is not a finite number: ${String(p.threshold)}`);
  }
}

function checkTarget(t: number, what: string): 0 | 1 {
  if (t !== 0 && t !== 1) throw new Error(`${what} must be 0 or 1, got ${String(t)}`);
  return t;
}

function checkRate(lr: number): void {
  if (typeof lr !== 'number' || !Number.isFinite(lr) || lr <= 0) {
    throw new Error(`learning rate must be a finite number > 0, got ${String(lr)}`);
  }
}

/** A perceptron with n inputs; all knobs at `weight` (default 0) and the given threshold. */
export function createPerceptron(n: number, threshold = 0, weight = 0): Perceptron {
  if (!Number.isInteger(n) || n < 1) throw new Error(`perceptron input count must be an integer >= 1, got ${n}`);
  const p = { weights: new Array<number>(n).fill(weight), threshold };
  checkPerceptron(p);
  return p;
}

/** sum_i w_i x_i: what the meter shows. */
export function weightedSum(p: Perceptron, x: readonly number[]): number {
  checkPerceptron(p);
  checkVector(x, 'input', p.weights.length);
  let s = 0;
  for (let i = 0; i < x.length; i++) s += p.weights[i] * x[i];
  return s;
}

/** The step output: 1 when the weighted sum is strictly above the threshold. */
export function predict(p: Perceptron, x: readonly number[]): 0 | 1 {
  return weightedSum(p, x) > p.threshold ? 1 : 0;
}

/** One Rosenblatt step on one example; returns the new knobs and what changed. */
export function perceptronStep(p: Perceptron, x: readonly number[], target: number, lr = 1): PerceptronStep {
  checkRate(lr);
  const t = checkTarget(target, 'target');
  const sum = weightedSum(p, x);
  const output: 0 | 1 = sum > p.threshold ? 1 : 0;
  const error = (t - output) as -1 | 0 | 1;
  const weightChanges = x.map((xi) => lr * error * xi);
  const thresholdChange = -lr * error;
  const after: Perceptron = {
    weights: p.weights.map((w, i) => w + weightChanges[i]),
    threshold: p.threshold + thresholdChange,
  };
  const before: Perceptron = { weights: [...p.weights], threshold: p.threshold };
  return {
    before,
    after,
    input: [...x],
    target: t,
    sum,
    output,
    error,
    weightChanges,
    thresholdChange,
    changed: error !== 0,
  };
}

export interface EpochResult {
  perceptron: Perceptron;
  steps: PerceptronStep[];
  mistakes: number;
}

function checkDataset(xs: readonly (readonly number[])[], ts: readonly number[]): void {
  if (!Array.isArray(xs) || !Array.isArray(ts)) throw new Error('inputs and targets must be arrays');
  if (xs.length !== ts.length) throw new Error(`inputs (${xs.length}) and targets (${ts.length}) differ in length`);
  if (xs.length === 0) throw new Error('dataset is empty');
  ts.forEach((t, i) => checkTarget(t, `targets[${i}]`));
}

/** One pass over the examples (in order, or shuffled by `rng`), a step per example. */
export function perceptronEpoch(
  p: Perceptron,
  xs: readonly (readonly number[])[],
  ts: readonly number[],
  lr = 1,
  rng?: Rng,
): EpochResult {
  checkDataset(xs, ts);
  const order = xs.map((_, i) => i);
  if (rng) rng.shuffle(order);
  const steps: PerceptronStep[] = [];
  let current = p;
  for (const i of order) {
    const step = perceptronStep(current, xs[i], ts[i], lr);
    steps.push(step);
    current = step.after;
  }
  return { perceptron: current, steps, mistakes: steps.filter((s) => s.changed).length };
}

export interface TrainResult {
  perceptron: Perceptron;
  epochs: number;
  converged: boolean;
  mistakesPerEpoch: number[];
}

/** Epochs until one makes no mistake (converged) or maxEpochs have run. */
export function trainPerceptron(
  p: Perceptron,
  xs: readonly (readonly number[])[],
  ts: readonly number[],
  options: { lr?: number; maxEpochs?: number; rng?: Rng } = {},
): TrainResult {
  const maxEpochs = options.maxEpochs ?? 100;
  if (!Number.isInteger(maxEpochs) || maxEpochs < 1)
    throw new Error(`maxEpochs must be an integer >= 1, got ${maxEpochs}`);
  const mistakesPerEpoch: number[] = [];
  let current = p;
  for (let e = 0; e < maxEpochs; e++) {
    const epoch = perceptronEpoch(current, xs, ts, options.lr ?? 1, options.rng);
    current = epoch.perceptron;
    mistakesPerEpoch.push(epoch.mistakes);
    if (epoch.mistakes === 0) return { perceptron: current, epochs: e + 1, converged: true, mistakesPerEpoch };
  }
  return { perceptron: current, epochs: maxEpochs, converged: false, mistakesPerEpoch };
}

/** Fraction of examples where predict(p, x) equals the target. */
export function perceptronAccuracy(p: Perceptron, xs: readonly (readonly number[])[], ts: readonly number[]): number {
  checkDataset(xs, ts);
  let right = 0;
  xs.forEach((x, i) => {
    if (predict(p, x) === ts[i]) right++;
  });
  return right / xs.length;
}

/** The line a*x + b*y = c. */
export interface Line2D {
  a: number;
  b: number;
  c: number;
}

/** For 2 inputs: the boundary w1 x + w2 y = threshold (lamp on the side where a x + b y > c). */
export function decisionLine(p: Perceptron): Line2D | null {
  checkPerceptron(p);
  if (p.weights.length !== 2)
    throw new Error(`decisionLine needs a 2-input perceptron, got ${p.weights.length} inputs`);
  const [a, b] = p.weights;
  if (a === 0 && b === 0) return null; // no line: the lamp is on everywhere or nowhere
  return { a, b, c: p.threshold };
}

export interface Box2D {
  xMin: number;
  xMax: number;
  yMin: number;
  yMax: number;
}

/** Where the line crosses the box: two endpoints to draw, or null when it misses the box. */
export function lineInBox(line: Line2D, box: Box2D): [[number, number], [number, number]] | null {
  const { a, b, c } = line;
  const { xMin, xMax, yMin, yMax } = box;
  if (!(xMin < xMax && yMin < yMax)) throw new Error('box must have xMin < xMax and yMin < yMax');
  const points: [number, number][] = [];
  const add = (x: number, y: number): void => {
    const eps = 1e-12 * Math.max(1, Math.abs(x), Math.abs(y));
    if (x < xMin - eps || x > xMax + eps || y < yMin - eps || y > yMax + eps) return;
    if (points.some(([px, py]) => Math.abs(px - x) <= eps && Math.abs(py - y) <= eps)) return;
    points.push([x, y]);
  };
  // Vertical edges: y = (c - a x) / b; horizontal edges: x = (c - b y) / a.
  if (b !== 0) {
    add(xMin, (c - a * xMin) / b);
    add(xMax, (c - a * xMax) / b);
  }
  if (a !== 0) {
    add((c - b * yMin) / a, yMin);
    add((c - b * yMax) / a, yMax);
  }
  if (points.length < 2) return null;
  return [points[0], points[1]];
}

/**
 * Translates a rule over boolean features into knobs. Accepted shapes: a literal
 * (`{op:'is', fact}`, `{op:'is', fact, value:false}`, `{op:'not', condition: literal}`), or an
 * AND / OR of literals. Features are the input order; inputs are 1 (true) or 0 (false).
 *
 *   weight = +1 for "feature", -1 for "NOT feature", 0 for features the rule ignores
 *   sum    = (#positive literals true) - (#negative literals true)
 *   AND of P positive literals: all hold  <=>  sum = P       -> threshold P - 1/2
 *   OR with N negative literals: none hold <=> sum = -N      -> threshold -N + 1/2
 */
export function ruleToPerceptron(rule: Condition, features: readonly string[]): Perceptron {
  const literals = rule.op === 'and' || rule.op === 'or' ? rule.conditions.map((c) => literalOf(c)) : [literalOf(rule)];
  const weights = features.map(() => 0);
  for (const { fact, positive } of literals) {
    const i = features.indexOf(fact);
    if (i < 0) throw new Error(`ruleToPerceptron: rule mentions unknown feature "${fact}"`);
    if (weights[i] !== 0) throw new Error(`ruleToPerceptron: feature "${fact}" appears twice in the rule`);
    weights[i] = positive ? 1 : -1;
  }
  const positives = literals.filter((l) => l.positive).length;
  const negatives = literals.length - positives;
  const threshold = rule.op === 'or' ? -negatives + 0.5 : positives - 0.5;
  return { weights, threshold };
}

function literalOf(c: Condition): { fact: string; positive: boolean } {
  if (c.op === 'is') return { fact: c.fact, positive: c.value ?? true };
  if (c.op === 'not' && c.condition.op === 'is')
    return { fact: c.condition.fact, positive: !(c.condition.value ?? true) };
  throw new Error(`ruleToPerceptron: only feature literals joined by one AND or one OR translate, found op "${c.op}"`);
}

/** Boolean/number facts to an input vector in `features` order (true -> 1, false -> 0). */
export function featureVector(
  facts: Readonly<Record<string, boolean | number>>,
  features: readonly string[],
): number[] {
  return features.map((f) => {
    const v = facts[f];
    if (typeof v === 'boolean') return v ? 1 : 0;
    if (typeof v === 'number' && Number.isFinite(v)) return v;
    throw new Error(`featureVector: feature "${f}" is missing or not a boolean/finite number`);
  });
}
