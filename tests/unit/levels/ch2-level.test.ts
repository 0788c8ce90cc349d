import { describe, expect, it } from 'vitest';
import raw from '../../../levels/02-expert-rulebook.json';
import fruitsRaw from '../../../levels/fruits.json';
import { loadRulebookLevel, RULEBOOK_LEVEL_FILE } from '../../../src/levels/ch2/rulebookLevel';
import { LevelFileError } from '../../../src/levels/shared/levelFile';
import en from '../../../src/i18n/locales/ch2.en.json';
import zh from '../../../src/i18n/locales/ch2.zh-CN.json';
import shellEn from '../../../src/i18n/locales/en.json';

const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;

function problemsOf(data: unknown, fruits?: unknown): string {
  try {
    loadRulebookLevel(data, fruits);
  } catch (err) {
    expect(err).toBeInstanceOf(LevelFileError);
    return (err as Error).message;
  }
  throw new Error('expected the level file to be rejected');
}

describe('chapter 2 level file', () => {
  it('loads, with the shared fruit file', () => {
    const { level, fruits } = loadRulebookLevel();
    expect(level.weather.days).toHaveLength(7);
    expect(fruits.fruits.some((f) => f.season === level.stall.newSeason)).toBe(true);
    // The hidden basket holds fruits of the new season too.
    const seasons = new Set(level.challenge.basket.map((id) => fruits.fruits.find((f) => f.id === id)!.season));
    expect(seasons).toEqual(new Set([1, 2]));
  });

  it('a missing day fact names the day, the field and the file', () => {
    const bad = clone(raw);
    delete (bad.weather.days[2].facts as Record<string, unknown>).humidity;
    const msg = problemsOf(bad);
    expect(msg).toContain(RULEBOOK_LEVEL_FILE);
    expect(msg).toContain("field 'weather.days[2].facts.humidity'");
    expect(msg).toContain('day "wed" needs a number');
  });

  it('a wrong type names the field and what was found', () => {
    const bad = clone(raw) as unknown as { limits: { maxRules: unknown } };
    bad.limits.maxRules = 'three';
    expect(problemsOf(bad)).toMatch(/field 'limits\.maxRules'.*found the text "three"/);
  });

  it("a broken seller rule is reported with the engine's own words", () => {
    const bad = clone(raw);
    (bad.stall.sellerRules.li[2].when as { op: string }).op = 'maybe';
    expect(problemsOf(bad)).toMatch(/field 'stall\.sellerRules\.li\[2\]'.*unknown op "maybe"/);
  });

  it('a basket fruit that is not in fruits.json is named', () => {
    const bad = clone(raw);
    bad.challenge.basket[1] = 'durian';
    expect(problemsOf(bad)).toMatch(/field 'challenge\.basket\[1\]': "durian" is not a fruit/);
  });

  it('a threshold start outside its choices, and a star threshold above the basket, are caught', () => {
    const bad = clone(raw);
    (bad.weather.tiles[1] as { start: number }).start = 65;
    bad.stars[0].minCorrect = 99;
    const msg = problemsOf(bad);
    expect(msg).toContain("field 'weather.tiles[1].start': must be one of the choices");
    expect(msg).toContain("field 'stars[0].minCorrect'");
  });

  it('a fruit without a seller answer is caught in the shared file', () => {
    const bad = clone(fruitsRaw);
    delete (bad.fruits[3].sellerSays as Record<string, unknown>).li;
    expect(problemsOf(raw, bad)).toMatch(/levels\/fruits\.json[\s\S]*fruits\[3\]\.sellerSays\.li/);
  });
});

describe('chapter 2 text', () => {
  const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

  it('both languages have the same keys and placeholders, all under ch2. or results.ch2.', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [k, v] of Object.entries(en)) {
      expect(k.startsWith('ch2.') || /^results\.ch2\.(stats|vocab)$/.test(k), k).toBe(true);
      expect(placeholders((zh as Record<string, string>)[k]), k).toEqual(placeholders(v));
      expect(v.trim().length, k).toBeGreaterThan(0);
    }
    expect(Object.keys(en)).not.toContain('ch2.title');
  });

  it('every text key the level file names exists', () => {
    const { level } = loadRulebookLevel();
    const keys = new Set([...Object.keys(en), ...Object.keys(shellEn)]);
    const named = [
      level.insightKey,
      level.weather.conclusion.labelKey,
      level.stall.conclusion.labelKey,
      ...level.weather.tiles.map((t) => t.labelKey),
      ...level.weather.days.map((d) => d.labelKey),
    ];
    for (const k of named) expect(keys.has(k), k).toBe(true);
  });
});
