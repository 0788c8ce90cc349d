// Training one step (one batch) at a time. Nothing here runs on a timer: a worker, a game loop or
// a test calls step() / epoch() and gets the loss back. accumulate() and applyGradients() are
// the two halves of step(), for a UI that shows gradients piling up before the weights move.

import type { Rng } from '../random';
import type { DenseNetwork } from './denseNetwork';
import { checkTargets, getLoss, isLabels, type Loss, type LossName, type Targets } from './losses';
import { assertFiniteMatrix, type InputMatrix } from './matrix';
import { createOptimizer, type Optimizer, type OptimizerSpec } from './optimizers';

/** Samples and their targets, row r of `inputs` going with row r of `targets`. */
export interface Dataset {
  readonly inputs: InputMatrix;
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
}

export class Trainer {
  readonly loss: Loss;
  readonly optimizer: Optimizer;
  /** Steps taken so far. */
  steps = 0;
  private order = new Int32Array(0);
  private batchRows = new Int32Array(0);
  private batchLabels = new Int32Array(0);
  private batchTargets = new Float32Array(0);

  constructor(readonly network: DenseNetwork, options: TrainerOptions) {
    this.loss = getLoss(options.loss);
    network.checkTrainable(this.loss);
    this.optimizer = createOptimizer(options.optimizer, network.params());
  }

  /** Adds this batch's gradient of the mean loss to the network's gradients; returns the loss. */
  accumulate(x: Float32Array | InputMatrix, y: Targets): number {
    return this.network.accumulate(x, y, this.loss);
  }

  /** Moves the weights by the accumulated gradients, then clears them. */
  applyGradients(): void {
    this.optimizer.apply();
    this.steps++;
  }

  /** One training step on one batch: gradient, then update. Returns the batch's mean loss. */
  step(x: Float32Array | InputMatrix, y: Targets): number {
    const value = this.accumulate(x, y);
    this.applyGradients();
    return value;
  }

  /**
   * One pass over the dataset in batches (the last one may be smaller). Inputs and targets are
   * checked once here, not per step. Returns the mean loss over all samples.
   */
  epoch(data: Dataset, options: EpochOptions): number {
    const { inputs, targets } = data;
    const n = inputs.rows;
    const net = this.network;
    if (inputs.cols !== net.inputSize) throw new Error(`epoch: inputs have ${inputs.cols} columns, expected ${net.inputSize}`);
    const batchSize = options.batchSize;
    if (!Number.isInteger(batchSize) || batchSize < 1) throw new Error(`epoch: batchSize must be a positive integer, got ${batchSize}`);
    assertFiniteMatrix(inputs, 'epoch inputs');
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
    let total = 0;
    for (let start = 0; start < n; start += batchSize) {
      const count = Math.min(batchSize, n - start);
      for (let s = 0; s < count; s++) this.batchRows[s] = order[start + s];
      const batchTargets = this.gatherTargets(targets, this.batchRows, count);
      total += count * net.accumulateRows(inputs, this.batchRows, count, batchTargets, this.loss);
      this.applyGradients();
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
