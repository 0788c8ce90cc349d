// Building and training the boss network: a pure, deterministic function of the level, the
// attempt's seed and the player's choices (hidden units, learning rate, epochs). The live game
// runs it in a Web Worker (for a smooth page, with progress reports); a replay or `npm run verify`
// runs the very same function in-process. Same code, same seeded order, same float32 arithmetic:
// the weights are bit-identical (tests/unit/levels/ch6/ch6-training.test.ts).
import { accuracy, createNetwork, createRng, createTrainer, predictClasses, type DenseNetwork } from '../../engine';
import type { Dataset } from '../../engine';
import { deriveSeed } from '../shared/seeds';
import type { BossDigits } from './digits';
import type { DigitDemonLevel } from './digitDemonLevel';
import { sampleReading, type SampleReading } from './insideHead';

export interface BossChoices {
  hidden: number;
  rate: number;
  epochs: number;
}

/** One progress report while training: where it is, the loss so far, and a few accuracies. */
export interface TrainProgress {
  epoch: number;
  epochs: number;
  /** 0..1 of the whole training. */
  fraction: number;
  /** Mean loss over the batches of this epoch so far. */
  loss: number;
  /** Accuracy on a fixed sample of training digits and of held-out digits. */
  trainAccuracy: number;
  testAccuracy: number;
  /** The net's current answer for each sample digit shown on screen. */
  samplePredictions: number[];
  /** The level's one sample digit (head.sampleDigit): its ten probabilities and its loss now. */
  sample?: SampleReading | null;
}

/** The trained weights as plain typed arrays (moved between worker and page without copying). */
export interface BossWeights {
  weights: Float32Array[];
  biases: Float32Array[];
}

export function choicesFit(level: DigitDemonLevel, c: BossChoices): boolean {
  const b = level.build;
  return (
    b.hidden.some((h) => h.units === c.hidden) &&
    b.learningRates.some((r) => r.rate === c.rate) &&
    Number.isInteger(c.epochs) &&
    c.epochs >= b.epochs.min &&
    c.epochs <= b.epochs.max &&
    c.hidden * c.epochs <= b.budget
  );
}

/**
 * The boss network with its seeded random start; `zeros` skips drawing that start, for a caller
 * that sets every weight itself.
 */
export function buildBossNet(level: DigitDemonLevel, seed: number, hidden: number, zeros = false): DenseNetwork {
  const n = level.network;
  return createNetwork(
    {
      input: n.input,
      layers: [
        { units: hidden, activation: n.hiddenActivation },
        { units: 10, activation: n.outputActivation },
      ],
    },
    zeros ? { init: 'zeros' } : { seed: deriveSeed(seed, 'boss-net', hidden) },
  );
}

/** The first `count` rows of a dataset's inputs (CSR or dense) with their labels. */
function headOf(data: Dataset, count: number): Dataset {
  const inputs = data.inputs;
  const rows = Math.min(count, inputs.rows);
  const targets = data.targets.subarray(0, rows);
  if (inputs.kind === 'dense') {
    return { inputs: { ...inputs, rows, data: inputs.data.subarray(0, rows * inputs.cols) }, targets };
  }
  const end = inputs.rowStart[rows];
  return {
    inputs: {
      kind: 'csr',
      rows,
      cols: inputs.cols,
      rowStart: inputs.rowStart.subarray(0, rows + 1),
      index: inputs.index.subarray(0, end),
      value: inputs.value.subarray(0, end),
    },
    targets,
  };
}

/** Which held-out digits are shown as the sample grid while training (seeded). */
export function sampleDigitIndices(level: DigitDemonLevel, seed: number, testCount: number): number[] {
  const rng = createRng(deriveSeed(seed, 'boss-samples'));
  const picked: number[] = [];
  while (picked.length < level.training.sampleDigits) {
    const i = rng.int(testCount);
    if (!picked.includes(i)) picked.push(i);
  }
  return picked;
}

/** The given rows of a sparse dataset, in the given order, with their labels. */
export function selectRows(data: Dataset, indices: readonly number[]): Dataset {
  const inputs = data.inputs;
  if (inputs.kind !== 'csr') throw new Error('selectRows: expected sparse digits');
  const rowStart = new Int32Array(indices.length + 1);
  let total = 0;
  indices.forEach((r, k) => {
    total += inputs.rowStart[r + 1] - inputs.rowStart[r];
    rowStart[k + 1] = total;
  });
  const index = new Int32Array(total);
  const value = new Float32Array(total);
  indices.forEach((r, k) => {
    const from = inputs.rowStart[r];
    const len = inputs.rowStart[r + 1] - from;
    index.set(inputs.index.subarray(from, from + len), rowStart[k]);
    value.set(inputs.value.subarray(from, from + len), rowStart[k]);
  });
  const targets = Uint8Array.from(indices, (r) => data.targets[r]);
  return { inputs: { kind: 'csr', rows: indices.length, cols: inputs.cols, rowStart, index, value }, targets };
}

/**
 * Trains the boss network. `onProgress` (the worker passes one) is called `reportsPerEpoch` times
 * an epoch; it only reads the network, so the weights are the same with or without it.
 */
export function trainBossNet(
  level: DigitDemonLevel,
  digits: BossDigits,
  seed: number,
  choices: BossChoices,
  onProgress?: (p: TrainProgress) => void,
): DenseNetwork {
  if (!choicesFit(level, choices)) throw new Error(`trainBossNet: choices ${JSON.stringify(choices)} are not offered`);
  const net = buildBossNet(level, seed, choices.hidden);
  const trainer = createTrainer(net, {
    loss: 'softmaxCrossEntropy',
    optimizer: { kind: 'sgd', learningRate: choices.rate },
  });
  const watch = onProgress
    ? {
        train: headOf(digits.train, level.training.curveTrainSample),
        test: headOf(digits.test, level.training.curveTestSample),
        samples: selectRows(digits.test, sampleDigitIndices(level, seed, digits.test.inputs.rows)),
      }
    : null;
  const report = (epoch: number, done: number, batches: number, lossSum: number, seen: number) => {
    if (!watch || !onProgress) return;
    onProgress({
      epoch,
      epochs: choices.epochs,
      fraction: (epoch + done / batches) / choices.epochs,
      loss: seen > 0 ? lossSum / seen : 0,
      trainAccuracy: accuracy(net, watch.train),
      testAccuracy: accuracy(net, watch.test),
      samplePredictions: Array.from(predictClasses(net, watch.samples.inputs)),
      sample: sampleReading(net, digits, level.head.sampleDigit),
    });
  };
  report(0, 0, 1, 0, 0);
  const batchSize = level.network.batchSize;
  const n = digits.train.inputs.rows;
  for (let e = 0; e < choices.epochs; e++) {
    const rng = createRng(deriveSeed(seed, 'boss-order', e));
    const reports = level.training.reportsPerEpoch;
    trainer.epoch(digits.train, {
      batchSize,
      rng,
      onBatch: watch
        ? (done, batches, lossSum) => {
            // Exactly `reports` reports an epoch, the last one after its last batch.
            if (Math.floor((done * reports) / batches) > Math.floor(((done - 1) * reports) / batches))
              report(e, done, batches, lossSum, Math.min(n, done * batchSize));
          }
        : undefined,
    });
  }
  return net;
}

export function weightsOf(net: DenseNetwork): BossWeights {
  return {
    weights: net.layers.map((l) => l.weights.slice()),
    biases: net.layers.map((l) => l.bias.slice()),
  };
}

/** A network with the given weights (from the worker); throws if the shapes do not match. */
export function netFromWeights(level: DigitDemonLevel, seed: number, hidden: number, w: BossWeights): DenseNetwork {
  // Every weight and bias is set below, so the net starts from zeros (no random start to draw).
  const net = buildBossNet(level, seed, hidden, true);
  if (w.weights.length !== net.layers.length || w.biases.length !== net.layers.length)
    throw new Error('netFromWeights: wrong number of layers');
  net.layers.forEach((layer, i) => {
    if (w.weights[i].length !== layer.weights.length || w.biases[i].length !== layer.bias.length)
      throw new Error(`netFromWeights: layer ${i} has the wrong shape`);
    layer.weights.set(w.weights[i]);
    layer.weightsWritten();
    layer.bias.set(w.biases[i]);
  });
  return net;
}

/** What identifies one training: the same key always gives the same weights. */
export function trainingKey(level: DigitDemonLevel, seed: number, c: BossChoices): string {
  return `${level.version}:${seed >>> 0}:${c.hidden}:${c.rate}:${c.epochs}`;
}
