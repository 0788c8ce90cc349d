// Chapter 4 "Minsky's Riddle": its contract (see ../contract.ts).
import { defineChapter, stepOf, type RecordedAttempt } from '../contract';
import { minskyCompare } from './minskyCompare';
import { MINSKY_LEVEL_FILE, loadMinskyLevel } from './minskyLevel';
import { minskyMachine } from './minskyMachine';
import { minskyView } from './minskyView';
import { minskyEvents } from './minskyEvents';

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
  reference: () => import('../../../levels/reference/ch4.json').then((m) => m.default as unknown as RecordedAttempt),
});
