// The lab's part of chapter 4's view (part C): the network's shape and settings, the loss curves
// (thinned) with where overfitting starts, the training points, every unit's map over the plane
// and the hand knobs. Pure, so it is tested without a browser; the lab painter only draws this.
import {
  classifierAccuracy,
  hiddenUnits,
  layerGrids,
  type BinaryClassifier,
  type Box2D,
  type LayerGrids,
  type SmallActivation,
} from '../../engine';
import type { MinskyContext } from './minskyMachine';
import {
  canAddLayer,
  canAddNeuron,
  canRemoveNeuron,
  canTrain,
  handValue,
  hiddenLayers,
  labData,
  overfitStart,
  type HandParam,
  type LabWarning,
} from './minskyLab';

export interface LabView {
  /** Whether the machine's clock is training (lab.playing). */
  playing: boolean;
  dataset: string;
  datasets: string[];
  layers: number[];
  activation: SmallActivation;
  activations: readonly SmallActivation[];
  rate: number;
  rates: number[];
  epochs: number;
  maxEpochs: number;
  maxEpochsPerStep: number;
  neurons: number;
  maxNeurons: number;
  maxPerLayer: number;
  maxLayers: number;
  canAdd: boolean[];
  canRemove: boolean[];
  canAddLayer: boolean;
  canRemoveLayer: boolean;
  canTrain: boolean;
  warning: LabWarning;
  /**
   * Where overfitting starts: the epoch whose test loss was lowest, once the test loss has risen
   * since while the training loss kept falling (null: not so), and its place along the curve (0..1).
   */
  overfit: { epoch: number; at: number } | null;
  /** Loss after each epoch, thinned to at most 120 samples; epochs gives each sample's epoch. */
  curve: { epochs: number[]; train: number[]; test: number[] };
  trainLoss: number;
  testLoss: number;
  trainRight: number;
  trainSize: number;
  testSize: number;
  box: Box2D;
  /** Training points (test points stay hidden until the challenge). */
  points: { x: number; y: number; label: 0 | 1 }[];
  net: BinaryClassifier;
  /** Every unit's activation over the plane (JSON shows only the shape). */
  grids: LayerGrids;
  /** Hand knobs of the first hidden layer, in threshold form. */
  hand: { unit: number; knobs: { param: HandParam; value: number }[] }[];
  handRange: { min: number; max: number; step: number; fineStep: number };
}

const gridCache = new WeakMap<BinaryClassifier, LayerGrids>();

function gridsOf(net: BinaryClassifier, box: Box2D, size: number): LayerGrids {
  const hit = gridCache.get(net);
  if (hit && hit.size === size) return hit;
  const g = layerGrids(net, box, size);
  // The test API copies views as JSON: a grid there is its shape, not thousands of numbers.
  Object.defineProperty(g, 'toJSON', {
    value: () => ({ size: g.size, units: g.layers.map((l) => l.length) }),
    enumerable: false,
  });
  gridCache.set(net, g);
  return g;
}

function thin(values: readonly number[], max = 120): number[] {
  if (values.length <= max) return values.map((_, i) => i);
  const idx: number[] = [];
  for (let k = 0; k < max; k++) idx.push(Math.round((k * (values.length - 1)) / (max - 1)));
  return idx;
}

/** A loss is always shown as a number; "—" never NaN (training stops before numbers blow up). */
function finite(v: number | undefined): number {
  return v !== undefined && Number.isFinite(v) ? v : 0;
}

function overfitOf(train: readonly number[], test: readonly number[]): LabView['overfit'] {
  const epoch = overfitStart(train, test);
  return epoch === null ? null : { epoch, at: epoch / Math.max(1, train.length - 1) };
}

export function labView(context: MinskyContext, playing: boolean): LabView {
  const { level, lab, seed } = context;
  const data = labData(level, seed, lab.dataset);
  const layers = hiddenLayers(lab.net);
  const idx = thin(lab.trainLoss);
  const trainAcc = classifierAccuracy(lab.net, data.train);
  return {
    playing,
    dataset: lab.dataset,
    datasets: level.lab.datasets.map((d) => d.id),
    layers,
    activation: lab.net.activation,
    activations: ['sigmoid', 'tanh', 'relu'],
    rate: lab.rate,
    rates: level.lab.rates,
    epochs: lab.epochs,
    maxEpochs: level.lab.maxEpochs,
    maxEpochsPerStep: level.lab.maxEpochsPerStep,
    neurons: hiddenUnits(lab.net),
    maxNeurons: level.lab.maxNeurons,
    maxPerLayer: level.lab.maxPerLayer,
    maxLayers: level.lab.maxLayers,
    canAdd: layers.map((_, l) => canAddNeuron(level, lab, l)),
    canRemove: layers.map((_, l) => canRemoveNeuron(lab, l)),
    canAddLayer: canAddLayer(level, lab),
    canRemoveLayer: layers.length > 1,
    canTrain: canTrain(level, lab),
    warning: lab.warning,
    overfit: overfitOf(lab.trainLoss, lab.testLoss),
    curve: {
      epochs: idx,
      train: idx.map((i) => finite(lab.trainLoss[i])),
      test: idx.map((i) => finite(lab.testLoss[i])),
    },
    trainLoss: finite(lab.trainLoss[lab.trainLoss.length - 1]),
    testLoss: finite(lab.testLoss[lab.testLoss.length - 1]),
    trainRight: trainAcc.correct,
    trainSize: trainAcc.size,
    testSize: data.test.x.length,
    box: level.lab.box,
    points: data.train.x.map((p, i) => ({ x: p[0], y: p[1], label: data.train.t[i] })),
    net: lab.net,
    grids: gridsOf(lab.net, level.lab.box, level.lab.grid),
    hand: lab.net.weights[0].map((_, unit) => ({
      unit,
      knobs: (['w1', 'w2', 'threshold'] as const).map((param) => ({ param, value: handValue(lab, unit, param) })),
    })),
    handRange: level.lab.handKnob,
  };
}
