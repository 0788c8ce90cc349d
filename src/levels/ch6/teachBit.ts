// "Bit learns your handwriting": after the drawings, the player may label their drawings (Bit's
// misreads start chosen, with the digit they meant) and teach Bit once. The retrain is a pure,
// deterministic function of the level, the seed, the trained net's weights and the labelled
// drawings: it starts from the trained net and runs the level's few epochs of plain SGD on a
// seeded share of the training digits plus each labelled drawing repeated `copies` times
// (oversampled: every copy is an ordinary sample in its own batch, so a few drawings move the net
// in many small, ordinary steps rather than one large weighted one). The page runs it in the
// training worker with progress; a replay runs it here, in-process, to the same bits. Then Bit
// rereads the drawings and the held-out digits (never trained on) are scored before and after.
import { createRng, createTrainer, toCsr, type Dataset, type DenseNetwork } from '../../engine';
import { deriveSeed } from '../shared/seeds';
import { netFromWeights, selectRows, type BossWeights } from './bossTraining';
import { classify } from './classify';
import { bytesToInput, SIDE } from './digitDrawing';
import type { BossDigits } from './digits';
import type { DigitDemonLevel } from './digitDemonLevel';

/** One drawing the player teaches: its 784 grey levels and the digit they say it is. */
export interface TeachExample {
  pixels: readonly number[];
  digit: number;
}

/** The player's label for one drawing: the digit, and whether it goes into training. */
export interface TeachLabel {
  digit: number;
  use: boolean;
}

/** One progress report while Bit relearns (shown, never recorded). */
export interface TeachProgress {
  epoch: number;
  epochs: number;
  /** 0..1 of the whole retrain. */
  fraction: number;
  /** Mean loss over this epoch's batches so far. */
  loss: number;
  /** Bit's current reading of each taught drawing, in order. */
  readings: number[];
}

export interface TeachOutcome {
  net: DenseNetwork;
  /** Held-out digits read right before and after, out of `total`. */
  beforeRight: number;
  afterRight: number;
  total: number;
  /** Each taught drawing: its index among the drawings, its label, Bit's reading before and after. */
  rereads: { index: number; digit: number; before: number; after: number }[];
}

/** The labels the teach moment starts with: Bit's misreads chosen, each with the digit meant. */
export function startLabels(drawings: readonly { digit: number; hit: boolean }[]): TeachLabel[] {
  return drawings.map((d) => ({ digit: d.digit, use: !d.hit }));
}

/** The drawings the labels send into training. */
export function examplesOf(
  drawings: readonly { pixels: readonly number[] }[],
  labels: readonly TeachLabel[],
): TeachExample[] {
  return labels.flatMap((l, i) => (l.use && drawings[i] ? [{ pixels: drawings[i].pixels, digit: l.digit }] : []));
}

/** The rows one retrain trains on in an epoch: the share of training digits plus the copies. */
export function teachRows(level: DigitDemonLevel, trainRows: number, examples: number): number {
  return Math.min(level.teach.mix, trainRows) + level.teach.copies * examples;
}

/** The seeded share of training digits mixed into the retrain, so Bit keeps what it knew. */
export function mixIndices(level: DigitDemonLevel, seed: number, trainRows: number): number[] {
  const all = Array.from({ length: trainRows }, (_, i) => i);
  createRng(deriveSeed(seed, 'teach-mix')).shuffle(all);
  return all.slice(0, Math.min(level.teach.mix, trainRows));
}

function checkExamples(level: DigitDemonLevel, examples: readonly TeachExample[]): void {
  if (examples.length < 1 || examples.length > level.fight.drawings)
    throw new Error(`teach: ${examples.length} drawings, expected 1 to ${level.fight.drawings}`);
  for (const e of examples)
    if (!Number.isInteger(e.digit) || e.digit < 0 || e.digit > 9 || e.pixels.length !== SIDE * SIDE)
      throw new Error('teach: a drawing is not a labelled 28 x 28 image');
}

/** The retrain's dataset: the mixed training digits, then each drawing `copies` times. */
export function teachSet(
  level: DigitDemonLevel,
  digits: BossDigits,
  seed: number,
  examples: readonly TeachExample[],
): Dataset {
  checkExamples(level, examples);
  const mix = selectRows(digits.train, mixIndices(level, seed, digits.train.inputs.rows));
  const copies = level.teach.copies;
  const size = SIDE * SIDE;
  const extra = new Float32Array(examples.length * copies * size);
  const labels = new Uint8Array(examples.length * copies);
  examples.forEach((e, k) => {
    const x = bytesToInput(e.pixels);
    for (let c = 0; c < copies; c++) {
      extra.set(x, (k * copies + c) * size);
      labels[k * copies + c] = e.digit;
    }
  });
  const more = toCsr(extra, labels.length, size);
  const a = mix.inputs;
  if (a.kind !== 'csr') throw new Error('teachSet: expected sparse digits');
  const nnz = a.rowStart[a.rows];
  const rows = a.rows + more.rows;
  const rowStart = new Int32Array(rows + 1);
  rowStart.set(a.rowStart);
  for (let r = 1; r <= more.rows; r++) rowStart[a.rows + r] = nnz + more.rowStart[r];
  const index = new Int32Array(nnz + more.index.length);
  index.set(a.index.subarray(0, nnz));
  index.set(more.index, nnz);
  const value = new Float32Array(nnz + more.value.length);
  value.set(a.value.subarray(0, nnz));
  value.set(more.value, nnz);
  const targets = new Uint8Array(rows);
  targets.set(mix.targets);
  targets.set(labels, a.rows);
  return { inputs: { kind: 'csr', rows, cols: size, rowStart, index, value }, targets };
}

function examplesInput(examples: readonly TeachExample[]): Float32Array {
  const size = SIDE * SIDE;
  const x = new Float32Array(examples.length * size);
  examples.forEach((e, k) => x.set(bytesToInput(e.pixels), k * size));
  return x;
}

/**
 * Retrains the trained net (its weights `start`) on the teach set. `onProgress` is called
 * `teach.reportsPerEpoch` times an epoch (and once at the start); it only reads the network.
 */
export function retrainBossNet(
  level: DigitDemonLevel,
  digits: BossDigits,
  seed: number,
  hidden: number,
  start: BossWeights,
  examples: readonly TeachExample[],
  onProgress?: (p: TeachProgress) => void,
): DenseNetwork {
  const data = teachSet(level, digits, seed, examples);
  const net = netFromWeights(level, seed, hidden, start);
  const t = level.teach;
  const trainer = createTrainer(net, { loss: 'softmaxCrossEntropy', optimizer: { kind: 'sgd', learningRate: t.rate } });
  const drawn = onProgress ? examplesInput(examples) : null;
  const report = (epoch: number, fraction: number, loss: number) =>
    drawn && onProgress?.({ epoch, epochs: t.epochs, fraction, loss, readings: Array.from(classify(net, drawn)) });
  report(0, 0, 0);
  const n = data.inputs.rows;
  const batchSize = level.network.batchSize;
  for (let e = 0; e < t.epochs; e++) {
    trainer.epoch(data, {
      batchSize,
      rng: createRng(deriveSeed(seed, 'teach-order', e)),
      onBatch: drawn
        ? (done, batches, lossSum) => {
            const r = t.reportsPerEpoch;
            if (Math.floor((done * r) / batches) > Math.floor(((done - 1) * r) / batches))
              report(e, (e + done / batches) / t.epochs, lossSum / Math.min(n, done * batchSize));
          }
        : undefined,
    });
  }
  return net;
}

/** How many of the held-out digits the net reads right: `predicted` its classes, else read here. */
function rightOn(net: DenseNetwork, digits: BossDigits, classes?: ArrayLike<number>): number {
  const predicted = classes?.length === digits.test.inputs.rows ? classes : classify(net, digits.test.inputs);
  let right = 0;
  for (let i = 0; i < predicted.length; i++) if (predicted[i] === digits.test.targets[i]) right++;
  return right;
}

/**
 * What the teaching did: the retrained net (the worker's weights, else retrained here), Bit's
 * rereading of the taught drawings, and the held-out score before and after.
 */
export function teachOutcome(
  level: DigitDemonLevel,
  digits: BossDigits,
  seed: number,
  hidden: number,
  trained: DenseNetwork,
  /** The trained net's held-out digits read right (its report card's). */
  beforeRight: number,
  start: BossWeights,
  labels: readonly TeachLabel[],
  drawings: readonly { pixels: readonly number[] }[],
  weights?: BossWeights,
  /**
   * The held-out digits' classes the worker read with its weights (so the page does not read
   * 2,000 digits again at the result); read here when absent (replays, tests) or when not one
   * class per held-out digit.
   */
  weightsClasses?: ArrayLike<number>,
): TeachOutcome {
  const examples = examplesOf(drawings, labels);
  const net = weights
    ? netFromWeights(level, seed, hidden, weights)
    : retrainBossNet(level, digits, seed, hidden, start, examples);
  const x = examplesInput(examples);
  const before = classify(trained, x);
  const after = classify(net, x);
  const used = labels.flatMap((l, i) => (l.use && drawings[i] ? [i] : []));
  return {
    net,
    beforeRight,
    afterRight: rightOn(net, digits, weights ? weightsClasses : undefined),
    total: digits.test.inputs.rows,
    rereads: used.map((index, k) => ({ index, digit: labels[index].digit, before: before[k], after: after[k] })),
  };
}

/** A short fingerprint of a net's weights (FNV-1a over their bits), to compare two retrains. */
export function weightsHash(w: BossWeights): string {
  let h = 0x811c9dc5;
  for (const a of [...w.weights, ...w.biases]) {
    const bits = new Uint32Array(a.buffer, a.byteOffset, a.length);
    for (let i = 0; i < bits.length; i++) h = Math.imul(h ^ bits[i], 0x01000193) >>> 0;
  }
  return h.toString(16).padStart(8, '0');
}
