// Chapter 2's rules as a pure model: the player's two rulebooks (weather, apple) and everything
// computed from them with the engine's forward chaining: per-day and per-fruit predictions with
// their "why?" traces, the sellers' conflict, the new-season test, the expert ceiling and the
// challenge on the hidden basket. Plain data in, new plain data out.
import {
  createRng,
  explain,
  forwardChain,
  type ConditionEvaluation,
  type Facts,
  type FactValue,
  type Rule,
} from '../../engine';
import { deriveSeed } from '../shared/seeds';
import { appleTiles, type RulebookData, type TileDef } from './rulebookLevel';
import type { Fruit } from '../shared/fruits';
import {
  applyEdit,
  emptyBook,
  engineRules,
  ruleCount,
  ruleIndex,
  type Book,
  type EditEvent,
  type Join,
} from './rulebookEdit';

export type Part = 'weather' | 'apple';

export interface ChallengeFruit {
  fruit: string;
  predicted: boolean;
  truth: boolean;
  correct: boolean;
}

export interface ChallengeResult {
  fruits: ChallengeFruit[];
  correct: number;
  size: number;
  rules: number;
  stars: 0 | 1 | 2 | 3;
  passed: boolean;
}

export interface RulebookState {
  seed: number;
  weather: Book;
  apple: Book;
  /** The seller whose side the rulebook takes where the two disagree. */
  side: string | null;
  checks: number;
  challenges: ChallengeResult[];
}

export interface RulebookResult {
  passed: boolean;
  stars: 0 | 1 | 2 | 3;
  correct: number;
  size: number;
  rules: number;
  /** Whose side the rulebook took in the sellers' conflict. */
  side: string | null;
  checks: number;
  challengeAttempts: number;
}

export function createRulebookState(seed: number): RulebookState {
  return { seed: seed >>> 0, weather: emptyBook(), apple: emptyBook(), side: null, checks: 0, challenges: [] };
}

export function tilesOf(data: RulebookData, part: Part): TileDef[] {
  return part === 'weather' ? data.level.weather.tiles : appleTiles(data.fruits);
}

export function conclusionOf(data: RulebookData, part: Part): string {
  return part === 'weather' ? data.level.weather.conclusion.fact : data.level.stall.conclusion.fact;
}

/** The edit applied to the part's book, or null when it is not allowed. */
export function editBook(data: RulebookData, state: RulebookState, part: Part, event: EditEvent): RulebookState | null {
  const book = applyEdit(state[part], event, tilesOf(data, part), data.level.limits);
  return book ? { ...state, [part]: book } : null;
}

// ---------------------------------------------------------------------------------------------
// Predictions and "why?" traces

/** One tile of a rule as the engine evaluated it: the fact read, its value, and yes/no. */
export interface TraceItem {
  fact: string;
  not: boolean;
  join: Join;
  op: string;
  threshold?: number;
  value: FactValue | undefined;
  /** Whether this tile (NOT included) held. */
  holds: boolean;
}

export interface RuleTrace {
  rule: number;
  fired: boolean;
  items: TraceItem[];
}

export interface Prediction {
  predicted: boolean;
  /** Rules that fired, in firing order (the engine's explain), by position in the book. */
  because: number[];
  rules: RuleTrace[];
}

/** The tiles of an evaluated rule, in order: NOT nodes over a leaf count as one tile. */
function traceItems(node: ConditionEvaluation): { node: ConditionEvaluation; not: boolean; holds: boolean }[] {
  const c = node.condition;
  if (c.op === 'not' && node.children?.[0]?.fact !== undefined)
    return [{ node: node.children[0], not: true, holds: node.result === true }];
  if (c.op === 'and' || c.op === 'or' || c.op === 'not') return (node.children ?? []).flatMap((ch) => traceItems(ch));
  return [{ node, not: false, holds: node.result === true }];
}

export function predict(data: RulebookData, book: Book, part: Part, facts: Facts): Prediction {
  const conclusion = conclusionOf(data, part);
  const rules = engineRules(book, tilesOf(data, part), conclusion);
  const result = forwardChain(rules, facts);
  const evaluations = new Map<string, { fired: boolean; when: ConditionEvaluation }>();
  for (const f of result.fired) evaluations.set(f.ruleId, { fired: true, when: f.when });
  for (const n of result.notFired) evaluations.set(n.ruleId, { fired: false, when: n.when });
  const traces: RuleTrace[] = rules.map((r) => {
    const ev = evaluations.get(r.id)!;
    const index = ruleIndex(r.id);
    const tiles = book[index].tiles;
    const items = traceItems(ev.when).map((it, k): TraceItem => {
      const c = it.node.condition;
      return {
        fact: it.node.fact ?? '',
        not: it.not,
        join: tiles[k]?.join ?? 'and',
        op: c.op,
        ...(c.op !== 'is' && 'value' in c && typeof c.value === 'number' ? { threshold: c.value } : {}),
        value: it.node.factValue,
        holds: it.holds,
      };
    });
    return { rule: index, fired: ev.fired, items };
  });
  return {
    predicted: result.facts[conclusion] === true,
    because: explain(result, conclusion).map((f) => ruleIndex(f.ruleId)),
    rules: traces,
  };
}

// ---------------------------------------------------------------------------------------------
// Part A: the weather week

export interface DayReport {
  day: string;
  actual: boolean;
  prediction: Prediction;
  correct: boolean;
}

export function weekReport(data: RulebookData, book: Book): { days: DayReport[]; correct: number } {
  const days = data.level.weather.days.map((d) => {
    const prediction = predict(data, book, 'weather', d.facts);
    return { day: d.id, actual: d.rained, prediction, correct: prediction.predicted === d.rained };
  });
  return { days, correct: days.filter((d) => d.correct).length };
}

// ---------------------------------------------------------------------------------------------
// Part B: the fruit stall, the sellers' conflict, the new season and the expert ceiling

export function fruitsOfSeason(data: RulebookData, season: number): Fruit[] {
  return data.fruits.fruits.filter((f) => f.season === season);
}

export function fruitById(data: RulebookData, id: string): Fruit {
  const f = data.fruits.fruits.find((x) => x.id === id);
  if (!f) throw new Error(`Unknown fruit "${id}"`);
  return f;
}

/** What the sellers say together: a label where they agree, null where they disagree. */
export function agreedLabel(fruit: Fruit): boolean | null {
  const says = Object.values(fruit.sellerSays);
  return says.every((s) => s === says[0]) ? says[0] : null;
}

export interface FruitReport {
  fruit: string;
  /** What the rulebook is checked against here; null = nobody to check against (a dispute). */
  expected: boolean | null;
  prediction: Prediction;
  correct: boolean | null;
}

export function fruitReport(
  data: RulebookData,
  book: Book,
  fruits: readonly Fruit[],
  expected: (f: Fruit) => boolean | null,
) {
  const rows: FruitReport[] = fruits.map((f) => {
    const prediction = predict(data, book, 'apple', f.features);
    const e = expected(f);
    return { fruit: f.id, expected: e, prediction, correct: e === null ? null : prediction.predicted === e };
  });
  return {
    rows,
    correct: rows.filter((r) => r.correct === true).length,
    checked: rows.filter((r) => r.correct !== null).length,
  };
}

/** The label the rulebook must match: the sellers' shared answer, or the chosen side's. */
export function expertLabel(fruit: Fruit, side: string | null): boolean | null {
  return side === null ? agreedLabel(fruit) : fruit.sellerSays[side];
}

/** All sellers' rules in one book, each rule tagged with its seller. */
export function sellersRules(data: RulebookData): { rules: Rule[]; sellerOf: Map<string, string> } {
  const sellerOf = new Map<string, string>();
  const rules: Rule[] = [];
  for (const s of data.fruits.sellers) {
    for (const r of data.level.stall.sellerRules[s.id] ?? []) {
      rules.push(r);
      sellerOf.set(r.id, s.id);
    }
  }
  return { rules, sellerOf };
}

export interface SellerConflict {
  fruit: string;
  fact: string;
  claims: { value: FactValue; ruleId: string; seller: string }[];
}

/**
 * Runs both sellers' written rulebooks together on each fruit; wherever their rules conclude
 * different values for the same fact, the engine reports a conflict.
 */
export function sellerConflicts(data: RulebookData, fruits: readonly Fruit[]): SellerConflict[] {
  const { rules, sellerOf } = sellersRules(data);
  return fruits.flatMap((f) =>
    forwardChain(rules, f.features).conflicts.map((c) => ({
      fruit: f.id,
      fact: c.fact,
      claims: c.claims
        .filter((cl): cl is { value: FactValue; ruleId: string } => cl.ruleId !== null)
        .map((cl) => ({ value: cl.value, ruleId: cl.ruleId, seller: sellerOf.get(cl.ruleId) ?? '' })),
    })),
  );
}

/** Does the book agree with the expert (sellers' shared answer or the chosen side) on `fruits`? */
export function matchesExpert(data: RulebookData, book: Book, fruits: readonly Fruit[], side: string | null): boolean {
  const r = fruitReport(data, book, fruits, (f) => expertLabel(f, side));
  return r.correct === r.checked;
}

export interface Ceiling {
  total: number;
  /** The chosen seller's own answers, checked against the truth. */
  expertCorrect: number;
  /** The rulebook's answers, checked against the truth. */
  rulebookCorrect: number;
}

/**
 * The expert ceiling. The rulebook was only ever checked against the expert, so where the expert
 * is wrong the rulebook is wrong too, and on fruits it was never shown it can only lose: its
 * score against the truth is at most the expert's. Both numbers are computed, not asserted.
 */
export function expertCeiling(data: RulebookData, book: Book, fruits: readonly Fruit[], side: string): Ceiling {
  let expertCorrect = 0;
  let rulebookCorrect = 0;
  for (const f of fruits) {
    if (f.sellerSays[side] === f.isApple) expertCorrect += 1;
    if (predict(data, book, 'apple', f.features).predicted === f.isApple) rulebookCorrect += 1;
  }
  return { total: fruits.length, expertCorrect, rulebookCorrect };
}

// ---------------------------------------------------------------------------------------------
// The challenge: the hidden basket, judged against the truth

/** Stars: the first threshold (most stars first) that the score meets; 0 below all of them. */
export function starsFor(data: RulebookData, correct: number, rules: number): 0 | 1 | 2 | 3 {
  let best: 0 | 1 | 2 | 3 = 0;
  for (const s of data.level.stars) {
    if (correct >= s.minCorrect && rules <= s.maxRules && s.stars > best) best = s.stars as 1 | 2 | 3;
  }
  return best;
}

/** Judges the hidden basket; the order the fruits come out in is shuffled by the attempt seed. */
export function runChallenge(data: RulebookData, state: RulebookState): RulebookState {
  const rng = createRng(deriveSeed(state.seed, 'basket', state.challenges.length));
  const basket = rng.shuffle([...data.level.challenge.basket]);
  const fruits = basket.map((id): ChallengeFruit => {
    const f = fruitById(data, id);
    const predicted = predict(data, state.apple, 'apple', f.features).predicted;
    return { fruit: id, predicted, truth: f.isApple, correct: predicted === f.isApple };
  });
  const correct = fruits.filter((f) => f.correct).length;
  const rules = ruleCount(state.apple);
  const stars = starsFor(data, correct, rules);
  const result: ChallengeResult = { fruits, correct, size: fruits.length, rules, stars, passed: stars > 0 };
  return { ...state, challenges: [...state.challenges, result] };
}

export function lastChallenge(state: RulebookState): ChallengeResult | null {
  return state.challenges.length ? state.challenges[state.challenges.length - 1] : null;
}

export function resultOf(state: RulebookState): RulebookResult {
  const c = lastChallenge(state);
  return {
    passed: c?.passed ?? false,
    stars: c?.stars ?? 0,
    correct: c?.correct ?? 0,
    size: c?.size ?? 0,
    rules: c?.rules ?? 0,
    side: state.side,
    checks: state.checks,
    challengeAttempts: state.challenges.length,
  };
}
