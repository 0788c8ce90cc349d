// Runs inside a worker thread: replays attempts with the game's own verifyAttempt (the engine and
// the chapters' machines) and answers with what the replay found. Every built chapter is loaded
// once when the worker starts, so the first student's attempt does not pay for it.
import { parentPort } from 'node:worker_threads';
import type { Attempt } from '../app/saveSchema';
import { verifyAttempt } from '../app/verifyAttempt';
import { CHAPTERS, loadChapter } from '../levels/chapters';

export interface VerifyRequest {
  id: number;
  attempt: Attempt;
}

export interface VerifyAnswer {
  id: number;
  ok: boolean;
  message: string;
  stars: number;
  stats?: Record<string, number>;
  ms: number;
}

async function warm(): Promise<void> {
  for (const info of CHAPTERS) {
    if (!info.load) continue;
    try {
      (await loadChapter(info.number))?.loadLevel();
    } catch {
      // A chapter that cannot load is refused with a reason when an attempt for it comes.
    }
  }
}

const port = parentPort;
if (port) {
  const ready = warm();
  port.on('message', async (req: VerifyRequest) => {
    await ready;
    const started = performance.now();
    let answer: VerifyAnswer;
    try {
      const v = await verifyAttempt(req.attempt);
      const result = v.replay?.result as { stars?: unknown } | undefined;
      answer = {
        id: req.id,
        ok: v.ok,
        message: v.message,
        stars: v.ok && typeof result?.stars === 'number' ? result.stars : 0,
        stats: v.replay?.stats,
        ms: 0,
      };
    } catch (err) {
      answer = { id: req.id, ok: false, message: `The replay failed: ${(err as Error).message}`, stars: 0, ms: 0 };
    }
    answer.ms = Math.round(performance.now() - started);
    port.postMessage(answer);
  });
  void ready.then(() => port.postMessage({ ready: true }));
}
