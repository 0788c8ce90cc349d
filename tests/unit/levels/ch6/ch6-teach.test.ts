// Chapter 6's "Bit learns your handwriting": the retrain on the player's labelled drawings (the
// model), the teach moment in the machine (labels, once, optional), the worker's retrain against
// the replay's (bit for bit), the compare data, and the replay's cost, honest and hostile.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Attempt } from '../../../../src/app/saveSchema';
import { verifyAttempt } from '../../../../src/attempts/verifyAttempt';
import { trainBossNet, weightsOf, type BossWeights } from '../../../../src/levels/ch6/bossTraining';
import { createBossWorkerHandler, type BossWorkerReply } from '../../../../src/levels/ch6/bossWorkerProtocol';
import { digitDemonCompare } from '../../../../src/levels/ch6/digitDemonCompare';
import { digitDemonEvents, TEACH_BUDGET } from '../../../../src/levels/ch6/digitDemonEvents';
import {
  loadDigitDemonLevel,
  parseDigitDemonLevel,
  teachCost,
  TRAIN_DIGITS,
} from '../../../../src/levels/ch6/digitDemonLevel';
import type { DigitDemonChapterLevel, DigitDemonEvent } from '../../../../src/levels/ch6/digitDemonMachine';
import {
  examplesOf,
  retrainBossNet,
  teachOutcome,
  teachRows,
  teachSet,
  weightsHash,
  type TeachExample,
  type TeachProgress,
} from '../../../../src/levels/ch6/teachBit';
import { stepOf } from '../../../../src/levels/contract';
import { checkAttemptShape } from '../../../../src/server/attemptGuard';
import { chapterLevel, play, runEvents, sampleDrawing, SMALL } from './ch6-player';

const file = loadDigitDemonLevel();
let level: DigitDemonChapterLevel;
let trained: BossWeights;
const SEED = 7;

beforeAll(async () => {
  level = await chapterLevel(file);
  trained = weightsOf(trainBossNet(file, level.digits, SEED, SMALL));
});

/** The run's events up to the end of the drawings (the net of SMALL, three drawings). */
function toDrawings(): DigitDemonEvent[] {
  const all = runEvents(file);
  return all.slice(0, all.findIndex((e) => e.type === 'trick.epsilon') - 1);
}

/** After the trained net: the drawings 1, 7, 0 taught as 7, 7, 0 (the 1 deliberately as a 7). */
const SWAPPED: TeachExample[] = [
  { pixels: sampleDrawing(file, 1), digit: 7 },
  { pixels: sampleDrawing(file, 7), digit: 7 },
  { pixels: sampleDrawing(file, 0), digit: 0 },
];

describe('teaching Bit the drawings (model)', () => {
  it('oversamples each drawing among a seeded share of the training digits', () => {
    const data = teachSet(file, level.digits, SEED, SWAPPED);
    expect(data.inputs.rows).toBe(file.teach.mix + file.teach.copies * 3);
    expect(data.inputs.rows).toBe(teachRows(file, TRAIN_DIGITS, 3));
    const tail = Array.from(data.targets.subarray(file.teach.mix));
    expect(tail.filter((d) => d === 7)).toHaveLength(2 * file.teach.copies);
    expect(tail.filter((d) => d === 0)).toHaveLength(file.teach.copies);
    expect(() => teachSet(file, level.digits, SEED, [])).toThrow(/drawings/);
    expect(() => teachSet(file, level.digits, SEED, [{ pixels: [1, 2], digit: 3 }])).toThrow(/28 x 28/);
  });

  it('starts from the trained net and learns the labels it is given', () => {
    const net = trainBossNet(file, level.digits, SEED, SMALL);
    const reports: TeachProgress[] = [];
    const labels = SWAPPED.map((e) => ({ digit: e.digit, use: true }));
    const outcome = teachOutcome(file, level.digits, SEED, SMALL.hidden, net, 0, trained, labels, SWAPPED);
    // Before, Bit read the drawings as drawn; after, it reads the labels it was taught.
    expect(outcome.rereads.map((r) => r.before)).toEqual([1, 7, 0]);
    expect(outcome.rereads.map((r) => r.after)).toEqual([7, 7, 0]);
    // It started from the trained net: the held-out score stays near it, far above chance.
    expect(outcome.afterRight / outcome.total).toBeGreaterThan(0.8);
    const again = retrainBossNet(file, level.digits, SEED, SMALL.hidden, trained, SWAPPED, (p) => reports.push(p));
    expect(weightsHash(weightsOf(again))).toBe(weightsHash(weightsOf(outcome.net)));
    expect(reports).toHaveLength(1 + file.teach.epochs * file.teach.reportsPerEpoch);
    expect(reports[reports.length - 1]).toMatchObject({ fraction: 1, readings: [7, 7, 0] });
  });
});

describe('teaching Bit the drawings (worker and replay)', () => {
  it('the worker retrains to the very bits the replay does', () => {
    const replies: BossWorkerReply[] = [];
    const handle = createBossWorkerHandler((reply) => replies.push(structuredClone(reply)));
    handle({ type: 'digits', data: level.digits.data });
    handle({ type: 'teach', id: 3, level: file, seed: SEED, hidden: SMALL.hidden, start: trained, examples: SWAPPED });
    const done = replies[replies.length - 1];
    if (done.type !== 'done') throw new Error('no weights came back');
    expect(replies.filter((r) => r.type === 'teachProgress').length).toBe(
      1 + file.teach.epochs * file.teach.reportsPerEpoch,
    );
    // The page: the actor brings the worker's weights back. The replay: 'teach.done' retrains here.
    const labelled: DigitDemonEvent[] = [
      ...toDrawings(),
      { type: 'teach.open' },
      { type: 'teach.label', index: 0, digit: 7 },
      { type: 'teach.label', index: 1, digit: 7 },
      { type: 'teach.use', index: 2, use: true },
      { type: 'teach.start' },
    ];
    // The worker also reads the held-out digits with its weights, so the page need not.
    expect(done.reading.classes).toHaveLength(level.digits.test.inputs.rows);
    const right = Array.from(done.reading.classes).filter((c, i) => c === level.digits.test.targets[i]).length;
    const page = play(level, SEED, [
      ...labelled,
      { type: 'teach.finished', weights: done.weights, ms: 5, reading: done.reading },
    ]);
    const replay = play(level, SEED, [...labelled, { type: 'teach.done' }]);
    const a = page.getSnapshot().context;
    const b = replay.getSnapshot().context;
    expect(stepOf(page.getSnapshot().value).top).toBe('taught');
    expect(stepOf(replay.getSnapshot().value).top).toBe('taught');
    expect(a.events).toEqual(b.events);
    const ta = a.teach?.outcome;
    const tb = b.teach?.outcome;
    if (!ta || !tb) throw new Error('no outcome');
    expect(weightsHash(weightsOf(ta.net))).toBe(weightsHash(weightsOf(tb.net)));
    expect(weightsHash(weightsOf(ta.net))).toBe(weightsHash(done.weights));
    expect([ta.beforeRight, ta.afterRight]).toEqual([tb.beforeRight, tb.afterRight]);
    expect(ta.afterRight).toBe(right);
    // The page counts from the worker's classes when they fit: planted wrong ones show in the score.
    const planted = play(level, SEED, [
      ...labelled,
      {
        type: 'teach.finished',
        weights: done.weights,
        ms: 5,
        reading: { ...done.reading, classes: new Int32Array(done.reading.classes.length) },
      },
    ]);
    expect(planted.getSnapshot().context.teach?.outcome?.afterRight).not.toBe(right);
    expect(ta.beforeRight).toBe(Math.round((a.model.report?.accuracy ?? 0) * ta.total));
    expect(ta.rereads).toEqual(tb.rereads);
    // The compare data carries the scores before and after.
    const facts = digitDemonCompare(b).facts.find((f) => f.key === 'ch6.compare.teach');
    expect(facts?.params).toMatchObject({
      before: Math.round((tb.beforeRight / tb.total) * 1000) / 10,
      after: Math.round((tb.afterRight / tb.total) * 1000) / 10,
      drawings: 3,
    });
    expect(digitDemonCompare(b).series.teach).toEqual([tb.beforeRight / tb.total, tb.afterRight / tb.total]);
    page.stop();
    replay.stop();
  });
});

describe('teaching Bit the drawings (machine)', () => {
  it('opens only after the drawings, starts with the misreads chosen, teaches once, and can be skipped', () => {
    const events = toDrawings();
    const early = play(level, SEED, [...events.slice(0, -1), { type: 'teach.open' }]);
    expect(stepOf(early.getSnapshot().value).top).toBe('phase2');
    const actor = play(level, SEED, [...events, { type: 'teach.open' }]);
    const c = actor.getSnapshot().context;
    expect(stepOf(actor.getSnapshot().value).top).toBe('teach');
    expect(c.teach?.labels).toEqual(c.model.drawings.map((d) => ({ digit: d.digit, use: !d.hit })));
    const recorded = c.events.length;
    // Out of range, not a digit: ignored and not recorded.
    actor.send({ type: 'teach.label', index: 3, digit: 1 });
    actor.send({ type: 'teach.label', index: 0, digit: 10 });
    actor.send({ type: 'teach.use', index: -1, use: true });
    expect(actor.getSnapshot().context.events).toHaveLength(recorded);
    // None chosen: nothing to teach.
    for (let i = 0; i < 3; i++) actor.send({ type: 'teach.use', index: i, use: false });
    actor.send({ type: 'teach.start' });
    expect(stepOf(actor.getSnapshot().value).top).toBe('teach');
    // Labelling a drawing chooses it.
    actor.send({ type: 'teach.label', index: 1, digit: 4 });
    expect(actor.getSnapshot().context.teach?.labels[1]).toEqual({ digit: 4, use: true });
    actor.send({ type: 'teach.start' });
    expect(stepOf(actor.getSnapshot().value).top).toBe('teaching');
    actor.send({ type: 'teach.cancel' });
    expect(stepOf(actor.getSnapshot().value).top).toBe('teach');
    actor.send({ type: 'teach.start' });
    actor.send({ type: 'teach.done' });
    expect(stepOf(actor.getSnapshot().value).top).toBe('taught');
    // Once: no second retrain.
    actor.send({ type: 'teach.start' });
    actor.send({ type: 'teach.done' });
    expect(actor.getSnapshot().context.events.filter((e) => e.type === 'teach.done')).toHaveLength(1);
    actor.send({ type: 'phase.next' });
    expect(stepOf(actor.getSnapshot().value).top).toBe('trick');
    const skip = play(level, SEED, [...events, { type: 'teach.open' }, { type: 'phase.next' }]);
    expect(stepOf(skip.getSnapshot().value).top).toBe('trick');
    expect(skip.getSnapshot().context.teach?.outcome).toBeNull();
    for (const a of [early, actor, skip]) a.stop();
  });

  it('examples follow the labels', () => {
    const drawings = SWAPPED.map((e) => ({ pixels: e.pixels }));
    const ex = examplesOf(drawings, [
      { digit: 5, use: false },
      { digit: 2, use: true },
      { digit: 9, use: true },
    ]);
    expect(ex.map((e) => e.digit)).toEqual([2, 9]);
  });
});

describe('teaching Bit the drawings (replay cost)', () => {
  const attempt = (events: readonly DigitDemonEvent[]): Attempt => ({
    chapter: 6,
    levelVersion: file.version,
    seed: SEED,
    events: JSON.parse(JSON.stringify(events)),
    result: { passed: true, stars: 1 },
    time: '2026-12-07T00:00:00.000Z',
  });

  it('counts each retrain and fits the level’s within its budget', () => {
    expect(teachCost(file)).toBeLessThanOrEqual(TEACH_BUDGET);
    const cost = digitDemonEvents.replayCost!;
    const without = toDrawings();
    const withTeach = [...without, { type: 'teach.open' }, { type: 'teach.start' }, { type: 'teach.done' }] as const;
    expect(cost(withTeach) - cost(without)).toBe(TEACH_BUDGET + 3);
    // A level whose retrain would cost more than the budget is refused by the schema.
    expect(() => parseDigitDemonLevel({ ...file, teach: { ...file.teach, mix: 8000, epochs: 5 } })).toThrow(
      /teach.*units/,
    );
  });

  it('a hostile attempt cannot make the retrain expensive', async () => {
    const drawings = toDrawings();
    // Retrain after retrain on top of the most training the level allows: refused before any replay.
    const many: DigitDemonEvent[] = [...drawings, { type: 'teach.open' }];
    for (let i = 0; i < 12; i++) many.push({ type: 'teach.start' }, { type: 'teach.done' });
    const full: DigitDemonEvent[] = [
      { type: 'build.hidden', units: 64 },
      { type: 'build.epochs', epochs: 10 },
      { type: 'train.start' },
      { type: 'train.done' },
      { type: 'train.again' },
      ...many.slice(3),
    ];
    expect(digitDemonEvents.replayCost!(full.slice(0, -22))).toBeLessThanOrEqual(digitDemonEvents.maxReplayCost);
    expect(await checkAttemptShape(attempt(full))).toMatchObject({ ok: false, code: 'too-costly' });
    // Two are priced in, but the machine retrains once: the second is not taken.
    const two = [
      ...drawings,
      { type: 'teach.open' },
      { type: 'teach.use', index: 0, use: true },
      ...many.slice(-4),
    ] as DigitDemonEvent[];
    expect(await checkAttemptShape(attempt(two))).toMatchObject({ ok: true });
    const snap = play(level, SEED, two).getSnapshot();
    expect(snap.context.events.filter((e) => e.type === 'teach.done')).toHaveLength(1);
    // Out-of-range labels and many drawings: the schema bounds the index, the machine the drawings.
    const bad = attempt([...drawings, { type: 'teach.open' }, { type: 'teach.label', index: 50, digit: 1 }]);
    expect(await checkAttemptShape(bad)).toMatchObject({ ok: false, code: 'unknown-event' });
  });

  it('an attempt with a retrain verifies, and one without it still does (as does one recorded on version 2)', async () => {
    const events = runEvents(file);
    const at = events.findIndex((e) => e.type === 'trick.epsilon') - 1;
    const taught = [
      ...events.slice(0, at),
      { type: 'teach.open' },
      { type: 'teach.use', index: 0, use: true },
      { type: 'teach.start' },
      { type: 'teach.done' },
      ...events.slice(at),
    ] as DigitDemonEvent[];
    const done = play(level, SEED, taught).getSnapshot();
    expect(done.status).toBe('done');
    const a = { ...attempt(done.context.events), result: JSON.parse(JSON.stringify(done.output)) };
    const started = performance.now();
    expect(await verifyAttempt(a)).toMatchObject({ ok: true });
    console.log(`verify with a retrain (16 hidden): ${Math.round(performance.now() - started)} ms`);
    const plain = play(level, SEED, events).getSnapshot();
    expect(plain.output).toEqual(done.output);
    // Teaching only adds to the chapter: version 3 still replays what version 2 recorded.
    expect(file.version).toBe(3);
    const v2 = { ...attempt(plain.context.events), result: JSON.parse(JSON.stringify(plain.output)), levelVersion: 2 };
    expect(await verifyAttempt(v2)).toMatchObject({ ok: true });
    expect(await verifyAttempt({ ...v2, levelVersion: 1 })).toMatchObject({ ok: false, code: 'otherLevel' });
  });
});
