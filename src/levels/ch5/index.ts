// Chapter 5 "Foggy Mountain": its contract (see ../contract.ts).
import { defineChapter, stepOf, type RecordedAttempt } from '../contract';
import { foggyCompareData } from './foggyCompare';
import { FOGGY_LEVEL_FILE, loadFoggyLevel } from './foggyLevel';
import { foggyMachine } from './foggyMachine';
import { foggyView } from './foggyView';
import { foggyEvents } from './foggyEvents';

export default defineChapter({
  number: 5,
  levelFile: FOGGY_LEVEL_FILE,
  loadLevel: () => loadFoggyLevel(),
  events: foggyEvents,
  levelVersion: (level) => level.version,
  machine: foggyMachine,
  // Nothing carried from earlier chapters changes this one.
  input: (level, seed) => ({ level, seed }),
  view: (snap) => {
    const step = stepOf(snap.value);
    return foggyView(step.top, snap.context, step.path === 'auto.playing');
  },
  stats: (result) => ({ steps: result.steps, overshoots: result.overshoots, score: result.score }),
  compare: (final) => foggyCompareData(final.context),
  reference: () => import('../../../levels/reference/ch5.json').then((m) => m.default as unknown as RecordedAttempt),
});
