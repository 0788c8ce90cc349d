// Replaying a chapter 1 attempt: the same seed and the same input events through the same machine.
import { replayMachine } from '../shared/replay';
import { sitMachine, type SitInputEvent } from './sitMachine';
import type { SitLevel } from './sitLevel';
import type { SitResult } from './sitModel';

export function replaySit(level: SitLevel, seed: number, events: readonly SitInputEvent[]): SitResult {
  return replayMachine(sitMachine, { level, seed }, events);
}
