import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { loadSitLevel } from '../../../src/levels/ch1/sitLevel';
import { sitMachine, type SitEvent } from '../../../src/levels/ch1/sitMachine';
import chapter from '../../../src/levels/ch1';
import { replayChapter } from '../../../src/levels/shared/replay';

// The chapter's own replay, through its contract (as verification runs it).
const replaySit = (level: unknown, seed: number, events: readonly { type: string }[]) =>
  replayChapter(chapter, level, seed, events).result;
import { probabilityOf } from '../../../src/levels/ch1/sitModel';
import { playSit } from './sitTrainer';

const level = loadSitLevel();

describe('chapter 1 machine', () => {
  it('an honest trainer walks intro → teach → twist → fix → free → show → done', () => {
    const seen = new Set<string>();
    const actor = playSit(level, 2024);
    // Re-walk with a subscription to see every step visited.
    const again = createActor(sitMachine, { input: { level, seed: 2024 } });
    again.subscribe((s) => seen.add(String(s.value)));
    again.start();
    again.send({ type: 'dialogue.skip' });
    for (const e of actor.getSnapshot().context.events) again.send(e);
    expect([...seen]).toEqual(expect.arrayContaining(['intro', 'teach', 'twist', 'fix', 'free', 'show', 'done']));
    const out = actor.getSnapshot().output!;
    expect(out.passed).toBe(true);
    expect(out.showCorrect).toBeGreaterThanOrEqual(level.challenge.passAt);
    expect(out.stars).toBeGreaterThanOrEqual(1);
  });

  it('honest training earns three stars for most seeds (the target is reachable)', () => {
    const stars = [1, 2, 3, 4, 5, 6, 7, 8, 9, 10].map((seed) => playSit(level, seed).getSnapshot().output!.stars);
    expect(stars.every((s) => s >= 1)).toBe(true);
    expect(stars.filter((s) => s === 3).length).toBeGreaterThanOrEqual(7);
  });

  it('the twist really teaches the wrong habit', () => {
    const actor = playSit(level, 11, { maxSteps: 10_000 });
    const events = actor.getSnapshot().context.events;
    // Replay only up to the moment the machine left the twist.
    const probe = createActor(sitMachine, { input: { level, seed: 11 } }).start();
    probe.send({ type: 'dialogue.skip' });
    let peak = 0;
    for (const e of events) {
      probe.send(e);
      const s = probe.getSnapshot();
      if (String(s.value) === 'fix' && s.context.notice === 'ch1.notice.habit') {
        peak = Math.max(peak, probabilityOf(s.context.model, level.twist.command, level.twist.wrongAction));
        break;
      }
    }
    expect(peak).toBeGreaterThanOrEqual(level.twist.habitProbability);
  });

  it('ignores commands that are not unlocked yet and feedback with nothing to judge', () => {
    const actor = createActor(sitMachine, { input: { level, seed: 5 } }).start();
    actor.send({ type: 'dialogue.skip' });
    actor.send({ type: 'trial.command', command: 'shake' });
    actor.send({ type: 'trial.feedback', feedback: 'treat' });
    actor.send({ type: 'show.start' });
    const s = actor.getSnapshot();
    expect(s.value).toBe('teach');
    expect(s.context.model.pending).toBeNull();
    expect(s.context.events).toEqual([]);
  });

  it('shortest paths reach teach from intro by next and by skip', () => {
    const paths = getShortestPaths(sitMachine, {
      input: { level, seed: 1 },
      events: [{ type: 'dialogue.next' }, { type: 'dialogue.skip' }] as SitEvent[],
    });
    const targets = paths.map((p) => String(p.state.value));
    expect(targets).toContain('teach');
    const toTeach = paths.find((p) => String(p.state.value) === 'teach')!;
    expect(toTeach.steps.map((s) => s.event.type as string).filter((t) => t !== 'xstate.init')).toEqual([
      'dialogue.skip',
    ]);
  });

  it('replaying the recorded events reproduces the result exactly, and a changed log does not', () => {
    const actor = playSit(level, 77);
    const { events } = actor.getSnapshot().context;
    const result = actor.getSnapshot().output!;
    expect(replaySit(level, 77, events)).toEqual(result);
    expect(() => replaySit(level, 78, events)).toThrow();
    expect(() => replaySit(level, 77, events.slice(0, -3))).toThrow(/did not finish/);
  });
});
