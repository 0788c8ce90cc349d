// Replaying a chapter 2 attempt: the same seed and the same input events through the same machine.
import { createActor } from 'xstate';
import { rulebookMachine, type RulebookInputEvent } from './rulebookMachine';
import type { RulebookData } from './rulebookLevel';
import type { RulebookResult } from './rulebookModel';

export function replayRulebook(data: RulebookData, seed: number, events: readonly RulebookInputEvent[]): RulebookResult {
  const actor = createActor(rulebookMachine, { input: { data, seed } }).start();
  actor.send({ type: 'dialogue.skip' });
  for (const event of events) actor.send(event);
  const snap = actor.getSnapshot();
  actor.stop();
  if (snap.status !== 'done' || !snap.output) {
    throw new Error(`The replay did not finish the chapter: it stopped in step "${String(snap.value)}"`);
  }
  return snap.output;
}
