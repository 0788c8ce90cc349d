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
  // The call is optional here only so that an attempt of level version 1 (throws had no call)
  // reaches the replay, which refuses it as played on another version; the machine takes no
  // throw without a call.
  event('fight.throw', { call: z.optional(z.enum(['read', 'miss'])) }),
  event('phase.next'),
  event('draw.submit', {
    digit: int(0, 9),
    pixels: numbers(0, 255, DRAWING_SIZE).check(z.minLength(DRAWING_SIZE)),
  }),
  event('trick.epsilon', { epsilon: num(0, 1) }),
  event('trick.pick', { source: z.enum(['test', 'drawing']), index: int(0, 100_000) }),
  event('epilogue.next'),
  event('ending.done'),
  // Inside Bit's head: additive, so attempts recorded before it still verify.
  event('head.open'),
  event('head.unit', { unit: int(0, 1023) }),
  event('head.close'),
  // Teaching Bit the player's drawings (after the drawings, once).
  event('teach.open'),
  event('teach.label', { index: int(0, 19), digit: int(0, 9) }),
  event('teach.use', { index: int(0, 19), use: z.boolean() }),
  event('teach.start'),
  event('teach.cancel'),
  event('teach.done'),
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
export const TRAINING_BUDGET = 640;
/** Trainings one attempt may finish (06-digit-demon.json, build.trainings). */
export const TRAININGS = 2;
/** The most events a real attempt has (the fight has under 40; the rest is building and the trick). */
export const MAX_EVENTS = 300;

/**
 * The most one retrain on the player's drawings costs, in the same units (hidden units x epochs
 * over the 8,000 training digits), with its scoring of the held-out digits: the level's
 * schema checks that its teach settings fit (digitDemonLevel.ts).
 */
export const TEACH_BUDGET = 32;
/** Retrains one attempt may finish (the machine allows one). */
export const TEACHINGS = 1;

/**
 * The replay's cost is the training: hidden units x epochs of each finished training (the level
 * allows at most 640 a training), plus one unit per event. The budget is the level's trainings at
 * full budget, which replays within the classroom server's time limit, and a retrain on the
 * player's drawings counts TEACH_BUDGET for each 'teach.done'.
 */
export const digitDemonEvents: ChapterEvents = {
  schema: digitDemonEventSchema,
  maxEvents: MAX_EVENTS,
  replayCost: (events) => {
    let cost = events.length;
    let { hidden, epochs } = START;
    for (const e of events) {
      if (e.type === 'build.hidden') hidden = (e as unknown as { units: number }).units;
      else if (e.type === 'build.epochs') epochs = (e as unknown as { epochs: number }).epochs;
      else if (e.type === 'train.done') cost += Math.min(hidden * epochs, TRAINING_BUDGET);
      else if (e.type === 'teach.done') cost += TEACH_BUDGET;
    }
    return cost;
  },
  maxReplayCost: TRAININGS * TRAINING_BUDGET + TEACHINGS * TEACH_BUDGET + MAX_EVENTS,
};
