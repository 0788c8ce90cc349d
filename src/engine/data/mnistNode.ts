// Node-only: reads the MNIST asset from disk (tests, benchmarks, scripts). Kept apart from
// mnist.ts so that no browser bundle pulls in node:fs or node:zlib.

import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { gunzipSync } from 'node:zlib';
import { isGzip, parseMnist, type MnistData } from './mnist';

/** assets/data/mnist.bin.gz, found relative to this source file. */
export const MNIST_ASSET_PATH = fileURLToPath(new URL('../../../assets/data/mnist.bin.gz', import.meta.url));

export function loadMnistFile(path: string = MNIST_ASSET_PATH): MnistData {
  const file = readFileSync(path);
  const raw = isGzip(file) ? gunzipSync(file) : file;
  // A plain Uint8Array view (not a Node Buffer), so results look the same as in the browser.
  return parseMnist(new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength));
}
