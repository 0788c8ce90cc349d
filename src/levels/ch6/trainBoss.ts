// The `trainBoss` actor the chapter machine invokes while the net trains. It reports progress
// ('train.progress', never recorded) and hands the trained weights back ('train.finished'), which
// the machine records as a plain 'train.done'. The default implementation below trains in-process
// (replays, verification, the classroom server, tests); the page provides one that trains in a Web
// Worker (src/game/chapterProviders.ts). Both run the same pure function of (level, seed, choices),
// so the weights are the same whichever ran. A replay sends its recorded 'train.done' in the same
// turn as 'train.start', before this default starts work, so a replay never trains twice.
import { fromCallback } from 'xstate';
import { trainBossNet, weightsOf, type BossChoices, type BossWeights, type TrainProgress } from './bossTraining';
import type { BossDigits } from './digits';
import type { DigitDemonLevel } from './digitDemonLevel';
import type { HeldOutReading } from './reportCard';

export interface TrainBossInput {
  level: DigitDemonLevel;
  digits: BossDigits;
  seed: number;
  choices: BossChoices;
}

/** What a trainBoss implementation sends back to the chapter machine. */
export type TrainBossReply =
  | { type: 'train.progress'; progress: TrainProgress; ms: number }
  /** `reading`: the held-out digits read with these weights, when the worker read them. */
  | { type: 'train.finished'; weights: BossWeights; ms: number; reading?: HeldOutReading }
  | { type: 'train.failed'; message: string };

export const trainBossInProcess = fromCallback<{ type: string }, TrainBossInput>(({ input, sendBack }) => {
  let live = true;
  queueMicrotask(() => {
    if (!live) return;
    try {
      const net = trainBossNet(input.level, input.digits, input.seed, input.choices, (progress) => {
        if (live) sendBack({ type: 'train.progress', progress, ms: 0 } satisfies TrainBossReply);
      });
      if (live) sendBack({ type: 'train.finished', weights: weightsOf(net), ms: 0 } satisfies TrainBossReply);
    } catch (err) {
      if (live) sendBack({ type: 'train.failed', message: (err as Error).message } satisfies TrainBossReply);
    }
  });
  return () => {
    live = false;
  };
});
