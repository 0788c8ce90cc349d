// Chapter 3's rigged basket (correlation is not cause): the level data, the learning on it, the
// machine's steps and guards, the replay from a recorded log, the compare fact, and the level
// file's checks.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import raw from '../../../../levels/03-apple-lamp.json';
import { perceptronStep, type Perceptron } from '../../../../src/engine';
import chapter from '../../../../src/levels/ch3';
import { appleLampCompare } from '../../../../src/levels/ch3/appleLampCompare';
import { appleLampEventSchema } from '../../../../src/levels/ch3/appleLampEvents';
import { loadAppleLampLevel } from '../../../../src/levels/ch3/appleLampLevel';
import { appleLampMachine, type AppleLampEvent } from '../../../../src/levels/ch3/appleLampMachine';
import { inputsOf } from '../../../../src/levels/ch3/appleLampModel';
import { addToRigged, startRigged, tuneRigged } from '../../../../src/levels/ch3/appleLampRigged';
import { appleLampView } from '../../../../src/levels/ch3/appleLampView';
import { replaysVersion, stepOf } from '../../../../src/levels/contract';
import { replayChapter } from '../../../../src/levels/shared/replay';
import { playAppleLamp, problemsOf, SOLUTIONS } from '../ch3-player';

const level = loadAppleLampLevel();
const clone = <T>(x: T): T => JSON.parse(JSON.stringify(x)) as T;
const FRAGRANT = level.features.indexOf('fragrant');

/** The state right after Bit's main tuning, with the rigged basket out. */
function riggedOut() {
  const actor = playTo('tune');
  actor.send({ type: 'rigged.start' });
  return actor;
}

/** Plays through the tasks and Bit's tuning; stops at the given step. */
function playTo(step: 'tune') {
  const full = playAppleLamp(level, 5).getSnapshot().context.events;
  const upTo = full.findIndex((e) => e.type === 'tune.done');
  const actor = createActor(appleLampMachine, { input: { level, seed: 5 } }).start();
  actor.send({ type: 'dialogue.skip' });
  for (const e of full.slice(0, upTo)) actor.send(e);
  expect(stepOf(actor.getSnapshot().value).top).toBe(step);
  return actor;
}

/** The learning rule written out again here, on the engine's perceptronStep, to check the model's. */
function learnByHand(basket: string[]): Perceptron {
  let p: Perceptron = { weights: level.features.map(() => 0), threshold: 0 };
  let clean = 0;
  for (let s = 0; clean < basket.length && s < level.tuning.maxSteps; s++) {
    const f = basket[s % basket.length];
    const step = perceptronStep(p, inputsOf(level, f), level.fruits[f].isApple ? 1 : 0, level.tuning.learningRate);
    p = step.after;
    clean = step.changed ? 0 : clean + 1;
  }
  return p;
}

describe('the rigged basket', () => {
  it('is rigged: every apple in it is fragrant and nothing else is', () => {
    expect(level.rigged.feature).toBe('fragrant');
    for (const f of level.rigged.basket) expect(level.fruits[f].features.fragrant).toBe(level.fruits[f].isApple);
    // The apple with no scent is the apple, fragrance taken away.
    expect(level.fruits['plain-apple']).toMatchObject({ isApple: true, art: 'fruit-apple' });
    expect(level.fruits['plain-apple'].features).toEqual({ ...level.fruits.apple.features, fragrant: false });
  });

  it('Bit learns it perfectly, leaning on fragrant, and is fooled by both new fruit', () => {
    const s = tuneRigged(level, startRigged(riggedOut().getSnapshot().context.model));
    const tune = s.rigged!.tunes[0];
    expect(tune.converged).toBe(true);
    expect(tune.basketRight).toBe(level.rigged.basket.length);
    expect(tune.perceptron).toEqual(learnByHand(level.rigged.basket));
    // Fragrant is the biggest weight the lamp learned.
    expect(Math.max(...tune.perceptron.weights)).toBe(tune.perceptron.weights[FRAGRANT]);
    expect(tune.tests).toEqual([
      { fruit: 'peach', lit: true, apple: false, correct: false },
      { fruit: 'plain-apple', lit: false, apple: true, correct: false },
    ]);
  });

  it('each kind of counterexample fixes its own kind of mistake; a fruit that follows the pattern fixes none', () => {
    const testsRightAfter = (added: string[]) => {
      let s = tuneRigged(level, startRigged(riggedOut().getSnapshot().context.model));
      for (const f of added) s = addToRigged(level, s, f);
      const last = tuneRigged(level, s).rigged!.tunes[1];
      expect(last.converged).toBe(true);
      expect(last.basketRight).toBe(last.basket.length);
      expect(last.perceptron).toEqual(learnByHand(last.basket));
      return last.tests.map((t) => t.correct);
    };
    expect(testsRightAfter(['plain-big-apple'])).toEqual([false, true]);
    expect(testsRightAfter(['strawberry'])).toEqual([true, false]);
    expect(testsRightAfter(['persimmon'])).toEqual([false, false]);
    expect(testsRightAfter(['plain-big-apple', 'strawberry'])).toEqual([true, true]);
    expect(testsRightAfter(['strawberry', 'plain-big-apple'])).toEqual([true, true]);
    expect(testsRightAfter(['persimmon', 'strawberry', 'plain-big-apple'])).toEqual([true, true]);
    expect(testsRightAfter(['persimmon', 'plain-big-apple'])).toEqual([false, true]);
  });
});

describe('the rigged basket in the machine', () => {
  it('goes tune → rigged → challenge, with its guards', () => {
    const actor = riggedOut();
    const snap = () => actor.getSnapshot();
    const mainKnobs = snap().context.model.knobs;
    expect(stepOf(snap().value).top).toBe('rigged');
    // Nothing may be added, and the moment cannot end, before Bit has tuned.
    actor.send({ type: 'rigged.add', fruit: 'strawberry' });
    actor.send({ type: 'rigged.done' });
    expect(snap().context.model.rigged).toEqual({ added: [], tunes: [] });
    actor.send({ type: 'rigged.tune' });
    // Retuning needs a bigger basket; only the level's choices go in, each once.
    actor.send({ type: 'rigged.tune' });
    actor.send({ type: 'rigged.add', fruit: 'pear' });
    actor.send({ type: 'rigged.add', fruit: 'strawberry' });
    actor.send({ type: 'rigged.add', fruit: 'strawberry' });
    expect(snap().context.model.rigged!.tunes).toHaveLength(1);
    expect(snap().context.model.rigged!.added).toEqual(['strawberry']);
    actor.send({ type: 'rigged.tune' });
    actor.send({ type: 'rigged.done' });
    expect(stepOf(snap().value).top).toBe('rigged'); // still wrong on the apple with no scent
    actor.send({ type: 'rigged.add', fruit: 'plain-big-apple' });
    actor.send({ type: 'rigged.tune' });
    actor.send({ type: 'rigged.done' });
    expect(stepOf(snap().value).top).toBe('challenge');
    // The player's knobs (Bit's tuning on the main basket) are untouched by the rigged basket.
    expect(snap().context.model.knobs).toEqual(mainKnobs);
    expect(
      snap()
        .context.events.filter((e) => e.type.startsWith('rigged.'))
        .map((e) => e.type),
    ).toEqual(['rigged.start', 'rigged.tune', 'rigged.add', 'rigged.tune', 'rigged.add', 'rigged.tune', 'rigged.done']);
  });

  it('shows what Bit learned there and names the mistake, then the cause', () => {
    const actor = riggedOut();
    const view = () => {
      const s = actor.getSnapshot();
      return appleLampView(stepOf(s.value).top, s.context);
    };
    expect(view().line.key).toBe('ch3.rigged.intro');
    expect(view().rigged!.tests.map((t) => t.lit)).toEqual([null, null]);
    actor.send({ type: 'rigged.tune' });
    const fooled = view();
    expect(fooled.line).toMatchObject({ key: 'ch3.rigged.fooledOn', params: { fruit: 'fruit.peach' } });
    expect(fooled.fruit.id).toBe('peach');
    expect(fooled.reading.lit).toBe(true);
    const learned = actor.getSnapshot().context.model.rigged!.tunes[0].perceptron;
    expect(fooled.knobs.find((k) => k.id === 'fragrant')!.value).toBe(learned.weights[FRAGRANT]);
    expect(fooled.basket.map((m) => m.fruit)).toEqual(level.rigged.basket);
    expect(fooled.basket.every((m) => m.lit === m.wanted)).toBe(true);
    expect(fooled.cue?.sound).toBe('failure');
    actor.send({ type: 'rigged.add', fruit: 'strawberry' });
    expect(view().line).toMatchObject({ key: 'ch3.rigged.added', params: { fruit: 'fruit.strawberry' } });
    actor.send({ type: 'rigged.add', fruit: 'plain-big-apple' });
    actor.send({ type: 'rigged.tune' });
    const fixed = view();
    expect(fixed.line.key).toBe('ch3.rigged.fixed');
    expect(fixed.rigged!.fixed).toBe(true);
    expect(fixed.rigged!.testRight).toBe(2);
    expect(fixed.cue?.sound).toBe('success');
  });
});

describe('the rigged basket in the attempt', () => {
  it('replays exactly from a recorded log, and the compare data carries it', () => {
    const played = playAppleLamp(level, 11, { challenge: SOLUTIONS.apple, rigged: ['strawberry', 'plain-big-apple'] });
    const snap = played.getSnapshot();
    expect(snap.status).toBe('done');
    // The log as it is saved: JSON, every event valid under the chapter's schema.
    const log = JSON.parse(JSON.stringify(snap.context.events)) as AppleLampEvent[];
    for (const e of log) expect(appleLampEventSchema.safeParse(e).success, JSON.stringify(e)).toBe(true);
    const replay = replayChapter(chapter, level, 11, log);
    expect(replay.result).toEqual(snap.output);
    const final = replay.final as typeof snap;
    expect(final.context.model.rigged).toEqual(snap.context.model.rigged);
    const fact = appleLampCompare(final.context).facts.find((f) => f.key === 'ch3.compare.rigged');
    expect(fact?.params).toEqual({ before: 0, after: 2, tests: 2, added: 2 });
  });

  it("does not count for stars: the result is the hidden basket's, with or without it", () => {
    for (const challenge of [SOLUTIONS.apple, 'bit'] as const) {
      const withIt = playAppleLamp(level, 4, { challenge, rigged: ['plain-big-apple', 'strawberry'] }).getSnapshot();
      const without = playAppleLamp(level, 4, { challenge }).getSnapshot();
      expect(withIt.output).toEqual(without.output);
      expect(chapter.nextStar?.(withIt.output!, level)).toEqual(chapter.nextStar?.(without.output!, level));
    }
  });

  it('a schema refuses a rigged.add without its fruit', () => {
    expect(appleLampEventSchema.safeParse({ type: 'rigged.add' }).success).toBe(false);
    expect(appleLampEventSchema.safeParse({ type: 'rigged.add', fruit: 'x'.repeat(100) }).success).toBe(false);
  });

  it('attempts recorded before the rigged basket (level version 1) still replay on version 2', () => {
    const save = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../fixtures/save-v2-2026-12-01.json'), 'utf8'),
    ) as {
      attempts: { chapter: number; levelVersion: number; seed: number; events: AppleLampEvent[]; result: unknown }[];
    };
    const old = save.attempts.filter((a) => a.chapter === 3);
    expect(old.length).toBeGreaterThan(0);
    for (const a of old) {
      expect(a.levelVersion).toBe(1);
      expect(chapter.levelVersion(level)).toBe(2);
      expect(replaysVersion(chapter, level, a.levelVersion)).toBe(true);
      expect(replayChapter(chapter, level, a.seed, a.events).result).toEqual(a.result);
    }
  });
});

describe('the rigged basket in the level file', () => {
  it('refuses a basket that is not rigged, and one with no apple', () => {
    const bad = clone(raw);
    bad.rigged.basket = ['apple', 'pear', 'plain-big-apple'];
    bad.rigged.choices = ['strawberry', 'persimmon'];
    const text = problemsOf(bad);
    expect(text).toMatch(/rigged\.basket\[1\].*"pear" is fragrant but not an apple, so the basket is not rigged/);
    expect(text).toMatch(/rigged\.basket\[2\].*"plain-big-apple" is an apple but not fragrant/);
    const none = clone(raw);
    none.rigged.basket = ['grape', 'watermelon'];
    expect(problemsOf(none)).toMatch(/rigged\.basket': needs at least one apple and one other fruit/);
  });

  it('refuses new fruit that follows the pattern and choices that cannot fix the lamp', () => {
    const bad = clone(raw);
    bad.rigged.test = ['peach', 'hawthorn'];
    bad.rigged.choices = ['persimmon'];
    const text = problemsOf(bad);
    expect(text).toMatch(/rigged\.test\[1\].*"hawthorn" follows the basket's pattern/);
    expect(text).toMatch(/rigged\.choices': no choice breaks the pattern/);
  });

  it('refuses unknown names, shared fruit, too many fruit and bad variants', () => {
    const bad = clone(raw);
    bad.rigged.feature = 'crunchy';
    bad.rigged.choices = ['peach', 'durian'];
    bad.rigged.variants[0].features = { crunchy: true } as unknown as { fragrant: boolean };
    const text = problemsOf(bad);
    expect(text).toMatch(/rigged\.feature.*"crunchy" is not one of the features/);
    expect(text).toMatch(/rigged\.choices\[0\].*"peach" is listed twice/);
    expect(text).toMatch(/rigged\.variants\[0\]\.features\.crunchy.*not one of the features/);
    const big = clone(raw);
    big.rigged.basket = ['apple', 'watermelon', 'green-apple', 'grape', 'hawthorn', 'cherry-tomato', 'persimmon'];
    big.rigged.choices = ['plain-big-apple', 'strawberry', 'lime'];
    expect(problemsOf(big)).toMatch(/rigged\.choices.*fit in 9 places/);
    const clash = clone(raw);
    clash.rigged.variants[0].id = 'peach';
    clash.rigged.variants[1].of = 'durian';
    const text2 = problemsOf(clash);
    expect(text2).toMatch(/rigged\.variants\[0\]\.id.*"peach" is already a fruit/);
    expect(text2).toMatch(/rigged\.variants\[1\]\.of.*"durian" is not a fruit/);
    const unknown = clone(raw);
    unknown.rigged.choices = ['durian'];
    expect(problemsOf(unknown)).toMatch(/rigged\.choices\[0\].*"durian" is not a fruit/);
  });
});
