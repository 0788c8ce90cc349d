// Chapter 6's machine: every step reachable (xstate/graph), a full run, replays and refusals.
import { beforeAll, describe, expect, it } from 'vitest';
import { getShortestPaths } from 'xstate/graph';
import type { Attempt } from '../../../../src/app/saveSchema';
import { verifyAttempt } from '../../../../src/attempts/verifyAttempt';
import { trainBossNet, weightsOf } from '../../../../src/levels/ch6/bossTraining';
import { loadDigitDemonLevel } from '../../../../src/levels/ch6/digitDemonLevel';
import {
  digitDemonMachine,
  type DigitDemonChapterLevel,
  type DigitDemonEvent,
} from '../../../../src/levels/ch6/digitDemonMachine';
import { digitDemonView } from '../../../../src/levels/ch6/digitDemonView';
import { stepOf } from '../../../../src/levels/contract';
import { chapterLevel, play, runEvents, sampleDrawing, SMALL } from './ch6-player';

const file = loadDigitDemonLevel();
let level: DigitDemonChapterLevel;

beforeAll(async () => {
  level = await chapterLevel(file);
});

function attemptOf(seed: number, events: readonly DigitDemonEvent[]): Attempt {
  const snap = play(level, seed, events).getSnapshot();
  expect(snap.status).toBe('done');
  return {
    chapter: 6,
    levelVersion: file.version,
    seed,
    events: JSON.parse(JSON.stringify(snap.context.events)),
    result: JSON.parse(JSON.stringify(snap.output)),
    time: '2026-12-02T12:00:00.000Z',
  };
}

describe('chapter 6 machine', () => {
  it('plays from the intro to the ending and scores the net on the held-out digits', () => {
    const actor = play(level, 11, runEvents(file));
    const snap = actor.getSnapshot();
    expect(snap.status).toBe('done');
    const r = snap.output!;
    expect(r.hidden).toBe(16);
    expect(r.accuracy).toBeGreaterThan(0.8);
    // The throws end early only when the player is knocked down; every drawing is made.
    expect(r.hits + r.misses).toBeLessThanOrEqual(file.fight.throws + file.fight.drawings);
    expect(snap.context.model.drawings).toHaveLength(file.fight.drawings);
    expect(r.won).toBe(r.demonHealth <= 0);
    expect(r.passed).toBe(r.stars > 0);
    // Only model-changing inputs are recorded: no dialogue.
    expect(snap.context.events.some((e) => e.type.startsWith('dialogue'))).toBe(false);
    expect(snap.context.events.length).toBeLessThanOrEqual(runEvents(file).length);
  });

  it('keeps the choices inside the budget and ignores what is not offered', () => {
    const actor = play(level, 1, []);
    actor.send({ type: 'build.hidden', units: 128 });
    let m = actor.getSnapshot().context.model;
    expect(m.choices.hidden * m.choices.epochs).toBeLessThanOrEqual(file.build.budget);
    actor.send({ type: 'build.epochs', epochs: 20 });
    expect(actor.getSnapshot().context.model.choices.epochs).toBe(m.choices.epochs);
    actor.send({ type: 'build.hidden', units: 100 });
    actor.send({ type: 'build.rate', rate: 0.3 });
    m = actor.getSnapshot().context.model;
    expect(m.choices).toMatchObject({ hidden: 128, rate: file.build.start.rate });
    const view = digitDemonView('build', actor.getSnapshot().context);
    expect(view.build.budget.used).toBeLessThanOrEqual(view.build.budget.total);
    expect(actor.getSnapshot().context.events).toHaveLength(1);
  });

  it('refuses a drawing that is not 784 grey levels or has too little ink, and previews without recording', () => {
    const actor = play(level, 3, runEvents(file).slice(0, 6 + file.fight.throws + 1));
    expect(stepOf(actor.getSnapshot().value).top).toBe('phase2');
    const before = actor.getSnapshot().context.events.length;
    actor.send({ type: 'draw.submit', digit: 1, pixels: new Array(783).fill(0) });
    actor.send({ type: 'draw.submit', digit: 1, pixels: new Array(784).fill(0) });
    actor.send({ type: 'draw.submit', digit: 11, pixels: sampleDrawing(file, 1) });
    actor.send({ type: 'draw.submit', digit: 1, pixels: sampleDrawing(file, 1).map((v) => v + 0.5) });
    actor.send({ type: 'draw.preview', pixels: sampleDrawing(file, 7) });
    const snap = actor.getSnapshot();
    expect(snap.context.events.length).toBe(before);
    expect(snap.context.preview?.probabilities).toHaveLength(10);
    expect(snap.context.preview!.probabilities.reduce((a, b) => a + b, 0)).toBeCloseTo(1, 5);
    // The pad sends its strokes: the machine preprocesses them into what the net sees.
    const seven = file.samples.find((x) => x.digit === 7)!;
    actor.send({ type: 'draw.preview', strokes: seven.strokes });
    expect(actor.getSnapshot().context.preview?.pixels).toEqual(sampleDrawing(file, 7));
    // Strokes beyond the bound, or empty, preview nothing.
    const huge = [Array.from({ length: 20001 }, () => [0.5, 0.5] as const)];
    actor.send({ type: 'draw.preview', strokes: huge });
    expect(actor.getSnapshot().context.preview).toBeNull();
    actor.send({ type: 'draw.preview', strokes: seven.strokes });
    actor.send({ type: 'draw.preview', strokes: [] });
    expect(actor.getSnapshot().context.preview).toBeNull();
    expect(actor.getSnapshot().context.events.length).toBe(before);
  });

  it('reaches every step by the shortest paths (xstate/graph)', () => {
    // A small net for the graph: the level starts at 16 units, one epoch, and its weights are
    // trained once up front and come back as the trainBoss actor brings them.
    const small: DigitDemonChapterLevel = { ...level, file: { ...file, build: { ...file.build, start: SMALL } } };
    const weights = weightsOf(trainBossNet(small.file, level.digits, 1, SMALL));
    const drawing = sampleDrawing(file, 1);
    const events = (s: { value: unknown }): DigitDemonEvent[] => {
      switch (stepOf(s.value).top) {
        case 'intro':
          return [{ type: 'dialogue.skip' }];
        case 'build':
          return [{ type: 'train.start' }];
        case 'training':
          return [{ type: 'train.finished', weights, ms: 0 }, { type: 'train.cancel' }];
        case 'trained':
          return [{ type: 'fight.start' }, { type: 'train.again' }];
        case 'phase1':
          return [{ type: 'fight.throw', call: 'read' }, { type: 'phase.next' }];
        case 'phase2':
          return [{ type: 'draw.submit', digit: 1, pixels: drawing }, { type: 'phase.next' }];
        case 'trick':
          return [{ type: 'trick.pick', source: 'drawing', index: 0 }, { type: 'phase.next' }];
        case 'epilogue':
          return [{ type: 'epilogue.next' }];
        case 'ending':
          return [{ type: 'ending.done' }];
        default:
          return [];
      }
    };
    const paths = getShortestPaths(digitDemonMachine, {
      input: { level: small, seed: 1 },
      events,
      serializeState: (s) =>
        JSON.stringify([
          s.value,
          s.context.model.net ? 1 : 0,
          s.context.model.throws.length,
          s.context.model.drawings.length,
          s.context.model.trickPick,
          s.context.epiloguePage,
        ]),
      limit: 2000,
    });
    const reached = new Set(paths.map((p) => stepOf(p.state.value).top));
    for (const step of [
      'intro',
      'build',
      'training',
      'trained',
      'phase1',
      'phase2',
      'trick',
      'epilogue',
      'ending',
      'done',
    ])
      expect(reached).toContain(step);
    const toDone = paths.filter((p) => p.state.status === 'done').sort((a, b) => a.steps.length - b.steps.length)[0];
    const types = toDone.steps.map((st) => st.event.type as string).filter((t) => t !== 'xstate.init');
    expect(types.slice(0, 5)).toEqual(['dialogue.skip', 'train.start', 'train.finished', 'fight.start', 'fight.throw']);
    expect(types.filter((t) => t === 'draw.submit')).toHaveLength(file.fight.drawings);
    expect(types.slice(-5)).toEqual(['phase.next', 'epilogue.next', 'epilogue.next', 'epilogue.next', 'ending.done']);
  });
});

describe('chapter 6 replays', () => {
  let honest: Attempt;
  beforeAll(() => {
    // A seed whose fight lasts to the last drawing, so every recorded drawing counts.
    for (let seed = 5; ; seed++) {
      honest = attemptOf(seed, runEvents(file));
      const r = honest.result as unknown as { hits: number; misses: number };
      if (r.hits + r.misses === file.fight.throws + file.fight.drawings || seed > 40) break;
    }
  });

  it('verifies an honest attempt by retraining the net', async () => {
    const started = performance.now();
    const v = await verifyAttempt(honest);
    console.log(`verify (16 hidden, 1 epoch): ${Math.round(performance.now() - started)} ms`);
    expect(v).toMatchObject({ ok: true });
    expect(v.replay?.stats.accuracy).toBeCloseTo((honest.result.accuracy as number) * 100, 5);
  });

  it('rejects tampered attempts', async () => {
    const claimed = { ...honest, result: { ...honest.result, accuracy: 0.99, stars: 3 } };
    expect((await verifyAttempt(claimed)).ok).toBe(false);
    // Another network size than the one claimed trains another net.
    const events = honest.events.map((e) => (e.type === 'build.hidden' ? { ...e, units: 32 } : e));
    expect((await verifyAttempt({ ...honest, events })).ok).toBe(false);
    // A drawing edited into something that is not a 28 x 28 grey image is refused: the run stalls
    // (this attempt's drawings all counted, so refusing one changes the outcome).
    expect(honest.result.hits as number).toBeGreaterThan(0);
    expect((honest.result.hits as number) + (honest.result.misses as number)).toBe(
      file.fight.throws + file.fight.drawings,
    );
    const bad = honest.events.map((e) =>
      e.type === 'draw.submit' ? { ...e, pixels: (e as unknown as { pixels: number[] }).pixels.slice(1) } : e,
    );
    expect((await verifyAttempt({ ...honest, events: bad })).message).toMatch(/did not finish|differs/);
    expect((await verifyAttempt({ ...honest, seed: honest.seed + 1 })).ok).toBe(false);
  });
});
