// Chapter 6 "The Digit Demon" (the boss): its contract (see ../contract.ts). The real digits are
// loaded when this module is first imported (the chapter opening, or a verification), so the
// first download of the game carries none of them.
import { defineChapter, stepOf } from '../contract';
import { loadDigits } from './digits';
import { DIGIT_DEMON_LEVEL_FILE, loadDigitDemonLevel } from './digitDemonLevel';
import { digitDemonMachine, type DigitDemonChapterLevel } from './digitDemonMachine';
import { digitDemonView } from './digitDemonView';

const digits = await loadDigits();

export default defineChapter({
  number: 6,
  levelFile: DIGIT_DEMON_LEVEL_FILE,
  loadLevel: (): DigitDemonChapterLevel => ({ file: loadDigitDemonLevel(), digits }),
  levelVersion: (level) => level.file.version,
  machine: digitDemonMachine,
  input: (level, seed) => ({ level, seed }),
  view: (snap) => digitDemonView(stepOf(snap.value).top, snap.context),
  stats: (result) => ({
    accuracy: Math.round(result.accuracy * 1000) / 10,
    hits: result.hits,
    misses: result.misses,
    hidden: result.hidden,
    epochs: result.epochs,
  }),
  compare: (final) => {
    const m = final.context.model;
    const net: Record<string, number> = { hidden: m.choices.hidden, epochs: m.choices.epochs, rate: m.choices.rate };
    const percent: Record<string, number> = { percent: Math.round((m.report?.accuracy ?? 0) * 1000) / 10 };
    return {
      facts: [
        { key: 'ch6.compare.net', params: net },
        { key: 'ch6.compare.accuracy', params: percent },
      ],
      series: { throws: m.throws.map((t) => (t.hit ? 1 : 0)) },
    };
  },
});
