// Chapter 1's sloppy-trainer twist is playable as instructed and reported truthfully: a trainer
// who does what the mentor asks (treat whenever Bit rolls over, wait with Ignore otherwise) is
// never told the experiment is over before Bit gave them the chances to be sloppy, is never
// praised for "honest feedback" after rewarding the wrong action, and sees the twist's trials
// counted on screen.
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { loadSitLevel } from '../../../src/levels/ch1/sitLevel';
import { sitMachine } from '../../../src/levels/ch1/sitMachine';
import { targetOf } from '../../../src/levels/ch1/sitModel';
import { sitView } from '../../../src/levels/ch1/sitView';

const level = loadSitLevel();
type Twist = 'instructed' | 'honest' | 'lieTreater';

/** Plays to the end of the twist; returns the snapshot right after it and what the trainer saw. */
function throughTwist(seed: number, trainer: Twist) {
  const actor = createActor(sitMachine, { input: { level, seed } }).start();
  actor.send({ type: 'dialogue.skip' });
  let rolls = 0;
  let treatedRolls = 0;
  const counters: string[] = [];
  const pauses: string[] = [];
  for (let i = 0; i < 3000; i++) {
    const snap = actor.getSnapshot();
    const step = String(snap.value);
    const ctx = snap.context;
    if (step === 'fix' || step === 'free') return { snap, rolls, treatedRolls, counters, pauses };
    if (step === 'twistShort') {
      // Paused for too few chances: the instructed trainer keeps experimenting while offered.
      pauses.push(sitView('twistShort', ctx).line.key);
      if (sitView('twistShort', ctx).canMoreTwist && trainer !== 'honest') actor.send({ type: 'twist.more' });
      else actor.send({ type: 'trial.command', command: level.twist.command });
      continue;
    }
    if (ctx.model.pending) {
      const { command, action } = ctx.model.pending;
      let feedback: 'treat' | 'scold' | 'ignore';
      if (step === 'twist') {
        if (action === level.twist.wrongAction) rolls++;
        if (trainer === 'instructed') feedback = action === level.twist.wrongAction ? 'treat' : 'ignore';
        else if (trainer === 'honest') feedback = action === targetOf(level, command) ? 'treat' : 'scold';
        else feedback = action === targetOf(level, command) ? 'treat' : 'ignore';
        if (feedback === 'treat' && action === level.twist.wrongAction) treatedRolls++;
      } else feedback = action === targetOf(level, command) ? 'treat' : 'scold';
      actor.send({ type: 'trial.feedback', feedback });
      if (step === 'twist') counters.push(JSON.stringify(sitView('twist', actor.getSnapshot().context).trials));
      continue;
    }
    actor.send({
      type: 'trial.command',
      command: step === 'teach' ? level.teachOrder[ctx.teachIndex] : level.twist.command,
    });
  }
  throw new Error('the twist never ended');
}

describe('chapter 1: the sloppy-trainer twist', () => {
  it('never ends without a habit before the instructed trainer had their chances', () => {
    for (let seed = 1; seed <= 120; seed++) {
      const { snap, rolls, treatedRolls } = throughTwist(seed, 'instructed');
      const line = sitView('fix', snap.context).line.key;
      if (snap.context.notice === 'ch1.notice.habit') continue;
      // Ran out without a habit: only after enough chances, or the hard stop.
      const ranOut = snap.context.model.twistTrials >= level.twist.giveUpAfter;
      expect(rolls >= level.twist.minChances || ranOut, `seed ${seed}: ${rolls} rolls`).toBe(true);
      expect(line, `seed ${seed}`).not.toBe('ch1.notice.honest');
      if (rolls === 0) expect(['ch1.notice.noChance', 'ch1.notice.fixed']).toContain(line);
      if (treatedRolls > 0 && snap.value === 'fix') expect(line).toBe('ch1.notice.stubborn');
    }
  });

  it('seed 290: Bit does not roll over in the first 12 trials; the experiment waits for him', () => {
    const { snap, rolls, pauses } = throughTwist(290, 'instructed');
    expect(pauses[0]).toBe('ch1.notice.fewChances');
    expect(snap.context.model.twistTrials).toBeGreaterThan(level.twist.maxTrials);
    expect(rolls).toBeGreaterThan(0);
    expect(snap.context.notice).toBe('ch1.notice.habit');
  });

  it('praises honest feedback only after a chance to be sloppy was turned down', () => {
    for (let seed = 1; seed <= 40; seed++) {
      const { snap, rolls, pauses } = throughTwist(seed, 'honest');
      const line = sitView(String(snap.value), snap.context).line.key;
      // No roll-over to turn down: the twist paused and the trainer moved on, never praised.
      if (rolls === 0) expect(pauses.length).toBeGreaterThan(0);
      expect(line, `seed ${seed}`).not.toBe(rolls > 0 ? 'ch1.notice.stubborn' : 'ch1.notice.honest');
    }
  });

  it('a trainer who treats only lying down ends at the hard stop, told Bit never rolled over', () => {
    const ends = [1, 2, 3, 4, 5, 6, 7, 8].map((seed) => throughTwist(seed, 'lieTreater'));
    for (const { snap, rolls } of ends) {
      expect(snap.context.model.twistTrials).toBeLessThanOrEqual(level.twist.giveUpAfter);
      if (rolls === 0) expect(sitView('fix', snap.context).line.key).toBe('ch1.notice.noChance');
    }
  });

  it('counts the experiment trials on screen', () => {
    const { counters } = throughTwist(290, 'instructed');
    expect(counters.length).toBeGreaterThan(0);
    counters.forEach((c, i) => {
      const trials = JSON.parse(c) as { key: string; params: { m: string } };
      expect(trials.key).toBe('ch1.trialsTwist');
      expect(trials.params.m).toBe(String(i + 1));
    });
  });
});
