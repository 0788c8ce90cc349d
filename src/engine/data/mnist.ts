// The MNIST asset (assets/data/mnist.bin.gz, written by scripts/make-mnist.mjs): 8,000 training
// and 2,000 held-out test digits, 28 x 28 uint8 pixels and uint8 labels. Everything here is pure
// or uses only web-standard APIs (fetch, DecompressionStream), so it is safe in a browser bundle;
// the Node file reader lives apart in mnistNode.ts.
//
// Layout after gunzip (little-endian): "BBDM", uint16 version, uint8 width, uint8 height,
// uint32 train count, uint32 test count, then train labels, train pixels, test labels, test pixels.

import { bytesMatrix, bytesToCsr, fillRowFromWords } from '../nn/bytesMatrix';
import type { CsrMatrix, DenseMatrix } from '../nn/matrix';
import type { Dataset } from '../nn/trainer';

export const MNIST_MAGIC = 'BBDM';
export const MNIST_VERSION = 1;
const HEADER_BYTES = 16;
/** Where the game serves the asset (Vite's publicDir is assets/). */
export const MNIST_ASSET_URL = 'data/mnist.bin.gz';

export interface MnistSplit {
  readonly count: number;
  /** One class 0..9 per digit. */
  readonly labels: Uint8Array;
  /** count x width x height bytes, 0 (background) .. 255 (ink), row-major per digit. */
  readonly pixels: Uint8Array;
}

export interface MnistData {
  readonly version: number;
  readonly width: number;
  readonly height: number;
  readonly train: MnistSplit;
  readonly test: MnistSplit;
}

function asBytes(data: ArrayBuffer | Uint8Array): Uint8Array {
  return data instanceof Uint8Array ? data : new Uint8Array(data);
}

/** Parses the uncompressed asset. Throws on a wrong magic, version or length. */
export function parseMnist(data: ArrayBuffer | Uint8Array): MnistData {
  const bytes = asBytes(data);
  if (bytes.length < HEADER_BYTES) throw new Error(`MNIST asset: ${bytes.length} bytes is shorter than the header`);
  const magic = String.fromCharCode(bytes[0], bytes[1], bytes[2], bytes[3]);
  if (magic !== MNIST_MAGIC) throw new Error(`MNIST asset: magic is "${magic}", expected "${MNIST_MAGIC}"`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const version = view.getUint16(4, true);
  if (version !== MNIST_VERSION) throw new Error(`MNIST asset: version ${version}, expected ${MNIST_VERSION}`);
  const width = view.getUint8(6);
  const height = view.getUint8(7);
  const trainCount = view.getUint32(8, true);
  const testCount = view.getUint32(12, true);
  const size = width * height;
  const expected = HEADER_BYTES + (trainCount + testCount) * (1 + size);
  if (bytes.length !== expected) throw new Error(`MNIST asset: ${bytes.length} bytes, header promises ${expected}`);
  let offset = HEADER_BYTES;
  const take = (n: number): Uint8Array => {
    const part = bytes.subarray(offset, offset + n);
    offset += n;
    return part;
  };
  const split = (count: number): MnistSplit => {
    const labels = take(count);
    const pixels = take(count * size);
    for (let i = 0; i < count; i++) {
      if (labels[i] > 9) throw new Error(`MNIST asset: label ${labels[i]} at digit ${i} is not 0..9`);
    }
    return { count, labels, pixels };
  };
  const train = split(trainCount);
  const test = split(testCount);
  return { version, width, height, train, test };
}

/** gzip streams start with the bytes 1f 8b. */
export function isGzip(data: ArrayBuffer | Uint8Array): boolean {
  const b = asBytes(data);
  return b.length >= 2 && b[0] === 0x1f && b[1] === 0x8b;
}

/** Gunzips with the web-standard DecompressionStream (browsers, workers and Node >= 18). */
export async function gunzip(data: ArrayBuffer | Uint8Array): Promise<Uint8Array> {
  // Copy into a fresh ArrayBuffer-backed array: Blob wants ArrayBuffer, not SharedArrayBuffer.
  const bytes = new Uint8Array(asBytes(data));
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/**
 * Parses the asset as fetched: gzipped, or already inflated (a server that sent it with
 * Content-Encoding: gzip leaves the browser to inflate it before we see it).
 */
export async function decodeMnistAsset(data: ArrayBuffer | Uint8Array): Promise<MnistData> {
  return parseMnist(isGzip(data) ? await gunzip(data) : asBytes(data));
}

/** Downloads and parses the asset (call it when the boss chapter opens, not at start-up). */
export async function fetchMnist(url: string = MNIST_ASSET_URL): Promise<MnistData> {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`MNIST asset: ${url} answered ${response.status}`);
  return decodeMnistAsset(await response.arrayBuffer());
}

/** Pixel p of digit i as a network input in [0, 1]: x = byte / 255. */
export function pixelsToDense(split: MnistSplit, size: number): DenseMatrix {
  const data = new Float32Array(split.count * size);
  for (let i = 0; i < data.length; i++) data[i] = split.pixels[i] / 255;
  return { kind: 'dense', rows: split.count, cols: size, data };
}

/**
 * The same inputs as pixelsToDense, keeping only the inked (nonzero) pixels of each digit. When
 * the bytes are 4-aligned, they are scanned four at a time (a zero word is four background pixels)
 * in one pass, into lists sized for a quarter of the pixels (MNIST digits ink about a fifth) and
 * grown when a digit might not fit; the result views the filled part.
 */
export function pixelsToCsr(split: MnistSplit, size: number): CsrMatrix {
  const { count, pixels } = split;
  // Bytes that cannot be read as 4-byte words: one at a time, counted first.
  if (pixels.byteOffset % 4 !== 0 || size % 4 !== 0) return bytesToCsr(bytesMatrix(pixels, count, size));
  const rowStart = new Int32Array(count + 1);
  const words = new Uint32Array(pixels.buffer, pixels.byteOffset, (count * size) / 4);
  // 3 spare slots: fillRowFromWords writes all four pixels of a word before it knows which count.
  let capacity = Math.max(size, Math.ceil((count * size) / 4));
  let index = new Int32Array(capacity + 3);
  let value = new Float32Array(capacity + 3);
  const rowWords = size >> 2;
  let k = 0;
  for (let r = 0; r < count; r++) {
    if (k + size > capacity) {
      capacity = Math.max(2 * capacity, k + size);
      const grownIndex = new Int32Array(capacity + 3);
      grownIndex.set(index.subarray(0, k));
      index = grownIndex;
      const grownValue = new Float32Array(capacity + 3);
      grownValue.set(value.subarray(0, k));
      value = grownValue;
    }
    rowStart[r] = k;
    k = fillRowFromWords(words, pixels, r * rowWords, rowWords, index, value, k);
  }
  rowStart[count] = k;
  return { kind: 'csr', rows: count, cols: size, rowStart, index: index.subarray(0, k), value: value.subarray(0, k) };
}

/** A split as a training/evaluation dataset (sparse by default: much faster for digits). */
export function mnistDataset(data: MnistData, which: 'train' | 'test', layout: 'csr' | 'dense' = 'csr'): Dataset {
  const split = data[which];
  const size = data.width * data.height;
  const inputs = layout === 'csr' ? pixelsToCsr(split, size) : pixelsToDense(split, size);
  return { inputs, targets: split.labels };
}
