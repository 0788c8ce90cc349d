// Training one step (one batch) at a time. Nothing here runs on a timer: a worker, a game loop or
// a test calls step() / epoch() and gets the loss back. accumulate() and applyGradients() are
// the two halves of step(), for a UI that shows gradients piling up before the weights move.

import type { Rng } from '../random';
import type { DenseNetwork } from './denseNetwork';
import { checkTargets, getLoss, isLabels, type Loss, type LossName, type Targets } from './losses';
import { BytesGather } from './bytesMatrix';
import { assertFiniteMatrix, type InputMatrix, type SampleMatrix } from './matrix';
import { createOptimizer, sgdStep, type Optimizer, type OptimizerSpec } from './optimizers';
import type { Param } from './denseLayer';

/** Samples and their targets, row r of `inputs` going with row r of `targets`. */
export interface Dataset {
  readonly inputs: InputMatrix;
  readonly targets: Targets;
}

/** What an epoch trains on: a Dataset, or bytes (byte / 255 each), made sparse a batch at a time. */
export interface EpochData {
  readonly inputs: SampleMatrix;
  readonly targets: Targets;
}

export interface TrainerOptions {
  readonly loss: LossName;
  readonly optimizer: OptimizerSpec;
}

export interface EpochOptions {
  readonly batchSize: number;
  /** Shuffles the sample order; without it the samples go in stored order. */
  readonly rng?: Rng;
  /**
   * Called after each batch with the batches done, the batches in the epoch and the summed
   * (not yet averaged) loss so far: a worker reports progress from here. It must not write the
   * network's weights; reading them (e.g. classifying a few held-out digits) is fine.
   */
  readonly onBatch?: (done: number, batches: number, lossSum: number) => void;
}

export class Trainer {
  readonly loss: Loss;
  readonly optimizer: Optimizer;
  /** Steps taken so far. */
  steps = 0;
  private order = new Int32Array(0);
  private batchRows = new Int32Array(0);
  /** Batches of byte rows in sparse form (epochs on bytes). */
  private byteRows = new BytesGather();
  private batchLabels = new Int32Array(0);
  private batchTargets = new Float32Array(0);

  /** Plain SGD's learning rate (undefined for other optimizers), for the fused epoch path. */
  private readonly sgdRate: number | undefined;
  /** Every parameter but the first layer's weights (which the fused path updates in place). */
  private readonly restParams: readonly Param[];

  constructor(
    readonly network: DenseNetwork,
    options: TrainerOptions,
  ) {
    this.loss = getLoss(options.loss);
    network.checkTrainable(this.loss);
    this.optimizer = createOptimizer(options.optimizer, network.params());
    const spec = this.optimizer.spec;
    this.sgdRate = spec.kind === 'sgd' ? spec.learningRate : undefined;
    const firstWeights = network.layers[0].weights;
    this.restParams = network.params().filter((p) => p.value !== firstWeights);
  }

  /** Adds this batch's gradient of the mean loss to the network's gradients; returns the loss. */
  accumulate(x: Float32Array | SampleMatrix, y: Targets): number {
    return this.network.accumulate(x, y, this.loss);
  }

  /** Moves the weights by the accumulated gradients, then clears them. */
  applyGradients(): void {
    this.optimizer.apply();
    this.steps++;
  }

  /** One training step on one batch: gradient, then update. Returns the batch's mean loss. */
  step(x: Float32Array | SampleMatrix, y: Targets): number {
    const value = this.accumulate(x, y);
    this.applyGradients();
    return value;
  }

  /**
   * One pass over the dataset in batches (the last one may be smaller). Inputs and targets are
   * checked once here, not per step. Returns the mean loss over all samples.
   */
  epoch(data: EpochData, options: EpochOptions): number {
    const { inputs, targets } = data;
    const n = inputs.rows;
    const net = this.network;
    if (inputs.cols !== net.inputSize)
      throw new Error(`epoch: inputs have ${inputs.cols} columns, expected ${net.inputSize}`);
    const batchSize = options.batchSize;
    if (!Number.isInteger(batchSize) || batchSize < 1)
      throw new Error(`epoch: batchSize must be a positive integer, got ${batchSize}`);
    if (inputs.kind !== 'bytes') assertFiniteMatrix(inputs, 'epoch inputs');
    checkTargets(targets, n, net.outputSize);
    if (n === 0) return 0;
    net.checkTrainable(this.loss);

    if (this.order.length !== n) this.order = new Int32Array(n);
    const order = this.order;
    for (let i = 0; i < n; i++) order[i] = i;
    const rng = options.rng;
    if (rng) {
      // Fisher-Yates, in place on the typed array.
      for (let i = n - 1; i > 0; i--) {
        const j = rng.int(i + 1);
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
      }
    }
    if (this.batchRows.length < batchSize) this.batchRows = new Int32Array(batchSize);
    // Plain SGD on sparse input: the first layer's weights are updated inside its gradient pass
    // (W <- W - lr dL/dW, only the rows of pixels that are nonzero somewhere in the batch; the
    // others have dL/dW = 0), and the other parameters by w <- w - lr g afterwards. That is the
    // same float32 arithmetic as accumulate-then-apply, so the weights come out bit-identical.
    // The first batch goes the ordinary way, which applies and clears any gradient accumulated
    // before this epoch; from then on the first layer's gradient buffer stays zero.
    const rate = inputs.kind !== 'dense' ? this.sgdRate : undefined;
    const onBatch = options.onBatch;
    const batches = Math.ceil(n / batchSize);
    let total = 0;
    for (let start = 0; start < n; start += batchSize) {
      const count = Math.min(batchSize, n - start);
      for (let s = 0; s < count; s++) this.batchRows[s] = order[start + s];
      const batchTargets = this.gatherTargets(targets, this.batchRows, count);
      const x = inputs.kind === 'bytes' ? this.byteRows.gather(inputs, this.batchRows, count) : inputs;
      const rows = inputs.kind === 'bytes' ? net.rowsFor(count) : this.batchRows;
      if (rate !== undefined && start > 0) {
        total += count * net.accumulateRows(x, rows, count, batchTargets, this.loss, false, rate);
        for (const p of this.restParams) sgdStep(p, rate);
        this.steps++;
      } else {
        total += count * net.accumulateRows(x, rows, count, batchTargets, this.loss);
        this.applyGradients();
      }
      if (onBatch) onBatch(start / batchSize + 1, batches, total);
    }
    return total / n;
  }

  /** The targets of the selected rows, copied into a reused buffer. */
  private gatherTargets(t: Targets, rows: Int32Array, count: number): Targets {
    if (isLabels(t)) {
      if (this.batchLabels.length < count) this.batchLabels = new Int32Array(count);
      for (let s = 0; s < count; s++) this.batchLabels[s] = t[rows[s]];
      return this.batchLabels;
    }
    const units = this.network.outputSize;
    if (this.batchTargets.length < count * units) this.batchTargets = new Float32Array(count * units);
    for (let s = 0; s < count; s++) {
      const from = rows[s] * units;
      for (let j = 0; j < units; j++) this.batchTargets[s * units + j] = t[from + j];
    }
    return this.batchTargets;
  }
}

export function createTrainer(network: DenseNetwork, options: TrainerOptions): Trainer {
  return new Trainer(network, options);
}
