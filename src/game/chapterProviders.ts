// The page's implementations of the actors chapter machines invoke, given to the app machine as
// its `provideChapter` input: chapter 6 trains its net in a Web Worker, so the page stays smooth.
// Everything else (replays, verification, the classroom server, tests) runs the machines' own
// in-process defaults.
import { fromCallback, type AnyStateMachine } from 'xstate';
import type { TrainBossInput, TrainBossReply } from '../levels/ch6/trainBoss';
import type { BossDigits } from '../levels/ch6/digits';
import { BossTrainerClient } from './views/bossTrainerClient';
import { prewarmBossWorker, releaseBossWorker } from './views/ch6/bossWorkers';
import { teachBossInWorker } from './views/ch6/teachWorker';

/** Chapter 6's trainBoss in a worker: progress and the weights come back as the machine's events. */
export const trainBossInWorker = fromCallback<{ type: string }, TrainBossInput>(({ input, sendBack }) => {
  const client = new BossTrainerClient();
  const reply = (r: TrainBossReply) => sendBack(r);
  client.start(input.level, input.digits, input.seed, input.choices, {
    progress: (progress, ms) => reply({ type: 'train.progress', progress, ms }),
    done: (weights, ms, reading) => reply({ type: 'train.finished', weights, ms, reading }),
    failed: (message) => {
      console.warn(`Training failed: ${message}`);
      reply({ type: 'train.failed', message });
    },
  });
  return () => client.cancel();
});

/**
 * The page's actors for a chapter's machine. Chapter 6's digits (in its `input`) go to its training
 * worker ahead of the first run; opening another chapter lets that worker go.
 */
export function provideChapter(chapter: number, machine: AnyStateMachine, input?: unknown): AnyStateMachine {
  if (chapter !== 6) {
    releaseBossWorker();
    return machine;
  }
  const digits = (input as { level?: { digits?: BossDigits } } | undefined)?.level?.digits;
  if (digits) prewarmBossWorker(digits.data);
  return machine.provide({ actors: { trainBoss: trainBossInWorker, teachBoss: teachBossInWorker } });
}
