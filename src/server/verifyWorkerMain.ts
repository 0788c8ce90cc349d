// Runs inside a worker thread: replays attempts with the game's own verifyAttempt (the engine and
// the chapters' machines) and answers with what the replay found. A chapter's code and level load
// once (with its first attempt, or ahead of it when the pool asks to preload the competition's
// chapters) and stay loaded. Attempts handed over while one runs wait here and run one at a time,
// in order.
import { parentPort } from 'node:worker_threads';
import type { Attempt } from '../attempts/attempt';
import { verifyAttempt } from '../attempts/verifyAttempt';
import { loadChapter } from '../levels/chapters';
import { keepLevelLoaded } from './levelCache';

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

/** The chapter's code, with its level kept loaded in this worker (see levelCache.ts). */
async function ready(n: number): Promise<void> {
  const chapter = await loadChapter(n);
  if (chapter) keepLevelLoaded(chapter).loadLevel();
}

async function replay(req: VerifyRequest): Promise<VerifyAnswer> {
  const started = performance.now();
  let answer: VerifyAnswer;
  try {
    // A level that cannot be read is reported by verifyAttempt, with the file's problems.
    await ready(req.attempt.chapter).catch(() => {});
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
  return answer;
}

async function preload(chapters: readonly number[]): Promise<void> {
  for (const n of chapters) {
    try {
      await ready(n);
    } catch {
      // A chapter that cannot load is reported with its first attempt.
    }
  }
}

const port = parentPort;
if (port) {
  const waiting: (VerifyRequest | { preload: number[] })[] = [];
  let running = false;
  const drain = async () => {
    if (running) return;
    running = true;
    for (let next = waiting.shift(); next; next = waiting.shift()) {
      if ('preload' in next) await preload(next.preload);
      else port.postMessage(await replay(next));
    }
    running = false;
  };
  port.on('message', (msg: VerifyRequest | { preload: number[] }) => {
    // A replay asked for goes before preloading chapters nobody has played yet.
    if ('preload' in msg) waiting.push(msg);
    else {
      const firstPreload = waiting.findIndex((w) => 'preload' in w);
      if (firstPreload < 0) waiting.push(msg);
      else waiting.splice(firstPreload, 0, msg);
    }
    void drain();
  });
  port.postMessage({ ready: true });
}
