// The function strip: every chapter has its input → box → output in both languages; chapters 1-3
// carry theirs in their view-model, and the others come from the shared table by number.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { FUNCTION_STRIPS, functionStripOf } from '../../../src/levels/shared/functionStrip';
import { CHAPTERS } from '../../../src/levels/chapters';
import ch1 from '../../../src/levels/ch1';
import ch2 from '../../../src/levels/ch2';
import ch3 from '../../../src/levels/ch3';
import en from '../../../src/i18n/locales/en.json';
import zh from '../../../src/i18n/locales/zh-CN.json';

describe('the function strip', () => {
  it('every chapter on the map has one, worded in both languages', () => {
    for (const c of CHAPTERS) {
      const strip = FUNCTION_STRIPS[c.number];
      expect(strip, `chapter ${c.number}`).toBeTruthy();
      for (const key of ['strip.label', strip.input, strip.box, strip.output])
        for (const text of [en, zh] as Record<string, string>[]) expect(text[key], key).toBeTruthy();
    }
    expect((en as Record<string, string>)['strip.ch1.input']).toBe('command');
    expect((en as Record<string, string>)['strip.ch6.input']).toBe('784 pixels');
  });

  it('chapters 1-3 carry it in their view-model from the first snapshot', () => {
    for (const [n, chapter] of [
      [1, ch1],
      [2, ch2],
      [3, ch3],
    ] as const) {
      const level = chapter.loadLevel();
      const actor = createActor(chapter.machine, { input: chapter.input(level, 5, {}) }).start();
      const view = chapter.view(actor.getSnapshot());
      expect(functionStripOf(view, n)).toEqual(FUNCTION_STRIPS[n]);
      expect((view as { functionStrip?: unknown }).functionStrip).toEqual(FUNCTION_STRIPS[n]);
      actor.stop();
    }
    // A view without one (chapters 4-6 today) gets the table's entry for its number.
    expect(functionStripOf({ step: 'lab' }, 5)).toEqual(FUNCTION_STRIPS[5]);
  });

  it("chapter 1's insight names it: a function", () => {
    expect((en as Record<string, string>)['ch1.insight']).toMatch(/function/);
    expect((zh as Record<string, string>)['ch1.insight']).toMatch(/函数/);
  });
});
