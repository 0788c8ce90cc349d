// Replaying a chapter 3 attempt: the same seed and the same input events through the same machine.
// A rule offer only changes what the mentor says; loading it is itself a recorded knobs.load
// event carrying the numbers, so a replay needs no chapter 2 data.
import { replayMachine } from '../shared/replay';
import { appleLampMachine, type AppleLampInputEvent } from './appleLampMachine';
import type { AppleLampLevel } from './appleLampLevel';
import type { AppleLampResult } from './appleLampChallenge';

export function replayAppleLamp(
  level: AppleLampLevel,
  seed: number,
  events: readonly AppleLampInputEvent[],
): AppleLampResult {
  return replayMachine(appleLampMachine, { level, seed }, events);
}
