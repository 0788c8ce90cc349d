// Chapter 2's data for the compare screen, a pure function of the final snapshot's context: both
// rulebooks, the rule count, the side taken and the score as facts, and the hidden basket case by
// case in the level's basket order (the challenge shows it shuffled by the seed, but two attempts
// must line up fruit by fruit).
import type { CompareData, CompareFact } from '../contract';
import { groupsOf, type Book } from './rulebookEdit';
import type { TileDef } from './rulebookLevel';
import type { RulebookContext } from './rulebookMachine';
import { fruitById, lastChallenge, tilesOf } from './rulebookModel';

/**
 * A rulebook in a compact notation that reads the same in every language: the level's fact
 * names, ∧ for AND, ∨ for OR, ¬ for NOT, thresholds as "humidity > 70%", rules apart with " | "
 * and "–" for an empty book. The words come from the level's fact ids because a compare fact's
 * params are shown as they are (they are not translated).
 */
export function bookNotation(book: Book, tiles: readonly TileDef[]): string {
  const rules = book
    .filter((r) => r.tiles.length > 0)
    .map((r) =>
      groupsOf(r)
        .map((g) =>
          g
            .map((t) => {
              const def = tiles.find((d) => d.fact === t.fact);
              const core = def?.op !== undefined ? `${t.fact} ${def.op} ${t.threshold ?? def.start ?? ''}%` : t.fact;
              return t.not ? `¬${core}` : core;
            })
            .join(' ∧ '),
        )
        .join(' ∨ '),
    );
  return rules.length ? rules.join(' | ') : '–';
}

export function rulebookCompare(context: RulebookContext): CompareData {
  const { data, model } = context;
  const challenge = lastChallenge(model);
  const facts: CompareFact[] = [
    { key: 'ch2.compare.weather', params: { rules: bookNotation(model.weather, tilesOf(data, 'weather')) } },
    { key: 'ch2.compare.apple', params: { rules: bookNotation(model.apple, tilesOf(data, 'apple')) } },
    { key: 'ch2.compare.rules', params: { n: challenge?.rules ?? 0 } },
    // One key per side: a seller's name is a text key of its own, and params are not translated.
    { key: `ch2.compare.side.${model.side ?? 'none'}`, params: {} },
    {
      key: 'ch2.compare.score',
      params: { correct: challenge?.correct ?? 0, size: data.level.challenge.basket.length },
    },
  ];
  const cases = data.level.challenge.basket.map((id) => {
    const round = challenge?.fruits.find((f) => f.fruit === id);
    return {
      label: { key: fruitById(data, id).nameKey, params: {} },
      right: round?.correct ?? false,
      answer: {
        key: round === undefined ? 'ch2.say.unknown' : round.predicted ? 'ch2.say.apple' : 'ch2.say.notApple',
        params: {},
      },
    };
  });
  return { facts, series: {}, cases };
}
