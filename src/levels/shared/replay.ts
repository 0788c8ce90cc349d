// Replaying an attempt: the chapter's machine, started from the same input (level data and seed),
// is sent the recorded input events in order; the final state's output is the result. Dialogue
// is skipped first: it never changes a result, so attempts do not record it.
import { createActor, type AnyStateMachine, type EventFromLogic, type InputFrom, type OutputFrom } from 'xstate';

export function replayMachine<M extends AnyStateMachine>(
  machine: M,
  input: InputFrom<M>,
  events: readonly EventFromLogic<M>[],
): NonNullable<OutputFrom<M>> {
  const actor = createActor(machine, { input }).start();
  actor.send({ type: 'dialogue.skip' } as EventFromLogic<M>);
  for (const event of events) actor.send(event);
  const snap = actor.getSnapshot() as { status: string; output?: OutputFrom<M>; value: unknown };
  actor.stop();
  if (snap.status !== 'done' || snap.output === undefined) {
    throw new Error(`The replay did not finish the chapter: it stopped in step "${JSON.stringify(snap.value)}"`);
  }
  return snap.output as NonNullable<OutputFrom<M>>;
}
