// Chapter 4 "Minsky's Riddle": its contract (see ../contract.ts).
import { defineChapter, stepOf, type RecordedAttempt } from '../contract';
import { minskyCompare } from './minskyCompare';
import { MINSKY_LEVEL_FILE, loadMinskyLevel } from './minskyLevel';
import { minskyMachine } from './minskyMachine';
import { minskyView } from './minskyView';
import { minskyEvents } from './minskyEvents';
import { nextStarHint } from '../shared/nextStar';

export default defineChapter({
  number: 4,
  levelFile: MINSKY_LEVEL_FILE,
  loadLevel: () => loadMinskyLevel(),
  events: minskyEvents,
  levelVersion: (level) => level.version,
  machine: minskyMachine,
  // Nothing from earlier chapters changes this one: the XOR points are the same for everyone.
  input: (level, seed) => ({ level, seed }),
  view: (snap) => {
    const step = stepOf(snap.value);
    return minskyView(step.top, snap.context, step.path === 'lab.playing');
  },
  stats: (result) => ({
    correct: result.correct,
    size: result.size,
    neurons: result.neurons,
    epochs: result.epochs,
    percent: result.size ? Math.round((100 * result.correct) / result.size) : 0,
  }),
  compare: (final) => minskyCompare(final.context),
  // Stars are per point set: one is its passAt on the test points (any network the lab allows),
  // two and three also cap the hidden neurons. The hint names the set the last run was on.
  nextStar: (result, level) => {
    const set = level.lab.datasets.find((d) => d.id === (result.dataset ?? level.lab.start.dataset));
    if (!set) return null;
    return nextStarHint(
      [{ stars: 1, minAccuracy: set.passAt, maxNeurons: level.lab.maxNeurons }, ...set.stars],
      result.stars,
      (next) => ({
        key: `results.ch4.nextStar.${set.id}`,
        params: {
          stars: next.stars,
          // The percent the star asks for, rounded up, and the player's rounded down, so the
          // card never shows the player at a threshold they missed.
          percent: Math.ceil(next.minAccuracy * 100 - 1e-9),
          neurons: next.maxNeurons,
          yourPercent: result.size ? Math.floor((100 * result.correct) / result.size) : 0,
          yourNeurons: result.neurons,
        },
      }),
    );
  },
  reference: () => import('../../../levels/reference/ch4.json').then((m) => m.default as unknown as RecordedAttempt),
});
