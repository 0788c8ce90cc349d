// The messages between the page and the training worker, and the worker's handler (a plain
// function, so tests run it in Node exactly as the worker does). The page sends the digits once,
// then one 'train' per press of Train (or one 'teach' for the retrain on the player's drawings); the worker answers with progress reports and, at the end,
// the weights as typed arrays handed over without copying. Cancelling is terminating the worker.
import type { MnistData } from '../../engine/data';
import { trainBossNet, weightsOf, type BossChoices, type BossWeights, type TrainProgress } from './bossTraining';
import { prepareDigits, type BossDigits } from './digits';
import type { DigitDemonLevel } from './digitDemonLevel';
import { readHeldOut, type HeldOutReading } from './reportCard';
import { retrainBossNet, type TeachExample, type TeachProgress } from './teachBit';

export type BossWorkerRequest =
  | { type: 'digits'; data: MnistData }
  | { type: 'train'; id: number; level: DigitDemonLevel; seed: number; choices: BossChoices }
  /** Teaching Bit the player's drawings: a short retrain from the trained net's weights. */
  | {
      type: 'teach';
      id: number;
      level: DigitDemonLevel;
      seed: number;
      hidden: number;
      start: BossWeights;
      examples: TeachExample[];
    };

export type BossWorkerReply =
  | { type: 'progress'; id: number; progress: TrainProgress; ms: number }
  | { type: 'teachProgress'; id: number; progress: TeachProgress; ms: number }
  /** `reading`: the trained or retrained net's reading of the held-out digits. */
  | { type: 'done'; id: number; weights: BossWeights; ms: number; reading: HeldOutReading }
  | { type: 'error'; id: number; message: string };

export type Post = (reply: BossWorkerReply, transfer: Transferable[]) => void;

/** The worker's message handler; `now` gives milliseconds (performance.now in the worker). */
export function createBossWorkerHandler(post: Post, now: () => number = () => 0): (req: BossWorkerRequest) => void {
  let digits: BossDigits | null = null;
  return (req) => {
    if (req.type === 'digits') {
      digits = prepareDigits(req.data);
      return;
    }
    if (!digits) {
      post({ type: 'error', id: req.id, message: 'the digits have not arrived yet' }, []);
      return;
    }
    const started = now();
    try {
      const net =
        req.type === 'teach'
          ? retrainBossNet(req.level, digits, req.seed, req.hidden, req.start, req.examples, (progress) =>
              post({ type: 'teachProgress', id: req.id, progress, ms: now() - started }, []),
            )
          : trainBossNet(req.level, digits, req.seed, req.choices, (progress) =>
              post({ type: 'progress', id: req.id, progress, ms: now() - started }, []),
            );
      const weights = weightsOf(net);
      const reading = readHeldOut(net, digits);
      post({ type: 'done', id: req.id, weights, ms: now() - started, reading }, [
        reading.classes.buffer,
        ...weights.weights.map((w) => w.buffer),
        ...weights.biases.map((b) => b.buffer),
      ]);
    } catch (err) {
      post({ type: 'error', id: req.id, message: (err as Error).message }, []);
    }
  };
}
