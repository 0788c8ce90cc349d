import { describe, expect, it } from 'vitest';
import { SimulatedClock, createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { loadAppleLampLevel } from '../../../src/levels/ch3/appleLampLevel';
import { appleLampMachine, type AppleLampEvent } from '../../../src/levels/ch3/appleLampMachine';
import chapter from '../../../src/levels/ch3';
import { replayChapter } from '../../../src/levels/shared/replay';
import { stepOf } from '../../../src/levels/contract';

// The chapter's own replay, through its contract (as verification runs it).
const replayAppleLamp = (level: unknown, seed: number, events: readonly { type: string }[]) =>
  replayChapter(chapter, level, seed, events).result;
import { offerRule } from '../../../src/levels/ch3/appleLampRule';
import { appleLampView } from '../../../src/levels/ch3/appleLampView';
import { load, playAppleLamp, SOLUTIONS } from './ch3-player';

const level = loadAppleLampLevel();
type Snap = ReturnType<ReturnType<typeof createActor<typeof appleLampMachine>>['getSnapshot']>;
/** The chapter step of a snapshot ('tune' for both 'tune.paused' and 'tune.playing'). */
const stepAt = (s: { value: unknown }) => stepOf(s.value).top;

describe('chapter 3 machine', () => {
  it('walks intro → rule → three tasks → tune → challenge → result → history → done', () => {
    const seen: string[] = [];
    const actor = createActor(appleLampMachine, { input: { level, seed: 3 } });
    actor.subscribe((s) => {
      const v = stepAt(s) === 'task' ? `task:${level.tasks[s.context.taskIndex].id}` : stepAt(s);
      if (seen[seen.length - 1] !== v) seen.push(v);
    });
    actor.start();
    actor.send({ type: 'dialogue.next' });
    actor.send({ type: 'dialogue.next' });
    actor.send({ type: 'dialogue.next' });
    for (const e of playAppleLamp(level, 3, { challenge: SOLUTIONS.apple }).getSnapshot().context.events) actor.send(e);
    expect(seen).toEqual([
      'intro',
      'rule',
      'task:apple',
      'task:watermelon',
      'task:hawthorn',
      'tune',
      'challenge',
      'challengeResult',
      'history',
      'done',
    ]);
    expect(actor.getSnapshot().output).toMatchObject({
      passed: true,
      stars: 3,
      correct: 9,
      size: 10,
      knobs: 4,
      runs: 1,
    });
  });

  it('a wrong check stays on the task and says how many fruits are wrong', () => {
    const actor = createActor(appleLampMachine, { input: { level, seed: 1 } }).start();
    actor.send({ type: 'dialogue.skip' });
    actor.send({ type: 'rule.skip' });
    actor.send({ type: 'knob.set', id: 'red', value: 1 });
    actor.send({ type: 'task.check' });
    const s = actor.getSnapshot();
    expect(stepAt(s)).toBe('task');
    expect(s.context.taskIndex).toBe(0);
    const view = appleLampView('task', s.context);
    expect(view.line).toMatchObject({ key: 'ch3.notice.taskWrong', params: { wrong: '4' }, notice: true });
    expect(view.basket.find((m) => m.fruit === 'hawthorn')).toMatchObject({ lit: true, wanted: false });
  });

  it('keeps the player\'s apple setting as "mine" for the comparison with Bit', () => {
    const s = playAppleLamp(level, 4).getSnapshot();
    expect(s.context.model.mine).toEqual(SOLUTIONS.apple);
    expect(s.context.model.tune!.converged).toBe(true);
  });

  it('ignores knobs while Bit tunes, leaving tuning before it ends, and invalid settings', () => {
    const actor = createActor(appleLampMachine, { input: { level, seed: 2 } }).start();
    actor.send({ type: 'dialogue.skip' });
    actor.send(load('rule', { weights: [9, 0, 0, 0, 0, 0, 0], threshold: 0.5 }));
    expect(stepAt(actor.getSnapshot())).toBe('rule');
    actor.send({ type: 'rule.skip' });
    actor.send({ type: 'knob.set', id: 'spiky', value: 1 });
    actor.send({ type: 'knob.set', id: 'red', value: Number.NaN });
    expect(actor.getSnapshot().context.events).toEqual([{ type: 'rule.skip' }]);
    for (const t of level.tasks) {
      actor.send(load('mine', SOLUTIONS[t.id]));
      actor.send({ type: 'task.check' });
    }
    expect(stepAt(actor.getSnapshot())).toBe('tune');
    const before = actor.getSnapshot().context.model.knobs;
    actor.send({ type: 'knob.set', id: 'red', value: 3 });
    actor.send({ type: 'tune.done' });
    expect(stepAt(actor.getSnapshot())).toBe('tune');
    expect(actor.getSnapshot().context.model.knobs).toEqual(before);
  });

  it('loading the offered rule takes its numbers onto the knobs', () => {
    const rule = offerRule(level, {
      op: 'and',
      conditions: [
        { op: 'is', fact: 'red' },
        { op: 'is', fact: 'round' },
      ],
    });
    if (rule.status !== 'ok') throw new Error('expected a rule');
    const actor = createActor(appleLampMachine, { input: { level, seed: 2, rule } }).start();
    actor.send({ type: 'dialogue.skip' });
    expect(appleLampView('rule', actor.getSnapshot().context).line.key).toBe('ch3.rule.ok');
    actor.send(load('rule', rule.perceptron));
    const s = actor.getSnapshot();
    expect(stepAt(s)).toBe('task');
    expect(s.context.model.knobs).toEqual(rule.perceptron);
  });

  it('a failed challenge can only be retried; a passed one can be kept', () => {
    const actor = playAppleLamp(level, 8, { challenge: { weights: [0, 0, 0, 0, 0, 0, 0], threshold: 7 } });
    const s = actor.getSnapshot();
    expect(stepAt(s)).toBe('challengeResult');
    expect(s.context.model.runs[0]).toMatchObject({ correct: 6, passed: false, stars: 0 });
    actor.send({ type: 'challenge.retry' });
    actor.send(load('mine', SOLUTIONS.apple));
    actor.send({ type: 'challenge.run' });
    actor.send({ type: 'challenge.accept' });
    actor.send({ type: 'history.done' });
    expect(actor.getSnapshot().output).toMatchObject({ passed: true, stars: 3, runs: 2 });
  });

  it('shortest paths reach every step, ending in done', () => {
    const bit = playAppleLamp(level, 1).getSnapshot().context.model.tune!.perceptron;
    const events = (s: Snap): AppleLampEvent[] => {
      switch (stepAt(s)) {
        case 'intro':
          return [{ type: 'dialogue.next' }, { type: 'dialogue.skip' }];
        case 'rule':
          return [{ type: 'rule.skip' }];
        case 'task':
          return [load('mine', SOLUTIONS[level.tasks[s.context.taskIndex].id]), { type: 'task.check' }];
        case 'tune':
          return [{ type: 'tune.finish' }, { type: 'tune.done' }];
        case 'challenge':
          return [load('bit', bit), load('mine', SOLUTIONS.apple), { type: 'challenge.run' }];
        case 'challengeResult':
          return [{ type: 'challenge.accept' }, { type: 'challenge.retry' }];
        case 'history':
          return [{ type: 'history.done' }];
        default:
          return [];
      }
    };
    const paths = getShortestPaths(appleLampMachine, {
      input: { level, seed: 1 },
      events,
      // A step, the task reached, the knobs and the tuning steps tell states apart.
      serializeState: (s) =>
        JSON.stringify([
          s.value,
          s.context.introLine,
          s.context.taskIndex,
          s.context.model.knobs,
          s.context.model.tune?.steps,
        ]),
      limit: 5000,
    });
    const reached = new Set(paths.map((p) => stepAt(p.state)));
    for (const step of ['intro', 'rule', 'task', 'tune', 'challenge', 'challengeResult', 'history', 'done'])
      expect(reached).toContain(step);
    const toDone = paths.filter((p) => p.state.status === 'done').sort((a, b) => a.steps.length - b.steps.length)[0];
    const types = toDone.steps.map((st) => st.event.type as string).filter((t) => t !== 'xstate.init');
    expect(types).toEqual([
      'dialogue.skip',
      'rule.skip',
      'knobs.load',
      'task.check',
      'knobs.load',
      'task.check',
      'knobs.load',
      'task.check',
      'tune.finish',
      'tune.done',
      'challenge.run',
      'challenge.accept',
      'history.done',
    ]);
    expect(toDone.state.output).toMatchObject({ passed: true });
  });

  it('replaying the recorded events reproduces the result exactly, and a changed log does not', () => {
    for (const byKnob of [false, true]) {
      const actor = playAppleLamp(level, 77, { byKnob, challenge: SOLUTIONS.apple });
      const { events } = actor.getSnapshot().context;
      const result = actor.getSnapshot().output!;
      expect(replayAppleLamp(level, 77, events)).toEqual(result);
      // A JSON round trip (how saves store attempts) replays the same.
      expect(replayAppleLamp(level, 77, JSON.parse(JSON.stringify(events)))).toEqual(result);
      expect(() => replayAppleLamp(level, 77, events.slice(0, -2))).toThrow(/did not finish/);
    }
  });

  it('the recorded tuning steps replay to the same learned knobs', () => {
    const actor = playAppleLamp(level, 12, { challenge: 'bit' });
    const { events, model } = actor.getSnapshot().context;
    const again = createActor(appleLampMachine, { input: { level, seed: 12 } }).start();
    again.send({ type: 'dialogue.skip' });
    for (const e of events) again.send(e);
    expect(again.getSnapshot().context.model.tune).toEqual(model.tune);
    expect(again.getSnapshot().context.model.runs).toEqual(model.runs);
  });

  describe("Bit's tuning plays on the machine's clock", () => {
    /**
     * Moves the simulated clock on by `ms`, a millisecond at a time: one increment fires only the
     * timers already due, so a tick that schedules the next one needs the clock to move again.
     */
    const advance = (clock: SimulatedClock, ms: number) => {
      for (let t = 0; t < ms; t++) clock.increment(1);
    };
    /** A run at the tune step, its actor on a simulated clock. */
    function atTune(seed: number) {
      const clock = new SimulatedClock();
      const actor = createActor(appleLampMachine, { input: { level, seed }, clock }).start();
      actor.send({ type: 'dialogue.skip' });
      actor.send({ type: 'rule.skip' });
      for (const t of level.tasks) {
        actor.send(load('mine', SOLUTIONS[t.id]));
        actor.send({ type: 'task.check' });
      }
      expect(actor.getSnapshot().value).toEqual({ tune: 'paused' });
      return { clock, actor, steps: () => actor.getSnapshot().context.model.tune!.steps };
    }
    const { calmMs, fastMs } = level.tuning.playback;

    it('steps once per calm tick while playing, and not at all while paused', () => {
      const { clock, actor, steps } = atTune(5);
      advance(clock, calmMs * 3);
      expect(steps()).toBe(0);
      actor.send({ type: 'tune.play' });
      expect(actor.getSnapshot().value).toEqual({ tune: 'playing' });
      expect(chapter.view(actor.getSnapshot())).toMatchObject({
        playback: { playing: true, fast: false, tickMs: calmMs },
      });
      advance(clock, calmMs - 1);
      expect(steps()).toBe(0);
      clock.increment(1);
      expect(steps()).toBe(1);
      advance(clock, calmMs * 2);
      expect(steps()).toBe(3);
      actor.send({ type: 'tune.pause' });
      advance(clock, calmMs * 5);
      expect(steps()).toBe(3);
      // Each tick was recorded as the step a press sends; play and pause are not recorded.
      const tuneEvents = actor.getSnapshot().context.events.filter((e) => e.type.startsWith('tune.'));
      expect(tuneEvents).toEqual([{ type: 'tune.step' }, { type: 'tune.step' }, { type: 'tune.step' }]);
    });

    it('×4 paces the ticks at the fast interval, and a change while playing starts a fresh tick', () => {
      const { clock, actor, steps } = atTune(6);
      actor.send({ type: 'tune.speed' });
      expect(chapter.view(actor.getSnapshot())).toMatchObject({
        playback: { playing: false, fast: true, tickMs: fastMs },
      });
      actor.send({ type: 'tune.play' });
      advance(clock, fastMs * 4);
      expect(steps()).toBe(4);
      advance(clock, fastMs / 2);
      actor.send({ type: 'tune.speed' });
      advance(clock, calmMs - 1);
      expect(steps()).toBe(4);
      clock.increment(1);
      expect(steps()).toBe(5);
    });

    it('plays to the end by itself, stops there and replays to the same learned setting', () => {
      const { clock, actor } = atTune(7);
      actor.send({ type: 'tune.speed' });
      actor.send({ type: 'tune.play' });
      advance(clock, fastMs * (level.tuning.maxSteps + 5));
      const s = actor.getSnapshot();
      expect(s.value).toEqual({ tune: 'paused' });
      expect(s.context.model.tune!.converged).toBe(true);
      const steps = s.context.model.tune!.steps;
      advance(clock, fastMs * 10);
      expect(actor.getSnapshot().context.model.tune!.steps).toBe(steps);
      // The recorded steps alone (no clock) give the same tuning.
      const again = createActor(appleLampMachine, { input: { level, seed: 7 } }).start();
      again.send({ type: 'dialogue.skip' });
      for (const e of s.context.events) again.send(e);
      expect(again.getSnapshot().context.model.tune).toEqual(s.context.model.tune);
      // Leaving the step leaves the clock behind.
      actor.send({ type: 'tune.done' });
      expect(stepAt(actor.getSnapshot())).toBe('challenge');
    });

    it('leaving a playing tuning stops its clock', () => {
      const { clock, actor, steps } = atTune(8);
      actor.send({ type: 'tune.play' });
      actor.send({ type: 'tune.finish' });
      expect(actor.getSnapshot().value).toEqual({ tune: 'paused' });
      const n = steps();
      actor.send({ type: 'tune.done' });
      advance(clock, calmMs * 10);
      expect(actor.getSnapshot().context.model.tune!.steps).toBe(n);
      expect(actor.getSnapshot().context.events.filter((e) => e.type === 'tune.step')).toEqual([]);
    });
  });
});
