import { describe, expect, it } from 'vitest';
import { explain, forwardChain, validateCondition } from '../../../src/engine';
import { loadRulebookLevel } from '../../../src/levels/ch2/rulebookLevel';
import {
  applyEdit,
  bookCondition,
  emptyBook,
  ruleCount,
  type Book,
  type Tile,
} from '../../../src/levels/ch2/rulebookEdit';
import {
  createRulebookState,
  editBook,
  expertCeiling,
  fruitById,
  fruitReport,
  fruitsOfSeason,
  matchesExpert,
  predict,
  runChallenge,
  sellerConflicts,
  sellersRules,
  starsFor,
  tilesOf,
  weekReport,
} from '../../../src/levels/ch2/rulebookModel';

const data = loadRulebookLevel();
const { level } = data;
const s1 = fruitsOfSeason(data, level.stall.season);
const s2 = fruitsOfSeason(data, level.stall.newSeason);
const tile = (fact: string, extra: Partial<Tile> = {}): Tile => ({ fact, not: false, join: 'and', ...extra });
const weatherBook: Book = [
  { tiles: [tile('cloudy'), tile('humidity', { threshold: 70 }), tile('windy', { not: true })] },
];
const redRoundFragrant: Book = [{ tiles: [tile('red'), tile('round'), tile('fragrant')] }];
const wangBook: Book = [...redRoundFragrant, { tiles: [tile('green'), tile('sour')] }];
const liBook: Book = [{ tiles: [tile('red'), tile('round'), tile('sweet')] }];

describe('chapter 2 model: editing', () => {
  const tiles = tilesOf(data, 'weather');
  const limits = level.limits;

  it('places tiles with their starting threshold, sets operators and removes them', () => {
    let b = applyEdit(emptyBook(), { type: 'tile.add', rule: 0, fact: 'humidity' }, tiles, limits)!;
    expect(b[0].tiles[0]).toEqual({ fact: 'humidity', not: false, join: 'and', threshold: 50 });
    b = applyEdit(b, { type: 'tile.add', rule: 0, fact: 'windy' }, tiles, limits)!;
    b = applyEdit(b, { type: 'tile.join', rule: 0, tile: 1, join: 'or' }, tiles, limits)!;
    b = applyEdit(b, { type: 'tile.not', rule: 0, tile: 1, not: true }, tiles, limits)!;
    expect(bookCondition(b, tiles)).toEqual({
      op: 'or',
      conditions: [
        { op: '>', fact: 'humidity', value: 50 },
        { op: 'not', condition: { op: 'is', fact: 'windy' } },
      ],
    });
    b = applyEdit(b, { type: 'tile.remove', rule: 0, tile: 0 }, tiles, limits)!;
    expect(b[0].tiles.map((t) => t.fact)).toEqual(['windy']);
  });

  it('refuses impossible edits (null), so nothing is recorded for them', () => {
    const b = applyEdit(emptyBook(), { type: 'tile.add', rule: 0, fact: 'humidity' }, tiles, limits)!;
    expect(applyEdit(b, { type: 'tile.threshold', rule: 0, tile: 0, value: 65 }, tiles, limits)).toBeNull();
    expect(applyEdit(b, { type: 'tile.join', rule: 0, tile: 0, join: 'or' }, tiles, limits)).toBeNull();
    expect(applyEdit(b, { type: 'tile.add', rule: 3, fact: 'cloudy' }, tiles, limits)).toBeNull();
    expect(applyEdit(b, { type: 'tile.add', rule: 0, fact: 'snow' }, tiles, limits)).toBeNull();
    let full = b;
    for (let i = 1; i < limits.maxTiles; i++)
      full = applyEdit(full, { type: 'tile.add', rule: 0, fact: 'cloudy' }, tiles, limits)!;
    expect(applyEdit(full, { type: 'tile.add', rule: 0, fact: 'cloudy' }, tiles, limits)).toBeNull();
    let many = emptyBook();
    for (let i = 1; i < limits.maxRules; i++) many = applyEdit(many, { type: 'rule.add' }, tiles, limits)!;
    expect(applyEdit(many, { type: 'rule.add' }, tiles, limits)).toBeNull();
    expect(editBook(data, createRulebookState(1), 'apple', { type: 'tile.add', rule: 0, fact: 'cloudy' })).toBeNull();
  });

  it('counts each OR group as one more rule, and an empty rule as none', () => {
    expect(ruleCount(emptyBook())).toBe(0);
    expect(ruleCount(wangBook)).toBe(2);
    expect(ruleCount([{ tiles: [tile('red'), tile('green', { join: 'or' }), tile('sour')] }])).toBe(2);
  });

  it('a one-rule AND book is a plain condition that chapter 3 can validate', () => {
    const c = bookCondition(
      [{ tiles: [tile('red'), tile('sweet'), tile('big', { not: true })] }],
      tilesOf(data, 'apple'),
    );
    expect(validateCondition(c)).toEqual({
      op: 'and',
      conditions: [
        { op: 'is', fact: 'red' },
        { op: 'is', fact: 'sweet' },
        { op: 'not', condition: { op: 'is', fact: 'big' } },
      ],
    });
  });
});

describe('chapter 2 model: part A, the weather week', () => {
  it('"cloudy" alone gets 5 of 7 days; cloudy AND humidity > 70 AND NOT windy gets all 7', () => {
    expect(weekReport(data, [{ tiles: [tile('cloudy')] }]).correct).toBe(5);
    expect(weekReport(data, weatherBook).correct).toBe(7);
    // The transcript's rule without NOT windy is fooled by Friday's wind.
    const noWind = weekReport(data, [{ tiles: [tile('cloudy'), tile('humidity', { threshold: 70 })] }]);
    expect(noWind.days.filter((d) => !d.correct).map((d) => d.day)).toEqual(['fri']);
  });

  it('a "why?" trace lists each tile with the value read and whether it held', () => {
    const mon = predict(data, weatherBook, 'weather', level.weather.days[0].facts);
    expect(mon.predicted).toBe(true);
    expect(mon.because).toEqual([0]);
    expect(mon.rules[0].items).toEqual([
      { fact: 'cloudy', not: false, join: 'and', op: 'is', value: true, holds: true },
      { fact: 'humidity', not: false, join: 'and', op: '>', threshold: 70, value: 80, holds: true },
      { fact: 'windy', not: true, join: 'and', op: 'is', value: false, holds: true },
    ]);
    const fri = predict(data, weatherBook, 'weather', level.weather.days[4].facts);
    expect(fri.predicted).toBe(false);
    expect(fri.because).toEqual([]);
    expect(fri.rules[0]).toMatchObject({ fired: false });
    expect(fri.rules[0].items[2]).toMatchObject({ fact: 'windy', not: true, value: true, holds: false });
  });
});

describe('chapter 2 model: part B, the fruit stall', () => {
  it("the sellers' written rulebooks reproduce what each seller says about this season", () => {
    for (const seller of data.fruits.sellers) {
      const rules = level.stall.sellerRules[seller.id];
      for (const f of s1)
        expect(forwardChain(rules, f.features).facts.apple === true, `${seller.id} on ${f.id}`).toBe(
          f.sellerSays[seller.id],
        );
    }
  });

  it('chains: Uncle Li calls a red, round, sweet fruit a "love apple", and a love apple an apple', () => {
    const result = forwardChain(level.stall.sellerRules.li, fruitById(data, 'cherry-tomato').features);
    expect(explain(result, 'apple').map((f) => f.ruleId)).toEqual(['li-love', 'li-apple']);
  });

  it('detects the conflict: both rulebooks together disagree on exactly the green apple and the cherry tomato', () => {
    const conflicts = sellerConflicts(data, s1);
    expect(conflicts.map((c) => c.fruit)).toEqual(['green-apple', 'cherry-tomato']);
    const green = conflicts[0];
    expect(green.fact).toBe('apple');
    expect(green.claims).toEqual([
      { value: true, ruleId: 'wang-green', seller: 'wang' },
      { value: false, ruleId: 'li-green', seller: 'li' },
    ]);
    expect(conflicts[1].claims.map((c) => [c.seller, c.value])).toEqual([
      ['wang', false],
      ['li', true],
    ]);
    expect(sellersRules(data).rules).toHaveLength(6);
  });

  it('red AND round AND fragrant matches every fruit the sellers agree on, but neither seller fully', () => {
    expect(matchesExpert(data, redRoundFragrant, s1, null)).toBe(true);
    expect(matchesExpert(data, redRoundFragrant, s1, 'wang')).toBe(false);
    expect(matchesExpert(data, wangBook, s1, 'wang')).toBe(true);
    expect(matchesExpert(data, liBook, s1, 'li')).toBe(true);
    expect(fruitReport(data, redRoundFragrant, s1, () => null).checked).toBe(0);
  });

  it('the new season brings look-alikes: a lime feels like a green apple, a pomegranate like a cherry tomato', () => {
    // A rulebook sees only features, so it must answer the same for both fruits of a pair; each
    // seller is right on one fruit of a pair only by seeing more than the features.
    expect(fruitById(data, 'lime').features).toEqual(fruitById(data, 'green-apple').features);
    expect(fruitById(data, 'pomegranate').features).toEqual(fruitById(data, 'cherry-tomato').features);
    for (const book of [wangBook, liBook, redRoundFragrant]) {
      for (const [a, b] of [
        ['lime', 'green-apple'],
        ['pomegranate', 'cherry-tomato'],
      ]) {
        expect(predict(data, book, 'apple', fruitById(data, a).features).predicted).toBe(
          predict(data, book, 'apple', fruitById(data, b).features).predicted,
        );
      }
    }
    expect(matchesExpert(data, wangBook, s2, 'wang')).toBe(false);
    expect(matchesExpert(data, liBook, s2, 'li')).toBe(false);
  });

  it('the new season: any one-rule book that copies Uncle Li on this season fails on the next', () => {
    // Every AND of literals over the 7 features (each feature: absent, required or forbidden).
    const features = data.fruits.features.map((f) => f.id);
    for (const side of ['li']) {
      let copies = 0;
      for (let code = 0; code < 3 ** features.length; code++) {
        const tiles: Tile[] = [];
        let c = code;
        for (const f of features) {
          if (c % 3 === 1) tiles.push(tile(f));
          if (c % 3 === 2) tiles.push(tile(f, { not: true }));
          c = Math.floor(c / 3);
        }
        const book: Book = [{ tiles }];
        if (!matchesExpert(data, book, s1, side)) continue;
        copies += 1;
        expect(matchesExpert(data, book, s2, side)).toBe(false);
        // The expert ceiling: never better than the seller it copies.
        const ceiling = expertCeiling(data, book, [...s1, ...s2], side);
        expect(ceiling.rulebookCorrect).toBeLessThan(ceiling.expertCorrect);
      }
      expect(copies).toBeGreaterThan(0);
    }
  });

  it('the expert ceiling numbers: Auntie Wang 18/18 vs her copy 17/18; Uncle Li 16/18 vs his copy 14/18', () => {
    expect(expertCeiling(data, wangBook, [...s1, ...s2], 'wang')).toEqual({
      total: 18,
      expertCorrect: 18,
      rulebookCorrect: 17,
    });
    expect(expertCeiling(data, liBook, [...s1, ...s2], 'li')).toEqual({
      total: 18,
      expertCorrect: 16,
      rulebookCorrect: 14,
    });
  });
});

describe('chapter 2 model: challenge and scoring', () => {
  it('stars go by accuracy first, then by fewer rules', () => {
    expect(starsFor(data, 8, 1)).toBe(3);
    expect(starsFor(data, 7, 2)).toBe(3);
    expect(starsFor(data, 7, 3)).toBe(2);
    expect(starsFor(data, 6, 1)).toBe(1);
    expect(starsFor(data, 5, 1)).toBe(0);
    expect(starsFor(data, 4, 1)).toBe(0);
  });

  it('judges the hidden basket against the truth; the seed only shuffles the order', () => {
    const a = runChallenge(data, { ...createRulebookState(1), apple: wangBook }).challenges[0];
    const b = runChallenge(data, { ...createRulebookState(2), apple: wangBook }).challenges[0];
    expect(a).toMatchObject({ correct: 7, size: 8, rules: 2, stars: 3, passed: true });
    expect(a.fruits.filter((f) => !f.correct).map((f) => f.fruit)).toEqual(['lime']);
    expect(b.correct).toBe(a.correct);
    expect(a.fruits.map((f) => f.fruit).sort()).toEqual([...level.challenge.basket].sort());
    const best = runChallenge(data, { ...createRulebookState(1), apple: redRoundFragrant }).challenges[0];
    expect(best).toMatchObject({ correct: 8, rules: 1, stars: 3 });
    const empty = runChallenge(data, createRulebookState(1)).challenges[0];
    // Saying "never an apple" is right about every non-apple, and still fails.
    expect(empty).toMatchObject({ correct: 5, rules: 0, stars: 0, passed: false });
  });
});
