// Lining up two attempts for the compare screen: facts row by row, cases case by case, series step
// by step, each difference marked. lineUp is pure and checked on a table; compareAttempts replays
// both attempts of the fixture chapter (tests/fixtures/chapter7) and says which ones verify.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compareAttempts, lineUp } from '../../../src/app/compare';
import type { Attempt } from '../../../src/app/saveSchema';
import { registerChapter } from '../../../src/levels/chapters';
import type { CompareData } from '../../../src/levels/contract';

const fact = (key: string, params: Record<string, string | number>) => ({ key, params });
const label = (n: number) => fact('case', { n });
const data = (d: Partial<CompareData>): CompareData => ({ facts: [], series: {}, ...d });

describe('lineUp', () => {
  describe('facts', () => {
    const table: [string, CompareData, CompareData, { key: string; same: boolean; a: unknown; b: unknown }[]][] = [
      [
        'equal params are the same',
        data({ facts: [fact('k', { n: 3 })] }),
        data({ facts: [fact('k', { n: 3 })] }),
        [{ key: 'k', a: { n: 3 }, b: { n: 3 }, same: true }],
      ],
      [
        'other params differ',
        data({ facts: [fact('k', { n: 3 })] }),
        data({ facts: [fact('k', { n: 4 })] }),
        [{ key: 'k', a: { n: 3 }, b: { n: 4 }, same: false }],
      ],
      [
        "a fact only one side has: its row, the other side empty; a's keys first, then b's new ones",
        data({ facts: [fact('x', { n: 1 }), fact('k', { n: 2 })] }),
        data({ facts: [fact('k', { n: 2 }), fact('y', { s: 'hi' })] }),
        [
          { key: 'x', a: { n: 1 }, b: null, same: false },
          { key: 'k', a: { n: 2 }, b: { n: 2 }, same: true },
          { key: 'y', a: null, b: { s: 'hi' }, same: false },
        ],
      ],
      ['no facts, no rows', data({}), data({}), []],
    ];
    for (const [name, a, b, rows] of table) it(name, () => expect(lineUp(a, b).facts).toEqual(rows));
  });

  describe('cases', () => {
    const answer = (v: string) => fact('answer', { v });
    it('pairs cases by position and marks each as the same or not', () => {
      const a = data({
        cases: [
          { label: label(1), right: true },
          { label: label(2), right: true, answer: answer('apple') },
          { label: label(3), right: false, answer: answer('pear') },
          { label: label(4), right: true },
        ],
      });
      const b = data({
        cases: [
          { label: label(1), right: true },
          { label: label(2), right: true, answer: answer('plum') },
          { label: label(3), right: true, answer: answer('pear') },
        ],
      });
      expect(lineUp(a, b).cases).toEqual([
        { label: label(1), a: { right: true }, b: { right: true }, same: true },
        {
          label: label(2),
          a: { right: true, answer: answer('apple') },
          b: { right: true, answer: answer('plum') },
          same: false,
        },
        {
          label: label(3),
          a: { right: false, answer: answer('pear') },
          b: { right: true, answer: answer('pear') },
          same: false,
        },
        { label: label(4), a: { right: true }, b: null, same: false },
      ]);
    });

    it('takes the label from whichever side has the case', () => {
      const rows = lineUp(data({}), data({ cases: [{ label: label(9), right: false }] })).cases;
      expect(rows).toEqual([{ label: label(9), a: null, b: { right: false }, same: false }]);
    });
  });

  describe('series', () => {
    const table: [string, Record<string, number[]>, Record<string, number[]>, Record<string, number | null>][] = [
      ['identical: they never part', { loss: [3, 2, 1] }, { loss: [3, 2, 1] }, { loss: null }],
      ['they part at the first step', { loss: [3, 2, 1] }, { loss: [4, 2, 1] }, { loss: 0 }],
      ['they part in the middle', { loss: [3, 2, 1, 0] }, { loss: [3, 2, 5, 0] }, { loss: 2 }],
      ['b goes on after a stops', { loss: [3, 2] }, { loss: [3, 2, 1, 0] }, { loss: 2 }],
      ['a goes on after b stops', { loss: [3, 2, 1] }, { loss: [3] }, { loss: 1 }],
      ['a series only one side has parts at once', { loss: [1] }, { loss: [1], acc: [0.5] }, { loss: null, acc: 0 }],
      ['two empty series never part', { loss: [] }, { loss: [] }, { loss: null }],
    ];
    for (const [name, a, b, first] of table) {
      it(name, () => {
        const rows = lineUp(data({ series: a }), data({ series: b })).series;
        expect(Object.fromEntries(rows.map((r) => [r.name, r.firstDifference]))).toEqual(first);
        for (const r of rows) {
          expect(r.a).toEqual(a[r.name] ?? []);
          expect(r.b).toEqual(b[r.name] ?? []);
        }
      });
    }
  });
});

describe('compareAttempts', () => {
  let unregister: () => void = () => {};
  beforeAll(() => {
    unregister = registerChapter({
      number: 7,
      titleKey: 'ch7.title',
      yearKey: 'map.year7',
      icon: 'map-ch1-dog',
      load: () => import('../../fixtures/chapter7'),
    });
  });
  afterAll(() => unregister());

  // Seed 4 hides 5 (see tests/fixtures/chapter7/model.ts).
  const attempt = (values: number[], stars: number): Attempt => ({
    chapter: 7,
    levelVersion: 1,
    seed: 4,
    events: values.map((value) => ({ type: 'guess.make', value })),
    result: { passed: true, stars, guesses: values.length },
    time: '2026-12-07T10:00:00.000Z',
  });

  it('replays both, lines up their data and counts their steps', async () => {
    const report = await compareAttempts(
      { attempt: attempt([5], 3) },
      { attempt: attempt([2, 7, 5], 3), reference: true },
    );
    expect(report.chapter).toBe(7);
    expect([report.a.verified, report.b.verified]).toEqual([true, true]);
    expect([report.a.reference, report.b.reference]).toEqual([false, true]);
    expect(report.a.stats).toEqual({ guesses: 1 });
    expect(report.steps).toEqual([1, 3]);
    expect(report.facts).toEqual([{ key: 'ch7.compare.guesses', a: { n: 1 }, b: { n: 3 }, same: false }]);
    expect(report.series).toEqual([{ name: 'distance', a: [0], b: [3, 2, 0], firstDifference: 0 }]);
    expect(report.cases.map((c) => [c.a?.right ?? null, c.b?.right ?? null, c.same])).toEqual([
      [true, false, false],
      [null, false, false],
      [null, true, false],
    ]);
  });

  it('says which side does not verify, and still shows what its replay did', async () => {
    const report = await compareAttempts({ attempt: attempt([5], 1) }, { attempt: attempt([5], 3) });
    expect(report.a.verified).toBe(false);
    expect(report.a.message).toMatch(/differs/);
    expect(report.b.verified).toBe(true);
    expect(report.facts[0]).toMatchObject({ a: { n: 1 }, b: { n: 1 }, same: true });
    expect(report.series[0].firstDifference).toBeNull();
  });

  it('refuses two chapters', async () => {
    await expect(
      compareAttempts({ attempt: attempt([5], 3) }, { attempt: { ...attempt([5], 3), chapter: 1 } }),
    ).rejects.toThrow(/same chapter/);
  });
});
