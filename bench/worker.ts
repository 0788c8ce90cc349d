// One benchmark run in a fresh process, with one engine: first the same untimed warm-up for every
// engine (a throwaway copy of the net trains on WARMUP_BATCHES batches of 32 training digits and
// classifies WARMUP_INFER test digits, so JIT compilation and kernel set-up happen outside the
// timed sections), then the boss net (784-64 ReLU-10 softmax, cross-entropy, SGD lr 0.1, batch 32)
// is built fresh and trained for `epochs` epochs (default 2) on the 8,000 training digits, then
// classifies the 2,000 test digits. Prints one JSON line. Driven by scripts/bench.mjs; by hand:
//   node --import tsx bench/worker.ts ours|tfjs-cpu|tfjs-wasm [epochs] [warmupBatches]
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { loadMnistFile } from '../src/engine/data/mnistNode';
import type { MnistData } from '../src/engine/data/mnist';
import { bytesMatrix, createNetwork, createTrainer, predictClasses } from '../src/engine/nn';
import { createRng } from '../src/engine/random';

const SIZE = 784;
const BATCH = 32;
const LR = 0.1;
const INFER_REPEATS = 5;
/** Test digits classified in the untimed warm-up. */
const WARMUP_INFER = 256;

export interface RunResult {
  engine: string;
  train_samples_per_s: number;
  infer_samples_per_s: number;
  test_accuracy: number;
  peak_rss_mb: number;
}

function median(values: number[]): number {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

function correctShare(predicted: ArrayLike<number>, labels: Uint8Array): number {
  let correct = 0;
  for (let i = 0; i < labels.length; i++) if (predicted[i] === labels[i]) correct++;
  return correct / labels.length;
}

/** The first `count` digits of a split (views, no copy). */
function firstDigits(split: MnistData['train'], count: number): MnistData['train'] {
  const n = Math.min(count, split.count);
  return { ...split, count: n, pixels: split.pixels.subarray(0, n * SIZE), labels: split.labels.subarray(0, n) };
}

/** The digits' pixel bytes as our engine's input (no copy: each batch is made sparse as it goes). */
const asInput = (split: MnistData['train']) => bytesMatrix(split.pixels, split.count, SIZE);

/**
 * Ours. The timed sections start from the pixel bytes, as tfjs's do: turning them into inputs
 * (the sparse lists, a batch at a time) is part of every timed step.
 */
function runOurs(data: MnistData, epochs: number, warmupBatches: number): Omit<RunResult, 'engine' | 'peak_rss_mb'> {
  const spec = {
    input: SIZE,
    layers: [
      { units: 64, activation: 'relu' as const },
      { units: 10, activation: 'softmax' as const },
    ],
  };
  const options = { loss: 'softmaxCrossEntropy' as const, optimizer: { kind: 'sgd' as const, learningRate: LR } };
  if (warmupBatches > 0) {
    const scratchNet = createNetwork(spec, { seed: 3 });
    const warm = firstDigits(data.train, warmupBatches * BATCH);
    createTrainer(scratchNet, options).epoch(
      { inputs: asInput(warm), targets: warm.labels },
      { batchSize: BATCH, rng: createRng(4) },
    );
    predictClasses(scratchNet, asInput(firstDigits(data.test, WARMUP_INFER)));
  }
  const net = createNetwork(spec, { seed: 1 });
  const trainer = createTrainer(net, options);
  const rng = createRng(2);
  const t0 = performance.now();
  const inputs = asInput(data.train);
  for (let e = 0; e < epochs; e++) trainer.epoch({ inputs, targets: data.train.labels }, { batchSize: BATCH, rng });
  const trainSeconds = (performance.now() - t0) / 1000;
  const rates: number[] = [];
  let predicted: ArrayLike<number> = [];
  for (let r = 0; r < INFER_REPEATS; r++) {
    const t1 = performance.now();
    predicted = predictClasses(net, asInput(data.test));
    rates.push(data.test.count / ((performance.now() - t1) / 1000));
  }
  return {
    train_samples_per_s: (epochs * data.train.count) / trainSeconds,
    infer_samples_per_s: median(rates),
    test_accuracy: correctShare(predicted, data.test.labels),
  };
}

/** TensorFlow.js with the pure-JS cpu backend or the WebAssembly (SIMD) backend. */
async function runTfjs(
  data: MnistData,
  epochs: number,
  warmupBatches: number,
  backend: 'cpu' | 'wasm',
): Promise<Omit<RunResult, 'engine' | 'peak_rss_mb'>> {
  const tf = await import('@tensorflow/tfjs');
  if (backend === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const dir = dirname(
      createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'),
    );
    wasm.setWasmPaths(`${dir}/`);
  }
  await tf.setBackend(backend);
  await tf.ready();
  const toInputs = (pixels: Uint8Array, count: number) => {
    const x = new Float32Array(count * SIZE);
    for (let i = 0; i < x.length; i++) x[i] = pixels[i] / 255;
    return tf.tensor2d(x, [count, SIZE]);
  };
  const build = () => {
    const m = tf.sequential({
      layers: [
        tf.layers.dense({ inputShape: [SIZE], units: 64, activation: 'relu' }),
        tf.layers.dense({ units: 10, activation: 'softmax' }),
      ],
    });
    m.compile({ optimizer: tf.train.sgd(LR), loss: 'categoricalCrossentropy' });
    return m;
  };
  if (warmupBatches > 0) {
    const scratchModel = build();
    const warm = firstDigits(data.train, warmupBatches * BATCH);
    const wx = toInputs(warm.pixels, warm.count);
    const wy = tf.oneHot(tf.tensor1d(warm.labels, 'int32'), 10);
    await scratchModel.fit(wx, wy, { batchSize: BATCH, epochs: 1, shuffle: true, verbose: 0 });
    const test = firstDigits(data.test, WARMUP_INFER);
    const tx = toInputs(test.pixels, test.count);
    const out = scratchModel.predict(tx, { batchSize: 256 }) as import('@tensorflow/tfjs').Tensor;
    const cls = out.argMax(1);
    cls.dataSync();
    tf.dispose([wx, wy, tx, out, cls]);
    scratchModel.dispose();
  }
  const model = build();
  const t0 = performance.now();
  const xs = toInputs(data.train.pixels, data.train.count);
  const ys = tf.oneHot(tf.tensor1d(data.train.labels, 'int32'), 10);
  await model.fit(xs, ys, { batchSize: BATCH, epochs, shuffle: true, verbose: 0 });
  const trainSeconds = (performance.now() - t0) / 1000;
  const rates: number[] = [];
  let predicted: ArrayLike<number> = [];
  for (let r = 0; r < INFER_REPEATS; r++) {
    const t1 = performance.now();
    const xt = toInputs(data.test.pixels, data.test.count);
    const out = model.predict(xt, { batchSize: 256 }) as import('@tensorflow/tfjs').Tensor;
    const cls = out.argMax(1);
    predicted = cls.dataSync();
    tf.dispose([xt, out, cls]);
    rates.push(data.test.count / ((performance.now() - t1) / 1000));
  }
  return {
    train_samples_per_s: (epochs * data.train.count) / trainSeconds,
    infer_samples_per_s: median(rates),
    test_accuracy: correctShare(predicted, data.test.labels),
  };
}

async function main(): Promise<void> {
  const engine = process.argv[2] ?? 'ours';
  const epochs = Number(process.argv[3] ?? 2);
  const warmupBatches = Number(process.argv[4] ?? 100);
  const data = loadMnistFile();
  let result: Omit<RunResult, 'engine' | 'peak_rss_mb'>;
  if (engine === 'ours') result = runOurs(data, epochs, warmupBatches);
  else if (engine === 'tfjs-cpu') result = await runTfjs(data, epochs, warmupBatches, 'cpu');
  else if (engine === 'tfjs-wasm') result = await runTfjs(data, epochs, warmupBatches, 'wasm');
  else throw new Error(`unknown engine "${engine}" (expected ours, tfjs-cpu or tfjs-wasm)`);
  // ru_maxrss: the process's peak resident set, in kilobytes on Linux.
  const peak = process.resourceUsage().maxRSS / 1024;
  const out: RunResult = { engine, ...result, peak_rss_mb: peak };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? (e.stack ?? e.message) : String(e)}\n`);
  process.exit(1);
});
