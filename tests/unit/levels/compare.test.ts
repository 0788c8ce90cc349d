// The compare screen's data, chapter by chapter: two different attempts of each chapter are
// replayed through the contract (as the compare screen does) and their compare data must describe
// what differs between them, line up case by case, and hold finite numbers in range. Each
// chapter's reference attempt must verify and pass.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import type { Attempt } from '../../../src/app/saveSchema';
import { verifyAttempt } from '../../../src/attempts/verifyAttempt';
import { isMessageKey, loadChapterText } from '../../../src/i18n/i18n';
import { probabilityOf, targetOf } from '../../../src/levels/ch1/sitModel';
import { fruitById } from '../../../src/levels/ch2/rulebookModel';
import { labData } from '../../../src/levels/ch4/minskyLab';
import type { MinskyLevel } from '../../../src/levels/ch4/minskyLevel';
import type { DigitDemonChapterLevel } from '../../../src/levels/ch6/digitDemonMachine';
import { loadChapter } from '../../../src/levels/chapters';
import type { AnyChapter, CompareData } from '../../../src/levels/contract';
import { replayChapter, type ChapterReplay } from '../../../src/levels/shared/replay';
import { playChapter } from './ch4/ch4Player';
import { playAll } from './ch5/ch5-player';
import { play as playBoss, runEvents as bossEvents, SMALL } from './ch6/ch6-player';

const ROOT = join(__dirname, '../../..');
const save = JSON.parse(readFileSync(join(ROOT, 'tests/fixtures/save-v2-2026-12-01.json'), 'utf8')) as {
  attempts: Attempt[];
};

interface Replayed {
  replay: ChapterReplay;
  data: CompareData;
  events: readonly { type: string }[];
}

const chapters = new Map<number, { chapter: AnyChapter; level: unknown }>();

async function chapterOf(n: number) {
  let c = chapters.get(n);
  if (!c) {
    const chapter = (await loadChapter(n))!;
    c = { chapter, level: chapter.loadLevel() };
    chapters.set(n, c);
  }
  return c;
}

async function replay(n: number, seed: number, events: readonly { type: string }[]): Promise<Replayed> {
  const { chapter, level } = await chapterOf(n);
  const r = replayChapter(chapter, level, seed, events);
  expect(chapter.compare, `chapter ${n} has compare data`).toBeDefined();
  return { replay: r, data: chapter.compare!(r.final), events };
}

function fixtureAttempts(n: number): Promise<Replayed[]> {
  const attempts = save.attempts.filter((a) => a.chapter === n);
  expect(attempts.length).toBe(2);
  return Promise.all(attempts.map((a) => replay(n, a.seed, a.events)));
}

const fact = (d: CompareData, key: string) => {
  const f = d.facts.find((x) => x.key === key);
  expect(f, `fact ${key}`).toBeDefined();
  return f!.params;
};

/** Checks that hold for every chapter's data: text keys exist, numbers are finite and in range. */
function checkShape(n: number, d: CompareData) {
  const keys = new Set<string>();
  for (const f of d.facts) {
    expect(isMessageKey(f.key), `missing text key ${f.key}`).toBe(true);
    expect(keys.has(f.key), `fact key ${f.key} twice`).toBe(false);
    keys.add(f.key);
    for (const v of Object.values(f.params)) if (typeof v === 'number') expect(Number.isFinite(v)).toBe(true);
  }
  for (const [name, values] of Object.entries(d.series)) {
    expect(isMessageKey(`ch${n}.compare.series.${name}`), `missing series title ch${n}.compare.series.${name}`).toBe(
      true,
    );
    for (const v of values) expect(Number.isFinite(v)).toBe(true);
  }
  for (const c of d.cases ?? []) {
    expect(isMessageKey(c.label.key), `missing case label ${c.label.key}`).toBe(true);
    if (c.answer) expect(isMessageKey(c.answer.key), `missing answer ${c.answer.key}`).toBe(true);
  }
  for (const g of d.grids ?? []) {
    expect(isMessageKey(`ch${n}.compare.grid.${g.name}`), `missing grid title ch${n}.compare.grid.${g.name}`).toBe(
      true,
    );
    expect(g.values).toHaveLength(g.rows * g.cols);
    for (const v of g.values) expect(v >= 0 && v <= 1, `grid value ${v}`).toBe(true);
    for (const p of g.points ?? []) {
      expect(p.x >= 0 && p.x <= 1 && p.y >= 0 && p.y <= 1, `point ${p.x}, ${p.y}`).toBe(true);
    }
  }
  for (const p of d.paths ?? []) {
    expect(isMessageKey(`ch${n}.compare.path.${p.name}`), `missing path title ch${n}.compare.path.${p.name}`).toBe(
      true,
    );
    const [x0, x1, y0, y1] = p.bounds;
    expect(x0 < x1 && y0 < y1).toBe(true);
    for (const [x, y] of p.points) expect(x >= x0 && x <= x1 && y >= y0 && y <= y1, `path point ${x}, ${y}`).toBe(true);
  }
}

/** Two attempts' data: the same fact rows where the chapter keeps one row per setting. */
function sameCaseOrder(a: CompareData, b: CompareData) {
  expect(a.cases?.length).toBeGreaterThan(0);
  expect(a.cases!.map((c) => c.label)).toEqual(b.cases!.map((c) => c.label));
}

beforeAll(async () => {
  for (const n of [2, 3, 4, 5, 6]) await loadChapterText(n);
  // Chapter 1's compare text has its own file too (its other text is in the shell's).
  await loadChapterText(1);
});

describe('compare data', () => {
  it('chapter 1: trials per command, the show, and each command’s probability after every trial', async () => {
    const [a, b] = await fixtureAttempts(1);
    for (const r of [a, b]) {
      checkShape(1, r.data);
      const level = r.replay.final.context.level;
      const feedbacks = r.events.filter((e) => e.type === 'trial.feedback').length;
      expect(fact(r.data, 'ch1.compare.trials').n).toBe(r.replay.result.trainingTrials);
      expect(fact(r.data, 'ch1.compare.show')).toEqual({ correct: r.replay.result.showCorrect, size: 10 });
      const perCommand = level.commands.map((c: { id: string }) => Number(fact(r.data, `ch1.compare.cmd.${c.id}`).n));
      expect(perCommand.reduce((x: number, y: number) => x + y, 0)).toBe(feedbacks);
      expect(r.data.series.feedback).toHaveLength(feedbacks);
      for (const v of r.data.series.feedback) expect([-1, 0, 1]).toContain(v);
      for (const c of level.commands as { id: string }[]) {
        const curve = r.data.series[c.id];
        expect(curve).toHaveLength(feedbacks);
        for (const p of curve) expect(p >= 0 && p <= 1).toBe(true);
        // The recomputed curve ends where the attempt's own policy ended.
        const model = r.replay.final.context.model;
        expect(curve[curve.length - 1]).toBeCloseTo(probabilityOf(model, c.id, targetOf(level, c.id)), 12);
      }
      // Training "Sit!" raised its chance well above chance level (1 in 5 actions).
      expect(r.data.series.sit[r.data.series.sit.length - 1]).toBeGreaterThan(0.8);
    }
    expect(fact(a.data, 'ch1.compare.trials').n).not.toBe(fact(b.data, 'ch1.compare.trials').n);
    expect(a.data.series.sit.length).not.toBe(b.data.series.sit.length);
  });

  it('chapter 2: both rulebooks in words, rules, side, score, and the hidden basket case by case', async () => {
    const [a, b] = await fixtureAttempts(2);
    for (const r of [a, b]) {
      checkShape(2, r.data);
      const { data } = r.replay.final.context;
      expect(fact(r.data, 'ch2.compare.weather').rules).toBe('cloudy ∧ humidity > 70% ∧ ¬windy');
      expect(fact(r.data, 'ch2.compare.rules').n).toBe(r.replay.result.rules);
      expect(fact(r.data, 'ch2.compare.score')).toEqual({ correct: r.replay.result.correct, size: 8 });
      expect(r.data.facts.some((f) => f.key === `ch2.compare.side.${r.replay.result.side}`)).toBe(true);
      const cases = r.data.cases!;
      expect(cases.map((c) => c.label.key)).toEqual(
        data.level.challenge.basket.map((id: string) => fruitById(data, id).nameKey),
      );
      expect(cases.filter((c) => c.right)).toHaveLength(Number(r.replay.result.correct));
      data.level.challenge.basket.forEach((id: string, i: number) => {
        const saidApple = cases[i].answer!.key === 'ch2.say.apple';
        expect(cases[i].right, id).toBe(saidApple === fruitById(data, id).isApple);
      });
    }
    sameCaseOrder(a.data, b.data);
    expect(fact(a.data, 'ch2.compare.apple').rules).toBe('red ∧ round ∧ fragrant | green ∧ sour');
    expect(fact(b.data, 'ch2.compare.apple').rules).not.toBe(fact(a.data, 'ch2.compare.apple').rules);
    expect(a.data.facts.map((f) => f.key)).toContain('ch2.compare.side.wang');
    expect(b.data.facts.map((f) => f.key)).toContain('ch2.compare.side.li');
  });

  it('chapter 3: every knob and the score, and each hidden fruit with the lamp’s decision', async () => {
    // The two saved attempts challenge with the same knobs; the reference uses four knobs only.
    const [a, b] = await fixtureAttempts(3);
    const ref = await (await chapterOf(3)).chapter.reference!();
    const c = await replay(3, ref.seed, ref.events);
    for (const r of [a, b, c]) {
      checkShape(3, r.data);
      const { level, model } = r.replay.final.context;
      const run = model.runs[model.runs.length - 1];
      level.features.forEach((f: string, i: number) =>
        expect(fact(r.data, `ch3.compare.knob.${f}`).value).toBe(run.setting.weights[i]),
      );
      expect(fact(r.data, 'ch3.compare.knob.threshold').value).toBe(run.setting.threshold);
      expect(fact(r.data, 'ch3.compare.right')).toEqual({ right: r.replay.result.correct, size: 10 });
      expect(fact(r.data, 'ch3.compare.knobs').n).toBe(r.replay.result.knobs);
      const cases = r.data.cases!;
      expect(cases.map((c) => c.label.key)).toEqual(
        level.challenge.fruits.map((id: string) => level.fruits[id].nameKey),
      );
      expect(cases.filter((c) => c.right)).toHaveLength(Number(r.replay.result.correct));
      level.challenge.fruits.forEach((id: string, i: number) => {
        const lit = cases[i].answer!.key === 'ch3.lamp.on';
        expect(lit, id).toBe(run.rounds.find((x: { fruit: string }) => x.fruit === id).lit);
        expect(cases[i].right, id).toBe(lit === level.fruits[id].isApple);
      });
    }
    sameCaseOrder(a.data, b.data);
    sameCaseOrder(a.data, c.data);
    const knobs = (d: CompareData) => d.facts.filter((f) => f.key.startsWith('ch3.compare.knob.')).map((f) => f.params);
    expect(knobs(a.data)).not.toEqual(knobs(c.data));
    expect(fact(c.data, 'ch3.compare.knobs').n).toBe(4);
  });

  it('chapter 4: the network’s settings, its decision boundary with the points, and the loss curves', async () => {
    const { level } = await chapterOf(4);
    const lvl = level as MinskyLevel;
    const plans = [
      { seed: 14, plan: { dataset: 'circle', layers: [4], activation: 'tanh', rate: 1, epochs: 300 } },
      { seed: 5, plan: { dataset: 'moons', layers: [6], activation: 'tanh', rate: 1, epochs: 400 } },
    ] as const;
    const runs = await Promise.all(
      plans.map(({ seed, plan }) => {
        const events = playChapter(lvl, seed, { ...plan, layers: [...plan.layers] }).getSnapshot().context.events;
        return replay(4, seed, events);
      }),
    );
    runs.forEach((r, k) => {
      const { plan, seed } = plans[k];
      checkShape(4, r.data);
      expect(fact(r.data, 'ch4.compare.neurons').n).toBe(r.replay.result.neurons);
      expect(fact(r.data, 'ch4.compare.layers').layers).toBe(plan.layers.join(' · '));
      expect(r.data.facts.map((f) => f.key)).toContain(`ch4.compare.dataset.${plan.dataset}`);
      expect(fact(r.data, 'ch4.compare.activation').name).toBe(plan.activation);
      expect(fact(r.data, 'ch4.compare.rate').rate).toBe(plan.rate);
      expect(fact(r.data, 'ch4.compare.epochs').n).toBe(plan.epochs);
      expect(r.data.series.trainLoss).toHaveLength(plan.epochs + 1);
      expect(r.data.series.testLoss).toHaveLength(plan.epochs + 1);
      const grid = r.data.grids!.find((g) => g.name === 'boundary')!;
      expect([grid.rows, grid.cols]).toEqual([24, 24]);
      const { train, test } = labData(lvl, seed, plan.dataset);
      expect(grid.points).toHaveLength(train.x.length + test.x.length);
      // The picture agrees with the points: the cell under most points holds their label's side.
      const agree = grid.points!.filter((p) => {
        const cell = Math.min(23, Math.floor(p.y * 24)) * 24 + Math.min(23, Math.floor(p.x * 24));
        return (grid.values[cell] > 0.5 ? 1 : 0) === p.label;
      }).length;
      expect(agree / grid.points!.length).toBeGreaterThan(0.85);
    });
    expect(runs[0].data.facts).not.toEqual(runs[1].data.facts);
  });

  it('chapter 5: the challenge’s steps, loss per step and its path over K1, K2', async () => {
    const runs = await Promise.all(
      [
        [0.1, 0.1, 0.1],
        [0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05, 0.05],
      ].map((sizes) => replay(5, 7, playAll(7, sizes))),
    );
    for (const r of runs) {
      checkShape(5, r.data);
      const steps = Number(r.replay.result.steps);
      expect(fact(r.data, 'ch5.compare.steps').steps).toBe(steps);
      const path = r.data.paths!.find((p) => p.name === 'challenge')!;
      expect(path.points).toHaveLength(steps + 1);
      expect(path.points[0]).toEqual(r.replay.final.context.level.challenge.start);
      expect(r.data.series.loss).toHaveLength(steps + 1);
      expect(r.data.series.k1).toEqual(path.points.map((p) => p[0]));
      expect(r.data.series.k2).toEqual(path.points.map((p) => p[1]));
    }
    expect(runs[0].data.paths![0].points.length).not.toBe(runs[1].data.paths![0].points.length);
  });

  it('chapter 6: the net’s settings, throws hit or missed, and the confusion matrix per true digit', async () => {
    const { level } = await chapterOf(6);
    const lvl = level as DigitDemonChapterLevel;
    const choices = [SMALL, { hidden: 16, rate: 0.5, epochs: 1 }];
    const runs = await Promise.all(
      choices.map((c) => {
        const events = playBoss(lvl, 11, bossEvents(lvl.file, c)).getSnapshot().context.events;
        return replay(6, 11, events);
      }),
    );
    runs.forEach((r, k) => {
      checkShape(6, r.data);
      expect(fact(r.data, 'ch6.compare.net')).toEqual(choices[k]);
      const model = r.replay.final.context.model;
      expect(fact(r.data, 'ch6.compare.accuracy').percent).toBe(Math.round(model.report.accuracy * 1000) / 10);
      expect(r.data.series.throws).toHaveLength(lvl.file.fight.throws);
      expect(fact(r.data, 'ch6.compare.hits')).toEqual({
        hits: r.data.series.throws.filter((v) => v === 1).length,
        throws: lvl.file.fight.throws,
      });
      const grid = r.data.grids!.find((g) => g.name === 'confusion')!;
      expect([grid.rows, grid.cols]).toEqual([10, 10]);
      const confusion: number[][] = model.report.confusion;
      let right = 0;
      let total = 0;
      for (let t = 0; t < 10; t++) {
        const row = grid.values.slice(t * 10, t * 10 + 10);
        const n = confusion[t].reduce((x, y) => x + y, 0);
        expect(row.reduce((x, y) => x + y, 0)).toBeCloseTo(n > 0 ? 1 : 0, 9);
        right += row[t] * n;
        total += n;
      }
      // The diagonal, weighted by how many of each digit there are, is the held-out accuracy.
      expect(right / total).toBeCloseTo(model.report.accuracy, 6);
    });
    expect(runs[0].data.facts[0]).not.toEqual(runs[1].data.facts[0]);
  });
});

describe('reference attempts', () => {
  for (const n of [1, 2, 3, 4, 5, 6]) {
    it(`chapter ${n}'s reference attempt verifies and passed`, async () => {
      const { chapter } = await chapterOf(n);
      expect(chapter.reference).toBeDefined();
      const attempt = await chapter.reference!();
      expect(attempt.chapter).toBe(n);
      expect(attempt.result.passed).toBe(true);
      expect(attempt.result.stars).toBeGreaterThanOrEqual(2);
      const v = await verifyAttempt(attempt as Attempt);
      expect(v.message).toMatch(/^Verified/);
      expect(v.ok).toBe(true);
      const data = chapter.compare!(v.replay!.final);
      checkShape(n, data);
    });
  }
});
