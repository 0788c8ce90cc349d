// Chapter 4's part C, the lab: a small network learns a point set (circle, two moons, spiral).
// Everything random is drawn from generators seeded by (attempt seed, purpose, index), and
// training is full-batch gradient descent, so the same recorded edits and epochs give the same
// network bit for bit. The test points are never trained on: the challenge scores them.
import {
  SMALL_ACTIVATIONS,
  biasToThreshold,
  binaryCrossEntropy,
  classifierAccuracy,
  createBinaryClassifier,
  createRng,
  gradientStep,
  hiddenUnits,
  initialWeight,
  makePointSet,
  splitPointSet,
  thresholdToBias,
  toTrainingSet,
  type BinaryClassifier,
  type SmallActivation,
  type TrainingSet,
} from '../../engine';
import { deriveSeed } from '../shared/seeds';
import type { LabDataset, MinskyLevel } from './minskyLevel';
import { snap } from './minskyModel';

export type DatasetId = LabDataset['id'];

/** Why training stopped or what went wrong, in a word the view turns into a sentence. */
export type LabWarning = 'tooFast' | 'bouncing' | 'limit' | null;

export interface LabState {
  dataset: DatasetId;
  rate: number;
  net: BinaryClassifier;
  /** How many fresh draws of weights so far (each new neuron, layer or reset is one). */
  draws: number;
  epochs: number;
  /** Mean loss on the training and test points after each epoch (index 0: before any). */
  trainLoss: number[];
  testLoss: number[];
  warning: LabWarning;
}

export interface LabData {
  train: TrainingSet;
  test: TrainingSet;
}

const dataCache = new Map<string, LabData>();

/** The point set of the attempt, split into train and test, drawn from the attempt's seed. */
export function labData(level: MinskyLevel, seed: number, id: DatasetId): LabData {
  const d = datasetOf(level, id);
  const key = `${seed}|${level.version}|${JSON.stringify(d)}`;
  const cached = dataCache.get(key);
  if (cached) return cached;
  const rng = createRng(deriveSeed(seed, 'points', id));
  const set = makePointSet(id, { rng, count: d.count, noise: d.noise });
  const { train, test } = splitPointSet(set, d.testFraction, rng);
  const data = { train: toTrainingSet(train), test: toTrainingSet(test) };
  if (dataCache.size > 32) dataCache.clear();
  dataCache.set(key, data);
  return data;
}

export function datasetOf(level: MinskyLevel, id: string): LabDataset {
  const d = level.lab.datasets.find((x) => x.id === id);
  if (!d) throw new Error(`Unknown point set "${id}"`);
  return d;
}

export function hiddenLayers(net: BinaryClassifier): number[] {
  return net.sizes.slice(1, -1);
}

function freshNet(seed: number, draws: number, layers: number[], activation: SmallActivation): BinaryClassifier {
  return createBinaryClassifier([2, ...layers, 1], activation, createRng(deriveSeed(seed, 'init', draws)));
}

function withLosses(level: MinskyLevel, seed: number, lab: LabState): LabState {
  const data = labData(level, seed, lab.dataset);
  return {
    ...lab,
    epochs: 0,
    trainLoss: [binaryCrossEntropy(lab.net, data.train)],
    testLoss: [binaryCrossEntropy(lab.net, data.test)],
    warning: null,
  };
}

export function createLab(level: MinskyLevel, seed: number): LabState {
  const s = level.lab.start;
  const net = freshNet(seed, 0, s.layers, s.activation);
  return withLosses(level, seed, {
    dataset: s.dataset,
    rate: s.rate,
    net,
    draws: 1,
    epochs: 0,
    trainLoss: [],
    testLoss: [],
    warning: null,
  });
}

/** A new network shape starts the loss curve again from the current weights. */
function reshaped(level: MinskyLevel, seed: number, lab: LabState, net: BinaryClassifier, draws: number): LabState {
  return withLosses(level, seed, { ...lab, net, draws });
}

export function pickDataset(level: MinskyLevel, seed: number, lab: LabState, id: DatasetId): LabState {
  datasetOf(level, id);
  return withLosses(level, seed, { ...lab, dataset: id });
}

export function canAddNeuron(level: MinskyLevel, lab: LabState, layer: number): boolean {
  const layers = hiddenLayers(lab.net);
  return (
    layer >= 0 &&
    layer < layers.length &&
    layers[layer] < level.lab.maxPerLayer &&
    hiddenUnits(lab.net) < level.lab.maxNeurons
  );
}

export function canRemoveNeuron(lab: LabState, layer: number): boolean {
  const layers = hiddenLayers(lab.net);
  return layer >= 0 && layer < layers.length && layers[layer] > 1;
}

/** Adds one neuron at the end of a hidden layer; its weights in and out are fresh draws, the rest stay. */
export function addNeuron(level: MinskyLevel, seed: number, lab: LabState, layer: number): LabState {
  if (!canAddNeuron(level, lab, layer)) return lab;
  const rng = createRng(deriveSeed(seed, 'init', lab.draws));
  const { net } = lab;
  const sizes = [...net.sizes];
  const l = layer + 1;
  sizes[l] += 1;
  const weights = net.weights.map((W) => W.map((row) => [...row]));
  const biases = net.biases.map((b) => [...b]);
  weights[l - 1].push(Array.from({ length: sizes[l - 1] }, () => initialWeight(net.activation, sizes[l - 1], rng)));
  biases[l - 1].push(0);
  weights[l] = weights[l].map((row) => [...row, initialWeight(net.activation, sizes[l], rng)]);
  return reshaped(level, seed, lab, { ...net, sizes, weights, biases }, lab.draws + 1);
}

/** Removes the last neuron of a hidden layer with its weights in and out. */
export function removeNeuron(level: MinskyLevel, seed: number, lab: LabState, layer: number): LabState {
  if (!canRemoveNeuron(lab, layer)) return lab;
  const { net } = lab;
  const l = layer + 1;
  const sizes = [...net.sizes];
  sizes[l] -= 1;
  const weights = net.weights.map((W) => W.map((row) => [...row]));
  const biases = net.biases.map((b) => [...b]);
  weights[l - 1].pop();
  biases[l - 1].pop();
  weights[l] = weights[l].map((row) => row.slice(0, -1));
  return reshaped(level, seed, lab, { ...net, sizes, weights, biases }, lab.draws);
}

export function canAddLayer(level: MinskyLevel, lab: LabState): boolean {
  return hiddenLayers(lab.net).length < level.lab.maxLayers && hiddenUnits(lab.net) + 2 <= level.lab.maxNeurons;
}

/** A second hidden layer of two neurons: the whole network gets fresh weights. */
export function addLayer(level: MinskyLevel, seed: number, lab: LabState): LabState {
  if (!canAddLayer(level, lab)) return lab;
  const layers = [...hiddenLayers(lab.net), 2];
  return reshaped(level, seed, lab, freshNet(seed, lab.draws, layers, lab.net.activation), lab.draws + 1);
}

export function removeLayer(level: MinskyLevel, seed: number, lab: LabState): LabState {
  const layers = hiddenLayers(lab.net);
  if (layers.length < 2) return lab;
  return reshaped(level, seed, lab, freshNet(seed, lab.draws, layers.slice(0, -1), lab.net.activation), lab.draws + 1);
}

/** Same shape, fresh weights. */
export function resetWeights(level: MinskyLevel, seed: number, lab: LabState): LabState {
  return reshaped(
    level,
    seed,
    lab,
    freshNet(seed, lab.draws, hiddenLayers(lab.net), lab.net.activation),
    lab.draws + 1,
  );
}

export function setActivation(level: MinskyLevel, seed: number, lab: LabState, activation: SmallActivation): LabState {
  if (!SMALL_ACTIVATIONS.includes(activation)) return lab;
  return reshaped(level, seed, lab, { ...lab.net, activation }, lab.draws);
}

export function setRate(level: MinskyLevel, lab: LabState, rate: number): LabState {
  if (!level.lab.rates.includes(rate)) return lab;
  return { ...lab, rate, warning: lab.warning === 'limit' ? 'limit' : null };
}

export function canTrain(level: MinskyLevel, lab: LabState): boolean {
  return lab.epochs < level.lab.maxEpochs && lab.warning !== 'tooFast';
}

/**
 * Runs up to `count` epochs. Stops early when a step would blow the numbers up (the rate is far
 * too big: the network keeps its last good weights and says so) or at the epoch limit. Running
 * a then b epochs equals running a + b epochs, so an attempt records runs merged.
 */
export function train(level: MinskyLevel, seed: number, lab: LabState, count: number): LabState {
  const data = labData(level, seed, lab.dataset);
  let { net, warning } = lab;
  let epochs = lab.epochs;
  const trainLoss = [...lab.trainLoss];
  const testLoss = [...lab.testLoss];
  for (let i = 0; i < count && canTrain(level, { ...lab, epochs, warning }); i++) {
    const step = gradientStep(net, data.train, lab.rate);
    if (step.diverged) {
      warning = 'tooFast';
      break;
    }
    net = step.net;
    epochs += 1;
    trainLoss.push(binaryCrossEntropy(net, data.train));
    testLoss.push(binaryCrossEntropy(net, data.test));
    if (epochs >= level.lab.maxEpochs) warning = 'limit';
    else if (warning !== 'limit') warning = bouncing(trainLoss) ? 'bouncing' : null;
  }
  return { ...lab, net, epochs, trainLoss, testLoss, warning };
}

/** The loss went up in at least 5 of the last 8 epochs: steps overshoot the valley. */
export function bouncing(loss: readonly number[]): boolean {
  if (loss.length < 9) return false;
  let ups = 0;
  for (let i = loss.length - 8; i < loss.length; i++) if (loss[i] > loss[i - 1] + 1e-9) ups++;
  return ups >= 5;
}

/** Hand tuning: first-layer neuron `unit`'s knob, shown in threshold form (w1 x + w2 y > threshold). */
export type HandParam = 'w1' | 'w2' | 'threshold';

export function handValue(lab: LabState, unit: number, param: HandParam): number {
  const row = lab.net.weights[0][unit];
  if (!row) throw new Error(`No neuron ${unit + 1} in the first layer`);
  if (param === 'threshold') return biasToThreshold(lab.net.biases[0][unit]);
  return row[param === 'w1' ? 0 : 1];
}

export function setHand(
  level: MinskyLevel,
  seed: number,
  lab: LabState,
  unit: number,
  param: HandParam,
  value: number,
): LabState {
  if (unit < 0 || unit >= lab.net.weights[0].length) return lab;
  const v = snap(level.lab.handKnob, value);
  const weights = lab.net.weights.map((W) => W.map((row) => [...row]));
  const biases = lab.net.biases.map((b) => [...b]);
  if (param === 'threshold') biases[0][unit] = thresholdToBias(v);
  else weights[0][unit][param === 'w1' ? 0 : 1] = v;
  return reshaped(level, seed, lab, { ...lab.net, weights, biases }, lab.draws);
}

export interface ChallengeRun {
  dataset: DatasetId;
  correct: number;
  size: number;
  accuracy: number;
  neurons: number;
  layers: number[];
  activation: SmallActivation;
  epochs: number;
  passed: boolean;
  stars: 0 | 1 | 2 | 3;
}

export function starsFor(level: MinskyLevel, id: DatasetId, accuracy: number, neurons: number): 0 | 1 | 2 | 3 {
  const d = datasetOf(level, id);
  if (accuracy < d.passAt) return 0;
  let best: 1 | 2 | 3 = 1;
  for (const s of d.stars)
    if (accuracy >= s.minAccuracy && neurons <= s.maxNeurons && s.stars > best) best = s.stars as 2 | 3;
  return best;
}

/** Scores the network as it stands on the test points of its point set. */
export function runChallenge(level: MinskyLevel, seed: number, lab: LabState): ChallengeRun {
  const { test } = labData(level, seed, lab.dataset);
  const { correct, size, accuracy } = classifierAccuracy(lab.net, test);
  const neurons = hiddenUnits(lab.net);
  const stars = starsFor(level, lab.dataset, accuracy, neurons);
  return {
    dataset: lab.dataset,
    correct,
    size,
    accuracy,
    neurons,
    layers: hiddenLayers(lab.net),
    activation: lab.net.activation,
    epochs: lab.epochs,
    passed: stars > 0,
    stars,
  };
}

/** Epochs the test loss must have been rising for before the lab calls it overfitting. */
export const OVERFIT_WINDOW = 20;

function meanOf(values: readonly number[], from: number, to: number): number {
  let sum = 0;
  for (let i = from; i < to; i++) sum += values[i];
  return sum / (to - from);
}

/**
 * Overfitting, as the loss curves show it: the epoch where the test loss was lowest, once the
 * test loss has clearly risen since (over the last OVERFIT_WINDOW epochs it averages 0.01 plus
 * 2 % above that low, and so does the latest) while the training loss kept falling (it averages
 * below its value at the low). The low must come after OVERFIT_WINDOW epochs of training, so the
 * first jumpy epochs of a fresh network do not count. Null while that is not so.
 */
export function overfitStart(trainLoss: readonly number[], testLoss: readonly number[]): number | null {
  const n = Math.min(trainLoss.length, testLoss.length);
  if (n < 3 * OVERFIT_WINDOW) return null;
  let best = OVERFIT_WINDOW;
  for (let i = best + 1; i < n; i++) if (testLoss[i] < testLoss[best]) best = i;
  if (n - 1 - best < OVERFIT_WINDOW) return null;
  const bar = testLoss[best] + 0.01 + 0.02 * testLoss[best];
  const rose = testLoss[n - 1] > bar && meanOf(testLoss, n - OVERFIT_WINDOW, n) > bar;
  return rose && meanOf(trainLoss, n - OVERFIT_WINDOW, n) < trainLoss[best] ? best : null;
}
