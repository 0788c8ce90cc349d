// The one `record` action every chapter machine uses: it appends the event it runs for to the
// context's `events`, the attempt's recorded input. It leaves out what never changes a result:
// dialogue (`dialogue.*`, skipped by every replay) and the actor system's own events (`xstate.*`:
// timers, invoked actors finishing), which a replay's machine raises again by itself.
//
//   actions: { record: recordInput<MyInputEvent>() }          // in setup({ ... })
//   'knob.set': { guard: 'validKnob', actions: ['record', 'setKnob'] }
//
// `merge` folds an event into the one recorded before it when the chapter says the two are one
// (chapter 4's consecutive training runs: a then b epochs is a + b epochs).
import { assign, type EventObject, type ProvidedActor } from 'xstate';

/** Whether `record` keeps an event of this type. */
export function isRecorded(type: string): boolean {
  return !type.startsWith('dialogue.') && !type.startsWith('xstate.');
}

/** The recorded events after `event`: appended, merged into the last one, or unchanged. */
export function appendInput<I extends EventObject>(
  events: readonly I[],
  event: I,
  merge?: (last: I, event: I) => I | null,
): I[] {
  if (!isRecorded(event.type)) return events as I[];
  const last = events[events.length - 1];
  const merged = last && merge ? merge(last, event) : null;
  return merged ? [...events.slice(0, -1), merged] : [...events, event];
}

/**
 * The `record` action for a machine whose context keeps `events`, its recorded inputs. The event
 * it runs for must be one of those inputs (the transitions that name `record` guarantee it).
 * Its types come from the machine's `setup`, where it is used.
 */
export function recordInput<C extends { events: EventObject[] }, E extends EventObject, A extends ProvidedActor>(
  merge?: (last: C['events'][number], event: C['events'][number]) => C['events'][number] | null,
) {
  return assign<C, E, undefined, E, A>(
    ({ context, event }) =>
      ({
        events: appendInput(context.events, event as C['events'][number], merge),
      }) as Partial<C>,
  );
}
