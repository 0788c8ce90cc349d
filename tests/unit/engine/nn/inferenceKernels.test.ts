// The inference fast paths (inferenceKernels.ts, predictClasses, the finiteness check) against
// plain references written here, on batch sizes and widths on both sides of every block and
// remainder: batches 1, 3, 4, 5, 7, 8, 9, 33 (predictClasses' batches of 4 and 8 included; the
// units past the last block of eight are summed four samples at a time), unit counts 1, 2, 7, 8,
// 9, 10, 15, 16, 17, 64 (eight-unit blocks, the rest), inputs 1, 13, 37; predictClasses also on
// 600 samples in batches of 255, 256 and 257.
// Bit-identity is demanded, for the reasons given at the top of kernels.test.ts: the products of
// two float32 are exact in float64, zero inputs add exact zeros, and the references round where
// the kernels' contracts say they do (float64 sums for sparse input, float32 after each term for
// dense input).

import { describe, expect, it } from 'vitest';
import {
  argmax,
  classifyWithProbabilities,
  createNetwork,
  denseMatrix,
  predictClasses,
  toCsr,
  type DenseNetwork,
} from '../../../../src/engine/nn';
import { forwardCsrPackedRelu, forwardDensePacked, packWeights } from '../../../../src/engine/nn/inferenceKernels';
import { randomBuffer } from './helpers';

const BATCHES = [1, 3, 4, 5, 7, 8, 9, 33];
const UNITS = [1, 2, 7, 8, 9, 10, 15, 16, 17, 64];
const WIDTHS = [1, 13, 37];
/** Rows stored in the source matrices; batches pick rows out of order, some twice. */
const ROWS = 40;

function expectBitIdentical(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let k = 0; k < expected.length; k++) {
    if (!Object.is(actual[k], expected[k])) {
      throw new Error(`${what}: element ${k} is ${actual[k]}, the reference gives ${expected[k]}`);
    }
  }
}

/** ROWS x cols inputs in [0, 1), about 70 % zeros, row 6 all zero. */
function inputs(cols: number): Float32Array {
  const x = randomBuffer(ROWS * cols, 31 + cols, 0, 1).map((v) => (v < 0.7 ? 0 : v));
  for (let c = 0; c < cols; c++) x[6 * cols + c] = 0;
  return x;
}

/** A batch of `count` rows: a stride walk through the stored rows, so rows repeat and jump. */
const selection = (count: number): Int32Array => Int32Array.from({ length: count }, (_, s) => (s * 7 + 3) % ROWS);

/** float32(b_j + sum_i x_i W_ij), the sum in float64 in index order: forwardCsr's contract. */
function ref64(x: Float32Array, cols: number, rows: Int32Array, w: Float32Array, b: Float32Array, units: number) {
  const z = new Float32Array(rows.length * units);
  rows.forEach((r, s) => {
    for (let j = 0; j < units; j++) {
      let sum = b[j];
      for (let i = 0; i < cols; i++) sum += x[r * cols + i] * w[i * units + j];
      z[s * units + j] = sum;
    }
  });
  return z;
}

/** b_j, then float32(z + x_i W_ij) after every term: forwardDense's contract. */
function ref32(x: Float32Array, cols: number, rows: Int32Array, w: Float32Array, b: Float32Array, units: number) {
  const z = new Float32Array(rows.length * units);
  rows.forEach((r, s) => {
    for (let j = 0; j < units; j++) {
      let sum = b[j];
      for (let i = 0; i < cols; i++) sum = Math.fround(sum + x[r * cols + i] * w[i * units + j]);
      z[s * units + j] = sum;
    }
  });
  return z;
}

function eachShape(test: (cols: number, units: number, count: number) => void): void {
  for (const cols of WIDTHS) for (const units of UNITS) for (const count of BATCHES) test(cols, units, count);
}

describe('packWeights', () => {
  it('lays W out by blocks of eight units, then the remaining units, every weight once', () => {
    for (const units of UNITS) {
      const cols = 13;
      const w = randomBuffer(cols * units, units, -1, 1);
      const packed = packWeights(w, cols, units);
      const blocked = units - (units % 8);
      const rest = units - blocked;
      const expected: number[] = [];
      for (let j0 = 0; j0 < blocked; j0 += 8)
        for (let i = 0; i < cols; i++) for (let jj = 0; jj < 8; jj++) expected.push(w[i * units + j0 + jj]);
      for (let i = 0; i < cols; i++) for (let jj = 0; jj < rest; jj++) expected.push(w[i * units + blocked + jj]);
      expectBitIdentical(packed, expected, `packWeights (${units} units)`);
    }
  });
});

describe('inference kernels against the plain references', () => {
  it('forwardCsrPackedRelu: z as forwardCsr and y = max(z, 0), bit-identical', () => {
    eachShape((cols, units, count) => {
      const x = inputs(cols);
      const w = randomBuffer(cols * units, 100 + units, -1, 1);
      const b = randomBuffer(units, 200 + units, -0.5, 0.5);
      const rows = selection(count);
      const expected = ref64(x, cols, rows, w, b, units);
      // Buffers larger than the batch, filled with NaN: every written value is checked, and
      // nothing past the batch is written.
      const z = new Float32Array((count + 2) * units).fill(Number.NaN);
      const y = new Float32Array((count + 2) * units).fill(Number.NaN);
      forwardCsrPackedRelu(toCsr(x, ROWS, cols), rows, count, packWeights(w, cols, units), b, units, z, y);
      const what = `forwardCsrPackedRelu (${cols} inputs, ${units} units, batch ${count})`;
      expectBitIdentical(z.subarray(0, count * units), expected, `${what} z`);
      expectBitIdentical(
        y.subarray(0, count * units),
        expected.map((v) => (v > 0 ? v : 0)),
        `${what} y`,
      );
      expect(z.subarray(count * units).every(Number.isNaN), `${what}: wrote past the batch`).toBe(true);
    });
  });

  it('forwardDensePacked: float32 rounding after every term, as forwardDense, bit-identical', () => {
    eachShape((cols, units, count) => {
      // Dense inputs with negative values and zeros, as a hidden layer's outputs or drawn pixels.
      const x = randomBuffer(ROWS * cols, 41 + cols, -1, 1).map((v) => (Math.abs(v) < 0.3 ? 0 : v));
      const w = randomBuffer(cols * units, 300 + units, -1, 1);
      const b = randomBuffer(units, 400 + units, -0.5, 0.5);
      const rows = selection(count);
      const z = new Float32Array((count + 2) * units).fill(Number.NaN);
      forwardDensePacked(denseMatrix(x, ROWS, cols), rows, count, packWeights(w, cols, units), b, units, z);
      const what = `forwardDensePacked (${cols} inputs, ${units} units, batch ${count})`;
      expectBitIdentical(z.subarray(0, count * units), ref32(x, cols, rows, w, b, units), what);
      expect(z.subarray(count * units).every(Number.isNaN), `${what}: wrote past the batch`).toBe(true);
    });
  });
});

/** The reference classes of a ReLU -> softmax net: each layer by its reference, argmax of the logits. */
function referenceClasses(net: DenseNetwork, x: Float32Array, rows: number, sparse: boolean): number[] {
  const [hidden, out] = net.layers;
  const all = Int32Array.from({ length: rows }, (_, i) => i);
  const forward = sparse ? ref64 : ref32;
  const h = forward(x, net.inputSize, all, hidden.weights, hidden.bias, hidden.units).map((v) => (v > 0 ? v : 0));
  const logits = ref32(h, hidden.units, all, out.weights, out.bias, out.units);
  return Array.from({ length: rows }, (_, r) => argmax(logits, r * out.units, out.units));
}

describe('predictClasses against the reference forward pass', () => {
  it('sparse and dense input, every batch size, hidden widths on both sides of the blocks', () => {
    for (const hiddenUnits of [7, 8, 9, 17, 64]) {
      for (const outUnits of [3, 10]) {
        const cols = 37;
        const net = createNetwork(
          {
            input: cols,
            layers: [
              { units: hiddenUnits, activation: 'relu' },
              { units: outUnits, activation: 'softmax' },
            ],
          },
          { seed: hiddenUnits * 10 + outUnits },
        );
        const x = inputs(cols);
        const what = `${cols}-${hiddenUnits}-${outUnits}`;
        const sparse = referenceClasses(net, x, ROWS, true);
        const dense = referenceClasses(net, x, ROWS, false);
        // Not a degenerate check: the reference predicts more than one class.
        expect(new Set(sparse).size, what).toBeGreaterThan(1);
        for (const batch of BATCHES) {
          expect(
            Array.from(predictClasses(net, toCsr(x, ROWS, cols), batch)),
            `${what} sparse, batch ${batch}`,
          ).toEqual(sparse);
          expect(Array.from(predictClasses(net, x, batch)), `${what} dense, batch ${batch}`).toEqual(dense);
        }
      }
    }
  });

  it('large batches: 600 samples in batches of 255, 256 and 257 (full batches and a last short one)', () => {
    const cols = 37;
    const rows = 600;
    const net = createNetwork(
      {
        input: cols,
        layers: [
          { units: 17, activation: 'relu' },
          { units: 10, activation: 'softmax' },
        ],
      },
      { seed: 77 },
    );
    // Rows with no ink, one inked input, and many.
    const x = randomBuffer(rows * cols, 7, 0, 1).map((v, k) => (k % 5 === 0 || v > 0.6 ? v : 0));
    for (let c = 0; c < cols; c++) x[3 * cols + c] = 0;
    for (let c = 1; c < cols; c++) x[4 * cols + c] = 0;
    const sparse = referenceClasses(net, x, rows, true);
    const dense = referenceClasses(net, x, rows, false);
    expect(new Set(sparse).size).toBeGreaterThan(2);
    for (const batch of [255, 256, 257]) {
      expect(Array.from(predictClasses(net, toCsr(x, rows, cols), batch)), `sparse, batch ${batch}`).toEqual(sparse);
      expect(Array.from(predictClasses(net, x, batch)), `dense, batch ${batch}`).toEqual(dense);
    }
  });

  it('classifyWithProbabilities: the classes of predictClasses and the outputs of predict, bit for bit', () => {
    const net = createNetwork(
      {
        input: 13,
        layers: [
          { units: 9, activation: 'relu' },
          { units: 10, activation: 'softmax' },
        ],
      },
      { seed: 5 },
    );
    const x = inputs(13);
    for (const input of [x, toCsr(x, ROWS, 13)]) {
      const both = classifyWithProbabilities(net, input);
      expectBitIdentical(both.classes, predictClasses(net, input), 'classes');
      expectBitIdentical(both.probabilities, net.predict(input), 'probabilities');
      // On these samples the largest probability is the largest logit's.
      expect(Array.from(both.classes)).toEqual(
        Array.from({ length: ROWS }, (_, r) => argmax(both.probabilities, r * 10, 10)),
      );
    }
  });
});

describe('the input check', () => {
  it('finds a NaN or an infinity at any position, in the groups of four and in the tail', () => {
    const net = createNetwork({ input: 7, layers: [{ units: 2, activation: 'softmax' }] }, { seed: 1 });
    for (const bad of [Number.NaN, Number.POSITIVE_INFINITY, Number.NEGATIVE_INFINITY]) {
      for (let at = 0; at < 21; at++) {
        const x = randomBuffer(21, at, -1, 1);
        x[at] = bad;
        const where = `row ${Math.floor(at / 7)}, column ${at % 7} is ${bad}`;
        expect(() => predictClasses(net, x), where).toThrow(where);
        expect(() => predictClasses(net, toCsr(x, 3, 7)), `${bad} at ${at}, sparse`).toThrow(`is ${bad}`);
      }
    }
    expect(Array.from(predictClasses(net, randomBuffer(21, 99, -1, 1)))).toHaveLength(3);
  });
});
