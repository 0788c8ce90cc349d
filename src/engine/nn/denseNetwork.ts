// A stack of dense layers built from a shape spec. Forward runs the layers in order; backward
// applies the chain rule from the loss down, each layer accumulating dL/dW and dL/db into its
// gradient buffers (applied later by an optimizer, see optimizers.ts).

import type { Rng } from '../random';
import { createRng } from '../random';
import { DenseLayer, type Param } from './denseLayer';
import { initLayer, type InitName } from './init';
import { checkTargets, type Loss, type Targets } from './losses';
import { networkToJSON, type NetworkJSON } from './networkJson';
import { BytesGather, bytesToCsr, type BytesMatrix } from './bytesMatrix';
import { assertFiniteMatrix, denseMatrix, type InputMatrix, type SampleMatrix } from './matrix';
import { parseSpec, type NetworkSpec } from './spec';

export interface NetworkOptions {
  /** Seed for the starting weights (ignored when `rng` is given). */
  readonly seed?: number;
  readonly rng?: Rng;
  /** 'auto' (default): He for ReLU layers, Glorot otherwise. 'zeros': set weights by hand. */
  readonly init?: InitName;
}

export class DenseNetwork {
  readonly spec: NetworkSpec;
  readonly layers: readonly DenseLayer[];
  /** 0, 1, 2, ...: the row selection for a batch whose samples are contiguous. */
  private identity = new Int32Array(0);
  /** dL/dy of the output layer when the loss is not fused with the activation. */
  private dOut = new Float32Array(0);
  /** Batches of byte rows in sparse form (predictClasses on bytes). */
  private byteRows = new BytesGather();

  constructor(spec: NetworkSpec, options: NetworkOptions = {}) {
    this.spec = parseSpec(spec);
    const init = options.init ?? 'auto';
    const rng = options.rng ?? (options.seed !== undefined ? createRng(options.seed) : undefined);
    if (!rng && init !== 'zeros') {
      throw new Error('DenseNetwork: pass { seed } or { rng } for the starting weights (or init: "zeros")');
    }
    let inputs = this.spec.input;
    this.layers = this.spec.layers.map((l, i) => {
      const layer = new DenseLayer(inputs, l.units, l.activation, i);
      initLayer(layer, init, rng);
      inputs = l.units;
      return layer;
    });
  }

  get inputSize(): number {
    return this.spec.input;
  }

  get outputSize(): number {
    return this.layers[this.layers.length - 1].units;
  }

  /** Plain-JSON form (so JSON.stringify(net) works); load it back with networkFromJSON. */
  toJSON(): NetworkJSON {
    return networkToJSON(this);
  }

  params(): Param[] {
    return this.layers.flatMap((l) => l.params());
  }

  zeroGrad(): void {
    for (const l of this.layers) l.zeroGrad();
  }

  /** Row selection 0..count-1, grown once and reused. */
  rowsFor(count: number): Int32Array {
    if (this.identity.length < count) this.identity = Int32Array.from({ length: count }, (_, i) => i);
    return this.identity;
  }

  /**
   * Wraps and checks caller input: a flat Float32Array of whole samples (batch x input) or a
   * matrix (bytes are expanded to their sparse form). Throws on a wrong width or on NaN/infinite
   * values.
   */
  toInputMatrix(x: Float32Array | SampleMatrix): InputMatrix {
    const n = this.spec.input;
    if (!(x instanceof Float32Array) && x.kind === 'bytes') {
      if (x.cols !== n) throw new Error(`input: expected ${n} columns, got ${x.cols}`);
      return bytesToCsr(x);
    }
    if (x instanceof Float32Array) {
      if (x.length === 0 || x.length % n !== 0) {
        throw new Error(`input: expected a multiple of ${n} values (samples x ${n}), got ${x.length}`);
      }
      x = denseMatrix(x, x.length / n, n);
    } else if (x.cols !== n) {
      throw new Error(`input: expected ${n} columns, got ${x.cols}`);
    }
    assertFiniteMatrix(x, 'input');
    return x;
  }

  /**
   * Runs the layers on samples rows[0..count) of x (trusted: no checks). Returns the output layer.
   * `firstPrefers64`: the first layer should use its float64 weight copy on sparse input (see
   * DenseLayer.forward; the result is the same either way).
   */
  forwardRows(x: InputMatrix, rows: Int32Array, count: number, firstPrefers64 = false): Float32Array {
    let input = x;
    let sel = rows;
    for (const layer of this.layers) {
      layer.forward(input, sel, count, layer === this.layers[0] && firstPrefers64);
      input = layer.output;
      sel = this.rowsFor(count);
    }
    return this.layers[this.layers.length - 1].y;
  }

  /**
   * Predicted class (argmax of the outputs, first one wins ties) of samples rows[0..count) of x
   * (trusted: no checks), written to out[outOffset..]. Inference kernels, and a softmax output
   * layer is skipped: the argmax of the logits is the argmax of their softmax.
   */
  classifyRows(x: InputMatrix, rows: Int32Array, count: number, out: Int32Array, outOffset: number): void {
    const layers = this.layers;
    const lastIndex = layers.length - 1;
    let input = x;
    let sel = rows;
    for (let l = 0; l <= lastIndex; l++) {
      const layer = layers[l];
      layer.forwardInference(input, sel, count, l === lastIndex);
      input = layer.output;
      sel = this.rowsFor(count);
    }
    const last = layers[lastIndex];
    const units = last.units;
    const v = last.activation === 'softmax' ? last.z : last.y;
    for (let s = 0; s < count; s++) {
      const o = s * units;
      let best = 0;
      let top = v[o];
      for (let j = 1; j < units; j++) {
        if (v[o + j] > top) {
          top = v[o + j];
          best = j;
        }
      }
      out[outOffset + s] = best;
    }
  }

  /**
   * classifyRows on rows[0..count) of byte samples (width checked by the caller), through this
   * network's reused sparse buffers.
   */
  classifyByteRows(x: BytesMatrix, rows: Int32Array, count: number, out: Int32Array, outOffset: number): void {
    this.classifyRows(this.byteRows.gather(x, rows, count), this.rowsFor(count), count, out, outOffset);
  }

  /** Outputs for every sample of x, as a new batch x outputs array. */
  predict(x: Float32Array | SampleMatrix): Float32Array {
    const m = this.toInputMatrix(x);
    const y = this.forwardRows(m, this.rowsFor(m.rows), m.rows);
    return y.slice(0, m.rows * this.outputSize);
  }

  /** Throws before any work if the loss cannot be differentiated through this network. */
  checkTrainable(loss: Loss): void {
    const step = this.layers.findIndex((l) => l.activation === 'step');
    if (step >= 0) {
      throw new Error(
        `layers[${step}] uses the step activation, which has no gradient (flat everywhere, a jump at 0): ` +
          'this network cannot be trained by backpropagation; set its weights by hand or use sigmoid',
      );
    }
    const last = this.layers[this.layers.length - 1];
    if (loss.fromLogits && last.activation !== 'softmax') {
      throw new Error(`loss "${loss.name}" needs a softmax output layer, but the last layer is "${last.activation}"`);
    }
  }

  /**
   * Forward, loss, and backward for samples rows[0..count) of x: adds dL/dparams of the mean
   * batch loss to every layer's gradient buffers. With wantInputGrad, the first layer's dX then
   * holds dL/dx. Returns the loss. Inputs and targets must already be checked.
   * `firstLayerSgdRate` (plain SGD training on CSR input, see Trainer.epoch): the first layer's
   * weights are moved at once by W <- W - rate * dL/dW instead of accumulating dL/dW; the caller
   * must make sure that gradient is zero beforehand and must not apply it again.
   */
  accumulateRows(
    x: InputMatrix,
    rows: Int32Array,
    count: number,
    targets: Targets,
    loss: Loss,
    wantInputGrad = false,
    firstLayerSgdRate?: number,
  ): number {
    this.checkTrainable(loss);
    const y = this.forwardRows(x, rows, count, firstLayerSgdRate !== undefined);
    const layers = this.layers;
    const last = layers[layers.length - 1];
    const value = loss.value(y, targets, count, last.units);
    if (loss.fromLogits) {
      // Fused softmax + cross-entropy: the loss hands back dL/dz = (p - t)/B directly.
      loss.gradient(y, targets, count, last.units, last.dZ);
    } else {
      if (this.dOut.length < last.y.length) this.dOut = new Float32Array(last.y.length);
      loss.gradient(y, targets, count, last.units, this.dOut);
      last.backwardActivation(this.dOut, count);
    }
    for (let l = layers.length - 1; l >= 0; l--) {
      const layer = layers[l];
      const input = l === 0 ? x : layers[l - 1].output;
      const sel = l === 0 ? rows : this.rowsFor(count);
      layer.backwardLinear(input, sel, count, l > 0 || wantInputGrad, l === 0 ? firstLayerSgdRate : undefined);
      // Chain rule into the layer below: its dL/dy is this layer's dL/dx.
      if (l > 0) layers[l - 1].backwardActivation(layer.dX, count);
    }
    return value;
  }

  /** Checked public form of accumulateRows for a whole batch. */
  accumulate(x: Float32Array | SampleMatrix, targets: Targets, loss: Loss): number {
    const m = this.toInputMatrix(x);
    checkTargets(targets, m.rows, this.outputSize);
    return this.accumulateRows(m, this.rowsFor(m.rows), m.rows, targets, loss);
  }

  /**
   * dL/dx for each sample: how the loss would change if each input value moved a little.
   * Leaves the parameter gradients as they were. Returns a new batch x input array.
   */
  inputGradient(x: Float32Array | SampleMatrix, targets: Targets, loss: Loss): Float32Array {
    const m = this.toInputMatrix(x);
    checkTargets(targets, m.rows, this.outputSize);
    const saved = this.params().map((p) => p.grad.slice());
    this.accumulateRows(m, this.rowsFor(m.rows), m.rows, targets, loss, true);
    this.params().forEach((p, i) => p.grad.set(saved[i]));
    return this.layers[0].dX.slice(0, m.rows * this.inputSize);
  }

  /**
   * Sets one neuron by hand: `incoming[i]` is the weight from input i of the layer to this unit.
   * (Chapter 4 builds XOR this way.)
   */
  setNeuron(layerIndex: number, unit: number, incoming: readonly number[], bias: number): void {
    const layer = this.layerAt(layerIndex);
    if (!Number.isInteger(unit) || unit < 0 || unit >= layer.units) {
      throw new Error(`setNeuron: layers[${layerIndex}] has units 0..${layer.units - 1}, got ${unit}`);
    }
    if (incoming.length !== layer.inputs) {
      throw new Error(
        `setNeuron: layers[${layerIndex}] takes ${layer.inputs} incoming weights, got ${incoming.length}`,
      );
    }
    if (!incoming.every(Number.isFinite) || !Number.isFinite(bias)) {
      throw new Error(`setNeuron: weights and bias must be finite numbers`);
    }
    incoming.forEach((w, i) => (layer.weights[i * layer.units + unit] = w));
    layer.weightsWritten();
    layer.bias[unit] = bias;
  }

  /** The incoming weights and bias of one neuron (copies). */
  getNeuron(layerIndex: number, unit: number): { incoming: number[]; bias: number } {
    const layer = this.layerAt(layerIndex);
    if (!Number.isInteger(unit) || unit < 0 || unit >= layer.units) {
      throw new Error(`getNeuron: layers[${layerIndex}] has units 0..${layer.units - 1}, got ${unit}`);
    }
    const incoming = Array.from({ length: layer.inputs }, (_, i) => layer.weights[i * layer.units + unit]);
    return { incoming, bias: layer.bias[unit] };
  }

  private layerAt(index: number): DenseLayer {
    const layer = this.layers[index];
    if (!Number.isInteger(index) || !layer) {
      throw new Error(`layer index ${index} is out of range 0..${this.layers.length - 1}`);
    }
    return layer;
  }
}

export function createNetwork(spec: NetworkSpec, options: NetworkOptions = {}): DenseNetwork {
  return new DenseNetwork(spec, options);
}
