// Chapter 1's recorded events, exactly (see ChapterEvents in ../contract.ts): a classroom server
// refuses an attempt with any other event or field before replaying it.
import * as z from 'zod/mini';
import type { ChapterEvents } from '../contract';
import { event, name } from '../shared/eventSchema';
import type { SitInputEvent } from './sitMachine';

export const sitEventSchema = z.discriminatedUnion('type', [
  event('trial.command', { command: name() }),
  event('trial.feedback', { feedback: z.enum(['treat', 'scold', 'ignore']) }),
  event('twist.more'),
  event('show.start'),
  event('show.finish'),
]);

// The schema and the machine's input events describe the same events.
const exact: [z.output<typeof sitEventSchema>, SitInputEvent] extends [SitInputEvent, z.output<typeof sitEventSchema>]
  ? true
  : never = true;
void exact;

/** Played attempts have 60 to 150 events; a slow learner's long free training stays far below. */
export const sitEvents: ChapterEvents = { schema: sitEventSchema, maxEvents: 3000, maxReplayCost: 3000 };
