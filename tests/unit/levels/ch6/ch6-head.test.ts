// Inside Bit's head: the weight pictures, the most exciting held-out digits and the sample digit's
// reading, each checked against a plain float64 reference; the head.* events through the machine,
// the recorded attempt's replay, and the sample's numbers as the training worker reports them.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Attempt } from '../../../../src/app/saveSchema';
import { verifyAttempt } from '../../../../src/attempts/verifyAttempt';
import type { DenseNetwork } from '../../../../src/engine';
import { netFromWeights, trainBossNet, weightsOf, type TrainProgress } from '../../../../src/levels/ch6/bossTraining';
import { createBossWorkerHandler, type BossWorkerReply } from '../../../../src/levels/ch6/bossWorkerProtocol';
import { headFacts } from '../../../../src/levels/ch6/digitDemonCompare';
import { digitDemonEventSchema } from '../../../../src/levels/ch6/digitDemonEvents';
import { loadDigitDemonLevel, parseDigitDemonLevel } from '../../../../src/levels/ch6/digitDemonLevel';
import type { DigitDemonChapterLevel, DigitDemonEvent } from '../../../../src/levels/ch6/digitDemonMachine';
import { digitDemonView } from '../../../../src/levels/ch6/digitDemonView';
import type { BossDigits } from '../../../../src/levels/ch6/digits';
import {
  excitingDigits,
  MAX_HEAD_EVENTS,
  sampleReading,
  unitPicture,
  type Exciting,
} from '../../../../src/levels/ch6/insideHead';
import { loadChapter } from '../../../../src/levels/chapters';
import { stepOf } from '../../../../src/levels/contract';
import { chapterLevel, play, runEvents, SMALL } from './ch6-player';

const file = loadDigitDemonLevel();
let level: DigitDemonChapterLevel;
let digits: BossDigits;
let net: DenseNetwork;

beforeAll(async () => {
  level = await chapterLevel(file);
  digits = level.digits;
  net = trainBossNet(file, digits, 7, SMALL);
});

/** Plain float64 reference: the hidden layer (ReLU) and the output softmax of one test digit. */
function reference(n: DenseNetwork, index: number): { hidden: number[]; probs: number[] } {
  const [l1, l2] = n.layers;
  const x = Array.from(digits.data.test.pixels.subarray(index * 784, (index + 1) * 784), (v) => v / 255);
  const hidden: number[] = [];
  for (let u = 0; u < l1.units; u++) {
    let z = l1.bias[u];
    for (let i = 0; i < 784; i++) z += x[i] * l1.weights[i * l1.units + u];
    hidden.push(Math.max(0, z));
  }
  const logits: number[] = [];
  for (let k = 0; k < 10; k++) {
    let z = l2.bias[k];
    for (let u = 0; u < l1.units; u++) z += hidden[u] * l2.weights[u * 10 + k];
    logits.push(z);
  }
  const top = Math.max(...logits);
  const e = logits.map((z) => Math.exp(z - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return { hidden, probs: e.map((v) => v / sum) };
}

describe('inside Bit’s head: the pure computations', () => {
  it('draws each unit’s 784 incoming weights, scaled by its largest, as a signed 28 x 28 picture', () => {
    const units = net.layers[0].units;
    for (const u of [0, 5, units - 1]) {
      const p = unitPicture(net, u);
      const w = Array.from({ length: 784 }, (_, i) => net.layers[0].weights[i * units + u]);
      const maxAbs = Math.max(...w.map(Math.abs));
      expect(p.maxAbs).toBeCloseTo(maxAbs, 7);
      expect(p.values).toHaveLength(784);
      p.values.forEach((v, i) => expect(v).toBeCloseTo(w[i] / maxAbs, 6));
      expect(p.signed.every((v, i) => v === Math.round((w[i] / maxAbs) * 255))).toBe(true);
      expect(Math.max(...p.signed.map(Math.abs))).toBe(255);
      expect(p.plus).toBe(w.filter((v) => v > 0).length);
      expect(p.minus).toBe(w.filter((v) => v < 0).length);
      expect(p.bias).toBe(net.layers[0].bias[u]);
    }
  });

  it('finds the held-out digits that excite each unit most, as a plain forward pass does', () => {
    const count = file.head.topDigits;
    const top = excitingDigits(net, digits, count);
    const units = net.layers[0].units;
    expect(top).toHaveLength(units);
    const rows = digits.test.inputs.rows;
    const acts = Array.from({ length: rows }, (_, r) => reference(net, r).hidden);
    for (const u of [0, 3, units - 1]) {
      const expected: Exciting[] = acts
        .map((h, index) => ({ index, activation: h[u] }))
        .filter((e) => e.activation > 0)
        .sort((a, b) => b.activation - a.activation || a.index - b.index)
        .slice(0, count);
      expect(top[u].map((e) => e.index)).toEqual(expected.map((e) => e.index));
      top[u].forEach((e, k) => expect(e.activation).toBeCloseTo(expected[k].activation, 4));
    }
  });

  it('reads the sample digit: ten probabilities and the loss -ln p(right answer)', () => {
    const r = sampleReading(net, digits, file.head.sampleDigit)!;
    const ref = reference(net, file.head.sampleDigit);
    expect(r.label).toBe(digits.data.test.labels[file.head.sampleDigit]);
    r.probabilities.forEach((p, k) => expect(p).toBeCloseTo(ref.probs[k], 5));
    expect(r.loss).toBeCloseTo(-Math.log(ref.probs[r.label]), 4);
    expect(sampleReading(net, digits, digits.test.inputs.rows)).toBeNull();
    expect(sampleReading(net, digits, -1)).toBeNull();
  });

  it('reports the sample in every progress message, and its last numbers are the trained net’s', () => {
    const reports: TrainProgress[] = [];
    const trained = trainBossNet(file, digits, 7, SMALL, (p) => reports.push(p));
    expect(reports.length).toBeGreaterThan(2);
    for (const p of reports) {
      expect(p.sample?.probabilities).toHaveLength(10);
      expect(p.sample?.index).toBe(file.head.sampleDigit);
    }
    // Untrained, Bit is about equally unsure of all ten: a loss near ln 10.
    expect(reports[0].sample!.loss).toBeCloseTo(Math.log(10), 0);
    expect(new Set(reports.map((p) => p.sample!.loss)).size).toBeGreaterThan(2);
    // A replay rebuilds the net from its weights: the very same numbers.
    const last = reports[reports.length - 1].sample;
    expect(last).toEqual(sampleReading(trained, digits, file.head.sampleDigit));
    const rebuilt = netFromWeights(file, 7, SMALL.hidden, weightsOf(trained));
    expect(last).toEqual(sampleReading(rebuilt, digits, file.head.sampleDigit));
  });

  it('sends the sample through the worker’s progress messages', () => {
    const replies: BossWorkerReply[] = [];
    const handle = createBossWorkerHandler((r) => replies.push(r));
    handle({ type: 'digits', data: digits.data });
    handle({ type: 'train', id: 1, level: file, seed: 7, choices: SMALL });
    const progress = replies.filter((r) => r.type === 'progress');
    const done = replies.find((r) => r.type === 'done');
    if (done?.type !== 'done') throw new Error('no weights');
    const last = progress[progress.length - 1];
    if (last?.type !== 'progress') throw new Error('no progress');
    const replayed = netFromWeights(file, 7, SMALL.hidden, done.weights);
    expect(last.progress.sample).toEqual(sampleReading(replayed, digits, file.head.sampleDigit));
  });

  it('checks the level’s head data', () => {
    expect(file.head.sampleDigit).toBeLessThan(digits.test.inputs.rows);
    expect(() => parseDigitDemonLevel({ ...file, head: undefined })).toThrow();
    expect(() => parseDigitDemonLevel({ ...file, head: { ...file.head, topDigits: 0 } })).toThrow();
    expect(() => parseDigitDemonLevel({ ...file, head: { ...file.head, sampleDigit: -1 } })).toThrow();
  });
});

const TRAINED = 5; // runEvents: build ×3, train.start, train.done → trained

function headRun(): DigitDemonEvent[] {
  const events = runEvents(file);
  return [
    ...events.slice(0, TRAINED),
    { type: 'head.open' },
    { type: 'head.unit', unit: 3 },
    { type: 'head.unit', unit: 9 },
    { type: 'head.close' },
    ...events.slice(TRAINED),
  ];
}

describe('inside Bit’s head: the machine, the attempt and its replay', () => {
  it('opens after training, chooses units, closes, and records each as an input event', () => {
    const actor = play(level, 11, runEvents(file).slice(0, TRAINED - 1));
    // Not before training, not while closed.
    actor.send({ type: 'head.open' });
    expect(actor.getSnapshot().context.head.open).toBe(false);
    actor.send({ type: 'train.done' });
    expect(stepOf(actor.getSnapshot().value).top).toBe('trained');
    actor.send({ type: 'head.unit', unit: 2 });
    expect(actor.getSnapshot().context.head.unit).toBe(0);
    let view = digitDemonView('trained', actor.getSnapshot().context);
    expect(view.head.canOpen).toBe(true);
    expect(view.head.open).toBe(false);
    actor.send({ type: 'head.open' });
    view = digitDemonView('trained', actor.getSnapshot().context);
    expect(view.line.key).toBe('ch6.line.head');
    expect(view.head).toMatchObject({ open: true, unit: 0, units: SMALL.hidden, inspected: 1, canOpen: false });
    expect(view.head.page.units.map((u) => u.unit)).toEqual([0, 1, 2, 3, 4, 5]);
    expect(view.head.page).toMatchObject({ from: 0, to: 6, prev: null, next: 6 });
    expect(view.head.picture?.signed).toEqual(unitPicture(actor.getSnapshot().context.model.net!, 0).signed);
    expect(view.head.exciting.length).toBeLessThanOrEqual(file.head.topDigits);
    for (const e of view.head.exciting) expect(e.label).toBe(digits.data.test.labels[e.index]);
    // Out of range, not an integer, or the unit already chosen: ignored and not recorded.
    const before = actor.getSnapshot().context.events.length;
    for (const unit of [SMALL.hidden, -1, 1.5, 0]) actor.send({ type: 'head.unit', unit });
    expect(actor.getSnapshot().context.events.length).toBe(before);
    actor.send({ type: 'head.unit', unit: 9 });
    view = digitDemonView('trained', actor.getSnapshot().context);
    expect(view.head.page).toMatchObject({ from: 6, to: 12, prev: 0, next: 12 });
    expect(view.head.page.units.find((u) => u.selected)?.unit).toBe(9);
    expect(view.head.inspected).toBe(2);
    actor.send({ type: 'head.close' });
    const c = actor.getSnapshot().context;
    expect(c.head.open).toBe(false);
    expect(c.events.slice(-3)).toEqual([{ type: 'head.open' }, { type: 'head.unit', unit: 9 }, { type: 'head.close' }]);
    // The sample digit, read by the trained net, as the compare data gives it.
    expect(digitDemonView('trained', c).sample?.loss).toBe(
      sampleReading(c.model.net!, digits, file.head.sampleDigit)!.loss,
    );
    // Training again forgets what was looked at.
    actor.send({ type: 'train.again' });
    actor.send({ type: 'train.start' });
    actor.send({ type: 'train.done' });
    expect(actor.getSnapshot().context.head).toMatchObject({ open: false, unit: 0, inspected: [], top: null });
  });

  it('shows the sample as the latest progress report read it while training', () => {
    const actor = play(level, 11, runEvents(file).slice(0, TRAINED - 1));
    expect(digitDemonView('training', actor.getSnapshot().context).sample).toBeNull();
    const reports: TrainProgress[] = [];
    trainBossNet(file, digits, 11, SMALL, (p) => reports.push(p));
    for (const progress of reports.slice(0, 3)) actor.send({ type: 'train.progress', progress, ms: 1 });
    const view = digitDemonView('training', actor.getSnapshot().context);
    expect(view.sample).toMatchObject(reports[2].sample!);
    expect(view.sample?.bytes).toHaveLength(784);
    const p = view.sample!.probabilities;
    expect(view.sample?.predicted).toBe(p.indexOf(Math.max(...p)));
  });

  it('bounds the head events an attempt records', () => {
    const actor = play(level, 11, runEvents(file).slice(0, TRAINED));
    actor.send({ type: 'head.open' });
    for (let i = 0; i < MAX_HEAD_EVENTS + 10; i++) actor.send({ type: 'head.unit', unit: (i + 1) % SMALL.hidden });
    const c = actor.getSnapshot().context;
    const n = c.events.filter((e) => e.type === 'head.open' || e.type === 'head.unit').length;
    expect(n).toBe(MAX_HEAD_EVENTS);
    expect(digitDemonView('trained', c).head.canChoose).toBe(false);
    // Closing is never refused.
    actor.send({ type: 'head.close' });
    expect(actor.getSnapshot().context.head.open).toBe(false);
    expect(digitDemonView('trained', actor.getSnapshot().context).head.canOpen).toBe(false);
  });

  it('replays an attempt with head events exactly, and its compare data says what was looked at', async () => {
    const snap = play(level, 11, headRun()).getSnapshot();
    expect(snap.status).toBe('done');
    const events = JSON.parse(JSON.stringify(snap.context.events));
    for (const e of events) expect(digitDemonEventSchema.safeParse(e).success).toBe(true);
    const attempt: Attempt = {
      chapter: 6,
      levelVersion: file.version,
      seed: 11,
      events,
      result: JSON.parse(JSON.stringify(snap.output)),
      time: '2026-12-07T12:00:00.000Z',
    };
    const v = await verifyAttempt(attempt);
    expect(v.message).toMatch(/^Verified/);
    const chapter = (await loadChapter(6))!;
    const final = v.replay!.final as unknown as { context: typeof snap.context };
    // The replay went through the very same head events and ended on the same units and net.
    expect(JSON.parse(JSON.stringify(final.context.events))).toEqual(events);
    expect(final.context.head.inspected).toEqual(snap.context.head.inspected);
    const data = chapter.compare!(v.replay!.final);
    const fact = (key: string) => data.facts.find((f) => f.key === key)?.params;
    expect(fact('ch6.compare.head')).toEqual({ units: 3, hidden: SMALL.hidden });
    const live = sampleReading(snap.context.model.net!, digits, file.head.sampleDigit)!;
    expect(fact('ch6.compare.sample')).toEqual({
      label: live.label,
      percent: Math.round(live.probabilities[live.label] * 1000) / 10,
      loss: Math.round(live.loss * 100) / 100,
    });
    expect(headFacts(snap.context)).toEqual(
      data.facts.filter((f) => f.key.startsWith('ch6.compare.head') || f.key === 'ch6.compare.sample'),
    );
  });
});
