// Chapter 6's fight (level version 2): the player's call before each throw, the Demon's health
// that throws cannot take, every player's three drawings, the stars and what earns them, the cap
// on trainings that keeps a replay bounded, and old attempts refused as another version.
import { readFileSync } from 'node:fs';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Attempt } from '../../../../src/app/saveSchema';
import { verifyAttempt } from '../../../../src/attempts/verifyAttempt';
import { loadChapterText, translate } from '../../../../src/i18n/i18n';
import { trainBossNet, weightsOf, type BossChoices, type BossWeights } from '../../../../src/levels/ch6/bossTraining';
import { classify } from '../../../../src/levels/ch6/classify';
import { digitDemonEvents } from '../../../../src/levels/ch6/digitDemonEvents';
import { loadDigitDemonLevel, type DigitDemonLevel } from '../../../../src/levels/ch6/digitDemonLevel';
import type { DigitDemonChapterLevel, DigitDemonEvent } from '../../../../src/levels/ch6/digitDemonMachine';
import {
  createDigitDemonState,
  resultOf,
  throwDigit,
  withTrainedNet,
  type Call,
  type DigitDemonState,
} from '../../../../src/levels/ch6/digitDemonModel';
import { bytesToInput } from '../../../../src/levels/ch6/digitDrawing';
import { digitDemonView } from '../../../../src/levels/ch6/digitDemonView';
import { stepOf } from '../../../../src/levels/contract';
import { checkAttemptShape } from '../../../../src/server/attemptGuard';
import { reasonCodeOf } from '../../../../src/server/routes/verdict';
import { chapterLevel, play, runEvents, sampleDrawing, SMALL } from './ch6-player';

const file = loadDigitDemonLevel();
/** A weak net: tiny steps, one epoch. */
const WEAK: BossChoices = { hidden: 16, rate: 0.01, epochs: 1 };
let level: DigitDemonChapterLevel;
const weights: Record<string, BossWeights> = {};

beforeAll(async () => {
  level = await chapterLevel(file);
  await loadChapterText(6);
  for (const [name, c] of Object.entries({ small: SMALL, weak: WEAK }))
    weights[name] = weightsOf(trainBossNet(file, level.digits, 7, c));
});

function trained(choices: BossChoices, lv: DigitDemonLevel = file): DigitDemonState {
  const s = { ...createDigitDemonState(lv, 7, level.digits.test.inputs.rows), choices };
  return withTrainedNet(lv, level.digits, 7, s, weights[choices === SMALL ? 'small' : 'weak']);
}

/** What Bit will answer for the digit the Demon holds up. */
function readsRight(s: DigitDemonState): boolean {
  const index = s.throwOrder[s.throws.length];
  const bytes = level.digits.data.test.pixels.subarray(index * 784, (index + 1) * 784);
  return classify(s.net!, bytesToInput(bytes))[0] === level.digits.data.test.labels[index];
}

/** A whole run through the machine, the actor bringing `w` back, with these calls. */
function fight(choices: BossChoices, w: BossWeights, call: (k: number) => Call, lv = file) {
  const chapter = { ...level, file: { ...lv, build: { ...lv.build, start: choices } } };
  const events: DigitDemonEvent[] = [{ type: 'train.start' }, { type: 'train.finished', weights: w, ms: 0 }];
  events.push({ type: 'fight.start' });
  for (let k = 0; k < lv.fight.throws; k++) events.push({ type: 'fight.throw', call: call(k) });
  events.push({ type: 'phase.next' });
  for (const d of [1, 7, 0, 4]) events.push({ type: 'draw.submit', digit: d, pixels: sampleDrawing(lv, d) });
  events.push({ type: 'phase.next' });
  return play(chapter, 7, events);
}

describe('chapter 6 fight: a decision before each throw', () => {
  it('a right call hits harder, a foreseen misread is dodged, and throws never finish the Demon', () => {
    let s = trained(WEAK);
    let dodged = 0;
    let doubled = 0;
    while (s.throws.length < file.fight.throws) {
      const before = s;
      const right = readsRight(s);
      s = throwDigit(file, level.digits, s, right ? 'read' : 'miss');
      const t = s.throws[s.throws.length - 1];
      expect(t.called).toBe(true);
      expect(t.playerLoss).toBe(0);
      if (!right) dodged++;
      else if (before.demonHealth - file.fight.throwsFloor >= 2) {
        expect(t.demonLoss).toBe(1 + file.fight.callBonus);
        doubled++;
      }
      expect(s.demonHealth).toBeGreaterThanOrEqual(file.fight.throwsFloor);
    }
    expect(doubled).toBeGreaterThan(0);
    // The weak net misreads some digits: calling them saved the player.
    expect(dodged).toBeGreaterThan(0);
    expect(s.playerHealth).toBe(file.fight.playerHealth);
    // Calling the opposite every time: hits deal 1, misreads cost 1.
    let w = trained(WEAK);
    while (w.throws.length < file.fight.throws && w.playerHealth > 0) {
      const right = readsRight(w);
      w = throwDigit(file, level.digits, w, right ? 'miss' : 'read');
      const t = w.throws[w.throws.length - 1];
      expect([t.called, t.demonLoss <= 1, t.playerLoss]).toEqual([false, true, right ? 0 : 1]);
    }
    expect(w.demonHealth).toBeGreaterThan(s.demonHealth);
    // Right calls drive the Demon down to the floor, and no further (a higher floor here).
    const high = { ...file, fight: { ...file.fight, throwsFloor: 8 } };
    let strong = trained(SMALL);
    while (strong.throws.length < file.fight.throws)
      strong = throwDigit(high, level.digits, strong, readsRight(strong) ? 'read' : 'miss');
    expect(strong.demonHealth).toBe(8);
  });

  it('every player makes all the drawings: a strong net, a weak one, and one knocked down', () => {
    const strong = fight(SMALL, weights.small, () => 'read').getSnapshot();
    const weak = fight(WEAK, weights.weak, () => 'miss').getSnapshot();
    const down = fight(WEAK, weights.weak, () => 'read', {
      ...file,
      fight: { ...file.fight, playerHealth: 1 },
    }).getSnapshot();
    for (const snap of [strong, weak, down]) {
      expect(stepOf(snap.value).top).toBe('trick');
      expect(snap.context.model.drawings).toHaveLength(file.fight.drawings);
      // A fourth drawing is refused and not recorded.
      expect(snap.context.events.filter((e) => e.type === 'draw.submit')).toHaveLength(file.fight.drawings);
      // Every throw was a decision, recorded with its call.
      const throws = snap.context.events.filter((e) => e.type === 'fight.throw');
      expect(throws.length).toBeGreaterThan(0);
      for (const e of throws) expect(['read', 'miss']).toContain((e as { call: Call }).call);
    }
    expect(strong.context.model.throws).toHaveLength(file.fight.throws);
    // Knocked down by the first unforeseen misread: the throws stop there, the drawings do not.
    expect(down.context.model.playerHealth).toBe(0);
    expect(down.context.model.throws.length).toBeLessThan(file.fight.throws);
  });

  it('beating the Demon always earns a star, and each star says what earned it', () => {
    const base = trained(WEAK);
    const run = (accuracy: number, demonHealth: number, called: number) => {
      const s: DigitDemonState = {
        ...base,
        report: { ...base.report!, accuracy },
        demonHealth,
        throws: base.throwOrder.map((index, k) => ({
          index,
          label: 0,
          predicted: 0,
          hit: true,
          call: 'read' as const,
          called: k < called,
          demonLoss: 1,
          playerLoss: 0,
        })),
        drawings: Array.from({ length: file.fight.drawings }, () => ({
          digit: 1,
          pixels: [],
          predicted: 1,
          probabilities: [],
          hit: true,
          demonLoss: 2,
        })),
      };
      return resultOf(file, s);
    };
    // A weak net (60 %) that beats the Demon: one star, for the win.
    expect(run(0.6, 0, 2)).toMatchObject({ won: true, stars: 1, passed: true, starWon: true });
    // The same with enough right calls: the third star too.
    expect(run(0.6, 0, file.stars.calls)).toMatchObject({ stars: 2, starCalls: true, starRead: false });
    expect(run(0.95, 0, file.stars.calls)).toMatchObject({ stars: 3 });
    // Not beaten: a good net still earns its reading stars, a weak one none.
    expect(run(0.95, 2, file.stars.calls)).toMatchObject({ won: false, stars: 2, starCalls: false });
    expect(run(0.6, 2, 8)).toMatchObject({ won: false, stars: 0, passed: false });
    // The view names each star with its numbers.
    const actor = fight(WEAK, weights.weak, () => 'read');
    const view = digitDemonView('trick', actor.getSnapshot().context);
    expect(view.stars.map((s) => translate('en', s.key as never, s.params))).toEqual([
      'Beat the Demon (or teach Bit to read 80% of unseen digits)',
      expect.stringMatching(/^Bit reads 90% of unseen digits \(this brain: [\d.]+%\)$/),
      expect.stringMatching(/^Beat the Demon with 6 of 8 right calls \(yours: \d\)$/),
    ]);
  });

  it('says "an 8" in English', () => {
    let seed = 1;
    while (level.digits.data.test.labels[createDigitDemonState(file, seed, 2000).throwOrder[0]] !== 8) seed++;
    const chapter = { ...level, file: { ...file, build: { ...file.build, start: SMALL } } };
    const actor = play(chapter, seed, [
      { type: 'train.start' },
      { type: 'train.finished', weights: weights.small, ms: 0 },
      { type: 'fight.start' },
      { type: 'fight.throw', call: 'read' },
    ]);
    const line = digitDemonView('phase1', actor.getSnapshot().context).line;
    expect(translate('en', line.key as never, line.params)).toMatch(/^The Demon threw an 8[;, ]/);
  });
});

describe('chapter 6 replays stay bounded', () => {
  const maxRun = (trainings: number): DigitDemonEvent[] => {
    const events: DigitDemonEvent[] = [
      { type: 'build.hidden', units: 64 },
      { type: 'build.epochs', epochs: 10 },
    ];
    for (let k = 0; k < trainings; k++) {
      if (k > 0) events.push({ type: 'train.again' });
      events.push({ type: 'train.start' }, { type: 'train.done' });
    }
    return [...events, ...runEvents(file).slice(5)];
  };

  it('lets an attempt finish the level’s trainings and no more', () => {
    const chapter = { ...level, file: { ...file, build: { ...file.build, start: SMALL } } };
    const actor = play(chapter, 3, [{ type: 'train.start' }]);
    for (let k = 0; k < file.build.trainings + 1; k++) {
      actor.send({ type: 'train.finished', weights: weights.small, ms: 0 });
      actor.send({ type: 'train.again' });
      actor.send({ type: 'train.start' });
    }
    const snap = actor.getSnapshot();
    expect(stepOf(snap.value).top).toBe('trained');
    expect(snap.context.events.filter((e) => e.type === 'train.done')).toHaveLength(file.build.trainings);
    expect(digitDemonView('trained', snap.context).build.trainingsLeft).toBe(0);
  });

  it('prices the most training the level allows within the budget, and refuses more', async () => {
    expect(file.build.trainings * file.build.budget).toBeLessThanOrEqual(digitDemonEvents.maxReplayCost);
    const most = maxRun(file.build.trainings);
    expect(digitDemonEvents.replayCost!(most)).toBeLessThanOrEqual(digitDemonEvents.maxReplayCost);
    const attempt = (events: DigitDemonEvent[]): Attempt => ({
      chapter: 6,
      levelVersion: file.version,
      seed: 1,
      events: events as unknown as Attempt['events'],
      result: { passed: true, stars: 1 },
      time: '2026-12-07T00:00:00.000Z',
    });
    expect(await checkAttemptShape(attempt(most))).toMatchObject({ ok: true });
    expect(await checkAttemptShape(attempt(maxRun(file.build.trainings + 1)))).toMatchObject({
      ok: false,
      code: 'too-costly',
    });
  });

  it('refuses an attempt of level version 1 as played on another version', async () => {
    const old = JSON.parse(
      readFileSync(new URL('../../../fixtures/ch6-v1-attempt.json', import.meta.url), 'utf8'),
    ) as Attempt;
    expect(old.levelVersion).toBe(1);
    expect(file.version).toBe(3);
    // Its events pass the shape check, so the replay answers with the version.
    expect(await checkAttemptShape(old)).toMatchObject({ ok: true });
    const v = await verifyAttempt(old);
    expect(v).toMatchObject({ ok: false, code: 'otherLevel' });
    expect(reasonCodeOf(v.message)).toBe('wrong-version');
  });

  it('replays a new attempt, calls and drawings, to the same result', async () => {
    const snap = fight(SMALL, weights.small, (k) => (k % 3 === 2 ? 'miss' : 'read')).getSnapshot();
    // The same events played through the default level (the replay retrains the net itself).
    const events = [
      { type: 'build.hidden', units: SMALL.hidden },
      { type: 'build.epochs', epochs: SMALL.epochs },
      ...snap.context.events,
      { type: 'phase.next' },
      { type: 'epilogue.next' },
      { type: 'epilogue.next' },
      { type: 'epilogue.next' },
      { type: 'ending.done' },
    ] as DigitDemonEvent[];
    const done = play(level, 7, events).getSnapshot();
    expect(done.status).toBe('done');
    const attempt: Attempt = {
      chapter: 6,
      levelVersion: file.version,
      seed: 7,
      events: JSON.parse(JSON.stringify(done.context.events)),
      result: JSON.parse(JSON.stringify(done.output)),
      time: '2026-12-07T00:00:00.000Z',
    };
    expect(attempt.events.filter((e) => e.type === 'fight.throw').map((e) => e.call)).toContain('miss');
    const v = await verifyAttempt(attempt);
    expect(v).toMatchObject({ ok: true });
    expect(JSON.parse(JSON.stringify(v.replay?.result))).toEqual(attempt.result);
  });
});
