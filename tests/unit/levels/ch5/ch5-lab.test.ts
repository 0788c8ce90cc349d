// Chapter 5's hands-on moments (feeling the slope, two valleys, overfitting) on the machine, their
// replay, and what the screen shows one loss at a time (the gears, the challenge's result, history).
import { describe, expect, it } from 'vitest';
import zh from '../../../../src/i18n/locales/ch5.zh-CN.json';
import chapter5 from '../../../../src/levels/ch5';
import { degreeFit } from '../../../../src/levels/ch5/foggyLab';
import { autoChart } from '../../../../src/levels/ch5/foggyPictures';
import { foggyView } from '../../../../src/levels/ch5/foggyView';
import { gradient } from '../../../../src/levels/ch5/foggyModel';
import { replayChapter } from '../../../../src/levels/shared/replay';
import { stepOf } from '../../../../src/levels/contract';
import { level, playAll, start } from './ch5-player';

const viewOf = (actor: ReturnType<typeof start>) => {
  const snap = actor.getSnapshot();
  return foggyView(stepOf(snap.value).top, snap.context);
};

function toFog1() {
  const actor = start();
  for (let i = 0; i < level.hand.offerAfterMoves; i++) actor.send({ type: 'knob.nudge', index: i % 6, by: 0.1 });
  actor.send({ type: 'hand.done' });
  return actor;
}

describe('feel the slope (part B)', () => {
  it('hides the slope and refuses a step until it is felt; the felt slope is Δloss/Δknob', () => {
    const actor = toFog1();
    let v = viewOf(actor);
    expect(v.walk?.slopeHidden).toBe(true);
    expect(v.live?.key).toBe('ch5.live.fog');
    actor.send({ type: 'fog.step', size: 0.02 });
    expect(actor.getSnapshot().context.model.fog1.steps).toBe(0);
    actor.send({ type: 'fog.feel' });
    v = viewOf(actor);
    const f = v.walk!.feel!;
    expect(f.plus).not.toBe(f.minus);
    expect(f.slope).toBeCloseTo((f.plus - f.minus) / (2 * level.feel.nudge), 12);
    expect(f.slope).toBeCloseTo(gradient(level, actor.getSnapshot().context.model.fog1.knobs)[1], 6);
    expect(v.line.key).toBe('ch5.feel.felt');
    actor.send({ type: 'fog.step', size: 0.02 });
    v = viewOf(actor);
    const [sum] = v.walk!.sums!;
    expect(sum.to).toBeCloseTo(sum.from - sum.size * sum.slope, 12);
    expect(sum.from).toBe(level.fog1.start);
    // Each of the first steps is felt anew; after them the slope arrow is shown.
    expect(v.walk!.feel).toBeNull();
    for (let i = 1; i < level.feel.steps; i++) {
      actor.send({ type: 'fog.step', size: 0.02 });
      expect(actor.getSnapshot().context.model.fog1.steps).toBe(i);
      actor.send({ type: 'fog.feel' });
      actor.send({ type: 'fog.step', size: 0.02 });
    }
    v = viewOf(actor);
    expect(v.walk!.slopeHidden).toBe(false);
    expect(v.live?.key).toBe('ch5.live.walk');
    const before = actor.getSnapshot().context.events.length;
    actor.send({ type: 'fog.feel' });
    expect(actor.getSnapshot().context.events.length).toBe(before);
  });
});

describe('two valleys and overfitting', () => {
  it('the same descent ends in different valleys, one deeper, and Onward waits for both', () => {
    const events = playAll(3);
    const { final } = replayChapter(chapter5, level, 3, events);
    const runs = final.context.model.valleys.runs;
    expect(runs[0]!.well).not.toBe(runs[1]!.well);
    expect(Math.min(runs[0]!.loss, runs[1]!.loss)).toBeLessThan(Math.max(runs[0]!.loss, runs[1]!.loss));
    const cut = events.findIndex((e) => e.type === 'valley.run');
    expect(() => replayChapter(chapter5, level, 3, [...events.slice(0, cut + 1), ...events.slice(cut + 2)])).toThrow();
  });

  it('raising the degree lowers training loss and raises held-out loss; degree 11 threads every dot', () => {
    const [lo, hi] = level.overfit.degrees;
    const start3 = degreeFit(level, level.overfit.start);
    const top = degreeFit(level, hi);
    expect(top.train).toBeLessThan(1e-12);
    expect(top.heldOut).toBeGreaterThan(10 * start3.heldOut);
    expect(top.train).toBeLessThan(start3.train);
    const best = Array.from({ length: hi - lo + 1 }, (_, i) => degreeFit(level, lo + i)).sort(
      (a, b) => a.heldOut - b.heldOut,
    )[0];
    expect(best.degree).toBeLessThan(hi);
  });

  it('replays the new moments exactly, and old attempts are refused by version', () => {
    const events = playAll(5);
    for (const t of ['fog.feel', 'valley.run', 'valley.done', 'overfit.degree', 'overfit.done'])
      expect(events.some((e) => e.type === t)).toBe(true);
    const a = replayChapter(chapter5, level, 5, events);
    const b = replayChapter(chapter5, level, 5, JSON.parse(JSON.stringify(events)));
    expect(b.result).toEqual(a.result);
    expect(b.final.context.model).toEqual(a.final.context.model);
    expect(chapter5.levelVersion(level)).toBe(2);
  });
});

describe('one loss at a time, and what stays on screen', () => {
  function walkTo(step: string) {
    const actor = start(4);
    const events = playAll(4);
    for (const e of events) {
      if (stepOf(actor.getSnapshot().value).top === step) break;
      actor.send(e);
    }
    return actor;
  }

  it('the gears, valleys and overfitting parts show no curve-loss meter; the challenge result shows its own loss and path', () => {
    for (const step of ['gears', 'valleys', 'overfit']) expect(viewOf(walkTo(step)).bar).toBeNull();
    const actor = walkTo('challengeResult');
    const v = viewOf(actor);
    const model = actor.getSnapshot().context.model;
    expect(v.mapWalk?.trail.length).toBe(model.challenge.steps + 1);
    expect(v.loss).toBeCloseTo(v.mapWalk!.loss, 12);
    expect(v.bar).not.toBeNull();
  });

  it('the live region is cleared on the history card', () => {
    expect(viewOf(walkTo('history')).live).toBeNull();
  });

  it('the loss gear has its own line (its slope is 1), in Chinese with no English word', () => {
    const actor = walkTo('gears');
    const events = playAll(4);
    const gi = events.findIndex((e) => e.type === 'gears.back');
    let i = events.findIndex((e) => e.type === 'gears.turn');
    while (i <= gi) actor.send(events[i++]);
    const v = viewOf(actor);
    expect(v.gears?.filled).toBe(1);
    expect(v.line.key).toBe('ch5.gears.backLoss');
    expect((zh as Record<string, string>)['ch5.gears.backLoss']).not.toMatch(/[A-Za-z]{3,}/);
    expect((zh as Record<string, string>)['ch5.gears.backLoss']).toMatch(/1/);
  });

  it("part D's path box holds both paths and the valley floor", () => {
    const actor = walkTo('auto');
    for (let i = 0; i < 8; i++) actor.send({ type: 'auto.step', count: 50 });
    const a = actor.getSnapshot().context.model.auto;
    const c = autoChart(level, a.plain, a.heavy, a.steps);
    for (const [x, y] of [...c.paths.plain, ...c.paths.heavy, c.paths.best]) {
      expect(x).toBeGreaterThanOrEqual(0);
      expect(x).toBeLessThanOrEqual(1);
      expect(y).toBeGreaterThanOrEqual(0);
      expect(y).toBeLessThanOrEqual(1);
    }
  });
});
