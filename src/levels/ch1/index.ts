// Chapter 1 "Sit, Bit!": its contract (see ../contract.ts).
import { defineChapter, stepOf, type RecordedAttempt } from '../contract';
import { sitCompare } from './sitCompare';
import { SIT_LEVEL_FILE, loadSitLevel } from './sitLevel';
import { sitMachine } from './sitMachine';
import { sitView } from './sitView';
import { sitEvents } from './sitEvents';

export default defineChapter({
  number: 1,
  levelFile: SIT_LEVEL_FILE,
  loadLevel: () => loadSitLevel(),
  events: sitEvents,
  levelVersion: (level) => level.version,
  machine: sitMachine,
  input: (level, seed) => ({ level, seed }),
  view: (snap) => sitView(stepOf(snap.value).top, snap.context),
  stats: (result) => ({ trials: result.trainingTrials, correct: result.showCorrect, size: result.showSize }),
  compare: (final) => sitCompare(final.context),
  reference: () => import('../../../levels/reference/ch1.json').then((m) => m.default as unknown as RecordedAttempt),
});
