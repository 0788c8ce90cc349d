// The arithmetic of a dense layer on flat row-major Float32Array buffers:
//   W is inputs x units (W[i * units + j] links input i to unit j), b has `units` values,
//   z[s][j] = b[j] + sum_i x[s][i] W[i][j]                    (forward)
//   dW[i][j] += sum_s x[s][i] dZ[s][j],  db[j] += sum_s dZ[s][j]   (weight gradient, accumulated)
//   dX[s][i] = sum_j W[i][j] dZ[s][j]                           (gradient passed to the input)
// Sample s of the batch is row rows[s] of the source matrix, so a shuffled epoch needs no copy.
// Loops run i-then-j so the innermost loop walks W, dW and z contiguously.
// Each kernel has a dense version (the plain reference) and a CSR version that visits only the
// nonzero inputs: x[s][i] = 0 contributes nothing to any of the sums above, so both give the same
// maths (up to float32 rounding order).

import type { CsrMatrix, DenseMatrix } from './matrix';

/** Dense reference forward: z = x W + b for `count` selected rows. */
export function forwardDense(
  x: DenseMatrix, rows: Int32Array, count: number,
  w: Float32Array, b: Float32Array, units: number, z: Float32Array,
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
 * CSR forward: the same z = x W + b, summing only over nonzero x[s][i]. Four nonzeros are folded
 * into each pass over z (register blocking), so z is loaded and stored once per four inputs.
 * (Measured on MNIST: faster than holding blocks of z in locals or folding eight nonzeros.)
 */
export function forwardCsr(
  x: CsrMatrix, rows: Int32Array, count: number,
  w: Float32Array, b: Float32Array, units: number, z: Float32Array,
): void {
  const { rowStart, index, value } = x;
  for (let s = 0; s < count; s++) {
    const r = rows[s];
    const end = rowStart[r + 1];
    const zo = s * units;
    for (let j = 0; j < units; j++) z[zo + j] = b[j];
    let k = rowStart[r];
    for (; k + 3 < end; k += 4) {
      const v0 = value[k], v1 = value[k + 1], v2 = value[k + 2], v3 = value[k + 3];
      const o0 = index[k] * units, o1 = index[k + 1] * units;
      const o2 = index[k + 2] * units, o3 = index[k + 3] * units;
      for (let j = 0; j < units; j++) {
        z[zo + j] += v0 * w[o0 + j] + v1 * w[o1 + j] + v2 * w[o2 + j] + v3 * w[o3 + j];
      }
    }
    for (; k < end; k++) {
      const v = value[k];
      const o = index[k] * units;
      for (let j = 0; j < units; j++) z[zo + j] += v * w[o + j];
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
  x: DenseMatrix, rows: Int32Array, count: number,
  dZ: Float32Array, units: number, gw: Float32Array,
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

/**
 * CSR weight gradient: only rows i of dW with x[s][i] != 0 receive anything. Four nonzero inputs
 * share each pass over dZ[s], so each dZ value is loaded once per four rows updated. Each dW entry
 * gets the same additions in the same sample order as weightGradDense, so the two agree exactly.
 * (Skipping units with dZ = 0 after ReLU was tried: only ~1/3 are zero on MNIST, too few to pay.)
 */
export function weightGradCsr(
  x: CsrMatrix, rows: Int32Array, count: number,
  dZ: Float32Array, units: number, gw: Float32Array,
): void {
  const { rowStart, index, value } = x;
  for (let s = 0; s < count; s++) {
    const r = rows[s];
    const d = s * units;
    const end = rowStart[r + 1];
    let k = rowStart[r];
    for (; k + 3 < end; k += 4) {
      const v0 = value[k], v1 = value[k + 1], v2 = value[k + 2], v3 = value[k + 3];
      const o0 = index[k] * units, o1 = index[k + 1] * units;
      const o2 = index[k + 2] * units, o3 = index[k + 3] * units;
      for (let j = 0; j < units; j++) {
        const g = dZ[d + j];
        gw[o0 + j] += v0 * g;
        gw[o1 + j] += v1 * g;
        gw[o2 + j] += v2 * g;
        gw[o3 + j] += v3 * g;
      }
    }
    for (; k < end; k++) {
      const v = value[k];
      const o = index[k] * units;
      for (let j = 0; j < units; j++) gw[o + j] += v * dZ[d + j];
    }
  }
}

/** dX[s][i] = sum_j W[i][j] dZ[s][j]  (dz_j/dx_i = W_ij). Overwrites dX. */
export function inputGrad(
  dZ: Float32Array, count: number, w: Float32Array, inputs: number, units: number, dX: Float32Array,
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
