// Chapter 6 "The Digit Demon" (the boss): its contract (see ../contract.ts). The real digits are
// loaded when this module is first imported (the chapter opening, or a verification), so the
// first download of the game carries none of them.
import { defineChapter, stepOf, type RecordedAttempt } from '../contract';
import { digitDemonCompare } from './digitDemonCompare';
import { loadDigits } from './digits';
import { DIGIT_DEMON_LEVEL_FILE, loadDigitDemonLevel } from './digitDemonLevel';
import { digitDemonMachine, type DigitDemonChapterLevel } from './digitDemonMachine';
import { digitDemonView } from './digitDemonView';
import { digitDemonEvents } from './digitDemonEvents';

const digits = await loadDigits();
/** The star thresholds, which the results card names (results.ch6.stars). */
const STARS = loadDigitDemonLevel().stars;

export default defineChapter({
  number: 6,
  levelFile: DIGIT_DEMON_LEVEL_FILE,
  loadLevel: (): DigitDemonChapterLevel => ({ file: loadDigitDemonLevel(), digits }),
  events: digitDemonEvents,
  levelVersion: (level) => level.file.version,
  replaysVersions: (level) => level.file.replaysVersions ?? [],
  machine: digitDemonMachine,
  input: (level, seed) => ({ level, seed }),
  view: (snap) => digitDemonView(stepOf(snap.value).top, snap.context),
  stats: (result) => ({
    accuracy: Math.round(result.accuracy * 1000) / 10,
    hits: result.hits,
    misses: result.misses,
    hidden: result.hidden,
    epochs: result.epochs,
    calls: result.calls,
    callsNeeded: STARS.calls,
    passPct: Math.round(STARS.pass * 100),
    twoPct: Math.round(STARS.two * 100),
  }),
  compare: (final) => digitDemonCompare(final.context),
  reference: () => import('../../../levels/reference/ch6.json').then((m) => m.default as unknown as RecordedAttempt),
});
