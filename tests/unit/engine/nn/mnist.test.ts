import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { decodeMnistAsset, mnistDataset, parseMnist, pixelsToCsr } from '../../../../src/engine/data';
import { MNIST_ASSET_PATH, loadMnistFile } from '../../../../src/engine/data/mnistNode';
import { accuracy, confusionMatrix, createNetwork, createTrainer, csrToDense } from '../../../../src/engine/nn';
import { createRng } from '../../../../src/engine/random';

const data = loadMnistFile();

describe('MNIST asset', () => {
  it('holds 8,000 training and 2,000 test digits of 28 x 28 bytes, every class present', () => {
    expect([data.version, data.width, data.height, data.train.count, data.test.count]).toEqual([1, 28, 28, 8000, 2000]);
    expect(data.train.pixels.length).toBe(8000 * 784);
    for (const split of [data.train, data.test]) {
      const perClass = new Array<number>(10).fill(0);
      split.labels.forEach((l) => perClass[l]++);
      expect(Math.min(...perClass)).toBeGreaterThan(split.count / 20);
    }
    // Digits are mostly background: under a third of the pixels carry ink.
    const ink = data.train.pixels.reduce((n, p) => n + (p !== 0 ? 1 : 0), 0);
    expect(ink / data.train.pixels.length).toBeLessThan(1 / 3);
  });

  it('the browser path (DecompressionStream) decodes the same bytes as the Node path (zlib)', async () => {
    const viaWeb = await decodeMnistAsset(readFileSync(MNIST_ASSET_PATH));
    const same = (a: Uint8Array, b: Uint8Array): boolean => Buffer.from(a).equals(Buffer.from(b));
    expect(same(viaWeb.train.labels, data.train.labels)).toBe(true);
    expect(same(viaWeb.train.pixels, data.train.pixels)).toBe(true);
    expect(same(viaWeb.test.pixels, data.test.pixels)).toBe(true);
  });

  it('rejects a wrong magic, version or length', () => {
    const good = new Uint8Array(16 + 2 * 785);
    good.set([0x42, 0x42, 0x44, 0x4d, 1, 0, 28, 28, 1, 0, 0, 0, 1, 0, 0, 0]);
    expect(parseMnist(good).test.count).toBe(1);
    const badMagic = good.slice();
    badMagic[0] = 0x58;
    expect(() => parseMnist(badMagic)).toThrow(/magic/);
    const badVersion = good.slice();
    badVersion[4] = 2;
    expect(() => parseMnist(badVersion)).toThrow(/version 2/);
    expect(() => parseMnist(good.subarray(0, 100))).toThrow(/header promises/);
    const badLabel = good.slice();
    badLabel[16] = 11;
    expect(() => parseMnist(badLabel)).toThrow(/label 11/);
  });

  it('sparse and dense forms hold the same inputs (byte / 255)', () => {
    const csr = mnistDataset(data, 'test', 'csr').inputs;
    const dense = mnistDataset(data, 'test', 'dense').inputs;
    if (csr.kind !== 'csr' || dense.kind !== 'dense') throw new Error('layouts');
    const expanded = csrToDense(csr).data;
    let mismatches = 0;
    for (let i = 0; i < expanded.length; i++) if (expanded[i] !== dense.data[i]) mismatches++;
    expect(mismatches).toBe(0);
    expect(dense.data[200 * 784 + 300]).toBe(Math.fround(data.test.pixels[200 * 784 + 300] / 255));
  });

  it('the word-at-a-time and byte-at-a-time sparse conversions agree exactly', () => {
    const count = 300;
    const aligned = new Uint8Array(new ArrayBuffer(count * 784 + 4), 0, count * 784);
    aligned.set(data.test.pixels.subarray(0, count * 784));
    const unaligned = new Uint8Array(new ArrayBuffer(count * 784 + 4), 1, count * 784);
    unaligned.set(aligned);
    const labels = data.test.labels.subarray(0, count);
    const a = pixelsToCsr({ count, labels, pixels: aligned }, 784);
    const b = pixelsToCsr({ count, labels, pixels: unaligned }, 784);
    expect(a.index.length).toBe(a.rowStart[count]);
    expect(a.value.length).toBe(a.rowStart[count]);
    expect(Array.from(a.rowStart)).toEqual(Array.from(b.rowStart));
    expect(Array.from(a.index)).toEqual(Array.from(b.index));
    expect(Array.from(a.value)).toEqual(Array.from(b.value));
    expect(Array.from(csrToDense(a).data)).toEqual(Array.from(aligned, (v) => Math.fround(v / 255)));
  });

  it('the one-pass conversion grows its lists when digits are inked far more than MNIST ones', () => {
    // 40 digits: the first 10 blank, then more and more ink up to every pixel, so the lists sized
    // for a quarter of the pixels must grow (more than once), and each byte value appears.
    const count = 40;
    const pixels = new Uint8Array(count * 784);
    for (let r = 10; r < count; r++) {
      const inked = Math.round((784 * (r - 9)) / (count - 10));
      for (let c = 0; c < inked; c++) pixels[r * 784 + c] = 1 + ((r * 31 + c * 7) % 255);
    }
    const unaligned = new Uint8Array(new ArrayBuffer(count * 784 + 1), 1, count * 784);
    unaligned.set(pixels);
    const labels = new Uint8Array(count);
    const a = pixelsToCsr({ count, labels, pixels }, 784);
    const b = pixelsToCsr({ count, labels, pixels: unaligned }, 784);
    expect(a.rowStart[count]).toBeGreaterThan((count * 784) / 4 + 784);
    expect(Array.from(a.rowStart)).toEqual(Array.from(b.rowStart));
    expect(Array.from(a.index)).toEqual(Array.from(b.index));
    expect(Array.from(a.value)).toEqual(Array.from(b.value));
    expect(Array.from(csrToDense(a).data)).toEqual(Array.from(pixels, (v) => Math.fround(v / 255)));
  });
});

describe('the boss: 784-64-10 on real digits', () => {
  it('reaches >= 90 % on the 2,000 held-out digits within 3 epochs (ReLU, softmax CE, SGD 0.1, batch 32)', () => {
    const train = mnistDataset(data, 'train');
    const test = mnistDataset(data, 'test');
    const net = createNetwork(
      {
        input: 784,
        layers: [
          { units: 64, activation: 'relu' },
          { units: 10, activation: 'softmax' },
        ],
      },
      { seed: 1 },
    );
    const trainer = createTrainer(net, { loss: 'softmaxCrossEntropy', optimizer: { kind: 'sgd', learningRate: 0.1 } });
    const rng = createRng(2);
    const losses: number[] = [];
    for (let e = 0; e < 3; e++) losses.push(trainer.epoch(train, { batchSize: 32, rng }));
    expect(losses[2]).toBeLessThan(losses[0]);
    const acc = accuracy(net, test);
    expect(acc).toBeGreaterThanOrEqual(0.9);
    // The dense reference path classifies the held-out digits the same way.
    const denseTest = mnistDataset(data, 'test', 'dense');
    expect(accuracy(net, denseTest)).toBe(acc);
    expect(
      confusionMatrix(net, test)
        .flat()
        .reduce((a, b) => a + b, 0),
    ).toBe(2000);
  });
});
