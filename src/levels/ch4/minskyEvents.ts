// Chapter 4's recorded events, exactly (see ChapterEvents in ../contract.ts): a classroom server
// refuses an attempt with any other event or field before replaying it.
import * as z from 'zod/mini';
import type { ChapterEvents } from '../contract';
import { event, int, name, num } from '../shared/eventSchema';
import type { MinskyInputEvent } from './minskyMachine';

const value = num(-1000, 1000);
const layer = int(0, 15);
const unit = int(0, 63);
const param = z.enum(['w1', 'w2', 'threshold']);

export const minskyEventSchema = z.discriminatedUnion('type', [
  event('knob.set', { id: name(), value }),
  event('knob.nudge', { id: name(), by: value }),
  event('bit.start'),
  event('bit.step'),
  event('bit.finish'),
  event('bit.done'),
  event('book.read'),
  event('hidden.add'),
  event('hidden.remove'),
  event('build.check'),
  event('blueprint.show'),
  event('insight.done'),
  event('data.pick', { dataset: z.enum(['circle', 'moons', 'spiral']) }),
  event('neuron.add', { layer }),
  event('neuron.remove', { layer }),
  event('layer.add'),
  event('layer.remove'),
  event('activation.set', { activation: z.enum(['sigmoid', 'tanh', 'relu']) }),
  event('rate.set', { rate: num(0, 1000) }),
  event('weights.reset'),
  event('hand.set', { unit, param, value }),
  event('hand.nudge', { unit, param, by: value }),
  // Consecutive runs are recorded merged, so one event holds up to the lab's epoch limit.
  event('train.run', { epochs: int(1, 100_000) }),
  event('challenge.run'),
  event('challenge.retry'),
  event('challenge.accept'),
  event('history.done'),
]);

// The schema and the machine's input events describe the same events.
const exact: [z.output<typeof minskyEventSchema>, MinskyInputEvent] extends [
  MinskyInputEvent,
  z.output<typeof minskyEventSchema>,
]
  ? true
  : never = true;
void exact;

/**
 * The replay's cost is the epochs trained (each a pass over the lab's data, about a millisecond)
 * plus one unit per event. The lab stops training at 6,000 epochs (the level's maxEpochs); the
 * budget allows that plus the rest of a long attempt.
 */
export const minskyEvents: ChapterEvents = {
  schema: minskyEventSchema,
  maxEvents: 2000,
  replayCost: (events) => {
    let cost = events.length;
    for (const e of events) if (e.type === 'train.run') cost += (e as unknown as { epochs: number }).epochs;
    return cost;
  },
  maxReplayCost: 8000,
};
