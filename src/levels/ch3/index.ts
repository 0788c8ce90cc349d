// Chapter 3 "The Apple Lamp": its contract (see ../contract.ts).
import { defineChapter, stepOf, type RecordedAttempt } from '../contract';
import { appleLampCompare } from './appleLampCompare';
import { APPLE_LAMP_LEVEL_FILE, loadAppleLampLevel } from './appleLampLevel';
import { appleLampMachine } from './appleLampMachine';
import { offerRule } from './appleLampRule';
import { appleLampView } from './appleLampView';
import { appleLampEvents } from './appleLampEvents';
import { nextStarHint } from '../shared/nextStar';

export default defineChapter({
  number: 3,
  levelFile: APPLE_LAMP_LEVEL_FILE,
  loadLevel: () => loadAppleLampLevel(),
  events: appleLampEvents,
  levelVersion: (level) => level.version,
  replaysVersions: (level) => level.replaysVersions ?? [],
  machine: appleLampMachine,
  // Chapter 2's apple rule is only offered: loading it is a recorded knobs.load event, so a
  // replay (with an empty carry) needs no chapter 2 data. offerRule never throws.
  input: (level, seed, carry) => ({ level, seed, rule: offerRule(level, carry['2']?.appleRule) }),
  view: (snap) => {
    const step = stepOf(snap.value);
    return appleLampView(step.top, snap.context, step.path === 'tune.playing');
  },
  stats: (result) => ({ correct: result.correct, size: result.size, knobs: result.knobs }),
  compare: (final) => appleLampCompare(final.context),
  // One star is passing (challenge.passAt right); two and three also cap the knobs in use.
  nextStar: (result, level) =>
    nextStarHint(
      [{ stars: 1, minCorrect: level.challenge.passAt, maxKnobs: level.features.length }, ...level.stars],
      result.stars,
      (next) => ({
        key: 'results.ch3.nextStar',
        params: {
          stars: next.stars,
          correct: next.minCorrect,
          size: result.size,
          knobs: next.maxKnobs,
          yourCorrect: result.correct,
          yourKnobs: result.knobs,
        },
      }),
    ),
  reference: () => import('../../../levels/reference/ch3.json').then((m) => m.default as unknown as RecordedAttempt),
});
