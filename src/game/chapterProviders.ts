// The page's implementations of the actors chapter machines invoke, given to the app machine as
// its `provideChapter` input: chapter 6 trains its net in a Web Worker, so the page stays smooth.
// Everything else (replays, verification, the classroom server, tests) runs the machines' own
// in-process defaults.
import { fromCallback, type AnyStateMachine } from 'xstate';
import type { TrainBossInput, TrainBossReply } from '../levels/ch6/trainBoss';
import { BossTrainerClient } from './views/bossTrainerClient';
import { teachBossInWorker } from './views/ch6/teachWorker';

/** Chapter 6's trainBoss in a worker: progress and the weights come back as the machine's events. */
export const trainBossInWorker = fromCallback<{ type: string }, TrainBossInput>(({ input, sendBack }) => {
  const client = new BossTrainerClient();
  const reply = (r: TrainBossReply) => sendBack(r);
  client.start(input.level, input.digits, input.seed, input.choices, {
    progress: (progress, ms) => reply({ type: 'train.progress', progress, ms }),
    done: (weights, ms) => reply({ type: 'train.finished', weights, ms }),
    failed: (message) => {
      console.warn(`Training failed: ${message}`);
      reply({ type: 'train.failed', message });
    },
  });
  return () => client.cancel();
});

export function provideChapter(chapter: number, machine: AnyStateMachine): AnyStateMachine {
  return chapter === 6
    ? machine.provide({ actors: { trainBoss: trainBossInWorker, teachBoss: teachBossInWorker } })
    : machine;
}
