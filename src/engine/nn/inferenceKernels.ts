// Kernels on the packed weights (see packWeights): the same numbers as the reference kernels in
// kernels.ts, bit for bit, by faster loops. Each one's contract is a plain reference kernel:
//   forwardCsrPackedRelu  = forwardCsr (float64 sum of the nonzero terms in index order, rounded to
//                           float32 once) followed by ReLU (predictClasses, and the forward pass of
//                           a sparse ReLU first layer in training);
//   forwardDensePacked    = forwardDense (z <- float32(z + x w) after every term; predictClasses);
//   weightGradCsrSgdPacked = weightGradCsrSgd, keeping the packed copy in step instead of the
//                           float64 one (plain SGD epochs of a sparse ReLU first layer).
// tests/unit/engine/nn/inferenceKernels.test.ts and kernels.test.ts compare each with its
// reference on batch sizes and widths on both sides of the blocks.

import { type CsrGradScratch, groupByFeature } from './kernels';
import type { CsrMatrix, DenseMatrix } from './matrix';

/** Units per block of the packed weights (summed together in eight local variables). */
export const PACK_BLOCK = 8;

/**
 * W (inputs x units, row-major) regrouped by blocks of eight units: block q holds W[i][8q .. 8q+7]
 * for every input i, contiguous (packed[q * inputs * 8 + i * 8 + jj]); the last units % 8 units
 * follow as one narrower block (inputs x rest). A sparse sample then reads one short contiguous
 * run per nonzero input and block, at an offset computed with a shift.
 * The copy is a plain array of numbers, filled in order (V8 stores it as unboxed doubles): the
 * values are the float32 weights exactly, and V8 reads such arrays in a tight loop with fewer
 * instructions than a Float64Array (measured: the MNIST first layer about a third faster).
 */
export function packWeights(w: Float32Array, inputs: number, units: number): number[] {
  const packed: number[] = [];
  const blocked = units - (units % PACK_BLOCK);
  for (let j0 = 0; j0 < blocked; j0 += PACK_BLOCK) {
    for (let i = 0; i < inputs; i++) {
      for (let jj = 0; jj < PACK_BLOCK; jj++) packed.push(w[i * units + j0 + jj]);
    }
  }
  const rest = units - blocked;
  for (let i = 0; i < inputs; i++) {
    for (let jj = 0; jj < rest; jj++) packed.push(w[i * units + blocked + jj]);
  }
  return packed;
}

/**
 * Sparse ReLU layer for inference: z = float32(b + sum over nonzero x_i of x_i W_ij), the float64
 * sum in index order exactly as forwardCsr, and y = max(z, 0), both written. `packed` is W laid
 * out by packWeights. The loops run block outer, sample inner, so one block of the weights stays
 * in cache across the whole batch. The `| 0` on the offsets tells the compiler they are 32-bit
 * integers (no overflow checks in the inner loop); the offsets stay far below 2^31.
 */
export function forwardCsrPackedRelu(
  x: CsrMatrix,
  rows: Int32Array,
  count: number,
  packed: readonly number[],
  b: Float32Array,
  units: number,
  z: Float32Array,
  y: Float32Array,
): void {
  const { rowStart, index, value } = x;
  const inputs = x.cols;
  const blocked = units - (units % PACK_BLOCK);
  // The units past the blocks first, so the blocks' loop is the last thing here: V8 compiles that
  // loop while it runs (on-stack replacement), before any code after it has ever run.
  if (blocked < units) forwardCsrPackedReluRest(x, rows, count, packed, b, units, z, y);
  for (let j0 = 0; j0 < blocked; j0 += PACK_BLOCK) {
    const base = (j0 * inputs) | 0;
    for (let s = 0; s < count; s++) {
      const r = rows[s];
      const end = rowStart[r + 1];
      let a0 = b[j0],
        a1 = b[j0 + 1],
        a2 = b[j0 + 2],
        a3 = b[j0 + 3];
      let a4 = b[j0 + 4],
        a5 = b[j0 + 5],
        a6 = b[j0 + 6],
        a7 = b[j0 + 7];
      for (let k = rowStart[r]; k < end; k++) {
        const v = value[k];
        const o = (base + (index[k] << 3)) | 0;
        a0 += v * packed[o];
        a1 += v * packed[(o + 1) | 0];
        a2 += v * packed[(o + 2) | 0];
        a3 += v * packed[(o + 3) | 0];
        a4 += v * packed[(o + 4) | 0];
        a5 += v * packed[(o + 5) | 0];
        a6 += v * packed[(o + 6) | 0];
        a7 += v * packed[(o + 7) | 0];
      }
      const q = s * units + j0;
      z[q] = a0;
      z[q + 1] = a1;
      z[q + 2] = a2;
      z[q + 3] = a3;
      z[q + 4] = a4;
      z[q + 5] = a5;
      z[q + 6] = a6;
      z[q + 7] = a7;
      // max(a, 0) rounded to float32 is max(float32(a), 0): the same y as the reference's ReLU.
      y[q] = a0 > 0 ? a0 : 0;
      y[q + 1] = a1 > 0 ? a1 : 0;
      y[q + 2] = a2 > 0 ? a2 : 0;
      y[q + 3] = a3 > 0 ? a3 : 0;
      y[q + 4] = a4 > 0 ? a4 : 0;
      y[q + 5] = a5 > 0 ? a5 : 0;
      y[q + 6] = a6 > 0 ? a6 : 0;
      y[q + 7] = a7 > 0 ? a7 : 0;
    }
  }
}

/**
 * forwardCsrPackedRelu's units past the last block of eight, one at a time. A function of its own:
 * code that a layer of whole blocks never runs would have no type feedback, and V8 would throw
 * away the optimised kernel each time it first ran it.
 */
function forwardCsrPackedReluRest(
  x: CsrMatrix,
  rows: Int32Array,
  count: number,
  packed: readonly number[],
  b: Float32Array,
  units: number,
  z: Float32Array,
  y: Float32Array,
): void {
  const { rowStart, index, value } = x;
  const blocked = units - (units % PACK_BLOCK);
  const rest = units - blocked;
  const base = blocked * x.cols;
  for (let jj = 0; jj < rest; jj++) {
    const j = blocked + jj;
    for (let s = 0; s < count; s++) {
      const r = rows[s];
      let a = b[j];
      for (let k = rowStart[r]; k < rowStart[r + 1]; k++) a += value[k] * packed[base + index[k] * rest + jj];
      const q = s * units + j;
      z[q] = a;
      y[q] = a > 0 ? a : 0;
    }
  }
}

/**
 * forwardDense on the packed weights (see packWeights), with each unit's sum kept in a local
 * (eight units at a time) instead of in z: every step rounds to float32 exactly as the store into
 * z does (fround(a + x w); the product of two float32 is exact in float64), so z is bit-identical
 * to forwardDense. Each step's rounding makes a unit's sum a chain of dependent steps (add, then
 * round), so the units past the last block of eight (the 64-10 layer's last two) are summed for
 * four samples at a time: four independent chains, the same steps in the same order per chain.
 */
export function forwardDensePacked(
  x: DenseMatrix,
  rows: Int32Array,
  count: number,
  packed: readonly number[],
  b: Float32Array,
  units: number,
  z: Float32Array,
): void {
  // Two functions, each one loop nest with nothing after it: V8 compiles a hot loop while it runs
  // (on-stack replacement), and code after it that has never run would throw that away.
  forwardDensePackedBlocks(x, rows, count, packed, b, units, z);
  if (units % PACK_BLOCK) forwardDensePackedRest(x, rows, count, packed, b, units, z);
}

/** forwardDensePacked's blocks of eight units. */
function forwardDensePackedBlocks(
  x: DenseMatrix,
  rows: Int32Array,
  count: number,
  packed: readonly number[],
  b: Float32Array,
  units: number,
  z: Float32Array,
): void {
  const cols = x.cols;
  const data = x.data;
  const fr = Math.fround;
  const blocked = units - (units % PACK_BLOCK);
  for (let s = 0; s < count; s++) {
    const xo = rows[s] * cols;
    const zo = s * units;
    for (let j0 = 0; j0 < blocked; j0 += PACK_BLOCK) {
      const base = (j0 * cols) | 0;
      let a0 = b[j0],
        a1 = b[j0 + 1],
        a2 = b[j0 + 2],
        a3 = b[j0 + 3];
      let a4 = b[j0 + 4],
        a5 = b[j0 + 5],
        a6 = b[j0 + 6],
        a7 = b[j0 + 7];
      for (let i = 0; i < cols; i++) {
        const xi = data[xo + i];
        const o = (base + (i << 3)) | 0;
        a0 = fr(a0 + xi * packed[o]);
        a1 = fr(a1 + xi * packed[(o + 1) | 0]);
        a2 = fr(a2 + xi * packed[(o + 2) | 0]);
        a3 = fr(a3 + xi * packed[(o + 3) | 0]);
        a4 = fr(a4 + xi * packed[(o + 4) | 0]);
        a5 = fr(a5 + xi * packed[(o + 5) | 0]);
        a6 = fr(a6 + xi * packed[(o + 6) | 0]);
        a7 = fr(a7 + xi * packed[(o + 7) | 0]);
      }
      const q = zo + j0;
      z[q] = a0;
      z[q + 1] = a1;
      z[q + 2] = a2;
      z[q + 3] = a3;
      z[q + 4] = a4;
      z[q + 5] = a5;
      z[q + 6] = a6;
      z[q + 7] = a7;
    }
  }
}

/** forwardDensePacked's units past the blocks, four samples at a time. */
function forwardDensePackedRest(
  x: DenseMatrix,
  rows: Int32Array,
  count: number,
  packed: readonly number[],
  b: Float32Array,
  units: number,
  z: Float32Array,
): void {
  const cols = x.cols;
  const data = x.data;
  const fr = Math.fround;
  const blocked = units - (units % PACK_BLOCK);
  const rest = units - blocked;
  const restBase = blocked * cols;
  const grouped = count - (count % 4);
  for (let jj = 0; jj < rest; jj++) {
    const j = blocked + jj;
    const bj = b[j];
    for (let s = 0; s < grouped; s += 4) {
      const x0 = rows[s] * cols,
        x1 = rows[s + 1] * cols,
        x2 = rows[s + 2] * cols,
        x3 = rows[s + 3] * cols;
      let a0 = bj,
        a1 = bj,
        a2 = bj,
        a3 = bj;
      for (let i = 0; i < cols; i++) {
        const w = packed[restBase + i * rest + jj];
        a0 = fr(a0 + data[x0 + i] * w);
        a1 = fr(a1 + data[x1 + i] * w);
        a2 = fr(a2 + data[x2 + i] * w);
        a3 = fr(a3 + data[x3 + i] * w);
      }
      z[s * units + j] = a0;
      z[(s + 1) * units + j] = a1;
      z[(s + 2) * units + j] = a2;
      z[(s + 3) * units + j] = a3;
    }
    if (grouped < count) forwardDensePackedLeft(x, rows, grouped, count, packed, bj, units, j, z);
  }
}

/**
 * forwardDensePacked's samples past the last group of four for one unit j past the blocks (its
 * own function for the same reason as forwardCsrPackedReluRest: a batch of whole groups never runs
 * it).
 */
function forwardDensePackedLeft(
  x: DenseMatrix,
  rows: Int32Array,
  from: number,
  count: number,
  packed: readonly number[],
  bj: number,
  units: number,
  j: number,
  z: Float32Array,
): void {
  const cols = x.cols;
  const data = x.data;
  const fr = Math.fround;
  const blocked = units - (units % PACK_BLOCK);
  const rest = units - blocked;
  const restBase = blocked * cols;
  const jj = j - blocked;
  for (let s = from; s < count; s++) {
    const xo = rows[s] * cols;
    let a = bj;
    for (let i = 0; i < cols; i++) a = fr(a + data[xo + i] * packed[restBase + i * rest + jj]);
    z[s * units + j] = a;
  }
}

/**
 * weightGradCsrSgd with the packed copy of W (see packWeights) in place of the float64 one: the
 * same sums g (the batch regrouped by feature, eight units at a time, float64), the same update
 * W <- float32(W - lr * float32(g)) written to W and to its packed place, so both stay equal and
 * the weights are bit-identical to weightGradCsr followed by the SGD optimizer. Rows of inputs
 * blank in the whole batch (g = 0) are not touched.
 */
export function weightGradCsrSgdPacked(
  x: CsrMatrix,
  rows: Int32Array,
  count: number,
  dZ: Float32Array,
  units: number,
  w: Float32Array,
  packed: number[],
  lr: number,
  scratch: CsrGradScratch,
): void {
  groupByFeature(x, rows, count, dZ, units, scratch);
  const { start, sample, value: cv, dz } = scratch;
  const cols = x.cols;
  const fr = Math.fround;
  const blocked = units - (units % PACK_BLOCK);
  const rest = units - blocked;
  for (let i = 0; i < cols; i++) {
    const begin = start[i];
    const end = start[i + 1];
    if (begin === end) continue;
    const o = i * units;
    for (let j0 = 0; j0 < blocked; j0 += PACK_BLOCK) {
      let a0 = 0,
        a1 = 0,
        a2 = 0,
        a3 = 0,
        a4 = 0,
        a5 = 0,
        a6 = 0,
        a7 = 0;
      for (let p = begin; p < end; p++) {
        const v = cv[p];
        const d = sample[p] + j0;
        a0 += v * dz[d];
        a1 += v * dz[d + 1];
        a2 += v * dz[d + 2];
        a3 += v * dz[d + 3];
        a4 += v * dz[d + 4];
        a5 += v * dz[d + 5];
        a6 += v * dz[d + 6];
        a7 += v * dz[d + 7];
      }
      const q = o + j0;
      const k = (j0 * cols + (i << 3)) | 0;
      packed[k] = w[q] = fr(packed[k] - lr * fr(a0));
      packed[k + 1] = w[q + 1] = fr(packed[k + 1] - lr * fr(a1));
      packed[k + 2] = w[q + 2] = fr(packed[k + 2] - lr * fr(a2));
      packed[k + 3] = w[q + 3] = fr(packed[k + 3] - lr * fr(a3));
      packed[k + 4] = w[q + 4] = fr(packed[k + 4] - lr * fr(a4));
      packed[k + 5] = w[q + 5] = fr(packed[k + 5] - lr * fr(a5));
      packed[k + 6] = w[q + 6] = fr(packed[k + 6] - lr * fr(a6));
      packed[k + 7] = w[q + 7] = fr(packed[k + 7] - lr * fr(a7));
    }
    for (let jj = 0; jj < rest; jj++) {
      const j = blocked + jj;
      let a = 0;
      for (let p = begin; p < end; p++) a += cv[p] * dz[sample[p] + j];
      const k = blocked * cols + i * rest + jj;
      packed[k] = w[o + j] = fr(packed[k] - lr * fr(a));
    }
  }
}
