// Replaying a chapter 3 attempt: the same seed and the same input events through the same machine.
// A rule offer only changes what the mentor says; loading it is itself a recorded knobs.load
// event carrying the numbers, so a replay needs no chapter 2 data.
import { createActor } from 'xstate';
import { appleLampMachine, type AppleLampInputEvent } from './appleLampMachine';
import type { AppleLampLevel } from './appleLampLevel';
import type { AppleLampResult } from './appleLampChallenge';

export function replayAppleLamp(level: AppleLampLevel, seed: number, events: readonly AppleLampInputEvent[]): AppleLampResult {
  const actor = createActor(appleLampMachine, { input: { level, seed } }).start();
  actor.send({ type: 'dialogue.skip' });
  for (const event of events) actor.send(event);
  const snap = actor.getSnapshot();
  actor.stop();
  if (snap.status !== 'done' || !snap.output) {
    throw new Error(`The replay did not finish the chapter: it stopped in step "${String(snap.value)}"`);
  }
  return snap.output;
}
