// Chapter 2's view-model: the verdict's words wait for the reveal and match the stars earned; the
// praise for the weather week arrives with part B's instruction.
import { describe, expect, it } from 'vitest';
import { loadRulebookLevel } from '../../../src/levels/ch2/rulebookLevel';
import { rulebookView, verdictLineOf } from '../../../src/levels/ch2/rulebookView';
import { playRulebook, scriptFor, WEATHER_RULE } from './ch2Player';

const data = loadRulebookLevel();
const challenge = (correct: number, rules: number, stars: 0 | 1 | 2 | 3) => ({
  fruits: [],
  correct,
  size: 8,
  rules,
  stars,
  passed: stars > 0,
});

describe('chapter 2 view: the verdict', () => {
  it('words match the stars: one star is a pass, not "impressed"', () => {
    expect(verdictLineOf(challenge(6, 3, 1))?.key).toBe('ch2.verdict.passed1');
    expect(verdictLineOf(challenge(7, 3, 2))?.key).toBe('ch2.verdict.passed2');
    expect(verdictLineOf(challenge(8, 2, 3))?.key).toBe('ch2.verdict.passed3');
    expect(verdictLineOf(challenge(4, 2, 0))?.key).toBe('ch2.verdict.failed');
    expect(verdictLineOf(null)).toBeNull();
  });

  it('in the verdict step the mentor only introduces the basket; the score is kept apart', () => {
    const actor = playRulebook(data, 2024, scriptFor('wang').slice(0, -1));
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('verdict');
    const view = rulebookView('verdict', snap.context);
    expect(view.line.key).toBe('ch2.guide.verdict');
    expect(view.line.params).not.toHaveProperty('correct');
    expect(view.verdictLine?.key).toMatch(/^ch2\.verdict\.passed[123]$/);
    expect(view.verdictLine?.key).toBe(`ch2.verdict.passed${view.challenge?.stars}`);
  });

  it('carries the basket as cards, in the order the judge reveals them, with their marks', () => {
    const actor = playRulebook(data, 2024, scriptFor('wang').slice(0, -1));
    const view = rulebookView('verdict', actor.getSnapshot().context);
    const fruits = view.challenge?.fruits ?? [];
    expect(fruits.length).toBeGreaterThan(0);
    expect(view.basket.map((c) => [c.id, c.predicted, c.correct, c.expected])).toEqual(
      fruits.map((f) => [f.fruit, f.predicted, f.correct, f.truth]),
    );
    for (const c of view.basket) {
      const fruit = data.fruits.fruits.find((f) => f.id === c.id);
      expect([c.labelKey, c.art]).toEqual([fruit?.nameKey, fruit?.art]);
    }
    expect(rulebookView('challenge', actor.getSnapshot().context).basket).toEqual([]);
  });

  it("names each fact of the strip's part, for the why? trace", () => {
    const actor = playRulebook(data, 1, []);
    const weather = rulebookView('weather', actor.getSnapshot().context).factLabels;
    expect(weather).toEqual(Object.fromEntries(data.level.weather.tiles.map((t) => [t.fact, t.labelKey])));
    const stall = rulebookView('stall', actor.getSnapshot().context).factLabels;
    expect(Object.keys(stall)).not.toEqual(Object.keys(weather));
    expect(Object.keys(stall).length).toBeGreaterThan(0);
  });

  it('part B opens with what to do there, not only the praise for the week', () => {
    const actor = playRulebook(data, 1, [...WEATHER_RULE, { type: 'rules.check' }]);
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('stall');
    expect(rulebookView('stall', snap.context).line.key).toBe('ch2.notice.weatherDoneStall');
  });
});
