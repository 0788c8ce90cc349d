import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../../../src/i18n/locales/ch5.en.json';
import zh from '../../../../src/i18n/locales/ch5.zh-CN.json';
import shellEn from '../../../../src/i18n/locales/en.json';
import { isMessageKey, loadChapterText } from '../../../../src/i18n/i18n';
import { level } from './ch5-player';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('chapter 5 text', () => {
  it('both languages have the same keys and the same placeholders', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en))
      expect([key, placeholders((zh as Record<string, string>)[key])]).toEqual([key, placeholders(text)]);
  });

  it('uses only ch5.* keys plus its results line, and does not redefine the shell title', () => {
    for (const key of Object.keys(en)) expect(key === 'results.ch5.stats' || key.startsWith('ch5.')).toBe(true);
    expect(Object.keys(en)).not.toContain('ch5.title');
    expect(Object.keys(shellEn)).toContain('ch5.title');
  });

  it('every text key the level, the view and the scene name exists', async () => {
    await loadChapterText(5);
    const keys = [level.titleKey, level.insightKey, ...level.history.map((h) => h.textKey)];
    const sources = [
      'src/levels/ch5/foggyView.ts',
      'src/levels/ch5/foggyMachine.ts',
      'src/game/scenes/Ch5FoggyMountainScene.ts',
    ];
    for (const file of sources) {
      const src = readFileSync(file, 'utf8');
      keys.push(...[...src.matchAll(/'(ch5\.[a-zA-Z0-9.]+)'/g)].map((m) => m[1]).filter((k) => !k.endsWith('.')));
    }
    for (const k of keys) expect([k, isMessageKey(k)]).toEqual([k, true]);
  });
});
