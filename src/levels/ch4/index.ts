// Chapter 4 "Minsky's Riddle": its contract (see ../contract.ts).
import { defineChapter, stepOf, type CompareData } from '../contract';
import { MINSKY_LEVEL_FILE, loadMinskyLevel } from './minskyLevel';
import { minskyMachine } from './minskyMachine';
import { minskyView } from './minskyView';

export default defineChapter({
  number: 4,
  levelFile: MINSKY_LEVEL_FILE,
  loadLevel: () => loadMinskyLevel(),
  levelVersion: (level) => level.version,
  machine: minskyMachine,
  // Nothing from earlier chapters changes this one: the XOR points are the same for everyone.
  input: (level, seed) => ({ level, seed }),
  view: (snap) => minskyView(stepOf(snap.value).top, snap.context),
  stats: (result) => ({
    correct: result.correct,
    size: result.size,
    neurons: result.neurons,
    epochs: result.epochs,
    percent: result.size ? Math.round((100 * result.correct) / result.size) : 0,
  }),
  compare: (final): CompareData => {
    const lab = final.context.lab;
    const run = final.context.runs[final.context.runs.length - 1];
    return {
      facts: [
        { key: 'ch4.compare.neurons', params: { n: run?.neurons ?? 0 } },
        { key: 'ch4.compare.accuracy', params: { correct: run?.correct ?? 0, size: run?.size ?? 0 } },
        { key: 'ch4.compare.epochs', params: { n: lab.epochs } },
      ],
      series: { trainLoss: lab.trainLoss, testLoss: lab.testLoss },
    };
  },
});
