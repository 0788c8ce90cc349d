// Replaying an attempt: the chapter's machine, started from the same input (level data and seed),
// is sent the recorded input events in order; the final state's output is the result. Dialogue
// is skipped first: it never changes a result, so attempts do not record it.
import {
  createActor,
  type AnyStateMachine,
  type EventFromLogic,
  type InputFrom,
  type OutputFrom,
  type SnapshotFrom,
} from 'xstate';
import type { AnyChapter, ChapterResult } from '../contract';

/** Runs the events through a fresh actor and returns its last snapshot (done or not). */
export function runEvents<M extends AnyStateMachine>(
  machine: M,
  input: InputFrom<M>,
  events: readonly EventFromLogic<M>[],
): SnapshotFrom<M> {
  return playEvents(machine, input, events).snap;
}

/** Like runEvents, and counts the events used: none is sent once the machine has finished. */
function playEvents<M extends AnyStateMachine>(
  machine: M,
  input: InputFrom<M>,
  events: readonly EventFromLogic<M>[],
): { snap: SnapshotFrom<M>; used: number } {
  const actor = createActor(machine, { input }).start();
  actor.send({ type: 'dialogue.skip' } as EventFromLogic<M>);
  let used = 0;
  for (const event of events) {
    if ((actor.getSnapshot() as { status: string }).status !== 'active') break;
    actor.send(event);
    used++;
  }
  const snap = actor.getSnapshot() as SnapshotFrom<M>;
  actor.stop();
  return { snap, used };
}

function finished<M extends AnyStateMachine>(snap: SnapshotFrom<M>): NonNullable<OutputFrom<M>> {
  const s = snap as { status: string; output?: OutputFrom<M>; value: unknown };
  if (s.status !== 'done' || s.output === undefined) {
    throw new Error(`The replay did not finish the chapter: it stopped in step "${JSON.stringify(s.value)}"`);
  }
  return s.output as NonNullable<OutputFrom<M>>;
}

/** A chapter attempt replayed through its contract: the result, the final snapshot, stats and carry. */
export interface ChapterReplay {
  result: ChapterResult & Record<string, unknown>;
  final: SnapshotFrom<AnyStateMachine>;
  stats: Record<string, number>;
  carry: Record<string, unknown> | undefined;
}

export function replayChapter(
  chapter: AnyChapter,
  level: unknown,
  seed: number,
  events: readonly { type: string }[],
): ChapterReplay {
  const { snap: final, used } = playEvents(chapter.machine, chapter.input(level, seed, {}), events as never);
  // A recorded attempt ends where its chapter ends: events after that were added by hand.
  if (used < events.length) {
    throw new Error(`${events.length - used} events come after the chapter finished`);
  }
  const result = finished(final) as ChapterResult & Record<string, unknown>;
  return { result, final, stats: chapter.stats(result), carry: chapter.carry?.(final) };
}
