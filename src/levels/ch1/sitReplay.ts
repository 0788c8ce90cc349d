// Replaying a chapter 1 attempt: the same seed and the same input events through the same machine.
import { createActor } from 'xstate';
import { sitMachine, type SitInputEvent } from './sitMachine';
import type { SitLevel } from './sitLevel';
import type { SitResult } from './sitModel';

export function replaySit(level: SitLevel, seed: number, events: readonly SitInputEvent[]): SitResult {
  const actor = createActor(sitMachine, { input: { level, seed } }).start();
  actor.send({ type: 'dialogue.skip' });
  for (const event of events) actor.send(event);
  const snap = actor.getSnapshot();
  actor.stop();
  if (snap.status !== 'done' || !snap.output) {
    throw new Error(`The replay did not finish the chapter: it stopped in step "${String(snap.value)}"`);
  }
  return snap.output;
}
