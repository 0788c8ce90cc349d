// Chapter 4's counts say what they count (tries are settings tried, rounds are rounds), Bit's knobs
// show while Bit runs, a failure is not marked as news, the explainer's way (the blueprint) is
// offered after a fair try and replays exactly, and the lab names overfitting when it happens.
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import { verifyAttempt } from '../../../../src/attempts/verifyAttempt';
import type { Attempt } from '../../../../src/app/saveSchema';
import chapter from '../../../../src/levels/ch4';
import { overfitStart, OVERFIT_WINDOW } from '../../../../src/levels/ch4/minskyLab';
import { loadMinskyLevel } from '../../../../src/levels/ch4/minskyLevel';
import { minskyMachine, type MinskyEvent } from '../../../../src/levels/ch4/minskyMachine';
import { minskyView, type MinskyView } from '../../../../src/levels/ch4/minskyView';
import { minskyCompare } from '../../../../src/levels/ch4/minskyCompare';
import { litPieces } from '../../../../src/levels/ch4/minskyRegion';
import { runThresholdNetwork } from '../../../../src/engine';
import { replayChapter } from '../../../../src/levels/shared/replay';
import { playLab } from './ch4Player';

const level = loadMinskyLevel();

function start(seed = 7) {
  const actor = createActor(minskyMachine, { input: { level, seed } }).start();
  actor.send({ type: 'dialogue.skip' });
  return actor;
}
type Actor = ReturnType<typeof start>;
const viewOf = (actor: Actor) => chapter.view(actor.getSnapshot()) as MinskyView;

/** A drag: every fine step on the way from the knob's value to `to`, as a slider reports it. */
function drag(actor: Actor, id: string, to: number) {
  const ctx = actor.getSnapshot().context;
  const range = id.endsWith('threshold') ? level.knobs.threshold : level.knobs.weight;
  const [neuron, param] = id.split('.');
  const from =
    neuron === 'line'
      ? param === 'threshold'
        ? ctx.parts.line.threshold
        : ctx.parts.line.weights[param === 'w1' ? 0 : 1]
      : 0;
  const n = Math.round(Math.abs(to - from) / range.fineStep);
  for (let i = 1; i <= n; i++) actor.send({ type: 'knob.set', id, value: from + ((to - from) * i) / n });
}

/** Part A done with five drags, then Bit run to the end and the book read. */
function toBuild(actor: Actor) {
  drag(actor, 'line.w1', 2);
  drag(actor, 'line.w2', -1);
  drag(actor, 'line.threshold', -0.5);
  drag(actor, 'line.w1', -1);
  drag(actor, 'line.w2', 1);
  drag(actor, 'line.threshold', 0.5);
  for (const type of ['bit.start', 'bit.finish', 'bit.done', 'book.read'] as const) actor.send({ type });
}

describe('chapter 4: counts that say what they count', () => {
  it('Tries counts settings tried, not every tick of a drag', () => {
    const actor = start();
    drag(actor, 'line.w1', 2);
    drag(actor, 'line.w2', -1);
    drag(actor, 'line.threshold', -0.5);
    drag(actor, 'line.w1', -1);
    drag(actor, 'line.w2', 1);
    const v = viewOf(actor);
    // Five drags of 15 to 30 ticks each: five settings.
    expect(actor.getSnapshot().context.events.length).toBeGreaterThan(50);
    expect(v.partA.tries).toBe(5);
    expect(v.partA.bitMayTry).toBe(false);
    // Turning back on the same knob is a new setting; going on the same way is not.
    actor.send({ type: 'knob.nudge', id: 'line.w2', by: -0.5 });
    expect(viewOf(actor).partA.tries).toBe(6);
    actor.send({ type: 'knob.nudge', id: 'line.w2', by: -0.5 });
    expect(viewOf(actor).partA.tries).toBe(6);
    expect(viewOf(actor).partA.bitMayTry).toBe(true);
  });

  it('when Bit gives up, the board and the words name the same rounds', () => {
    const actor = start();
    toBuild(actor);
    const snap = actor.getSnapshot();
    const bit = snap.context.parts.bit!;
    const view = minskyView('bit', snap.context);
    const b = view.bit!;
    expect(b.finished).toBe(true);
    expect(b.rounds).toBe(bit.steps / level.xor.length);
    // The board shows the last round played, not one that never started.
    expect(b.pass).toBe(b.rounds);
    const p = view.line.params;
    expect(view.line.key).toBe('ch4.bit.cycling');
    expect(p.rounds).toBe(b.rounds);
    // The loop runs from round `from` to the last round played: `length` rounds.
    expect(Number(p.from) + Number(p.length) - 1).toBe(b.rounds);
  });

  it("Bit's three knobs show (not turnable) while Bit runs, with Bit's values", () => {
    const actor = start();
    for (let i = 0; i < level.honestTries; i++)
      actor.send({ type: 'knob.nudge', id: 'line.w1', by: i % 2 ? 0.5 : -0.5 });
    actor.send({ type: 'bit.start' });
    for (let i = 0; i < 3; i++) actor.send({ type: 'bit.step' });
    const v = viewOf(actor);
    const p = actor.getSnapshot().context.parts.bit!.perceptron;
    expect(v.bit!.neuron.knobs.map((k) => [k.id, k.value, k.disabled])).toEqual([
      ['bit.w1', p.weights[0], true],
      ['bit.w2', p.weights[1], true],
      ['bit.threshold', p.threshold, true],
    ]);
  });
});

describe("chapter 4: the explainer's way (the blueprint)", () => {
  const fairTry = (actor: Actor) => {
    // Four settings of the player's own and a Check that is not yet right.
    actor.send({ type: 'knob.set', id: 'h1.w1', value: 1 });
    actor.send({ type: 'knob.set', id: 'h1.w2', value: -1 });
    actor.send({ type: 'hidden.add' });
    actor.send({ type: 'knob.set', id: 'h2.w1', value: 1 });
    actor.send({ type: 'knob.set', id: 'h2.w2', value: 1 });
    actor.send({ type: 'build.check' });
  };

  it('is closed before a fair try, then sets (1, −1) and (−1, 1) at ½ with an OR output', () => {
    const actor = start();
    toBuild(actor);
    expect(viewOf(actor).build!.blueprintOpen).toBe(false);
    const before = actor.getSnapshot().context.events.length;
    actor.send({ type: 'blueprint.show' });
    expect(actor.getSnapshot().context.events.length).toBe(before);
    expect(actor.getSnapshot().context.parts.blueprint).toBe(false);
    fairTry(actor);
    expect(viewOf(actor).line.key).toBe('ch4.notice.notYet');
    expect(viewOf(actor).build!.blueprintOpen).toBe(true);
    actor.send({ type: 'blueprint.show' });
    const v = viewOf(actor);
    expect(v.build!.hidden.map((h) => h.perceptron)).toEqual([
      { weights: [1, -1], threshold: 0.5 },
      { weights: [-1, 1], threshold: 0.5 },
    ]);
    expect(v.build!.output.perceptron).toEqual({ weights: [1, 1], threshold: 0.5 });
    expect(v.build!.right).toBe(4);
    expect(v.build!.blueprint).toBe(true);
    expect(v.line).toMatchObject({ key: 'ch4.notice.blueprint', notice: true });
    actor.send({ type: 'build.check' });
    expect(viewOf(actor).step).toBe('insight');
    // The result names the multilayer perceptron (its text is checked in both languages below).
    expect(viewOf(actor).line.key).toBe('ch4.insight.line');
  });

  it('is recorded as an input event and replays exactly, into the compare data', async () => {
    const actor = start(21);
    toBuild(actor);
    fairTry(actor);
    actor.send({ type: 'blueprint.show' });
    actor.send({ type: 'build.check' });
    actor.send({ type: 'insight.done' });
    playLab(actor, level, { dataset: 'circle', layers: [4], activation: 'tanh', rate: 1, epochs: 300 });
    for (const type of ['challenge.run', 'challenge.accept', 'history.done'] as const) actor.send({ type });
    const live = actor.getSnapshot();
    const events = JSON.parse(JSON.stringify(live.context.events)) as MinskyEvent[];
    expect(events.filter((e) => e.type === 'blueprint.show')).toHaveLength(1);
    const replay = replayChapter(chapter, level, 21, events);
    expect(replay.final.context.parts).toEqual(live.context.parts);
    expect(replay.final.context.lab.net).toEqual(live.context.lab.net);
    expect(replay.result).toEqual(live.output);
    const facts = minskyCompare(replay.final.context).facts.map((f) => f.key);
    expect(facts).toContain('ch4.compare.xor.blueprint');
    const attempt: Attempt = {
      chapter: 4,
      levelVersion: level.version,
      seed: 21,
      events: JSON.parse(JSON.stringify(events)),
      result: JSON.parse(JSON.stringify(live.output)),
      time: '2026-12-07T12:00:00.000Z',
    };
    expect((await verifyAttempt(attempt)).ok).toBe(true);
    // An attempt from the level before the blueprint is refused in plain words.
    const old = await verifyAttempt({ ...attempt, levelVersion: 1 });
    expect(old.ok).toBe(false);
    expect(old.ok ? '' : old.message).toMatch(/version 1 .*this game has version 2/);
  });
});

describe('chapter 4: the lab names overfitting', () => {
  const n = 200;
  const falling = Array.from({ length: n }, (_, i) => 0.7 - i * 0.003);

  it('marks the epoch where the test loss turned up while the training loss kept falling', () => {
    const test = falling.map((v, i) => (i <= 100 ? v : falling[100] + (i - 100) * 0.002));
    expect(overfitStart(falling, test)).toBe(100);
    // Both falling: no mark. Both rising after the low (the rate is too big): no mark either.
    expect(overfitStart(falling, falling)).toBeNull();
    const train = falling.map((v, i) => (i <= 100 ? v : falling[100] + (i - 100) * 0.002));
    expect(overfitStart(train, test)).toBeNull();
    // A rise shorter than the window is not called yet.
    const brief = falling.map((v, i) => (i < n - OVERFIT_WINDOW + 5 ? v : v + 0.2));
    expect(overfitStart(falling, brief)).toBeNull();
  });

  it('shows the mark on the curve and says the word', () => {
    const actor = start(3);
    const ctx = actor.getSnapshot().context;
    const test = falling.map((v, i) => (i <= 120 ? v : falling[120] + (i - 120) * 0.002));
    const lab = { ...ctx.lab, epochs: n - 1, trainLoss: falling, testLoss: test };
    const view = minskyView('lab', { ...ctx, lab });
    expect(view.lab!.overfit).toEqual({ epoch: 120, at: 120 / (n - 1) });
    expect(view.line).toMatchObject({ key: 'ch4.lab.overfit', params: { epoch: 120 }, notice: true });
    const calm = minskyView('lab', { ...ctx, lab: { ...lab, testLoss: falling } });
    expect(calm.lab!.overfit).toBeNull();
    expect(calm.line.key).toBe('ch4.lab.training');
  });
});

describe('chapter 4: a failure is not marked as news', () => {
  it('the failed challenge and a Check not yet right carry no ★ notice, and still sound', () => {
    const actor = start(5);
    toBuild(actor);
    actor.send({ type: 'knob.set', id: 'h1.w1', value: 1 });
    actor.send({ type: 'build.check' });
    const notYet = viewOf(actor);
    expect(notYet.line).toMatchObject({ key: 'ch4.notice.notYet', notice: false });
    expect(notYet.cue?.sound).toBe('failure');
    const ctx = actor.getSnapshot().context;
    const run = {
      dataset: 'circle' as const,
      correct: 30,
      size: 60,
      accuracy: 0.5,
      neurons: 3,
      layers: [3],
      activation: 'tanh' as const,
      epochs: 0,
      passed: false,
      stars: 0 as const,
    };
    const failed = minskyView('challengeResult', { ...ctx, runs: [run] });
    expect(failed.line).toMatchObject({ key: 'ch4.challenge.failed', notice: false });
    expect(failed.cue?.sound).toBe('failure');
  });
});

describe("chapter 4: the plane's lit region ends exactly on the lines", () => {
  const inside = (poly: [number, number][], x: number, y: number) => {
    let hit = false;
    for (let i = 0, j = poly.length - 1; i < poly.length; j = i++) {
      const [xi, yi] = poly[i];
      const [xj, yj] = poly[j];
      if (yi > y !== yj > y && x < ((xj - xi) * (y - yi)) / (yj - yi) + xi) hit = !hit;
    }
    return hit;
  };

  it("part B's blueprint network: the polygons hold exactly the points the network lights", () => {
    const net = { hidden: level.build.blueprint.hidden, output: level.build.blueprint.output };
    const polys = litPieces(level.plane, net);
    expect(polys.length).toBe(2);
    const { xMin, xMax, yMin, yMax } = level.plane;
    for (let i = 0; i < 60; i++)
      for (let j = 0; j < 60; j++) {
        const x = xMin + ((i + 0.37) / 60) * (xMax - xMin);
        const y = yMin + ((j + 0.61) / 60) * (yMax - yMin);
        const lit = runThresholdNetwork(net, [x, y]).output === 1;
        expect(polys.some((p) => inside(p, x, y))).toBe(lit);
      }
  });

  it('part A: one line, lit on one side; the view carries the polygons', () => {
    const actor = start();
    actor.send({ type: 'knob.set', id: 'line.w1', value: 1 });
    actor.send({ type: 'knob.set', id: 'line.w2', value: 0 });
    actor.send({ type: 'knob.set', id: 'line.threshold', value: 0.5 });
    const polys = viewOf(actor).litPolygons;
    expect(polys).toHaveLength(1);
    const xs = polys[0].map((q) => q[0]);
    expect([Math.min(...xs), Math.max(...xs)]).toEqual([0.5, 1.5]);
  });
});
