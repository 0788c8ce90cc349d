// A small yes/no network for 2-D point sets (chapter 4's boundaries): 2 inputs, one or more
// hidden layers, ONE sigmoid output read as P(label = 1). Parameters are plain nested arrays of
// float64 numbers, so a network is data: it sits in a machine's context, serialises as it is, and
// every step returns a new network without touching the old one.
//
// Layer l maps a (size n_l) to a' (size n_{l+1}):
//   z_j  = sum_i W[l][j][i] a_i + b[l][j]
//   a'_j = act(z_j)              for hidden layers (sigmoid, tanh or ReLU)
//   p    = sigmoid(z)            for the output layer
//
// Loss: binary cross-entropy for 0/1 targets t, written on the output's pre-activation z so it
// never takes log(0):  L = -(t ln p + (1 - t) ln(1 - p)) = max(z, 0) - z t + ln(1 + e^-|z|),
// and dL/dz = p - t (the sigmoid's derivative cancels against the log's). Training is plain
// full-batch gradient descent on the mean loss, so it needs no random numbers: the same network
// and the same points give bit-identical steps, which is what replays need.
//
// Threshold form vs bias form (chapter 3's lamp vs dense layers): a threshold neuron fires when
// w·x > threshold; a dense unit computes w·x + b and a step/sigmoid fires when that is > 0. They are
// the same neuron with b = -threshold (`thresholdToBias`, `biasToThreshold`).

import type { Perceptron } from '../perceptron';
import type { PointSet } from '../datasets';
import type { Rng } from '../random';

export const SMALL_ACTIVATIONS = ['sigmoid', 'tanh', 'relu'] as const;
export type SmallActivation = (typeof SMALL_ACTIVATIONS)[number];

export interface BinaryClassifier {
  /** Units per layer, inputs first and the single output last: e.g. [2, 4, 1] or [2, 6, 4, 1]. */
  sizes: number[];
  /** Activation of the hidden layers (the output is always a sigmoid). */
  activation: SmallActivation;
  /** weights[l][j][i]: from unit i of layer l to unit j of layer l + 1. */
  weights: number[][][];
  /** biases[l][j]: of unit j of layer l + 1 (bias form: b = -threshold). */
  biases: number[][];
}

/** Points as inputs and 0/1 targets, ready for training (no copies of the point set's labels). */
export interface TrainingSet {
  x: number[][];
  t: (0 | 1)[];
}

export function sigmoid(z: number): number {
  // Two branches so exp never overflows: for z < 0, 1 / (1 + e^-z) = e^z / (1 + e^z).
  if (z >= 0) return 1 / (1 + Math.exp(-z));
  const e = Math.exp(z);
  return e / (1 + e);
}

/** An activation and its derivative written from its output a = act(z) (and z for ReLU). */
const ACT: Record<SmallActivation, { f: (z: number) => number; df: (z: number, a: number) => number }> = {
  sigmoid: { f: sigmoid, df: (_z, a) => a * (1 - a) },
  tanh: { f: Math.tanh, df: (_z, a) => 1 - a * a },
  // The kink at 0 takes derivative 0 (any value in [0, 1] is a valid subgradient).
  relu: { f: (z) => (z > 0 ? z : 0), df: (z) => (z > 0 ? 1 : 0) },
};

export function isSmallActivation(name: unknown): name is SmallActivation {
  return typeof name === 'string' && (SMALL_ACTIVATIONS as readonly string[]).includes(name);
}

/** b = -threshold: "w·x > threshold" is "w·x + b > 0". */
export function thresholdToBias(threshold: number): number {
  return -threshold;
}

/** threshold = -b. */
export function biasToThreshold(bias: number): number {
  return -bias;
}

/** A threshold neuron (chapter 3's {weights, threshold}) as a dense unit's {weights, bias}. */
export function perceptronToUnit(p: Perceptron): { weights: number[]; bias: number } {
  return { weights: [...p.weights], bias: thresholdToBias(p.threshold) };
}

/** A dense unit as a threshold neuron: it fires (output > 1/2 for a sigmoid) exactly where the perceptron does. */
export function unitToPerceptron(unit: { weights: readonly number[]; bias: number }): Perceptron {
  return { weights: [...unit.weights], threshold: biasToThreshold(unit.bias) };
}

/** A point set's points as a training set (inputs copied, labels checked to be 0 or 1). */
export function toTrainingSet(set: Pick<PointSet, 'x' | 'y'>): TrainingSet {
  if (set.x.length !== set.y.length) throw new Error(`point set has ${set.x.length} points but ${set.y.length} labels`);
  return {
    x: set.x.map((p) => [...p]),
    t: set.y.map((y, i) => {
      if (y !== 0 && y !== 1) throw new Error(`label ${i} must be 0 or 1, got ${String(y)}`);
      return y;
    }),
  };
}

function checkSizes(sizes: readonly number[]): void {
  if (sizes.length < 2) throw new Error('a network needs at least an input and an output layer');
  if (sizes[sizes.length - 1] !== 1) throw new Error('a binary classifier has exactly one output unit');
  sizes.forEach((n, i) => {
    if (!Number.isInteger(n) || n < 1) throw new Error(`layer ${i} needs a whole number of units >= 1, got ${n}`);
  });
}

/** Initial weight for a unit with `fanIn` inputs: Gaussian, sd sqrt(2 / fanIn) for ReLU, sqrt(1 / fanIn) otherwise. */
export function initialWeight(activation: SmallActivation, fanIn: number, rng: Rng): number {
  return rng.normal(0, Math.sqrt((activation === 'relu' ? 2 : 1) / fanIn));
}

/** A fresh network; weights drawn from rng in layer, unit, input order; biases start at 0. */
export function createBinaryClassifier(
  sizes: readonly number[],
  activation: SmallActivation,
  rng: Rng,
): BinaryClassifier {
  checkSizes(sizes);
  if (!isSmallActivation(activation)) throw new Error(`unknown activation "${String(activation)}"`);
  const weights = sizes
    .slice(1)
    .map((n, l) =>
      Array.from({ length: n }, () => Array.from({ length: sizes[l] }, () => initialWeight(activation, sizes[l], rng))),
    );
  return { sizes: [...sizes], activation, weights, biases: sizes.slice(1).map((n) => new Array<number>(n).fill(0)) };
}

/** Every layer's outputs for one input: [x, hidden 1, ..., [p]]. */
export function forwardLayers(net: BinaryClassifier, x: readonly number[]): number[][] {
  const act = ACT[net.activation];
  const layers: number[][] = [x as number[]];
  let a = x;
  const last = net.weights.length - 1;
  for (let l = 0; l <= last; l++) {
    const W = net.weights[l];
    const b = net.biases[l];
    const out = new Array<number>(W.length);
    for (let j = 0; j < W.length; j++) {
      const row = W[j];
      let z = b[j];
      for (let i = 0; i < row.length; i++) z += row[i] * a[i];
      out[j] = l === last ? sigmoid(z) : act.f(z);
    }
    layers.push(out);
    a = out;
  }
  return layers;
}

/** P(label = 1) for one point. */
export function probability(net: BinaryClassifier, x: readonly number[]): number {
  const layers = forwardLayers(net, x);
  return layers[layers.length - 1][0];
}

/** BCE of one output pre-activation z against target t, stable for any z. */
export function bceFromLogit(z: number, t: number): number {
  return Math.max(z, 0) - z * t + Math.log1p(Math.exp(-Math.abs(z)));
}

/** Mean binary cross-entropy of the network on a set. */
export function binaryCrossEntropy(net: BinaryClassifier, set: TrainingSet): number {
  let sum = 0;
  for (let k = 0; k < set.x.length; k++) sum += bceFromLogit(outputLogit(net, set.x[k]), set.t[k]);
  return sum / set.x.length;
}

function outputLogit(net: BinaryClassifier, x: readonly number[]): number {
  return logitFromLayers(net, forwardLayers(net, x));
}

export interface Gradient {
  weights: number[][][];
  biases: number[][];
  /** Mean loss at the network the gradient was taken at. */
  loss: number;
}

/**
 * Mean BCE and its gradient by backpropagation. For each point, delta at the output is p - t;
 * a layer's delta is (W^T delta_next) * act'(z); dL/dW[l][j][i] = delta_{l+1, j} * a_{l, i}.
 */
export function lossGradient(net: BinaryClassifier, set: TrainingSet): Gradient {
  const n = set.x.length;
  if (n === 0) throw new Error('cannot take a gradient on an empty set');
  const act = ACT[net.activation];
  const gW = net.weights.map((W) => W.map((row) => new Array<number>(row.length).fill(0)));
  const gB = net.biases.map((b) => new Array<number>(b.length).fill(0));
  const last = net.weights.length - 1;
  let loss = 0;
  for (let k = 0; k < n; k++) {
    const layers = forwardLayers(net, set.x[k]);
    const p = layers[last + 1][0];
    // Recompute z at the output for the stable loss (p alone would need log(p)).
    loss += bceFromLogit(logitFromLayers(net, layers), set.t[k]);
    let delta = [p - set.t[k]];
    for (let l = last; l >= 0; l--) {
      const a = layers[l];
      const W = net.weights[l];
      for (let j = 0; j < W.length; j++) {
        gB[l][j] += delta[j];
        const g = gW[l][j];
        for (let i = 0; i < a.length; i++) g[i] += delta[j] * a[i];
      }
      if (l > 0) {
        const prev = new Array<number>(a.length).fill(0);
        for (let j = 0; j < W.length; j++) for (let i = 0; i < a.length; i++) prev[i] += W[j][i] * delta[j];
        // a = act(z) at layer l (a hidden layer); z is only needed for ReLU's kink, and z > 0 iff a > 0 there.
        for (let i = 0; i < a.length; i++) prev[i] *= act.df(a[i], a[i]);
        delta = prev;
      }
    }
  }
  const inv = 1 / n;
  return {
    weights: gW.map((W) => W.map((row) => row.map((g) => g * inv))),
    biases: gB.map((b) => b.map((g) => g * inv)),
    loss: loss * inv,
  };
}

function logitFromLayers(net: BinaryClassifier, layers: number[][]): number {
  const last = net.weights.length - 1;
  const h = layers[last];
  const row = net.weights[last][0];
  let z = net.biases[last][0];
  for (let i = 0; i < row.length; i++) z += row[i] * h[i];
  return z;
}

export interface TrainStep {
  net: BinaryClassifier;
  /** Mean loss before the step. */
  loss: number;
  /** True when the step would have left finite numbers (or |weights| grew past 1e6): `net` is then the old one. */
  diverged: boolean;
}

/** One full-batch gradient-descent step: every parameter moves by -rate * dL/dparam. */
export function gradientStep(net: BinaryClassifier, set: TrainingSet, rate: number): TrainStep {
  if (!(rate > 0) || !Number.isFinite(rate)) throw new Error(`learning rate must be a finite number > 0, got ${rate}`);
  const g = lossGradient(net, set);
  const ok = (v: number) => Number.isFinite(v) && Math.abs(v) < 1e6;
  let diverged = !Number.isFinite(g.loss);
  const weights = net.weights.map((W, l) =>
    W.map((row, j) =>
      row.map((w, i) => {
        const v = w - rate * g.weights[l][j][i];
        if (!ok(v)) diverged = true;
        return v;
      }),
    ),
  );
  const biases = net.biases.map((b, l) =>
    b.map((v0, j) => {
      const v = v0 - rate * g.biases[l][j];
      if (!ok(v)) diverged = true;
      return v;
    }),
  );
  if (diverged) return { net, loss: g.loss, diverged: true };
  return { net: { ...net, sizes: [...net.sizes], weights, biases }, loss: g.loss, diverged: false };
}

/** Share of points where (p > 1/2) equals the label, and the count. */
export function classifierAccuracy(
  net: BinaryClassifier,
  set: TrainingSet,
): { correct: number; size: number; accuracy: number } {
  let correct = 0;
  for (let k = 0; k < set.x.length; k++) if ((probability(net, set.x[k]) > 0.5 ? 1 : 0) === set.t[k]) correct++;
  return { correct, size: set.x.length, accuracy: set.x.length ? correct / set.x.length : 0 };
}

/** Hidden units in use (every layer but the input and the output). */
export function hiddenUnits(net: BinaryClassifier): number {
  return net.sizes.slice(1, -1).reduce((s, n) => s + n, 0);
}

/** Flattens parameters in (layer, unit, input) order then biases: for gradient checks and comparisons. */
export function flattenParams(net: BinaryClassifier): number[] {
  return [...net.weights.flat(2), ...net.biases.flat()];
}

/** The inverse of flattenParams for a network of the same shape. */
export function withParams(net: BinaryClassifier, flat: readonly number[]): BinaryClassifier {
  let k = 0;
  const weights = net.weights.map((W) => W.map((row) => row.map(() => flat[k++])));
  const biases = net.biases.map((b) => b.map(() => flat[k++]));
  if (k !== flat.length) throw new Error(`expected ${k} parameters, got ${flat.length}`);
  return { ...net, weights, biases };
}
