// One fully connected layer, y = f(x W + b), convnetjs-style: forward, backward and params, with
// each weight buffer and its gradient the same shape. Buffers for a batch are allocated once per
// batch capacity and reused by every later step.

import { activateRows, activationBackwardRows, type ActivationName } from './activations';
import {
  CsrGradScratch,
  accumulateBiasGrad,
  forwardCsr,
  forwardCsr64,
  forwardCsr64Relu,
  forwardDense,
  forwardDenseLocal,
  inputGrad,
  weightGradCsr,
  weightGradCsrSgd,
  weightGradDense,
} from './kernels';
import type { DenseMatrix, InputMatrix } from './matrix';

/** A trainable buffer and its accumulated gradient (same length). */
export interface Param {
  readonly name: string;
  readonly value: Float32Array;
  readonly grad: Float32Array;
}

/** Sparse batches at least this large refresh the float64 weight copy before the forward pass. */
const WEIGHTS64_MIN_BATCH = 128;

export class DenseLayer {
  /** inputs x units, row-major: weights[i * units + j] carries input i to unit j. */
  readonly weights: Float32Array;
  readonly bias: Float32Array;
  readonly gradWeights: Float32Array;
  readonly gradBias: Float32Array;
  /** Pre-activations z = xW + b, outputs y = f(z), and dL/dz, each capacity x units. */
  z = new Float32Array(0);
  y = new Float32Array(0);
  dZ = new Float32Array(0);
  /** dL/dx, capacity x inputs (only filled when asked for). */
  dX = new Float32Array(0);
  /** Scratch for the sparse weight gradient (the batch regrouped by feature). */
  private readonly scratch = new CsrGradScratch();
  /**
   * A float64 copy of `weights` for the sparse forward pass (no float32-to-float64 conversion per
   * multiply). Only trusted right after syncWeights64(), or while the fused SGD path (which writes
   * both) is the only thing changing the weights.
   */
  private readonly weights64: Float64Array;
  /** y seen as a dense matrix: the next layer's input. */
  output: DenseMatrix;
  private capacity = 0;

  constructor(
    readonly inputs: number,
    readonly units: number,
    readonly activation: ActivationName,
    readonly index: number,
  ) {
    this.weights = new Float32Array(inputs * units);
    this.bias = new Float32Array(units);
    this.gradWeights = new Float32Array(inputs * units);
    this.gradBias = new Float32Array(units);
    this.weights64 = new Float64Array(inputs * units);
    this.output = { kind: 'dense', rows: 0, cols: units, data: this.y };
  }

  /** Grows the batch buffers when a larger batch arrives; never shrinks, so steps don't allocate. */
  ensureCapacity(count: number): void {
    if (count <= this.capacity) return;
    this.capacity = count;
    this.z = new Float32Array(count * this.units);
    this.y = new Float32Array(count * this.units);
    this.dZ = new Float32Array(count * this.units);
    this.dX = new Float32Array(count * this.inputs);
    this.output = { kind: 'dense', rows: count, cols: this.units, data: this.y };
  }

  params(): Param[] {
    return [
      { name: `layers[${this.index}].weights`, value: this.weights, grad: this.gradWeights },
      { name: `layers[${this.index}].bias`, value: this.bias, grad: this.gradBias },
    ];
  }

  /** Copies the weights into their float64 copy (exact). */
  syncWeights64(): void {
    this.weights64.set(this.weights);
  }

  /**
   * z = x W + b, y = f(z) for samples rows[0..count). `weights64Synced`: the float64 copy of W is
   * known to be current (the fused SGD path). Otherwise a large sparse batch refreshes it first
   * (one copy of W, repaid many times over); either way z is bit-identical to forwardCsr on W.
   */
  forward(x: InputMatrix, rows: Int32Array, count: number, weights64Synced = false): void {
    this.ensureCapacity(count);
    if (x.kind === 'csr') {
      if (!weights64Synced && count >= WEIGHTS64_MIN_BATCH) {
        this.syncWeights64();
        weights64Synced = true;
      }
      if (weights64Synced) forwardCsr64(x, rows, count, this.weights64, this.bias, this.units, this.z);
      else forwardCsr(x, rows, count, this.weights, this.bias, this.units, this.z);
    } else forwardDense(x, rows, count, this.weights, this.bias, this.units, this.z);
    activateRows(this.activation, this.z, this.y, count, this.units);
  }

  /**
   * forward() for inference (no training step follows): the same z and y, bit for bit, by faster
   * kernels. On sparse input the float64 weight copy must be in sync (syncWeights64) and a ReLU is
   * applied in the same pass; dense input keeps each sum in a local. With `skipSoftmax` a softmax
   * layer leaves y untouched and only z (the logits) is computed, for callers that only need the
   * argmax (softmax keeps the order of its inputs).
   */
  forwardInference(x: InputMatrix, rows: Int32Array, count: number, skipSoftmax: boolean): void {
    this.ensureCapacity(count);
    if (x.kind === 'csr') {
      if (this.activation === 'relu') {
        forwardCsr64Relu(x, rows, count, this.weights64, this.bias, this.units, this.z, this.y);
        return;
      }
      forwardCsr64(x, rows, count, this.weights64, this.bias, this.units, this.z);
    } else forwardDenseLocal(x, rows, count, this.weights, this.bias, this.units, this.z);
    if (skipSoftmax && this.activation === 'softmax') return;
    activateRows(this.activation, this.z, this.y, count, this.units);
  }

  /** dL/dz = dL/dy * f'(z) (chain rule through the activation), written into this.dZ. */
  backwardActivation(dY: Float32Array, count: number): void {
    activationBackwardRows(this.activation, this.z, this.y, dY, this.dZ, count, this.units);
  }

  /**
   * From dL/dz (in this.dZ): accumulate dL/dW (local derivative dz_j/dW_ij = x_i) and dL/db
   * (dz_j/db_j = 1); if wanted, dL/dx into this.dX (dz_j/dx_i = W_ij).
   * With `sgdRate` (only for CSR input, without dL/dx, and with dL/dW currently zero): the weight
   * gradient is not accumulated but applied at once, W <- W - sgdRate * dL/dW (plain SGD, the
   * same float32 result as accumulating then updating), to W and its float64 copy, which must be
   * in sync (syncWeights64); the bias gradient is accumulated as usual.
   */
  backwardLinear(x: InputMatrix, rows: Int32Array, count: number, wantInputGrad: boolean, sgdRate?: number): void {
    if (x.kind === 'csr') {
      if (sgdRate !== undefined && !wantInputGrad) {
        weightGradCsrSgd(x, rows, count, this.dZ, this.units, this.weights, this.weights64, sgdRate, this.scratch);
      } else {
        weightGradCsr(x, rows, count, this.dZ, this.units, this.gradWeights, this.scratch);
      }
    } else weightGradDense(x, rows, count, this.dZ, this.units, this.gradWeights);
    accumulateBiasGrad(this.dZ, count, this.units, this.gradBias);
    if (wantInputGrad) inputGrad(this.dZ, count, this.weights, this.inputs, this.units, this.dX);
  }

  zeroGrad(): void {
    this.gradWeights.fill(0);
    this.gradBias.fill(0);
  }
}
