// One fully connected layer, y = f(x W + b), convnetjs-style: forward, backward and params, with
// each weight buffer and its gradient the same shape. Buffers for a batch are allocated once per
// batch capacity and reused by every later step.

import { activateRows, activationBackwardRows, type ActivationName } from './activations';
import {
  CsrGradScratch,
  accumulateBiasGrad,
  forwardCsr,
  forwardCsr64,
  forwardDense,
  inputGrad,
  weightGradCsr,
  weightGradCsrSgd,
  weightGradDense,
} from './kernels';
import { forwardCsrPackedRelu, forwardDensePacked, packWeights, weightGradCsrSgdPacked } from './inferenceKernels';
import type { DenseMatrix, InputMatrix } from './matrix';

/** A trainable buffer and its accumulated gradient (same length). */
export interface Param {
  readonly name: string;
  readonly value: Float32Array;
  readonly grad: Float32Array;
  /**
   * To be called after writing into `value` (the optimizers do): it invalidates what is derived
   * from the values, such as a layer's float64 weight copy. Absent when nothing is derived.
   */
  readonly written?: () => void;
}

/** Sparse batches at least this large refresh a stale float64 weight copy before the forward pass. */
const WEIGHTS64_MIN_BATCH = 128;

export class DenseLayer {
  /**
   * inputs x units, row-major: weights[i * units + j] carries input i to unit j. Write them through
   * the network (optimizers, Trainer, setNeuron, networkFromJSON); code that writes into this
   * array directly must call weightsWritten() afterwards.
   */
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
   * multiply). It is current when weights64Version === weightsVersion; readers go through
   * currentWeights64(), which copies the weights again when they have been written since.
   */
  private readonly weights64: Float64Array;
  /** Counts the writes to `weights` (see weightsWritten). */
  private weightsVersion = 1;
  /** The weightsVersion that weights64 holds (0: never copied). */
  private weights64Version = 0;
  /**
   * W regrouped by blocks of eight units (see packWeights), for the packed kernels; made on first
   * use, made again when the weights changed since, and kept in step by the fused SGD update of a
   * sparse ReLU layer.
   */
  private packed: number[] = [];
  /** The weightsVersion that `packed` holds (0: never copied). */
  private packedVersion = 0;
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
      {
        name: `layers[${this.index}].weights`,
        value: this.weights,
        grad: this.gradWeights,
        written: () => this.weightsWritten(),
      },
      { name: `layers[${this.index}].bias`, value: this.bias, grad: this.gradBias },
    ];
  }

  /** Records a write into `weights`, so the float64 copy is taken again before it is next read. */
  weightsWritten(): void {
    this.weightsVersion++;
  }

  /** The float64 copy of W (exact: every float32 is a float64), copied again if W changed since. */
  private currentWeights64(): Float64Array {
    if (this.weights64Version !== this.weightsVersion) {
      this.weights64.set(this.weights);
      this.weights64Version = this.weightsVersion;
    }
    return this.weights64;
  }

  /** The packed copy of W (see packWeights), copied again if W changed since. */
  private currentPacked(): number[] {
    if (this.packedVersion !== this.weightsVersion) {
      this.packed = packWeights(this.weights, this.inputs, this.units);
      this.packedVersion = this.weightsVersion;
    }
    return this.packed;
  }

  /**
   * z = x W + b, y = f(z) for samples rows[0..count). On sparse input a copy of the weights is
   * used when it is current, or when refreshing it pays: a large batch, or `prefer64` (the fused
   * SGD backward pass will need the copy anyway): a ReLU layer reads the packed copy (and applies
   * the ReLU in the same pass), other layers the float64 copy. forwardCsrPackedRelu,
   * forwardCsr64 on the copy and forwardCsr on W give bit-identical z, so the choice only affects
   * speed.
   */
  forward(x: InputMatrix, rows: Int32Array, count: number, prefer64 = false): void {
    this.ensureCapacity(count);
    if (x.kind === 'csr') {
      if (
        this.activation === 'relu' &&
        (this.packedVersion === this.weightsVersion || prefer64 || count >= WEIGHTS64_MIN_BATCH)
      ) {
        forwardCsrPackedRelu(x, rows, count, this.currentPacked(), this.bias, this.units, this.z, this.y);
        return;
      }
      if (this.weights64Version === this.weightsVersion || prefer64 || count >= WEIGHTS64_MIN_BATCH) {
        forwardCsr64(x, rows, count, this.currentWeights64(), this.bias, this.units, this.z);
      } else forwardCsr(x, rows, count, this.weights, this.bias, this.units, this.z);
    } else forwardDense(x, rows, count, this.weights, this.bias, this.units, this.z);
    activateRows(this.activation, this.z, this.y, count, this.units);
  }

  /**
   * forward() for inference (no training step follows): the same z and y, bit for bit, by faster
   * kernels. On sparse input a ReLU layer reads the packed copy of W (refreshed if W
   * changed since it was taken) and applies the ReLU in the same pass, other layers read the
   * float64 copy; dense input reads the packed copy and keeps each sum in a local. With
   * `skipSoftmax` a softmax layer leaves y untouched and only z (the logits) is computed, for
   * callers that only need the argmax (softmax keeps the order of its inputs).
   */
  forwardInference(x: InputMatrix, rows: Int32Array, count: number, skipSoftmax: boolean): void {
    this.ensureCapacity(count);
    if (x.kind === 'csr') {
      if (this.activation === 'relu') {
        forwardCsrPackedRelu(x, rows, count, this.currentPacked(), this.bias, this.units, this.z, this.y);
        return;
      }
      forwardCsr64(x, rows, count, this.currentWeights64(), this.bias, this.units, this.z);
    } else forwardDensePacked(x, rows, count, this.currentPacked(), this.bias, this.units, this.z);
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
   * same float32 result as accumulating then updating), to W and its copy (refreshed first if
   * stale; the kernel writes the same value to both, so the copy stays current): the packed copy
   * for a ReLU layer (which its forward pass reads), the float64 copy otherwise; the bias gradient
   * is accumulated as usual.
   */
  backwardLinear(x: InputMatrix, rows: Int32Array, count: number, wantInputGrad: boolean, sgdRate?: number): void {
    if (x.kind === 'csr') {
      if (sgdRate !== undefined && !wantInputGrad && this.activation === 'relu') {
        const packed = this.currentPacked();
        weightGradCsrSgdPacked(x, rows, count, this.dZ, this.units, this.weights, packed, sgdRate, this.scratch);
        this.weightsVersion++;
        this.packedVersion = this.weightsVersion;
      } else if (sgdRate !== undefined && !wantInputGrad) {
        const w64 = this.currentWeights64();
        weightGradCsrSgd(x, rows, count, this.dZ, this.units, this.weights, w64, sgdRate, this.scratch);
        this.weightsVersion++;
        this.weights64Version = this.weightsVersion;
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
