// Chapter 3's recorded events, exactly (see ChapterEvents in ../contract.ts): a classroom server
// refuses an attempt with any other event or field before replaying it.
import * as z from 'zod/mini';
import type { ChapterEvents } from '../contract';
import { event, name, num, numbers } from '../shared/eventSchema';
import type { AppleLampInputEvent } from './appleLampMachine';

const knobValue = num(-1000, 1000);

export const appleLampEventSchema = z.discriminatedUnion('type', [
  event('knob.set', { id: name(), value: knobValue }),
  event('knob.nudge', { id: name(), by: knobValue }),
  event('knobs.load', {
    source: z.enum(['rule', 'mine', 'bit']),
    weights: numbers(-1000, 1000, 16),
    threshold: knobValue,
  }),
  event('conveyor.next'),
  event('conveyor.prev'),
  event('rule.skip'),
  event('task.check'),
  event('tune.step'),
  event('tune.finish'),
  event('tune.done'),
  event('rigged.start'),
  event('rigged.tune'),
  event('rigged.add', { fruit: name() }),
  event('rigged.done'),
  event('challenge.run'),
  event('challenge.retry'),
  event('challenge.accept'),
  event('history.done'),
]);

// The schema and the machine's input events describe the same events.
const exact: [z.output<typeof appleLampEventSchema>, AppleLampInputEvent] extends [
  AppleLampInputEvent,
  z.output<typeof appleLampEventSchema>,
]
  ? true
  : never = true;
void exact;

/** Played attempts have 15 to 45 events; every knob press is one, so the bound is generous. */
export const appleLampEvents: ChapterEvents = { schema: appleLampEventSchema, maxEvents: 2000, maxReplayCost: 2000 };
