import { describe, expect, it } from 'vitest';
import { pixelsToCsr } from '../../../../src/engine/data';
import { loadMnistFile } from '../../../../src/engine/data/mnistNode';
import { BytesGather } from '../../../../src/engine/nn/bytesMatrix';
import {
  bytesMatrix,
  bytesToCsr,
  createNetwork,
  createTrainer,
  csrToDense,
  predictClasses,
  toCsr,
  type CsrMatrix,
  type OptimizerSpec,
} from '../../../../src/engine/nn';
import { createRng } from '../../../../src/engine/random';

const data = loadMnistFile();

/** Bytes with blank rows, full rows, every byte value and zero words between inked ones. */
function varied(rows: number, cols: number, seed: number): Uint8Array {
  const rng = createRng(seed);
  const out = new Uint8Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    const kind = r % 5;
    for (let c = 0; c < cols; c++) {
      if (kind === 0) continue;
      if (kind === 1) out[r * cols + c] = 1 + ((r * 31 + c * 7) % 255);
      else if (rng.next() < (kind === 2 ? 0.05 : 0.3)) out[r * cols + c] = 1 + rng.int(255);
    }
  }
  return out;
}

/** The same bytes starting one byte past a word boundary (read byte by byte). */
function unaligned(bytes: Uint8Array): Uint8Array {
  const u = new Uint8Array(new ArrayBuffer(bytes.length + 4), 1, bytes.length);
  u.set(bytes);
  return u;
}

/** Row s of the result as (column, value) pairs. */
function rowPairs(m: CsrMatrix, s: number): [number, number][] {
  const out: [number, number][] = [];
  for (let k = m.rowStart[s]; k < m.rowStart[s + 1]; k++) out.push([m.index[k], m.value[k]]);
  return out;
}

describe('byte samples (byte / 255)', () => {
  it('a gathered batch holds exactly the selected rows of toCsr(byte / 255), word by word or byte by byte', () => {
    // Widths on both sides of the 4-byte word (1, 3 are read byte by byte; 4, 8, 784 by words).
    for (const cols of [1, 3, 4, 5, 8, 12, 784]) {
      const rows = 23;
      const bytes = varied(rows, cols, cols);
      const reference = (b: Uint8Array) =>
        toCsr(
          Float32Array.from(b, (v) => v / 255),
          rows,
          cols,
        );
      const picks = Int32Array.from([22, 0, 5, 5, 11, 1, 20, 3, 17, 16]);
      // One gatherer for all three sources: each must be read as itself (not through the words
      // of the one before), aligned or not.
      const gather = new BytesGather();
      for (const source of [bytes, unaligned(varied(rows, cols, 99)), bytes]) {
        const want = reference(source);
        // Twice with different counts: the reused buffers must not leak the earlier batch.
        for (const count of [picks.length, 3]) {
          const m = gather.gather(bytesMatrix(source, rows, cols), picks, count);
          expect([m.rows, m.cols]).toEqual([count, cols]);
          for (let s = 0; s < count; s++) expect(rowPairs(m, s)).toEqual(rowPairs(want, picks[s]));
        }
      }
      expect(Array.from(csrToDense(bytesToCsr(bytesMatrix(bytes, rows, cols))).data)).toEqual(
        Array.from(bytes, (v) => Math.fround(v / 255)),
      );
    }
  });

  it('refuses a shape that does not match its bytes', () => {
    expect(() => bytesMatrix(new Uint8Array(10), 3, 4)).toThrow(/expected 3 x 4 = 12 bytes, got 10/);
    expect(() => bytesMatrix(new Uint8Array(0), 0, 0)).toThrow(/cols >= 1/);
  });

  const spec = {
    input: 784,
    layers: [
      { units: 16, activation: 'relu' as const },
      { units: 10, activation: 'softmax' as const },
    ],
  };

  it('predictClasses on bytes gives the classes of the sparse path, at batch sizes on both sides of a block', () => {
    const net = createNetwork(spec, { seed: 5 });
    const count = 517;
    const split = {
      count,
      labels: data.test.labels.subarray(0, count),
      pixels: data.test.pixels.subarray(0, count * 784),
    };
    const expected = Array.from(predictClasses(net, pixelsToCsr(split, 784)));
    for (const batch of [1, 7, 255, 256, 257, 600]) {
      expect(Array.from(predictClasses(net, bytesMatrix(split.pixels, count, 784), batch))).toEqual(expected);
      expect(Array.from(predictClasses(net, bytesMatrix(unaligned(split.pixels), count, 784), batch))).toEqual(
        expected,
      );
    }
    expect(() => predictClasses(net, bytesMatrix(new Uint8Array(8), 2, 4))).toThrow(/expected 784 columns/);
    // The other public paths take bytes too, through the whole matrix's sparse form.
    expect(Array.from(net.predict(bytesMatrix(split.pixels, count, 784)))).toEqual(
      Array.from(net.predict(pixelsToCsr(split, 784))),
    );
  });

  it('an epoch on bytes moves the weights bit for bit as one on the sparse lists (fused SGD and Adam)', () => {
    const count = 300;
    const split = {
      count,
      labels: data.train.labels.subarray(0, count),
      pixels: data.train.pixels.subarray(0, count * 784),
    };
    const optimizers: OptimizerSpec[] = [
      { kind: 'sgd', learningRate: 0.1 },
      { kind: 'adam', learningRate: 0.01 },
    ];
    for (const optimizer of optimizers) {
      for (const batchSize of [32, 7]) {
        const run = (inputs: Parameters<ReturnType<typeof createTrainer>['epoch']>[0]['inputs']) => {
          const net = createNetwork(spec, { seed: 9 });
          const trainer = createTrainer(net, { loss: 'softmaxCrossEntropy', optimizer });
          const rng = createRng(4);
          const losses = [0, 1].map(() => trainer.epoch({ inputs, targets: split.labels }, { batchSize, rng }));
          return { losses, weights: net.params().map((p) => Array.from(p.value)) };
        };
        const viaCsr = run(pixelsToCsr(split, 784));
        const viaBytes = run(bytesMatrix(split.pixels, count, 784));
        expect(viaBytes.losses).toEqual(viaCsr.losses);
        expect(viaBytes.weights).toEqual(viaCsr.weights);
      }
    }
  });
});
