// Runs inside a worker thread: replays attempts with the game's own verifyAttempt (the engine and
// the chapters' machines) and answers with what the replay found. A chapter's code and level load
// with its first attempt and stay loaded.
import { parentPort } from 'node:worker_threads';
import type { Attempt } from '../app/saveSchema';
import { verifyAttempt } from '../app/verifyAttempt';

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

const port = parentPort;
if (port) {
  port.on('message', async (req: VerifyRequest) => {
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
  port.postMessage({ ready: true });
}
