// The play-time figures (docs/playtime.md): the waits are what the game's own clocks take for an
// attempt at normal speed, read from the level files and the game's constants.
import { describe, expect, it } from 'vitest';
import { summarise, type PlaytimeEntry } from '../../../scripts/playtime.mjs';
import ch1Level from '../../../levels/01-sit-bit.json';
import ch2Level from '../../../levels/02-expert-rulebook.json';
import ch4Level from '../../../levels/04-minsky-riddle.json';
import { WEEK_DAY_MS } from '../../../src/levels/ch2/rulebookMachine';

const entry = (chapter: number, types: (string | Record<string, unknown>)[], more: Partial<PlaytimeEntry> = {}) => ({
  name: `ch${chapter}-test`,
  chapter,
  presses: 10,
  keys: 6,
  attempt: { events: types.map((t) => (typeof t === 'string' ? { type: t } : { type: 'x', ...t })) },
  ...more,
});

describe('play time', () => {
  it('chapter 1 waits for each show: its rounds revealed 700 ms apart', () => {
    const row = summarise(entry(1, ['trial.command', 'show.start', 'show.finish', 'show.start']));
    expect(row.waits['show reveals']).toBe(2 * ch1Level.challenge.size * 700);
  });

  it("chapter 2 counts the weather part's weeks (a day a tick and the pause) and each verdict", () => {
    const row = summarise(entry(2, ['rules.check', 'rules.check', 'season.next', 'rules.check', 'challenge.run']));
    expect(row.waits['weather weeks']).toBe(2 * (ch2Level.weather.days.length + 1) * WEEK_DAY_MS);
    expect(row.waits['verdict reveals']).toBe(ch2Level.challenge.basket.length * 550);
  });

  it("chapter 4 plays its lab's epochs at the level's pace", () => {
    const { tickMs, epochsPerTick } = ch4Level.lab.play;
    const row = summarise(entry(4, [{ type: 'train.run', epochs: 526 }, 'challenge.run']));
    expect(row.waits['training playback']).toBe(Math.ceil(526 / epochsPerTick) * tickMs);
  });

  it('chapters 3, 5 and 6 count playback ticks and the reported training time; the estimate adds the actions', () => {
    expect(summarise(entry(3, ['tune.step', 'tune.step', 'tune.finish'])).waits['tuning playback']).toBe(600);
    expect(summarise(entry(5, [{ type: 'auto.step', count: 1 }])).waits['descent playback']).toBe(33);
    const six = summarise(entry(6, ['train.start'], { trainMs: 12_000 }));
    expect(six.waitS).toBe(12);
    // 12 s of waiting, 10 presses at 3 s and 6 keys at 1 s: 48 s.
    expect(six.estimateMin).toBe(0.8);
    expect(six.inputs).toBe(1);
  });
});
