import { describe, expect, it } from 'vitest';
import { conditionFacts, evaluateCondition, validateCondition, type Condition } from '../../../src/engine/conditions';
import { explain, forwardChain, parseRulesJson, validateRules, type Rule } from '../../../src/engine/rules';

// Weather rulebook: "storm clouds" is a derived fact that a second rule uses.
const WEATHER: Rule[] = [
  // Listed first on purpose: it needs a fact only the next rule concludes.
  {
    id: 'rain-from-storm',
    when: {
      op: 'and',
      conditions: [
        { op: 'is', fact: 'stormClouds' },
        { op: 'not', condition: { op: 'is', fact: 'windy' } },
      ],
    },
    then: { fact: 'weather', value: 'rain' },
  },
  {
    id: 'storm-clouds',
    when: {
      op: 'and',
      conditions: [
        { op: 'is', fact: 'cloudy' },
        { op: '>', fact: 'humidity', value: 70 },
      ],
    },
    then: { fact: 'stormClouds', value: true },
  },
  {
    id: 'umbrella',
    when: { op: '==', fact: 'weather', value: 'rain' },
    then: { fact: 'umbrella', value: true },
  },
];

describe('conditions', () => {
  const facts = { cloudy: true, windy: false, humidity: 80 };
  it('evaluates leaves, AND, OR, NOT', () => {
    const t = (c: Condition): unknown => evaluateCondition(c, facts).result;
    expect(t({ op: 'is', fact: 'cloudy' })).toBe(true);
    expect(t({ op: 'is', fact: 'windy', value: false })).toBe(true);
    expect(t({ op: '>', fact: 'humidity', value: 80 })).toBe(false);
    expect(t({ op: '>=', fact: 'humidity', value: 80 })).toBe(true);
    expect(t({ op: '<', fact: 'humidity', value: 90 })).toBe(true);
    expect(t({ op: '<=', fact: 'humidity', value: 79 })).toBe(false);
    expect(t({ op: '==', fact: 'humidity', value: 80 })).toBe(true);
    expect(t({ op: '!=', fact: 'cloudy', value: true })).toBe(false);
    expect(
      t({
        op: 'or',
        conditions: [
          { op: 'is', fact: 'windy' },
          { op: 'is', fact: 'cloudy' },
        ],
      }),
    ).toBe(true);
    expect(t({ op: 'not', condition: { op: 'is', fact: 'cloudy' } })).toBe(false);
    expect(t({ op: 'and', conditions: [] })).toBe(true);
    expect(t({ op: 'or', conditions: [] })).toBe(false);
  });

  it('uses Kleene logic for missing facts', () => {
    const t = (c: Condition): unknown => evaluateCondition(c, facts).result;
    const missing: Condition = { op: 'is', fact: 'foggy' };
    expect(t(missing)).toBe('unknown');
    expect(t({ op: 'not', condition: missing })).toBe('unknown');
    expect(t({ op: 'and', conditions: [missing, { op: 'is', fact: 'windy' }] })).toBe(false);
    expect(t({ op: 'and', conditions: [missing, { op: 'is', fact: 'cloudy' }] })).toBe('unknown');
    expect(t({ op: 'or', conditions: [missing, { op: 'is', fact: 'cloudy' }] })).toBe(true);
    expect(evaluateCondition({ op: 'not', condition: missing }, facts, true).result).toBe(true);
  });

  it('lists the facts a condition mentions', () => {
    expect(conditionFacts(WEATHER[0].when)).toEqual(['stormClouds', 'windy']);
  });

  it('bad conditions throw naming the problem', () => {
    expect(() => validateCondition({ op: 'xor', conditions: [] })).toThrow(/unknown op "xor"/);
    expect(() => validateCondition({ op: '>', fact: 'humidity', value: '70' })).toThrow(/finite number/);
    expect(() => validateCondition({ op: 'and', conditions: [{ op: 'is' }] })).toThrow(/conditions\[0\].*fact/);
    expect(() => validateCondition({ op: 'not' })).toThrow(/condition\.condition/);
    expect(() => evaluateCondition({ op: '>', fact: 'cloudy', value: 1 }, facts)).toThrow(
      /"cloudy" is true, not a number/,
    );
    expect(() => evaluateCondition({ op: 'is', fact: 'humidity' }, facts)).toThrow(/"humidity" is 80, not a boolean/);
  });
});

describe('forwardChain', () => {
  it('chains derived facts to a fixpoint, whatever the rule order', () => {
    const day = { cloudy: true, humidity: 85, windy: false };
    const result = forwardChain(WEATHER, day);
    expect(result.facts).toEqual({ ...day, stormClouds: true, weather: 'rain', umbrella: true });
    expect(result.fired.map((f) => f.ruleId)).toEqual(['storm-clouds', 'rain-from-storm', 'umbrella']);
    // rain-from-storm is listed first, so it waits for the second sweep; umbrella follows it there.
    expect(result.fired.map((f) => f.round)).toEqual([1, 2, 2]);
    expect(result.conflicts).toEqual([]);
    expect(result.notFired).toEqual([]);
    expect(day).toEqual({ cloudy: true, humidity: 85, windy: false }); // input untouched
    expect(forwardChain([...WEATHER].reverse(), day).facts).toEqual(result.facts);
  });

  it('fires nothing on a dry day and says why not', () => {
    const result = forwardChain(WEATHER, { cloudy: true, humidity: 40, windy: false });
    expect(result.fired).toEqual([]);
    expect(result.facts.weather).toBeUndefined();
    const storm = result.notFired.find((n) => n.ruleId === 'storm-clouds');
    expect(storm?.result).toBe(false);
    expect(storm?.when.children?.map((c) => c.result)).toEqual([true, false]);
  });

  it('explains "why rain?" with the rules, their order and the facts they read', () => {
    const result = forwardChain(WEATHER, { cloudy: true, humidity: 85, windy: false });
    const why = explain(result, 'weather');
    expect(why.map((f) => f.ruleId)).toEqual(['storm-clouds', 'rain-from-storm']);
    expect(why[0].reads).toEqual([
      { fact: 'cloudy', value: true },
      { fact: 'humidity', value: 85 },
    ]);
    expect(why[1].reads).toEqual([
      { fact: 'stormClouds', value: true },
      { fact: 'windy', value: false },
    ]);
    expect(explain(result, 'umbrella').map((f) => f.ruleId)).toEqual(['storm-clouds', 'rain-from-storm', 'umbrella']);
    expect(explain(result, 'cloudy')).toEqual([]); // input fact
  });

  it('reports conflicting conclusions and keeps the first', () => {
    // Two fruit sellers disagree about a green apple.
    const rules: Rule[] = [
      {
        id: 'seller-a',
        when: {
          op: 'and',
          conditions: [
            { op: 'is', fact: 'round' },
            { op: 'is', fact: 'sweet' },
          ],
        },
        then: { fact: 'fruit', value: 'apple' },
      },
      { id: 'seller-b', when: { op: 'is', fact: 'green' }, then: { fact: 'fruit', value: 'not apple' } },
      { id: 'seller-c', when: { op: 'is', fact: 'round' }, then: { fact: 'fruit', value: 'apple' } },
    ];
    const result = forwardChain(rules, { round: true, sweet: true, green: true });
    expect(result.facts.fruit).toBe('apple');
    expect(result.conflicts).toEqual([
      {
        fact: 'fruit',
        claims: [
          { value: 'apple', ruleId: 'seller-a' },
          { value: 'not apple', ruleId: 'seller-b' },
          { value: 'apple', ruleId: 'seller-c' },
        ],
      },
    ]);
    expect(result.fired.map((f) => f.changed)).toEqual([true, false, false]);
  });

  it('a rule contradicting an input fact is a conflict too', () => {
    const rules: Rule[] = [{ id: 'r', when: { op: 'is', fact: 'cloudy' }, then: { fact: 'sunny', value: false } }];
    const result = forwardChain(rules, { cloudy: true, sunny: true });
    expect(result.conflicts[0].claims).toEqual([
      { value: true, ruleId: null },
      { value: false, ruleId: 'r' },
    ]);
  });

  it('treats never-concluded facts as absent once nothing else can fire', () => {
    const rules: Rule[] = [
      {
        id: 'picnic',
        when: { op: 'not', condition: { op: '==', fact: 'weather', value: 'rain' } },
        then: { fact: 'picnic', value: true },
      },
      { id: 'rain', when: { op: 'is', fact: 'cloudy' }, then: { fact: 'weather', value: 'rain' } },
    ];
    const sunny = forwardChain(rules, { cloudy: false });
    expect(sunny.facts.picnic).toBe(true);
    expect(sunny.fired[0].assumedAbsent).toEqual(['weather']);
    expect(sunny.brokenAssumptions).toEqual([]);
    const cloudy = forwardChain(rules, { cloudy: true });
    expect(cloudy.facts.picnic).toBeUndefined(); // waited for "weather" instead of guessing
    expect(cloudy.fired.map((f) => f.ruleId)).toEqual(['rain']);
  });

  it('reports an absence assumption that a later conclusion breaks', () => {
    const rules: Rule[] = [
      { id: 'a', when: { op: 'not', condition: { op: 'is', fact: 'x' } }, then: { fact: 'y', value: true } },
      { id: 'b', when: { op: 'is', fact: 'y' }, then: { fact: 'x', value: true } },
    ];
    const result = forwardChain(rules, {});
    expect(result.brokenAssumptions).toEqual([{ fact: 'x', assumedBy: 'a', concludedBy: 'b' }]);
  });

  it('rules round-trip through JSON and validate', () => {
    const text = JSON.stringify(WEATHER);
    expect(parseRulesJson(text)).toEqual(WEATHER);
    expect(forwardChain(parseRulesJson(text), { cloudy: true, humidity: 85, windy: false }).facts.weather).toBe('rain');
  });

  it('bad rules and facts throw naming the problem', () => {
    expect(() => parseRulesJson('[{"id": "r1",')).toThrow(/malformed/);
    expect(() => parseRulesJson('{}')).toThrow(/array/);
    expect(() =>
      validateRules([{ id: 'r1', when: { op: 'maybe', fact: 'x' }, then: { fact: 'y', value: 1 } }]),
    ).toThrow(/rule "r1" when: unknown op "maybe"/);
    expect(() => validateRules([{ when: { op: 'is', fact: 'x' }, then: { fact: 'y', value: 1 } }])).toThrow(
      /rule #0.*id/,
    );
    expect(() => validateRules([{ id: 'r', when: { op: 'is', fact: 'x' }, then: { fact: 'y', value: null } }])).toThrow(
      /then\.value/,
    );
    expect(() => validateRules([{ id: 'r', when: { op: 'is', fact: 'x' } }])).toThrow(/"then"/);
    const r: Rule = { id: 'r', when: { op: 'is', fact: 'x' }, then: { fact: 'y', value: 1 } };
    expect(() => validateRules([r, r])).toThrow(/duplicate rule id "r"/);
    expect(() => forwardChain([r], { x: Number.NaN })).toThrow(/fact "x"/);
  });
});
