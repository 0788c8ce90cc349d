// Chapter 6's training worker, kept between runs. Handing the 10,000 digits to a new worker copies
// about 8 MB on the page's thread (35 ms on a slow machine: dropped frames right at the press on
// Train or Teach). So one worker receives them once, when the chapter opens and the page has a
// quiet moment, and each run then only sends its choices. A run that ends hands its worker back
// for the next one; a cancelled run's worker is terminated (that stops it at once, even mid-epoch)
// and the next run starts a new one. Opening another chapter lets the kept worker go.
import type { MnistData } from '../../../engine/data';
import type { BossWorkerRequest } from '../../../levels/ch6/bossWorkerProtocol';

let kept: { worker: Worker; data: MnistData } | null = null;

function spawn(data: MnistData): Worker {
  const worker = new Worker(new URL('../../workers/bossTrainer.worker.ts', import.meta.url), { type: 'module' });
  const send: BossWorkerRequest = { type: 'digits', data };
  worker.postMessage(send);
  return worker;
}

/** A worker holding these digits: the kept one, else a new one (sent the digits now). */
export function takeBossWorker(data: MnistData): Worker {
  if (kept?.data === data) {
    const { worker } = kept;
    kept = null;
    return worker;
  }
  return spawn(data);
}

/** Keeps a worker whose run has ended (its digits stay in it) for the next run. */
export function keepBossWorker(worker: Worker, data: MnistData): void {
  worker.onmessage = null;
  worker.onerror = null;
  if (kept && kept.worker !== worker) kept.worker.terminate();
  kept = { worker, data };
}

/** Sends the digits to a worker ahead of the first run, at the page's next quiet moment. */
export function prewarmBossWorker(data: MnistData): void {
  const go = () => {
    if (kept?.data !== data) keepBossWorker(spawn(data), data);
  };
  if (kept?.data === data) return;
  if ('requestIdleCallback' in window) requestIdleCallback(go, { timeout: 2000 });
  else setTimeout(go, 200);
}

/** Lets the kept worker (and the digits it holds) go. */
export function releaseBossWorker(): void {
  kept?.worker.terminate();
  kept = null;
}
