import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { centralDifferenceGradient } from '../../../../src/engine';
import chapter5 from '../../../../src/levels/ch5';
import { forward, gearChain, gearChoices, rightChoice } from '../../../../src/levels/ch5/foggyGears';
import { foggyMachine, type FoggyEvent } from '../../../../src/levels/ch5/foggyMachine';
import { foggyView } from '../../../../src/levels/ch5/foggyView';
import { stepOf } from '../../../../src/levels/contract';
import { replayChapter } from '../../../../src/levels/shared/replay';
import { level, playAll, start } from './ch5-player';

describe('chapter 5 gears', () => {
  const chain = gearChain(level, level.gears.w);

  it('each gear ratio is the product of autograd local derivatives and matches a finite difference', () => {
    const { x, b, y } = level.gears;
    const w = level.gears.w;
    const z = w * x + b;
    const a = 1 / (1 + Math.exp(-z));
    // By hand: dz/dw = x; da/dz = a (1 - a); dL/da = 2 (a - y).
    expect(chain.ratios[0]).toBeCloseTo(x, 12);
    expect(chain.ratios[1]).toBeCloseTo(a * (1 - a), 12);
    expect(chain.ratios[2]).toBeCloseTo(2 * (a - y), 12);
    const fdA = centralDifferenceGradient(([zz]) => 1 / (1 + Math.exp(-zz)), [z])[0];
    expect(chain.ratios[1]).toBeCloseTo(fdA, 8);
    const fdL = centralDifferenceGradient(([aa]) => (aa - y) ** 2, [a])[0];
    expect(chain.ratios[2]).toBeCloseTo(fdL, 8);
  });

  it('the product of the ratios is dL/dw: autograd, the chain rule and the finite difference agree', () => {
    expect(chain.product).toBeCloseTo(chain.finiteDifference, 8);
    expect(chain.gears[0].grad).toBeCloseTo(chain.product, 12);
    expect(chain.gears[3].grad).toBe(1);
    const fd = centralDifferenceGradient(([w]) => forward(level, w), [level.gears.w])[0];
    expect(chain.product).toBeCloseTo(fd, 8);
  });

  it('offers distinct choices, one of them right, in an order set by the seed', () => {
    const c = gearChoices(level, 7);
    expect(new Set(c).size).toBe(c.length);
    expect(c).toContain(rightChoice(level));
    expect([...gearChoices(level, 8)].sort()).toEqual([...c].sort());
  });
});

describe('chapter 5 machine', () => {
  it('walks every step to done and passes with 3 stars for a good walk', () => {
    const events = playAll(7);
    const { result } = replayChapter(chapter5, level, 7, events);
    expect(result).toMatchObject({ passed: true, stars: 3, steps: 3, overshoots: 0, score: 3 });
    // Dialogue is never recorded.
    expect(events.some((e) => e.type.startsWith('dialogue'))).toBe(false);
  });

  it('overshoots count in the challenge score', () => {
    const events = playAll(7, [0.15, 0.15, 0.1, 0.1]);
    const { result } = replayChapter(chapter5, level, 7, events);
    expect(result.overshoots).toBeGreaterThanOrEqual(2);
    expect(result.score).toBe((result.steps as number) + (result.overshoots as number));
    expect(result.stars).toBeLessThan(3);
  });

  it('replays bit for bit, and rejects a tampered attempt', () => {
    const events = playAll(11, [0.12, 0.12]);
    const a = replayChapter(chapter5, level, 11, events).result;
    const b = replayChapter(chapter5, level, 11, JSON.parse(JSON.stringify(events))).result;
    expect(b).toEqual(a);
    // Swap the challenge's step sizes for better ones: the recorded result no longer matches.
    const tampered = events.map((e, i) =>
      e.type === 'fog.step' && i > events.findIndex((x) => x.type === 'gears.done') ? { ...e, size: 0.1 } : e,
    );
    let other: unknown;
    try {
      other = replayChapter(chapter5, level, 11, tampered).result;
    } catch {
      other = 'did not finish';
    }
    expect(other).not.toEqual(a);
    // A step size not on offer is ignored; the replay then does not finish as recorded.
    const forged = events.map((e) => (e.type === 'fog.step' ? { ...e, size: 10 } : e));
    expect(() => replayChapter(chapter5, level, 11, forged)).toThrow(/did not finish/);
  });

  it('refuses inputs out of turn: no hand.done before the offer, no backprop before a right prediction', () => {
    const actor = start();
    actor.send({ type: 'hand.done' });
    expect(actor.getSnapshot().value).toBe('hand');
    actor.send({ type: 'knob.set', index: 9, value: 1 } as FoggyEvent);
    actor.send({ type: 'knob.set', index: 0, value: Number.NaN });
    expect(actor.getSnapshot().context.events).toHaveLength(0);
  });

  it('a run out of steps fails and may be retried', () => {
    const actor = createActor(foggyMachine, { input: { level, seed: 3 } }).start();
    const events = playAll(3);
    const upToChallenge = events.slice(0, events.findIndex((e) => e.type === 'gears.done') + 1);
    actor.send({ type: 'dialogue.skip' });
    for (const e of upToChallenge) actor.send(e);
    for (let i = 0; i < level.challenge.maxSteps; i++) actor.send({ type: 'fog.step', size: 0.02 });
    expect(actor.getSnapshot().value).toBe('challengeResult');
    const view = foggyView('challengeResult', actor.getSnapshot().context);
    expect(view.line.key).toBe('ch5.challenge.failed');
    actor.send({ type: 'challenge.accept' });
    expect(actor.getSnapshot().value).toBe('challengeResult');
    actor.send({ type: 'challenge.retry' });
    expect(actor.getSnapshot().value).toBe('challenge');
    expect(actor.getSnapshot().context.model.challenge.steps).toBe(0);
  });

  it('the view never shows a non-finite number, even after refused steps and divergence', () => {
    const actor = start();
    const numbers = (v: unknown): number[] =>
      typeof v === 'number' ? [v] : v && typeof v === 'object' ? Object.values(v).flatMap(numbers) : [];
    const check = () => {
      const snap = actor.getSnapshot();
      const v = chapter5.view(snap);
      expect(numbers(v).every(Number.isFinite)).toBe(true);
    };
    for (const e of playAll(5).slice(0, 30)) {
      actor.send(e);
      check();
    }
  });

  it('shortest paths reach every step', () => {
    const events: FoggyEvent[] = [
      { type: 'dialogue.skip' },
      { type: 'knob.nudge', index: 1, by: 0.1 },
      { type: 'hand.done' },
      { type: 'fog.feel' },
      { type: 'fog.step', size: 0.1 },
      { type: 'fog.next' },
      { type: 'valley.run', start: 0 },
      { type: 'valley.run', start: 1 },
      { type: 'valley.done' },
      { type: 'auto.step', count: 50 },
      { type: 'auto.done' },
      { type: 'overfit.degree', degree: level.overfit.degrees[1] },
      { type: 'overfit.done' },
      { type: 'gears.turn', by: level.gears.turn },
      { type: 'gears.predict', value: rightChoice(level) },
      { type: 'gears.back' },
      { type: 'challenge.retry' },
      { type: 'gears.done' },
      { type: 'challenge.accept' },
      { type: 'history.done' },
    ];
    const paths = getShortestPaths(foggyMachine, {
      input: { level, seed: 1 },
      events,
      serializeState: (s) =>
        JSON.stringify([
          s.value,
          Math.min(s.context.model.handMoves, level.hand.offerAfterMoves),
          Math.min(s.context.model.fog1.steps, 6),
          Math.min(s.context.model.fog2.steps, 6),
          s.context.model.fog1.feel !== null,
          s.context.model.valleys.runs.map((r) => r !== null).join(),
          s.context.model.overfit.degree,
          Math.min(s.context.model.auto.steps, level.auto.minSteps),
          s.context.model.gears.predicted,
          s.context.model.gears.turned !== 0,
          s.context.model.gears.filled,
          Math.min(s.context.model.challenge.steps, 6),
          Math.min(s.context.model.runs.length, 2),
        ]),
      limit: 20000,
    });
    const reached = new Set(paths.map((p) => stepOf(p.state.value).top));
    for (const step of [
      'intro',
      'hand',
      'fog1',
      'fog2',
      'valleys',
      'auto',
      'overfit',
      'gears',
      'challenge',
      'challengeResult',
      'history',
      'done',
    ])
      expect(reached).toContain(step);
  });
});
