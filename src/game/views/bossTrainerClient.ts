// The page's side of the training worker: takes the chapter's worker that already holds the digits
// (ch6/bossWorkers.ts), sends the choices, and hands progress and the final weights to the
// trainBoss actor (../chapterProviders.ts). Cancelling terminates the worker, which stops it at
// once even mid-epoch; a run that ends gives its worker back for the next run.
import type { BossChoices, BossWeights, TrainProgress } from '../../levels/ch6/bossTraining';
import type { BossWorkerReply, BossWorkerRequest } from '../../levels/ch6/bossWorkerProtocol';
import type { BossDigits } from '../../levels/ch6/digits';
import type { DigitDemonLevel } from '../../levels/ch6/digitDemonLevel';
import type { HeldOutReading } from '../../levels/ch6/reportCard';
import { keepBossWorker, takeBossWorker } from './ch6/bossWorkers';

export interface TrainCallbacks {
  progress(p: TrainProgress, ms: number): void;
  done(weights: BossWeights, ms: number, reading?: HeldOutReading): void;
  failed(message: string): void;
}

export class BossTrainerClient {
  private worker: Worker | null = null;
  private runId = 0;

  start(level: DigitDemonLevel, digits: BossDigits, seed: number, choices: BossChoices, on: TrainCallbacks): void {
    this.cancel();
    const id = ++this.runId;
    const worker = takeBossWorker(digits.data);
    this.worker = worker;
    worker.onmessage = (e: MessageEvent<BossWorkerReply>) => {
      const r = e.data;
      if (r.id !== id || this.worker !== worker) return;
      if (r.type === 'progress') on.progress(r.progress, r.ms);
      else if (r.type === 'done') {
        this.worker = null;
        keepBossWorker(worker, digits.data);
        on.done(r.weights, r.ms, r.reading);
      } else if (r.type === 'error') on.failed(r.message);
    };
    worker.onerror = (e) => on.failed(e.message);
    const send = (m: BossWorkerRequest) => worker.postMessage(m);
    send({ type: 'train', id, level, seed, choices });
  }

  cancel(): void {
    this.worker?.terminate();
    this.worker = null;
    this.runId++;
  }

  get running(): boolean {
    return this.worker !== null;
  }
}
