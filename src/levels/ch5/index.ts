// Chapter 5 "Foggy Mountain": its contract (see ../contract.ts).
import { defineChapter, stepOf, type RecordedAttempt, type StarHint } from '../contract';
import { foggyCompareData } from './foggyCompare';
import { FOGGY_LEVEL_FILE, loadFoggyLevel } from './foggyLevel';
import { foggyMachine } from './foggyMachine';
import { foggyView } from './foggyView';
import { foggyEvents } from './foggyEvents';
import { nextStarHint } from '../shared/nextStar';

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
  // One star is reaching the target loss within the step limit; two and three cap the score
  // (steps + jumps across the valley).
  nextStar: (result, level) =>
    nextStarHint(
      [{ stars: 1, maxScore: null }, ...level.stars],
      result.stars,
      (next): StarHint =>
        next.maxScore === null
          ? {
              key: 'results.ch5.nextStar.reach',
              params: { target: level.challenge.target, max: level.challenge.maxSteps },
            }
          : {
              key: 'results.ch5.nextStar',
              params: { stars: next.stars, max: next.maxScore, score: result.score },
            },
    ),
  reference: () => import('../../../levels/reference/ch5.json').then((m) => m.default as unknown as RecordedAttempt),
});
