// Every layer kernel against a plain dense reference written here, for unit counts on both sides
// of the kernels' 8-unit blocks (1, 7, 8, 9, 15, 16, 17, 64) and odd input widths.
//
// Why the references can demand bit-identity rather than a tolerance:
//   - the product of two float32 values is exact in float64 (24 + 24 significand bits <= 53), so
//     x * w computes the same number in every kernel and every reference;
//   - a CSR kernel skips the terms with x = 0, which are exact zeros: adding them to a nonzero
//     float64 sum changes nothing, so the dense float64 sum over all i in index order is the CSR
//     sum, and one rounding to float32 at the end gives the same bits;
//   - the dense float32 kernels round after every step, z <- fround(z + x w), which the reference
//     does explicitly with Math.fround.
// So any wrong term, wrong index or skipped unit shows as a changed bit.

import { describe, expect, it } from 'vitest';
import { toCsr, type CsrMatrix, type DenseMatrix } from '../../../../src/engine/nn';
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
} from '../../../../src/engine/nn/kernels';
import { forwardDensePacked, packWeights, weightGradCsrSgdPacked } from '../../../../src/engine/nn/inferenceKernels';
import { sgdUpdate } from '../../../../src/engine/nn/optimizers';
import { randomBuffer } from './helpers';

const UNITS = [1, 7, 8, 9, 15, 16, 17, 64];
const WIDTHS = [1, 13, 37];
/** Rows stored in the source matrix; a batch picks `COUNT` of them, out of order, one twice. */
const ROWS = 15;
const COUNT = 11;
const SELECTION = Int32Array.from([3, 14, 0, 7, 7, 1, 12, 5, 9, 2, 11]);

/** Throws at the first element whose bits differ (Object.is also tells +0 from -0). */
function expectBitIdentical(actual: ArrayLike<number>, expected: ArrayLike<number>, what: string): void {
  expect(actual.length, `${what}: length`).toBe(expected.length);
  for (let k = 0; k < expected.length; k++) {
    if (!Object.is(actual[k], expected[k])) {
      throw new Error(`${what}: element ${k} is ${actual[k]}, the reference gives ${expected[k]}`);
    }
  }
}

interface Case {
  readonly cols: number;
  readonly units: number;
  /** ROWS x cols, about 70 % zeros, row 4 all zero, and (for cols > 1) column 0 all zero. */
  readonly x: Float32Array;
  readonly dense: DenseMatrix;
  readonly csr: CsrMatrix;
  readonly w: Float32Array;
  readonly b: Float32Array;
  /** dL/dz of the batch, COUNT x units. */
  readonly dZ: Float32Array;
}

function makeCase(cols: number, units: number): Case {
  const seed = 1000 * cols + units;
  const x = randomBuffer(ROWS * cols, seed, -1, 1).map((v) => (Math.abs(v) < 0.7 ? 0 : v));
  for (let c = 0; c < cols; c++) x[4 * cols + c] = 0;
  if (cols > 1) for (let r = 0; r < ROWS; r++) x[r * cols] = 0;
  // Every other row gets at least one nonzero, so the sums are not all empty.
  for (let r = 0; r < ROWS; r += 2) if (r !== 4) x[r * cols + cols - 1] = 0.5 + r / 32;
  return {
    cols,
    units,
    x,
    dense: { kind: 'dense', rows: ROWS, cols, data: x },
    csr: toCsr(x, ROWS, cols),
    w: randomBuffer(cols * units, seed + 1, -1, 1),
    b: randomBuffer(units, seed + 2, -0.5, 0.5),
    dZ: randomBuffer(COUNT * units, seed + 3, -1, 1),
  };
}

function eachCase(test: (c: Case) => void): void {
  for (const cols of WIDTHS) for (const units of UNITS) test(makeCase(cols, units));
}

const label = (c: Case, kernel: string): string => `${kernel} (${c.cols} inputs, ${c.units} units)`;

// --- References: dense loops over every input, written as plainly as possible. ---

/** z[s][j] = float32(b_j + sum_i x_i W_ij), the sum in float64 in index order (the CSR kernels' contract). */
function refForward64(c: Case): Float32Array {
  const z = new Float32Array(COUNT * c.units);
  for (let s = 0; s < COUNT; s++) {
    const r = SELECTION[s];
    for (let j = 0; j < c.units; j++) {
      let sum = c.b[j];
      for (let i = 0; i < c.cols; i++) sum += c.x[r * c.cols + i] * c.w[i * c.units + j];
      z[s * c.units + j] = sum;
    }
  }
  return z;
}

/** z[s][j] = b_j, then z <- float32(z + x_i W_ij) for each i in order (the dense kernels' contract). */
function refForward32(c: Case): Float32Array {
  const z = new Float32Array(COUNT * c.units);
  for (let s = 0; s < COUNT; s++) {
    const r = SELECTION[s];
    for (let j = 0; j < c.units; j++) {
      let sum = c.b[j];
      for (let i = 0; i < c.cols; i++) sum = Math.fround(sum + c.x[r * c.cols + i] * c.w[i * c.units + j]);
      z[s * c.units + j] = sum;
    }
  }
  return z;
}

/** sum_s x[s][i] dZ[s][j] in float64, samples in batch order, for every (i, j). */
function refWeightGradSums(c: Case): Float64Array {
  const g = new Float64Array(c.cols * c.units);
  for (let i = 0; i < c.cols; i++) {
    for (let j = 0; j < c.units; j++) {
      let sum = 0;
      for (let s = 0; s < COUNT; s++) sum += c.x[SELECTION[s] * c.cols + i] * c.dZ[s * c.units + j];
      g[i * c.units + j] = sum;
    }
  }
  return g;
}

/** A nonzero starting gradient, so that "accumulate" is tested, not "overwrite". */
const startGrad = (c: Case): Float32Array => randomBuffer(c.cols * c.units, c.cols + 7 * c.units, -0.25, 0.25);

describe('forward kernels against a dense reference', () => {
  it('forwardCsr and forwardCsr64: float64 sums in index order, bit-identical', () => {
    eachCase((c) => {
      const ref = refForward64(c);
      const z = new Float32Array(COUNT * c.units);
      forwardCsr(c.csr, SELECTION, COUNT, c.w, c.b, c.units, z);
      expectBitIdentical(z, ref, label(c, 'forwardCsr'));
      const z64 = new Float32Array(COUNT * c.units);
      forwardCsr64(c.csr, SELECTION, COUNT, Float64Array.from(c.w), c.b, c.units, z64);
      expectBitIdentical(z64, ref, label(c, 'forwardCsr64'));
    });
  });

  it('forwardDense and forwardDensePacked: float32 rounding after every term, bit-identical', () => {
    eachCase((c) => {
      const ref = refForward32(c);
      const z = new Float32Array(COUNT * c.units);
      forwardDense(c.dense, SELECTION, COUNT, c.w, c.b, c.units, z);
      expectBitIdentical(z, ref, label(c, 'forwardDense'));
      const zl = new Float32Array(COUNT * c.units);
      forwardDensePacked(c.dense, SELECTION, COUNT, packWeights(c.w, c.cols, c.units), c.b, c.units, zl);
      expectBitIdentical(zl, ref, label(c, 'forwardDensePacked'));
    });
  });

  it('the references themselves are the exact sums to float32 precision', () => {
    // Guards the references: both must be within float32 rounding of the exact dot product
    // (bound: one rounding per term, |error| <= terms * 2^-24 * sum |x_i W_ij| + final rounding).
    eachCase((c) => {
      const r64 = refForward64(c);
      const r32 = refForward32(c);
      for (let s = 0; s < COUNT; s++) {
        const r = SELECTION[s];
        for (let j = 0; j < c.units; j++) {
          let exact = c.b[j];
          let magnitude = Math.abs(c.b[j]);
          for (let i = 0; i < c.cols; i++) {
            const t = c.x[r * c.cols + i] * c.w[i * c.units + j];
            exact += t;
            magnitude += Math.abs(t);
          }
          const tol = (c.cols + 2) * 2 ** -24 * magnitude;
          expect(Math.abs(r64[s * c.units + j] - exact)).toBeLessThanOrEqual(tol);
          expect(Math.abs(r32[s * c.units + j] - exact)).toBeLessThanOrEqual(tol);
        }
      }
    });
  });
});

describe('gradient kernels against a dense reference', () => {
  it('weightGradCsr: dW += sum_s x[s][i] dZ[s][j] (float64 sum, one rounding), bit-identical', () => {
    eachCase((c) => {
      const sums = refWeightGradSums(c);
      const gw = startGrad(c);
      const ref = gw.map((g, k) => g + sums[k]);
      const scratch = new CsrGradScratch();
      weightGradCsr(c.csr, SELECTION, COUNT, c.dZ, c.units, gw, scratch);
      expectBitIdentical(gw, ref, label(c, 'weightGradCsr'));
      // A second batch through the same (now large enough) scratch accumulates on top.
      const again = ref.map((g, k) => g + sums[k]);
      weightGradCsr(c.csr, SELECTION, COUNT, c.dZ, c.units, gw, scratch);
      expectBitIdentical(gw, again, label(c, 'weightGradCsr, second batch'));
    });
  });

  it('weightGradDense: dW <- float32(dW + x dZ) sample by sample, bit-identical', () => {
    eachCase((c) => {
      const gw = startGrad(c);
      const ref = gw.slice();
      for (let s = 0; s < COUNT; s++) {
        for (let i = 0; i < c.cols; i++) {
          for (let j = 0; j < c.units; j++) {
            const k = i * c.units + j;
            ref[k] = Math.fround(ref[k] + c.x[SELECTION[s] * c.cols + i] * c.dZ[s * c.units + j]);
          }
        }
      }
      weightGradDense(c.dense, SELECTION, COUNT, c.dZ, c.units, gw);
      expectBitIdentical(gw, ref, label(c, 'weightGradDense'));
    });
  });

  it('weightGradCsrSgd: W <- float32(W - lr float32(g)), W and its float64 copy, bit-identical', () => {
    const lr = 0.1;
    eachCase((c) => {
      const sums = refWeightGradSums(c);
      // Untouched rows (g = 0) come out unchanged: W - lr * 0 = W.
      const ref = c.w.map((w, k) => w - lr * Math.fround(sums[k]));
      const w = c.w.slice();
      const w64 = Float64Array.from(w);
      weightGradCsrSgd(c.csr, SELECTION, COUNT, c.dZ, c.units, w, w64, lr, new CsrGradScratch());
      expectBitIdentical(w, ref, label(c, 'weightGradCsrSgd W'));
      expectBitIdentical(w64, ref, label(c, 'weightGradCsrSgd float64 copy'));
      // The claim in its comment: the same bits as accumulating into a zero gradient, then SGD.
      const w2 = c.w.slice();
      const g = new Float32Array(w2.length);
      weightGradCsr(c.csr, SELECTION, COUNT, c.dZ, c.units, g, new CsrGradScratch());
      sgdUpdate(w2, g, lr);
      expectBitIdentical(w, w2, label(c, 'weightGradCsrSgd vs weightGradCsr + sgdUpdate'));
    });
  });

  it('weightGradCsrSgdPacked: the same W as weightGradCsrSgd, and the packed copy stays W packed', () => {
    const lr = 0.1;
    eachCase((c) => {
      const sums = refWeightGradSums(c);
      const ref = c.w.map((w, k) => w - lr * Math.fround(sums[k]));
      const w = c.w.slice();
      const packed = packWeights(w, c.cols, c.units);
      weightGradCsrSgdPacked(c.csr, SELECTION, COUNT, c.dZ, c.units, w, packed, lr, new CsrGradScratch());
      expectBitIdentical(w, ref, label(c, 'weightGradCsrSgdPacked W'));
      expectBitIdentical(packed, packWeights(ref, c.cols, c.units), label(c, 'weightGradCsrSgdPacked packed copy'));
      // A second batch from the updated copy (it must read the weights it wrote).
      const sel = SELECTION.subarray(2, 9);
      const again = w.slice();
      const w64 = Float64Array.from(again);
      weightGradCsrSgd(c.csr, sel, 7, c.dZ, c.units, again, w64, lr, new CsrGradScratch());
      weightGradCsrSgdPacked(c.csr, sel, 7, c.dZ, c.units, w, packed, lr, new CsrGradScratch());
      expectBitIdentical(w, again, label(c, 'weightGradCsrSgdPacked second batch'));
      expectBitIdentical(packed, packWeights(again, c.cols, c.units), label(c, 'second batch, packed copy'));
    });
  });

  it('inputGrad: dX[s][i] = float32(sum_j W_ij dZ[s][j]) and accumulateBiasGrad: db += dZ, bit-identical', () => {
    eachCase((c) => {
      const dX = new Float32Array(COUNT * c.cols).fill(Number.NaN);
      const ref = new Float32Array(COUNT * c.cols);
      for (let s = 0; s < COUNT; s++) {
        for (let i = 0; i < c.cols; i++) {
          let sum = 0;
          for (let j = 0; j < c.units; j++) sum += c.w[i * c.units + j] * c.dZ[s * c.units + j];
          ref[s * c.cols + i] = sum;
        }
      }
      inputGrad(c.dZ, COUNT, c.w, c.cols, c.units, dX);
      expectBitIdentical(dX, ref, label(c, 'inputGrad'));
      const gb = c.b.slice();
      const refB = c.b.slice();
      for (let s = 0; s < COUNT; s++) {
        for (let j = 0; j < c.units; j++) refB[j] = Math.fround(refB[j] + c.dZ[s * c.units + j]);
      }
      accumulateBiasGrad(c.dZ, COUNT, c.units, gb);
      expectBitIdentical(gb, refB, label(c, 'accumulateBiasGrad'));
    });
  });
});
