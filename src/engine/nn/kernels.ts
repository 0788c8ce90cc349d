// The arithmetic of a dense layer on flat row-major Float32Array buffers:
//   W is inputs x units (W[i * units + j] links input i to unit j), b has `units` values,
//   z[s][j] = b[j] + sum_i x[s][i] W[i][j]                    (forward)
//   dW[i][j] += sum_s x[s][i] dZ[s][j],  db[j] += sum_s dZ[s][j]   (weight gradient, accumulated)
//   dX[s][i] = sum_j W[i][j] dZ[s][j]                           (gradient passed to the input)
// Sample s of the batch is row rows[s] of the source matrix, so a shuffled epoch needs no copy.
// Loops run i-then-j so the innermost loop walks W, dW and z contiguously.
// Each kernel has a dense version (the plain reference) and a CSR version that visits only the
// nonzero inputs: x[s][i] = 0 contributes nothing to any of the sums above, so both give the same
// maths (the CSR kernels sum in float64 before rounding, so results differ only in the last bits).

import type { CsrMatrix, DenseMatrix } from './matrix';

/** Dense reference forward: z = x W + b for `count` selected rows. */
export function forwardDense(
  x: DenseMatrix,
  rows: Int32Array,
  count: number,
  w: Float32Array,
  b: Float32Array,
  units: number,
  z: Float32Array,
): void {
  const cols = x.cols;
  const data = x.data;
  for (let s = 0; s < count; s++) {
    const xo = rows[s] * cols;
    const zo = s * units;
    for (let j = 0; j < units; j++) z[zo + j] = b[j];
    for (let i = 0; i < cols; i++) {
      const xi = data[xo + i];
      const wo = i * units;
      for (let j = 0; j < units; j++) z[zo + j] += xi * w[wo + j];
    }
  }
}

/**
 * CSR forward: the same z = x W + b, summing only over nonzero x[s][i]. Units are taken eight at
 * a time: z[s][j0..j0+7] are summed in float64 locals (registers) over all of the sample's
 * nonzeros, in index order (z_j = b_j + v_1 W[i_1][j] + v_2 W[i_2][j] + ..., left to right), and
 * rounded to float32 once at the end. (Measured on MNIST: about 20 % faster than folding four
 * nonzeros into a float64 row accumulator in memory, or than eight locals fed four nonzeros per
 * step, which runs out of registers.) This grouping can round the last bit of a z differently
 * from the earlier four-at-a-time kernel, in rare cases; the dense kernels are unchanged, so the
 * chapters whose recorded attempts are replayed bit for bit (all on dense input) are unaffected.
 */
export function forwardCsr(
  x: CsrMatrix,
  rows: Int32Array,
  count: number,
  w: Float32Array,
  b: Float32Array,
  units: number,
  z: Float32Array,
): void {
  const { rowStart, index, value } = x;
  const blocked = units - (units % 8);
  for (let s = 0; s < count; s++) {
    const r = rows[s];
    const begin = rowStart[r];
    const end = rowStart[r + 1];
    const zo = s * units;
    for (let j0 = 0; j0 < blocked; j0 += 8) {
      let a0 = b[j0],
        a1 = b[j0 + 1],
        a2 = b[j0 + 2],
        a3 = b[j0 + 3];
      let a4 = b[j0 + 4],
        a5 = b[j0 + 5],
        a6 = b[j0 + 6],
        a7 = b[j0 + 7];
      for (let k = begin; k < end; k++) {
        const v = value[k];
        const o = index[k] * units + j0;
        a0 += v * w[o];
        a1 += v * w[o + 1];
        a2 += v * w[o + 2];
        a3 += v * w[o + 3];
        a4 += v * w[o + 4];
        a5 += v * w[o + 5];
        a6 += v * w[o + 6];
        a7 += v * w[o + 7];
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
    for (let j = blocked; j < units; j++) {
      let a = b[j];
      for (let k = begin; k < end; k++) a += value[k] * w[index[k] * units + j];
      z[zo + j] = a;
    }
  }
}

/**
 * forwardCsr reading the weights from a float64 copy `w64` (w64[n] === W[n], exactly: every
 * float32 is a float64), which spares a float32-to-float64 conversion per multiply. Same sums in
 * the same order, so the result is bit-identical to forwardCsr on W.
 */
export function forwardCsr64(
  x: CsrMatrix,
  rows: Int32Array,
  count: number,
  w64: Float64Array,
  b: Float32Array,
  units: number,
  z: Float32Array,
): void {
  const { rowStart, index, value } = x;
  const blocked = units - (units % 8);
  for (let s = 0; s < count; s++) {
    const r = rows[s];
    const begin = rowStart[r];
    const end = rowStart[r + 1];
    const zo = s * units;
    for (let j0 = 0; j0 < blocked; j0 += 8) {
      let a0 = b[j0],
        a1 = b[j0 + 1],
        a2 = b[j0 + 2],
        a3 = b[j0 + 3];
      let a4 = b[j0 + 4],
        a5 = b[j0 + 5],
        a6 = b[j0 + 6],
        a7 = b[j0 + 7];
      for (let k = begin; k < end; k++) {
        const v = value[k];
        const o = index[k] * units + j0;
        a0 += v * w64[o];
        a1 += v * w64[o + 1];
        a2 += v * w64[o + 2];
        a3 += v * w64[o + 3];
        a4 += v * w64[o + 4];
        a5 += v * w64[o + 5];
        a6 += v * w64[o + 6];
        a7 += v * w64[o + 7];
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
    for (let j = blocked; j < units; j++) {
      let a = b[j];
      for (let k = begin; k < end; k++) a += value[k] * w64[index[k] * units + j];
      z[zo + j] = a;
    }
  }
}

/** db[j] += sum_s dZ[s][j]  (dz/db = 1). */
export function accumulateBiasGrad(dZ: Float32Array, count: number, units: number, gb: Float32Array): void {
  for (let s = 0; s < count; s++) {
    const o = s * units;
    for (let j = 0; j < units; j++) gb[j] += dZ[o + j];
  }
}

/** Dense reference weight gradient: dW[i][j] += sum_s x[s][i] dZ[s][j]  (dz_j/dW_ij = x_i). */
export function weightGradDense(
  x: DenseMatrix,
  rows: Int32Array,
  count: number,
  dZ: Float32Array,
  units: number,
  gw: Float32Array,
): void {
  const cols = x.cols;
  const data = x.data;
  for (let s = 0; s < count; s++) {
    const xo = rows[s] * cols;
    const d = s * units;
    for (let i = 0; i < cols; i++) {
      const xi = data[xo + i];
      const wo = i * units;
      for (let j = 0; j < units; j++) gw[wo + j] += xi * dZ[d + j];
    }
  }
}

/** Reusable buffers for weightGradCsr, grown on demand (never per step once large enough). */
export class CsrGradScratch {
  /** Feature-major (CSC) copy of a batch: feature i's entries at start[i] .. start[i+1]-1. */
  start = new Int32Array(0);
  next = new Int32Array(0);
  sample = new Int32Array(0);
  /** The entries' values x[s][i], in float64 (exact copies of the float32 inputs). */
  value = new Float64Array(0);
  /** dZ of the batch in float64, so the inner loop needs no float32 conversion. */
  dz = new Float64Array(0);
}

/**
 * Regroups the batch by feature (a counting sort, in sample order) into `scratch`: afterwards
 * feature i's entries are at scratch.start[i] .. scratch.start[i+1]-1, each with its value x[s][i]
 * and the offset s * units of its sample's row of dZ, and scratch.dz holds dZ in float64.
 */
export function groupByFeature(
  x: CsrMatrix,
  rows: Int32Array,
  count: number,
  dZ: Float32Array,
  units: number,
  scratch: CsrGradScratch,
): void {
  const { rowStart, index, value, cols } = x;
  let nnz = 0;
  for (let s = 0; s < count; s++) nnz += rowStart[rows[s] + 1] - rowStart[rows[s]];
  if (scratch.start.length < cols + 1) {
    scratch.start = new Int32Array(cols + 1);
    scratch.next = new Int32Array(cols);
  }
  if (scratch.sample.length < nnz) {
    scratch.sample = new Int32Array(nnz);
    scratch.value = new Float64Array(nnz);
  }
  if (scratch.dz.length < count * units) scratch.dz = new Float64Array(count * units);
  const { start, next, sample, value: cv, dz } = scratch;
  start.fill(0);
  for (let s = 0; s < count; s++) {
    const r = rows[s];
    for (let k = rowStart[r]; k < rowStart[r + 1]; k++) start[index[k] + 1]++;
  }
  for (let i = 0; i < cols; i++) {
    start[i + 1] += start[i];
    next[i] = start[i];
  }
  for (let s = 0; s < count; s++) {
    const r = rows[s];
    for (let k = rowStart[r]; k < rowStart[r + 1]; k++) {
      const p = next[index[k]]++;
      sample[p] = s * units;
      cv[p] = value[k];
    }
  }
  for (let i = 0; i < count * units; i++) dz[i] = dZ[i];
}

/**
 * CSR weight gradient: only rows i of dW with x[s][i] != 0 receive anything. The batch is first
 * regrouped by feature, so each touched row of dW is read once, gets all its samples'
 * contributions summed in float64 registers, eight units at a time, and is written once:
 * dW[i][j] += sum over samples s with x[s][i] != 0 of x[s][i] dZ[s][j].
 */
export function weightGradCsr(
  x: CsrMatrix,
  rows: Int32Array,
  count: number,
  dZ: Float32Array,
  units: number,
  gw: Float32Array,
  scratch: CsrGradScratch,
): void {
  groupByFeature(x, rows, count, dZ, units, scratch);
  const { start, sample, value: cv, dz } = scratch;
  const cols = x.cols;
  const blocked = units - (units % 8);
  for (let i = 0; i < cols; i++) {
    const begin = start[i];
    const end = start[i + 1];
    if (begin === end) continue;
    const o = i * units;
    for (let j0 = 0; j0 < blocked; j0 += 8) {
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
      gw[q] += a0;
      gw[q + 1] += a1;
      gw[q + 2] += a2;
      gw[q + 3] += a3;
      gw[q + 4] += a4;
      gw[q + 5] += a5;
      gw[q + 6] += a6;
      gw[q + 7] += a7;
    }
    for (let j = blocked; j < units; j++) {
      let a = 0;
      for (let p = begin; p < end; p++) a += cv[p] * dz[sample[p] + j];
      gw[o + j] += a;
    }
  }
}

/**
 * Plain SGD fused into the CSR weight gradient: W[i][j] <- W[i][j] - lr * g[i][j], with
 * g[i][j] = sum over samples s with x[s][i] != 0 of x[s][i] dZ[s][j] summed exactly as in
 * weightGradCsr. Rows i that no sample of the batch touches have g = 0 and are skipped (a no-op
 * for SGD). The caller guarantees the accumulated gradient is zero, so accumulating then
 * updating would give float32(0 + g) = float32(g) and then W - lr * float32(g), rounded to
 * float32: here we compute exactly that (Math.fround), so the weights are bit-identical to
 * weightGradCsr followed by the SGD optimizer, without writing or re-reading the gradient.
 */
export function weightGradCsrSgd(
  x: CsrMatrix,
  rows: Int32Array,
  count: number,
  dZ: Float32Array,
  units: number,
  w: Float32Array,
  w64: Float64Array,
  lr: number,
  scratch: CsrGradScratch,
): void {
  groupByFeature(x, rows, count, dZ, units, scratch);
  const { start, sample, value: cv, dz } = scratch;
  const cols = x.cols;
  const fr = Math.fround;
  const blocked = units - (units % 8);
  for (let i = 0; i < cols; i++) {
    const begin = start[i];
    const end = start[i + 1];
    if (begin === end) continue;
    const o = i * units;
    for (let j0 = 0; j0 < blocked; j0 += 8) {
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
      w64[q] = w[q] = fr(w64[q] - lr * fr(a0));
      w64[q + 1] = w[q + 1] = fr(w64[q + 1] - lr * fr(a1));
      w64[q + 2] = w[q + 2] = fr(w64[q + 2] - lr * fr(a2));
      w64[q + 3] = w[q + 3] = fr(w64[q + 3] - lr * fr(a3));
      w64[q + 4] = w[q + 4] = fr(w64[q + 4] - lr * fr(a4));
      w64[q + 5] = w[q + 5] = fr(w64[q + 5] - lr * fr(a5));
      w64[q + 6] = w[q + 6] = fr(w64[q + 6] - lr * fr(a6));
      w64[q + 7] = w[q + 7] = fr(w64[q + 7] - lr * fr(a7));
    }
    for (let j = blocked; j < units; j++) {
      let a = 0;
      for (let p = begin; p < end; p++) a += cv[p] * dz[sample[p] + j];
      w64[o + j] = w[o + j] = fr(w64[o + j] - lr * fr(a));
    }
  }
}

/** dX[s][i] = sum_j W[i][j] dZ[s][j]  (dz_j/dx_i = W_ij). Overwrites dX. */
export function inputGrad(
  dZ: Float32Array,
  count: number,
  w: Float32Array,
  inputs: number,
  units: number,
  dX: Float32Array,
): void {
  for (let s = 0; s < count; s++) {
    const d = s * units;
    const xo = s * inputs;
    for (let i = 0; i < inputs; i++) {
      const wo = i * units;
      let sum = 0;
      for (let j = 0; j < units; j++) sum += w[wo + j] * dZ[d + j];
      dX[xo + i] = sum;
    }
  }
}
