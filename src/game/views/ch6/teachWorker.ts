// Chapter 6's teachBoss on the page: Bit relearns from the player's drawings in the training
// worker (the same worker file and handler as training), so the page stays smooth. Progress and
// the retrained weights come back as the machine's events; leaving the step terminates the worker.
// The worker is the chapter's, which already holds the digits (bossWorkers.ts).
import { fromCallback } from 'xstate';
import type { BossWorkerReply, BossWorkerRequest } from '../../../levels/ch6/bossWorkerProtocol';
import type { TeachBossInput, TeachBossReply } from '../../../levels/ch6/teachBoss';
import { keepBossWorker, takeBossWorker } from './bossWorkers';

export const teachBossInWorker = fromCallback<{ type: string }, TeachBossInput>(({ input, sendBack }) => {
  const reply = (r: TeachBossReply) => sendBack(r);
  const worker = takeBossWorker(input.digits.data);
  let live = true;
  worker.onmessage = (e: MessageEvent<BossWorkerReply>) => {
    const r = e.data;
    if (!live || r.id !== 1) return;
    if (r.type === 'teachProgress') reply({ type: 'teach.progress', progress: r.progress, ms: r.ms });
    else if (r.type === 'done') {
      live = false;
      keepBossWorker(worker, input.digits.data);
      reply({ type: 'teach.finished', weights: r.weights, ms: r.ms, reading: r.reading });
    } else if (r.type === 'error') reply({ type: 'teach.failed', message: r.message });
  };
  worker.onerror = (e) => {
    if (live) reply({ type: 'teach.failed', message: e.message });
  };
  const send = (m: BossWorkerRequest) => worker.postMessage(m);
  send({
    type: 'teach',
    id: 1,
    level: input.level,
    seed: input.seed,
    hidden: input.hidden,
    start: input.start,
    examples: input.examples,
  });
  return () => {
    if (!live) return;
    live = false;
    worker.terminate();
  };
});
