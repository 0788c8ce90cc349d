// One benchmark run in a fresh process: train the boss net (784-64 ReLU-10 softmax, cross-entropy,
// SGD lr 0.1, batch 32) for one epoch on the 8,000 training digits with one engine, then classify
// the 2,000 test digits. Prints one JSON line. Driven by scripts/bench.mjs; run by hand with
//   node --import tsx bench/worker.ts ours|tfjs-cpu|tfjs-wasm [epochs]
import { createRequire } from 'node:module';
import { dirname } from 'node:path';
import { loadMnistFile } from '../src/engine/data/mnistNode';
import { pixelsToCsr, type MnistData } from '../src/engine/data/mnist';
import { createNetwork, createTrainer, predictClasses } from '../src/engine/nn';
import { createRng } from '../src/engine/random';

const SIZE = 784;
const BATCH = 32;
const LR = 0.1;
const INFER_REPEATS = 5;

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

/** Ours. Timed sections include turning the pixel bytes into inputs (the sparse lists). */
function runOurs(data: MnistData, epochs: number): Omit<RunResult, 'engine' | 'peak_rss_mb'> {
  const net = createNetwork(
    { input: SIZE, layers: [{ units: 64, activation: 'relu' }, { units: 10, activation: 'softmax' }] },
    { seed: 1 },
  );
  const trainer = createTrainer(net, { loss: 'softmaxCrossEntropy', optimizer: { kind: 'sgd', learningRate: LR } });
  const rng = createRng(2);
  const t0 = performance.now();
  const inputs = pixelsToCsr(data.train, SIZE);
  for (let e = 0; e < epochs; e++) trainer.epoch({ inputs, targets: data.train.labels }, { batchSize: BATCH, rng });
  const trainSeconds = (performance.now() - t0) / 1000;
  const rates: number[] = [];
  let predicted: ArrayLike<number> = [];
  for (let r = 0; r < INFER_REPEATS; r++) {
    const t1 = performance.now();
    predicted = predictClasses(net, pixelsToCsr(data.test, SIZE));
    rates.push(data.test.count / ((performance.now() - t1) / 1000));
  }
  return {
    train_samples_per_s: (epochs * data.train.count) / trainSeconds,
    infer_samples_per_s: median(rates),
    test_accuracy: correctShare(predicted, data.test.labels),
  };
}

/** TensorFlow.js with the pure-JS cpu backend or the WebAssembly (SIMD) backend. */
async function runTfjs(data: MnistData, epochs: number, backend: 'cpu' | 'wasm'): Promise<Omit<RunResult, 'engine' | 'peak_rss_mb'>> {
  const tf = await import('@tensorflow/tfjs');
  if (backend === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    const dir = dirname(createRequire(import.meta.url).resolve('@tensorflow/tfjs-backend-wasm/dist/tfjs-backend-wasm.wasm'));
    wasm.setWasmPaths(`${dir}/`);
  }
  await tf.setBackend(backend);
  await tf.ready();
  const toInputs = (pixels: Uint8Array, count: number) => {
    const x = new Float32Array(count * SIZE);
    for (let i = 0; i < x.length; i++) x[i] = pixels[i] / 255;
    return tf.tensor2d(x, [count, SIZE]);
  };
  const model = tf.sequential({
    layers: [
      tf.layers.dense({ inputShape: [SIZE], units: 64, activation: 'relu' }),
      tf.layers.dense({ units: 10, activation: 'softmax' }),
    ],
  });
  model.compile({ optimizer: tf.train.sgd(LR), loss: 'categoricalCrossentropy' });
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
  const epochs = Number(process.argv[3] ?? 1);
  const data = loadMnistFile();
  let result: Omit<RunResult, 'engine' | 'peak_rss_mb'>;
  if (engine === 'ours') result = runOurs(data, epochs);
  else if (engine === 'tfjs-cpu') result = await runTfjs(data, epochs, 'cpu');
  else if (engine === 'tfjs-wasm') result = await runTfjs(data, epochs, 'wasm');
  else throw new Error(`unknown engine "${engine}" (expected ours, tfjs-cpu or tfjs-wasm)`);
  // ru_maxrss: the process's peak resident set, in kilobytes on Linux.
  const peak = process.resourceUsage().maxRSS / 1024;
  const out: RunResult = { engine, ...result, peak_rss_mb: peak };
  process.stdout.write(`${JSON.stringify(out)}\n`);
}

main().catch((e: unknown) => {
  process.stderr.write(`${e instanceof Error ? e.stack ?? e.message : String(e)}\n`);
  process.exit(1);
});
