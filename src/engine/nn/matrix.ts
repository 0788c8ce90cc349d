// Batches of samples as flat row-major buffers. A network reads its input rows through one of two
// layouts that hold the same numbers:
//   dense: data[r * cols + c] is feature c of sample r (zeros stored like any other value);
//   CSR (compressed sparse rows): only the nonzero features of each row, as (index, value) pairs,
//        row r's pairs at positions rowStart[r] .. rowStart[r + 1] - 1.
// MNIST digits are about 81 % zero pixels, so CSR lets the first layer skip most of its work
// while computing exactly the same sums (adding w * 0 changes nothing).

export interface DenseMatrix {
  readonly kind: 'dense';
  readonly rows: number;
  readonly cols: number;
  /** rows * cols values, row-major. */
  readonly data: Float32Array;
}

export interface CsrMatrix {
  readonly kind: 'csr';
  readonly rows: number;
  readonly cols: number;
  /** rows + 1 offsets into index/value; rowStart[0] = 0, rowStart[rows] = number of nonzeros. */
  readonly rowStart: Int32Array;
  /** Column of each stored value, increasing within a row. */
  readonly index: Int32Array;
  readonly value: Float32Array;
}

export type InputMatrix = DenseMatrix | CsrMatrix;

/** What predictClasses and Trainer.epoch take: a matrix, or bytes standing for byte / 255. */
export type SampleMatrix = InputMatrix | BytesMatrix;

import type { BytesMatrix } from './bytesMatrix';

function checkShape(data: ArrayLike<number>, rows: number, cols: number, what: string): void {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 1) {
    throw new Error(`${what}: rows and cols must be integers (rows >= 0, cols >= 1), got ${rows} x ${cols}`);
  }
  if (data.length !== rows * cols) {
    throw new Error(`${what}: expected ${rows} x ${cols} = ${rows * cols} values, got ${data.length}`);
  }
}

/** Wraps (no copy) a flat row-major buffer as a dense matrix. */
export function denseMatrix(data: Float32Array, rows: number, cols: number): DenseMatrix {
  checkShape(data, rows, cols, 'denseMatrix');
  return { kind: 'dense', rows, cols, data };
}

/**
 * Builds the CSR form of a dense row-major buffer once (two passes: count, then fill), so that
 * training steps can reuse it without scanning the zeros again.
 */
export function toCsr(data: ArrayLike<number>, rows: number, cols: number): CsrMatrix {
  checkShape(data, rows, cols, 'toCsr');
  let nonzeros = 0;
  for (let i = 0; i < data.length; i++) if (data[i] !== 0) nonzeros++;
  const rowStart = new Int32Array(rows + 1);
  const index = new Int32Array(nonzeros);
  const value = new Float32Array(nonzeros);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    rowStart[r] = k;
    const base = r * cols;
    for (let c = 0; c < cols; c++) {
      const v = data[base + c];
      if (v !== 0) {
        index[k] = c;
        value[k] = v;
        k++;
      }
    }
  }
  rowStart[rows] = k;
  return { kind: 'csr', rows, cols, rowStart, index, value };
}

/** Expands a CSR matrix back to dense (used by tests and by the dense reference path). */
export function csrToDense(m: CsrMatrix): DenseMatrix {
  const data = new Float32Array(m.rows * m.cols);
  for (let r = 0; r < m.rows; r++) {
    for (let k = m.rowStart[r]; k < m.rowStart[r + 1]; k++) data[r * m.cols + m.index[k]] = m.value[k];
  }
  return { kind: 'dense', rows: m.rows, cols: m.cols, data };
}

/**
 * True when every value is finite. v - v is 0 for a finite v and NaN for NaN or an infinity, and a
 * NaN stays NaN through any sum, so four running sums (independent, so they add in parallel) tell
 * whether any value is not finite, without a branch per value.
 */
function allFinite(values: Float32Array): boolean {
  let s0 = 0,
    s1 = 0,
    s2 = 0,
    s3 = 0;
  const n = values.length;
  const whole = n - (n % 4);
  for (let i = 0; i < whole; i += 4) {
    s0 += values[i] - values[i];
    s1 += values[i + 1] - values[i + 1];
    s2 += values[i + 2] - values[i + 2];
    s3 += values[i + 3] - values[i + 3];
  }
  for (let i = whole; i < n; i++) s0 += values[i] - values[i];
  return s0 + s1 + s2 + s3 === 0;
}

/** Throws if any value is NaN or infinite; names the first bad position. */
export function assertFiniteMatrix(m: InputMatrix, what: string): void {
  const values = m.kind === 'dense' ? m.data : m.value;
  if (allFinite(values)) return;
  for (let i = 0; i < values.length; i++) {
    if (!Number.isFinite(values[i])) {
      const where = m.kind === 'dense' ? `row ${Math.floor(i / m.cols)}, column ${i % m.cols}` : `stored value ${i}`;
      throw new Error(`${what}: value at ${where} is ${values[i]} (inputs must be finite numbers)`);
    }
  }
}
