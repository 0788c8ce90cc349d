// Chapter 5's automatic descent plays on the actor system's clock: each tick takes the level's
// number of steps, recorded as 'auto.step', so the same presses record the same events on any
// computer. Driven here on XState's SimulatedClock.
import { describe, expect, it } from 'vitest';
import { createActor, SimulatedClock } from 'xstate';
import chapter5 from '../../../../src/levels/ch5';
import { foggyMachine, type FoggyEvent } from '../../../../src/levels/ch5/foggyMachine';
import type { FoggyView } from '../../../../src/levels/ch5/foggyView';
import { replayChapter } from '../../../../src/levels/shared/replay';
import { level, playAll } from './ch5-player';

function atAuto(lvl = level) {
  const clock = new SimulatedClock();
  const actor = createActor(foggyMachine, { input: { level: lvl, seed: 7 }, clock }).start();
  actor.send({ type: 'dialogue.skip' });
  const events = playAll(7, undefined, lvl);
  for (const e of events.slice(
    0,
    events.findIndex((x) => x.type === 'auto.step'),
  ))
    actor.send(e);
  expect(actor.getSnapshot().value).toEqual({ auto: 'paused' });
  return { actor, clock };
}

/** Lets `n` ticks of `ms` pass, one at a time (each tick schedules the next from its own time). */
function ticks(clock: SimulatedClock, ms: number, n: number): void {
  for (let i = 0; i < n; i++) clock.increment(ms);
}

const view = (actor: ReturnType<typeof atAuto>['actor']) => chapter5.view(actor.getSnapshot()) as FoggyView;
const steps = (actor: ReturnType<typeof atAuto>['actor']) =>
  actor.getSnapshot().context.events.filter((e) => e.type === 'auto.step');

describe('chapter 5 automatic descent on the clock', () => {
  it('each tick takes the level’s steps; pausing stops the clock; nothing ticks before play', () => {
    const { actor, clock } = atAuto();
    const { tickMs, steps: perTick } = level.auto.play;
    ticks(clock, tickMs, 5);
    expect(actor.getSnapshot().context.model.auto.steps).toBe(0);
    actor.send({ type: 'auto.play' });
    expect(view(actor).auto?.playing).toBe(true);
    ticks(clock, tickMs, 3);
    expect(actor.getSnapshot().context.model.auto.steps).toBe(3 * perTick);
    expect(steps(actor)).toEqual([
      { type: 'auto.step', count: perTick },
      { type: 'auto.step', count: perTick },
      { type: 'auto.step', count: perTick },
    ]);
    actor.send({ type: 'auto.pause' });
    ticks(clock, tickMs, 10);
    expect(actor.getSnapshot().context.model.auto.steps).toBe(3 * perTick);
    expect(view(actor).auto?.playing).toBe(false);
    // Play and pause are not recorded: only the steps are.
    const types: string[] = actor.getSnapshot().context.events.map((e) => e.type);
    expect(types.filter((t) => t === 'auto.play' || t === 'auto.pause')).toEqual([]);
  });

  it('calm play takes the level’s calm ticks; new settings pause; the end of the run stops it', () => {
    const { actor, clock } = atAuto();
    const { calmTickMs, calmSteps } = level.auto.play;
    actor.send({ type: 'auto.play', calm: true });
    ticks(clock, calmTickMs, 2);
    expect(actor.getSnapshot().context.model.auto.steps).toBe(2 * calmSteps);
    actor.send({ type: 'auto.set', lr: level.auto.learningRates[0], beta: level.auto.momenta[0] });
    expect(actor.getSnapshot().value).toEqual({ auto: 'paused' });
    actor.send({ type: 'auto.play', calm: true });
    ticks(clock, calmTickMs, Math.ceil(level.auto.maxSteps / calmSteps) + 2);
    expect(view(actor).auto?.finished).toBe(true);
    expect(actor.getSnapshot().value).toEqual({ auto: 'paused' });
    actor.send({ type: 'auto.play' });
    expect(actor.getSnapshot().value).toEqual({ auto: 'paused' });
  });

  it('the work per tick comes from the level file, and a played run replays from its events', () => {
    const lvl = { ...level, auto: { ...level.auto, play: { ...level.auto.play, tickMs: 100, steps: 4 } } };
    const { actor, clock } = atAuto(lvl);
    actor.send({ type: 'auto.play' });
    clock.increment(99);
    expect(actor.getSnapshot().context.model.auto.steps).toBe(0);
    clock.increment(1);
    expect(actor.getSnapshot().context.model.auto.steps).toBe(4);
    ticks(clock, 100, 9);
    expect(actor.getSnapshot().context.model.auto.steps).toBe(40);
    actor.send({ type: 'auto.pause' });
    const played = actor.getSnapshot().context;
    const again = createActor(foggyMachine, { input: { level: lvl, seed: 7 } }).start();
    again.send({ type: 'dialogue.skip' });
    for (const e of played.events as FoggyEvent[]) again.send(e);
    expect(again.getSnapshot().context.model.auto).toEqual(played.model.auto);
    // And a whole attempt with played steps still verifies by replay.
    expect(() => replayChapter(chapter5, level, 7, playAll(7))).not.toThrow();
  });
});
