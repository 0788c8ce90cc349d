// Chapter 1 "Sit, Bit!": its contract (see ../contract.ts).
import { defineChapter, stepOf, type RecordedAttempt } from '../contract';
import { sitCompare } from './sitCompare';
import { SIT_LEVEL_FILE, loadSitLevel } from './sitLevel';
import { sitMachine } from './sitMachine';
import { sitView } from './sitView';
import { sitEvents } from './sitEvents';
import { nextStarHint } from '../shared/nextStar';

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
  // Stars count training trials once the show is passed (the show always passes by the end).
  nextStar: (result, level) =>
    nextStarHint(level.stars, result.stars, (next) => ({
      key: 'results.ch1.nextStar',
      params: { stars: next.stars, max: next.maxTrials, trials: result.trainingTrials },
    })),
  reference: () => import('../../../levels/reference/ch1.json').then((m) => m.default as unknown as RecordedAttempt),
});
