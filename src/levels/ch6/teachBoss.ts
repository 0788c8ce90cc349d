// The `teachBoss` actor the chapter machine invokes while Bit relearns from the player's drawings
// (teachBit.ts). Like trainBoss.ts: progress comes back as 'teach.progress' (never recorded), the
// retrained weights as 'teach.finished', which the machine records as a plain 'teach.done'. The
// default below retrains in-process (replays, verification, the classroom server, tests); the page
// provides one backed by the training worker. A replay sends its recorded 'teach.done' in the same
// turn as 'teach.start', before this default starts work, so a replay never retrains twice.
import { fromCallback } from 'xstate';
import type { BossWeights } from './bossTraining';
import { weightsOf } from './bossTraining';
import type { BossDigits } from './digits';
import type { DigitDemonLevel } from './digitDemonLevel';
import type { HeldOutReading } from './reportCard';
import { retrainBossNet, type TeachExample, type TeachProgress } from './teachBit';

export interface TeachBossInput {
  level: DigitDemonLevel;
  digits: BossDigits;
  seed: number;
  hidden: number;
  /** The trained net's weights, which the retrain starts from. */
  start: BossWeights;
  examples: TeachExample[];
}

/** What a teachBoss implementation sends back to the chapter machine. */
export type TeachBossReply =
  | { type: 'teach.progress'; progress: TeachProgress; ms: number }
  /** `reading`: the held-out digits read with these weights, when the worker read them. */
  | { type: 'teach.finished'; weights: BossWeights; ms: number; reading?: HeldOutReading }
  | { type: 'teach.failed'; message: string };

export const teachBossInProcess = fromCallback<{ type: string }, TeachBossInput>(({ input, sendBack }) => {
  let live = true;
  queueMicrotask(() => {
    if (!live) return;
    try {
      const net = retrainBossNet(
        input.level,
        input.digits,
        input.seed,
        input.hidden,
        input.start,
        input.examples,
        (p) => {
          if (live) sendBack({ type: 'teach.progress', progress: p, ms: 0 } satisfies TeachBossReply);
        },
      );
      if (live) sendBack({ type: 'teach.finished', weights: weightsOf(net), ms: 0 } satisfies TeachBossReply);
    } catch (err) {
      if (live) sendBack({ type: 'teach.failed', message: (err as Error).message } satisfies TeachBossReply);
    }
  });
  return () => {
    live = false;
  };
});
