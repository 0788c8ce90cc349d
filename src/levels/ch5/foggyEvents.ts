// Chapter 5's recorded events, exactly (see ChapterEvents in ../contract.ts): a classroom server
// refuses an attempt with any other event or field before replaying it.
import * as z from 'zod/mini';
import type { ChapterEvents } from '../contract';
import { event, int, num } from '../shared/eventSchema';
import type { FoggyInputEvent } from './foggyMachine';

const value = num(-1000, 1000);

export const foggyEventSchema = z.discriminatedUnion('type', [
  event('knob.set', { index: int(0, 63), value }),
  event('knob.nudge', { index: int(0, 63), by: value }),
  event('hand.done'),
  event('fog.step', { size: num(0, 1000) }),
  event('fog.next'),
  event('fog.feel'),
  event('valley.run', { start: int(0, 1) }),
  event('valley.done'),
  event('overfit.degree', { degree: int(0, 15) }),
  event('overfit.done'),
  event('auto.set', { lr: num(0, 1000), beta: num(0, 1) }),
  event('auto.step', { count: int(1, 1000) }),
  event('auto.done'),
  event('gears.turn', { by: value }),
  event('gears.predict', { value }),
  event('gears.back'),
  event('gears.done'),
  event('challenge.retry'),
  event('challenge.accept'),
  event('history.done'),
]);

// The schema and the machine's input events describe the same events.
const exact: [z.output<typeof foggyEventSchema>, FoggyInputEvent] extends [
  FoggyInputEvent,
  z.output<typeof foggyEventSchema>,
]
  ? true
  : never = true;
void exact;

/** One unit per event and one per automatic descent step (each is cheap); played attempts have about 30 events. */
export const foggyEvents: ChapterEvents = {
  schema: foggyEventSchema,
  maxEvents: 2000,
  replayCost: (events) => {
    let cost = events.length;
    for (const e of events) if (e.type === 'auto.step') cost += (e as unknown as { count: number }).count;
    return cost;
  },
  maxReplayCost: 10_000,
};
