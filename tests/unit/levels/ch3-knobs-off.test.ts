// Chapter 3's knobs say when they are off: before "Start from zero" (the rule step) and while Bit
// tunes, the view marks them not editable and names why in words; in the tasks they work.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import ch3 from '../../../src/levels/ch3';
import { appleLampMachine } from '../../../src/levels/ch3/appleLampMachine';
import en from '../../../src/i18n/locales/ch3.en.json';
import zh from '../../../src/i18n/locales/ch3.zh-CN.json';

type View = { step: string; editable: boolean; knobsOff: string | null };

describe('chapter 3: knobs that are off say so', () => {
  it('off before Start from zero, with a reason in both languages; on after it', () => {
    const level = ch3.loadLevel();
    const actor = createActor(appleLampMachine, { input: ch3.input(level, 7, {}) as never }).start();
    actor.send({ type: 'dialogue.skip' });
    const before = ch3.view(actor.getSnapshot()) as View;
    expect(before.step).toBe('rule');
    expect(before.editable).toBe(false);
    expect(before.knobsOff).toBe('ch3.knobs.offRule');
    for (const text of [en, zh] as Record<string, string>[]) expect(text[before.knobsOff!]).toBeTruthy();
    actor.send({ type: 'rule.skip' });
    const after = ch3.view(actor.getSnapshot()) as View;
    expect(after.editable).toBe(true);
    expect(after.knobsOff).toBeNull();
  });
});
