// Chapter 1's view-model tells the truth about the show: "ready" follows the show's real odds,
// the pass chance is the binomial the show draws from, and no result is said before its reveal.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { loadSitLevel } from '../../../src/levels/ch1/sitLevel';
import { sitMachine } from '../../../src/levels/ch1/sitMachine';
import { atLeast, readyProbability, showPassChance, sitView } from '../../../src/levels/ch1/sitView';
import { targetOf } from '../../../src/levels/ch1/sitModel';
import { playSit } from './sitTrainer';

const level = loadSitLevel();

describe('chapter 1 view: the show odds', () => {
  it('atLeast is the binomial tail (hand-computed values)', () => {
    // P(≥9 of 10 at p) = p^10 + 10 p^9 (1-p); at p = 0.9: 0.34868 + 0.38742 = 0.73610.
    expect(atLeast(10, 9, 0.9)).toBeCloseTo(0.7361, 4);
    // At p = 0.82 (every command near 82 %): 0.13745 + 0.30173 = 0.43918, the play-test's 44 %.
    expect(atLeast(10, 9, 0.82)).toBeCloseTo(0.4392, 3);
    expect(atLeast(10, 0, 0.3)).toBeCloseTo(1, 12);
    expect(atLeast(10, 10, 1)).toBe(1);
  });

  it('the pass chance is the binomial at the mean probability over commands', () => {
    expect(showPassChance(level, [0.82, 0.82, 0.82, 0.82])).toBeCloseTo(atLeast(10, 9, 0.82), 12);
    expect(showPassChance(level, [1, 1, 0.6, 0.6])).toBeCloseTo(atLeast(10, 9, 0.8), 12);
  });

  it('"ready" needs the probability that makes the show likely, above the teaching mark', () => {
    const p = readyProbability(level);
    expect(atLeast(10, 9, p)).toBeGreaterThanOrEqual(0.8 - 1e-9);
    expect(atLeast(10, 9, p - 0.001)).toBeLessThan(0.8);
    expect(p).toBeGreaterThan(level.learnedProbability);
    expect(p).toBeCloseTo(0.915, 2);
  });

  it('every command marked ready really is sure enough; a learned-but-shaky one is not ready', () => {
    let sawShakyLearned = false;
    for (const seed of [1, 2, 3, 4, 5, 6]) {
      const actor = createActor(sitMachine, { input: { level, seed } }).start();
      actor.send({ type: 'dialogue.skip' });
      const events = playSit(level, seed).getSnapshot().context.events;
      for (const e of events) {
        actor.send(e);
        const snap = actor.getSnapshot();
        const view = sitView(String(snap.value), snap.context);
        for (const c of view.commands) {
          expect(c.ready).toBe(c.sure >= view.readyAt);
          if (c.learned && !c.ready) sawShakyLearned = true;
        }
        if (view.commands.every((c) => c.ready)) expect(view.passChance).toBeGreaterThanOrEqual(0.8 - 1e-9);
      }
    }
    expect(sawShakyLearned).toBe(true);
  });

  it('on stage the mentor waits: the verdict is kept apart until the scene has revealed it', () => {
    const actor = playSit(level, 2024);
    const events = actor.getSnapshot().context.events;
    const probe = createActor(sitMachine, { input: { level, seed: 2024 } }).start();
    probe.send({ type: 'dialogue.skip' });
    for (const e of events) {
      probe.send(e);
      const snap = probe.getSnapshot();
      if (snap.value !== 'show') continue;
      const view = sitView('show', snap.context);
      expect(view.line.key).toBe('ch1.guide.show');
      expect(view.line.notice).toBe(false);
      expect(view.showVerdict?.key).toBe(view.show?.passed ? 'ch1.show.passed' : 'ch1.notice.showFailed');
    }
  });

  it('an honest trainer in the twist is told so, not that mixed-up feedback confused Bit', () => {
    const actor = createActor(sitMachine, { input: { level, seed: 9 } }).start();
    actor.send({ type: 'dialogue.skip' });
    for (let i = 0; i < 2000 && actor.getSnapshot().value !== 'free'; i++) {
      const snap = actor.getSnapshot();
      const ctx = snap.context;
      if (ctx.model.pending) {
        const { command, action } = ctx.model.pending;
        // Honest all the way, twist included: the player skips the experiment.
        actor.send({ type: 'trial.feedback', feedback: action === targetOf(level, command) ? 'treat' : 'scold' });
        const after = actor.getSnapshot();
        if (after.value === 'fix') expect(sitView('fix', after.context).line.key).toBe('ch1.notice.honest');
        if (after.value === 'free') expect(sitView('free', after.context).line.key).toBe('ch1.notice.fixedNoHabit');
        continue;
      }
      const step = String(snap.value);
      const cmd = step === 'teach' ? level.teachOrder[ctx.teachIndex] : level.twist.command;
      actor.send({ type: 'trial.command', command: cmd });
    }
    expect(actor.getSnapshot().value).toBe('free');
  });

  it('the twist line shows the habit rising', () => {
    const actor = createActor(sitMachine, { input: { level, seed: 3 } }).start();
    actor.send({ type: 'dialogue.skip' });
    const line = sitView('twist', actor.getSnapshot().context).line;
    expect(line.params.habit).toBe('50');
    expect(Number(line.params.percent)).toBe(20);
  });
});
