// Chapter 2 "The Expert's Rulebook": its contract (see ../contract.ts).
import { defineChapter, stepOf, type RecordedAttempt } from '../contract';
import { rulebookCompare } from './rulebookCompare';
import { bookCondition } from './rulebookEdit';
import { RULEBOOK_LEVEL_FILE, loadRulebookLevel } from './rulebookLevel';
import { rulebookMachine } from './rulebookMachine';
import { tilesOf } from './rulebookModel';
import { rulebookView } from './rulebookView';
import { rulebookEvents } from './rulebookEvents';
import { nextStarHint } from '../shared/nextStar';

export default defineChapter({
  number: 2,
  levelFile: RULEBOOK_LEVEL_FILE,
  loadLevel: () => loadRulebookLevel(),
  events: rulebookEvents,
  levelVersion: (data) => data.level.version,
  machine: rulebookMachine,
  input: (level, seed) => ({ level, seed }),
  view: (snap) => rulebookView(stepOf(snap.value).top, snap.context),
  stats: (result) => ({ correct: result.correct, size: result.size, rules: result.rules }),
  // The apple rulebook as one condition, which chapter 3 offers to turn into knob settings.
  carry: (snap) => ({ appleRule: bookCondition(snap.context.model.apple, tilesOf(snap.context.data, 'apple')) }),
  compare: (final) => rulebookCompare(final.context),
  nextStar: (result, data) =>
    nextStarHint(data.level.stars, result.stars, (next) => ({
      key: 'results.ch2.nextStar',
      params: {
        stars: next.stars,
        correct: next.minCorrect,
        size: result.size,
        rules: next.maxRules,
        yourCorrect: result.correct,
        yourRules: result.rules,
      },
    })),
  reference: () => import('../../../levels/reference/ch2.json').then((m) => m.default as unknown as RecordedAttempt),
});
