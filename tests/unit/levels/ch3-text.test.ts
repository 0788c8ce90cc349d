import { describe, expect, it } from 'vitest';
import en from '../../../src/i18n/locales/ch3.en.json';
import zh from '../../../src/i18n/locales/ch3.zh-CN.json';
import shellEn from '../../../src/i18n/locales/en.json';
import { isMessageKey, loadChapterText } from '../../../src/i18n/i18n';
import { loadAppleLampLevel } from '../../../src/levels/ch3/appleLampLevel';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('chapter 3 text', () => {
  it('both languages have the same keys and the same placeholders', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en))
      expect([key, placeholders((zh as Record<string, string>)[key])]).toEqual([key, placeholders(text)]);
  });

  it('uses only ch3.* keys plus its results line, and does not redefine the shell title', () => {
    for (const key of Object.keys(en))
      expect(/^results\.ch3\.(stats|vocab)$/.test(key) || key.startsWith('ch3.')).toBe(true);
    expect(Object.keys(en)).not.toContain('ch3.title');
    expect(Object.keys(shellEn)).toContain('ch3.title');
  });

  it('every text key the level and its fruits name exists once the chapter text is loaded', async () => {
    await loadChapterText(3);
    const level = loadAppleLampLevel();
    const keys = [
      level.titleKey,
      level.insightKey,
      ...level.tasks.map((t) => t.goalKey),
      ...level.featureLabels,
      ...Object.values(level.fruits).map((f) => f.nameKey),
    ];
    keys.push(...level.tasks.map((t) => `ch3.goal.${t.id}`));
    for (const k of keys) expect([k, isMessageKey(k)]).toEqual([k, true]);
  });
});
