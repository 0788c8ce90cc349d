import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import en from '../../../../src/i18n/locales/ch5.en.json';
import zh from '../../../../src/i18n/locales/ch5.zh-CN.json';
import shellEn from '../../../../src/i18n/locales/en.json';
import { isMessageKey, loadChapterText } from '../../../../src/i18n/i18n';
import { stepOf } from '../../../../src/levels/contract';
import { foggyView } from '../../../../src/levels/ch5/foggyView';
import type { FoggyEvent } from '../../../../src/levels/ch5/foggyMachine';
import { level, start } from './ch5-player';

const placeholders = (s: string) => [...s.matchAll(/\{(\w+)\}/g)].map((m) => m[1]).sort();

describe('chapter 5 text', () => {
  it('both languages have the same keys and the same placeholders', () => {
    expect(Object.keys(zh).sort()).toEqual(Object.keys(en).sort());
    for (const [key, text] of Object.entries(en))
      expect([key, placeholders((zh as Record<string, string>)[key])]).toEqual([key, placeholders(text)]);
  });

  it('uses only ch5.* keys plus its results lines, and does not redefine the shell title', () => {
    for (const key of Object.keys(en))
      expect(/^results\.ch5\.(stats|vocab|nextStar(\.reach)?)$/.test(key) || key.startsWith('ch5.')).toBe(true);
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

describe('part D in words', () => {
  // Walks to part D the way the scripted player does, then sets the learning rate and momentum.
  function autoLine(beta: number): string {
    const actor = start();
    const send = (e: FoggyEvent) => actor.send(e);
    for (let i = 0; i < level.hand.offerAfterMoves; i++) send({ type: 'knob.nudge', index: i % 6, by: 0.1 });
    send({ type: 'hand.done' });
    for (let i = 0; i < 12 && !actor.getSnapshot().context.model.fog1.reached; i++) {
      send({ type: 'fog.feel' });
      send({ type: 'fog.step', size: 0.1 });
    }
    send({ type: 'fog.next' });
    for (let i = 0; i < 12 && !actor.getSnapshot().context.model.fog2.reached; i++)
      send({ type: 'fog.step', size: 0.1 });
    send({ type: 'fog.next' });
    send({ type: 'valley.run', start: 0 });
    send({ type: 'valley.run', start: 1 });
    send({ type: 'valley.done' });
    send({ type: 'auto.set', lr: level.auto.learningRates[1], beta });
    send({ type: 'auto.step', count: 5 });
    const snap = actor.getSnapshot();
    expect(stepOf(snap.value).top).toBe('auto');
    return foggyView('auto', snap.context).line.key;
  }

  it('names momentum only when momentum is on', () => {
    expect(level.auto.momenta).toContain(0);
    expect(autoLine(0)).toBe('ch5.auto.runningPlain');
    expect(autoLine(Math.max(...level.auto.momenta))).toBe('ch5.auto.running');
    expect(en['ch5.auto.runningPlain']).not.toMatch(/momentum \{heavy\}/);
  });
});
