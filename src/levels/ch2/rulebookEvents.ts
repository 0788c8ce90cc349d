// Chapter 2's recorded events, exactly (see ChapterEvents in ../contract.ts): a classroom server
// refuses an attempt with any other event or field before replaying it.
import * as z from 'zod/mini';
import type { ChapterEvents } from '../contract';
import { countOf, event, int, name, num } from '../shared/eventSchema';
import type { RulebookInputEvent } from './rulebookMachine';

const rule = int(0, 63);
const tile = int(0, 63);

export const rulebookEventSchema = z.discriminatedUnion('type', [
  event('rule.add'),
  event('rule.remove', { rule }),
  event('tile.add', { rule, fact: name() }),
  event('tile.remove', { rule, tile }),
  event('tile.join', { rule, tile, join: z.enum(['and', 'or']) }),
  event('tile.not', { rule, tile, not: z.boolean() }),
  event('tile.threshold', { rule, tile, value: num(-1e6, 1e6) }),
  event('rules.check'),
  event('conflict.pick', { seller: name() }),
  event('season.next'),
  event('challenge.run'),
  event('challenge.finish'),
]);

// The schema and the machine's input events describe the same events.
const exact: [z.output<typeof rulebookEventSchema>, RulebookInputEvent] extends [
  RulebookInputEvent,
  z.output<typeof rulebookEventSchema>,
]
  ? true
  : never = true;
void exact;

/**
 * Played attempts have about 20 events. A check ('rules.check') tests the whole rulebook on the
 * data and costs a few edits' time: it counts 4 units, every other event 1.
 */
export const rulebookEvents: ChapterEvents = {
  schema: rulebookEventSchema,
  maxEvents: 1000,
  replayCost: (events) => events.length + 3 * countOf(events, 'rules.check'),
  maxReplayCost: 2000,
};
