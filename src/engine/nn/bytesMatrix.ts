// Samples stored as bytes (0..255), each standing for the input byte / 255 (MNIST pixels). The
// network never sees them as bytes: predictClasses and Trainer.epoch turn each batch's rows into
// the sparse form (CSR, only the nonzero values) in buffers sized once and reused, so a large
// dataset is never expanded all at once (fresh memory costs a page fault per 4 KB on first touch,
// which on a virtual machine was the larger part of converting 2,000 digits). The numbers are the
// same float32 values as toCsr of byte / 255, so the results are bit-identical to the CSR path.

import type { CsrMatrix } from './matrix';

export interface BytesMatrix {
  readonly kind: 'bytes';
  readonly rows: number;
  readonly cols: number;
  /** rows * cols bytes, row-major; value = float32(byte / 255). */
  readonly data: Uint8Array;
}

/** Wraps (no copy) row-major bytes as a matrix of byte / 255 values. */
export function bytesMatrix(data: Uint8Array, rows: number, cols: number): BytesMatrix {
  if (!Number.isInteger(rows) || rows < 0 || !Number.isInteger(cols) || cols < 1) {
    throw new Error(`bytesMatrix: rows and cols must be integers (rows >= 0, cols >= 1), got ${rows} x ${cols}`);
  }
  if (data.length !== rows * cols) {
    throw new Error(`bytesMatrix: expected ${rows} x ${cols} = ${rows * cols} bytes, got ${data.length}`);
  }
  return { kind: 'bytes', rows, cols, data };
}

/** byte / 255 as float32 for each byte value (the same numbers a dense byte / 255 input holds). */
export const BYTE_TO_INPUT = Float32Array.from({ length: 256 }, (_, v) => v / 255);

/** True where a Uint32Array reads byte 0 of each word as its lowest 8 bits (every common machine). */
const LITTLE_ENDIAN = new Uint8Array(Uint32Array.of(1).buffer)[0] === 1;

/** The bytes as 4-byte words, or null when they cannot be read so (unaligned, or rows not whole words). */
export function asWords(data: Uint8Array, cols: number): Uint32Array | null {
  if (data.byteOffset % 4 !== 0 || cols % 4 !== 0) return null;
  return new Uint32Array(data.buffer, data.byteOffset, data.length >> 2);
}

/**
 * One row's nonzero bytes from its `rowWords` 4-byte words starting at word w0, appended at k;
 * returns the new k. A function of its own so that it is optimised after a few rows. Branch-free
 * within a word: every byte of a nonzero word is written and k advances only past the nonzero
 * ones (the arrays need 3 spare slots past the last value). On a little-endian machine the four
 * bytes are taken from the word already read (byte b is bits 8b .. 8b+7); otherwise byte by byte.
 */
export function fillRowFromWords(
  words: Uint32Array,
  bytes: Uint8Array,
  w0: number,
  rowWords: number,
  index: Int32Array,
  value: Float32Array,
  k: number,
): number {
  const toInput = BYTE_TO_INPUT;
  for (let w = 0; w < rowWords; w++) {
    const t = words[w0 + w];
    if (t === 0) continue;
    const c0 = w << 2;
    const p = (w0 + w) << 2;
    const v0 = LITTLE_ENDIAN ? t & 255 : bytes[p],
      v1 = LITTLE_ENDIAN ? (t >>> 8) & 255 : bytes[p + 1],
      v2 = LITTLE_ENDIAN ? (t >>> 16) & 255 : bytes[p + 2],
      v3 = LITTLE_ENDIAN ? t >>> 24 : bytes[p + 3];
    index[k] = c0;
    value[k] = toInput[v0];
    k += v0 !== 0 ? 1 : 0;
    index[k] = c0 + 1;
    value[k] = toInput[v1];
    k += v1 !== 0 ? 1 : 0;
    index[k] = c0 + 2;
    value[k] = toInput[v2];
    k += v2 !== 0 ? 1 : 0;
    index[k] = c0 + 3;
    value[k] = toInput[v3];
    k += v3 !== 0 ? 1 : 0;
  }
  return k;
}

/** fillRowFromWords for bytes that cannot be read as words: one byte at a time. */
export function fillRowFromBytes(
  bytes: Uint8Array,
  base: number,
  cols: number,
  index: Int32Array,
  value: Float32Array,
  k: number,
): number {
  const toInput = BYTE_TO_INPUT;
  for (let c = 0; c < cols; c++) {
    const v = bytes[base + c];
    if (v !== 0) {
      index[k] = c;
      value[k] = toInput[v];
      k++;
    }
  }
  return k;
}

/**
 * Reused buffers that hold one batch of byte rows in sparse form. gather(x, rows, count) returns
 * a CSR matrix whose row s is row rows[s] of x (s < count), valid until the next gather.
 */
export class BytesGather {
  private index = new Int32Array(0);
  private value = new Float32Array(0);
  private rowStart = new Int32Array(0);
  private wordsOf: Uint8Array | null = null;
  private words: Uint32Array | null = null;

  gather(x: BytesMatrix, rows: Int32Array, count: number): CsrMatrix {
    const cols = x.cols;
    // Room for every value of the batch plus the 3 spare slots fillRowFromWords writes past the end.
    const need = count * cols + 3;
    if (this.index.length < need) {
      this.index = new Int32Array(need);
      this.value = new Float32Array(need);
    }
    if (this.rowStart.length < count + 1) this.rowStart = new Int32Array(count + 1);
    if (this.wordsOf !== x.data) {
      this.wordsOf = x.data;
      this.words = asWords(x.data, cols);
    }
    const { index, value, rowStart } = this;
    const words = this.words;
    const rowWords = cols >> 2;
    let k = 0;
    for (let s = 0; s < count; s++) {
      rowStart[s] = k;
      const r = rows[s];
      k = words
        ? fillRowFromWords(words, x.data, r * rowWords, rowWords, index, value, k)
        : fillRowFromBytes(x.data, r * cols, cols, index, value, k);
    }
    rowStart[count] = k;
    return { kind: 'csr', rows: count, cols, rowStart, index, value };
  }
}

/** The whole matrix in sparse form, in new arrays of exactly its nonzero count. */
export function bytesToCsr(x: BytesMatrix): CsrMatrix {
  const { rows, cols, data } = x;
  let nonzeros = 0;
  for (let i = 0; i < data.length; i++) if (data[i] !== 0) nonzeros++;
  const rowStart = new Int32Array(rows + 1);
  const index = new Int32Array(nonzeros);
  const value = new Float32Array(nonzeros);
  let k = 0;
  for (let r = 0; r < rows; r++) {
    rowStart[r] = k;
    k = fillRowFromBytes(data, r * cols, cols, index, value, k);
  }
  rowStart[rows] = k;
  return { kind: 'csr', rows, cols, rowStart, index, value };
}
