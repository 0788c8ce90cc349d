// Chapter 6's recorded events, exactly (see ChapterEvents in ../contract.ts): a classroom server
// refuses an attempt with any other event or field before replaying it. A drawing is 28 x 28
// values from 0 to 255.
import * as z from 'zod/mini';
import type { ChapterEvents } from '../contract';
import { event, int, num, numbers } from '../shared/eventSchema';
import type { DigitDemonInputEvent } from './digitDemonMachine';

export const DRAWING_SIZE = 28 * 28;

export const digitDemonEventSchema = z.discriminatedUnion('type', [
  event('build.hidden', { units: int(1, 1024) }),
  event('build.rate', { rate: num(0, 100) }),
  event('build.epochs', { epochs: int(1, 100) }),
  event('train.start'),
  event('train.cancel'),
  event('train.done'),
  event('train.again'),
  event('fight.start'),
  event('fight.throw'),
  event('phase.next'),
  event('draw.submit', {
    digit: int(0, 9),
    pixels: numbers(0, 255, DRAWING_SIZE).check(z.minLength(DRAWING_SIZE)),
  }),
  event('trick.epsilon', { epsilon: num(0, 1) }),
  event('trick.pick', { source: z.enum(['test', 'drawing']), index: int(0, 100_000) }),
  event('epilogue.next'),
  event('ending.done'),
]);

// The schema and the machine's input events describe the same events.
const exact: [z.output<typeof digitDemonEventSchema>, DigitDemonInputEvent] extends [
  DigitDemonInputEvent,
  z.output<typeof digitDemonEventSchema>,
]
  ? true
  : never = true;
void exact;

/** The level's starting net (06-digit-demon.json, build.start), until the player changes it. */
const START = { hidden: 32, epochs: 5 };
/** The level's training budget: hidden units x epochs of one training. */
const TRAINING_BUDGET = 640;

/**
 * The replay's cost is the training: hidden units x epochs of each finished training (the level
 * allows at most 640 a training), plus one unit per event. The budget is four full trainings.
 */
export const digitDemonEvents: ChapterEvents = {
  schema: digitDemonEventSchema,
  maxEvents: 400,
  replayCost: (events) => {
    let cost = events.length;
    let { hidden, epochs } = START;
    for (const e of events) {
      if (e.type === 'build.hidden') hidden = (e as unknown as { units: number }).units;
      else if (e.type === 'build.epochs') epochs = (e as unknown as { epochs: number }).epochs;
      else if (e.type === 'train.done') cost += Math.min(hidden * epochs, TRAINING_BUDGET);
    }
    return cost;
  },
  maxReplayCost: 4 * TRAINING_BUDGET + 400,
};
