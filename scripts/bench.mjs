// `npm run bench`: the boss net (784-64 ReLU-10 softmax, cross-entropy, SGD lr 0.1, batch 32),
// with our engine and with TensorFlow.js (cpu and wasm backends). Each engine runs in its own
// fresh child process, several rounds, interleaved (the order rotates every round), so that
// memory and machine noise hit all of them alike. In every process the same untimed warm-up runs
// first (a throwaway net trains on BENCH_WARMUP batches and classifies 256 digits), then the
// timed part: a fresh net trained for BENCH_EPOCHS epochs on the 8,000 training digits, and
// inference on the 2,000 test digits. Prints the medians and the ratios; the LAST line is one
// JSON object with the medians.
//   BENCH_ROUNDS=5 npm run bench      (default 3)
//   BENCH_EPOCHS=1 npm run bench      (default 2)
//   BENCH_WARMUP=0 npm run bench      (default 100 batches; 0 = cold start, no warm-up)
//   BENCH_ENGINES=ours,tfjs-wasm npm run bench   (default all three; tfjs-cpu is the slow one)
//   BENCH_TIMEOUT_S=900 npm run bench (default 240 s per process; a loaded machine needs more)
import { spawnSync } from 'node:child_process';
import { dirname, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const ALL_ENGINES = ['ours', 'tfjs-cpu', 'tfjs-wasm'];
const ENGINES = (process.env.BENCH_ENGINES ?? ALL_ENGINES.join(',')).split(',').map((e) => e.trim());
for (const e of ENGINES) {
  if (!ALL_ENGINES.includes(e))
    throw new Error(`BENCH_ENGINES: unknown engine "${e}" (expected ${ALL_ENGINES.join(', ')})`);
}
if (!ENGINES.includes('ours')) throw new Error('BENCH_ENGINES: the list must include "ours"');
const METRICS = ['train_samples_per_s', 'infer_samples_per_s', 'test_accuracy', 'peak_rss_mb'];
const rounds = Number(process.env.BENCH_ROUNDS ?? 3);
const epochs = Number(process.env.BENCH_EPOCHS ?? 2);
const warmup = Number(process.env.BENCH_WARMUP ?? 100);

function runOnce(engine) {
  const child = spawnSync(
    process.execPath,
    ['--import', 'tsx', 'bench/worker.ts', engine, String(epochs), String(warmup)],
    {
      cwd: root,
      encoding: 'utf8',
      timeout: 1000 * Number(process.env.BENCH_TIMEOUT_S ?? 240),
    },
  );
  const lines = (child.stdout ?? '').trim().split('\n');
  const last = lines[lines.length - 1];
  if (child.status !== 0 || !last?.startsWith('{')) {
    throw new Error(`bench worker "${engine}" failed (status ${child.status}):\n${child.stderr}`);
  }
  return JSON.parse(last);
}

function median(values) {
  const s = [...values].sort((a, b) => a - b);
  return s.length % 2 ? s[s.length >> 1] : (s[s.length / 2 - 1] + s[s.length / 2]) / 2;
}

const runs = Object.fromEntries(ENGINES.map((e) => [e, []]));
console.log(
  `boss net 784-64-10, SGD lr 0.1, batch 32, ${epochs} epoch(s) on 8,000 digits after ${warmup} warm-up batches; ${rounds} rounds`,
);
for (let r = 0; r < rounds; r++) {
  const order = ENGINES.map((_, i) => ENGINES[(i + r) % ENGINES.length]);
  for (const engine of order) {
    const res = runOnce(engine);
    runs[engine].push(res);
    console.log(
      `round ${r + 1} ${engine.padEnd(9)} train ${res.train_samples_per_s.toFixed(0).padStart(6)}/s` +
        `  infer ${res.infer_samples_per_s.toFixed(0).padStart(7)}/s  acc ${(100 * res.test_accuracy).toFixed(1)} %` +
        `  peak RSS ${res.peak_rss_mb.toFixed(0)} MB`,
    );
  }
}

const summary = {};
for (const engine of ENGINES) {
  summary[engine] = Object.fromEntries(METRICS.map((m) => [m, median(runs[engine].map((x) => x[m]))]));
}
const round = (v, digits) => Number(v.toFixed(digits));
console.log('\nmedians:');
console.log('engine     train/s   infer/s  accuracy  peak RSS MB');
for (const engine of ENGINES) {
  const s = summary[engine];
  console.log(
    `${engine.padEnd(9)} ${s.train_samples_per_s.toFixed(0).padStart(8)} ${s.infer_samples_per_s.toFixed(0).padStart(9)}` +
      ` ${(100 * s.test_accuracy).toFixed(1).padStart(8)} % ${s.peak_rss_mb.toFixed(0).padStart(10)}`,
  );
}
const ours = summary.ours;
for (const other of ['tfjs-cpu', 'tfjs-wasm'].filter((e) => ENGINES.includes(e))) {
  const o = summary[other];
  console.log(
    `ours vs ${other}: train ${(ours.train_samples_per_s / o.train_samples_per_s).toFixed(2)}x,` +
      ` infer ${(ours.infer_samples_per_s / o.infer_samples_per_s).toFixed(2)}x,` +
      ` peak memory ${(ours.peak_rss_mb / o.peak_rss_mb).toFixed(2)}x`,
  );
}
const json = {};
for (const engine of ENGINES) {
  const s = summary[engine];
  json[engine] = {
    train_samples_per_s: round(s.train_samples_per_s, 0),
    infer_samples_per_s: round(s.infer_samples_per_s, 0),
    test_accuracy: round(s.test_accuracy, 4),
    peak_rss_mb: round(s.peak_rss_mb, 1),
  };
}
console.log(JSON.stringify(json));
