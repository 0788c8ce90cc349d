// Replaying a chapter 2 attempt: the same seed and the same input events through the same machine.
import { replayMachine } from '../shared/replay';
import { rulebookMachine, type RulebookInputEvent } from './rulebookMachine';
import type { RulebookData } from './rulebookLevel';
import type { RulebookResult } from './rulebookModel';

export function replayRulebook(
  data: RulebookData,
  seed: number,
  events: readonly RulebookInputEvent[],
): RulebookResult {
  return replayMachine(rulebookMachine, { level: data, seed }, events);
}
