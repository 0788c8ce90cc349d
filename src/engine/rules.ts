// Chapter 2's rule engine: IF-THEN rules over facts, forward chaining to a fixpoint.
//
// Chaining: sweep the rules in list order; a rule whose condition is definitely true (Kleene
// logic, see conditions.ts) fires once and adds its conclusion to the facts, where later rules
// (in this sweep or the next) can read it. Sweeps repeat until one fires nothing. Then, if some
// rule is still waiting on facts nobody concluded, those facts are assumed absent (closed world)
// for the first such rule that this makes true; it fires and chaining resumes. Every rule fires at
// most once, so this ends after at most rules.length firings: the fixpoint.
//
// Facts, once known, keep their first value (input facts first). A fired rule that concludes a
// different value for a known fact is recorded as a conflict instead of overwriting it: that is
// how "two experts disagree" shows up.

import {
  evaluateCondition,
  factReads,
  validateCondition,
  type Condition,
  type ConditionEvaluation,
  type FactRead,
  type FactValue,
  type Facts,
  type Truth,
} from './conditions';

export interface Conclusion {
  fact: string;
  value: FactValue;
}

export interface Rule {
  id: string;
  when: Condition;
  then: Conclusion;
}

export interface Firing {
  /** 1-based position in firing order. */
  step: number;
  /** Which sweep it fired in (1-based). */
  round: number;
  ruleId: string;
  /** The condition tree with each part's truth value at the moment of firing. */
  when: ConditionEvaluation;
  /** Facts the condition read, in order, with the values they had (undefined = missing). */
  reads: FactRead[];
  conclusion: Conclusion;
  /** False when the fact already had a value (same value: agreement; different: a conflict). */
  changed: boolean;
  /** Facts that were missing and taken as absent (closed world) to let this rule fire. */
  assumedAbsent: string[];
}

export interface Claim {
  value: FactValue;
  /** The rule that concluded it, or null for an input fact. */
  ruleId: string | null;
}

export interface Conflict {
  fact: string;
  /** Every claim on the fact in order; the first is the value kept. */
  claims: Claim[];
}

export interface BrokenAssumption {
  fact: string;
  /** The rule that fired assuming the fact was absent. */
  assumedBy: string;
  /** The rule that later concluded it anyway. */
  concludedBy: string;
}

export interface InferenceResult {
  facts: Facts;
  fired: Firing[];
  conflicts: Conflict[];
  brokenAssumptions: BrokenAssumption[];
  /** Rules that never fired, with their condition evaluated on the final facts ("why not?"). */
  notFired: { ruleId: string; result: Truth; when: ConditionEvaluation }[];
}

function isFactValue(v: unknown): v is FactValue {
  return typeof v === 'boolean' || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}

/** Checks one rule; errors name the rule (by id or position) and the bad field. */
export function validateRule(r: unknown, index = 0): Rule {
  const where = `rule #${index}`;
  if (typeof r !== 'object' || r === null || Array.isArray(r)) throw new Error(`${where}: must be an object`);
  const o = r as Record<string, unknown>;
  if (typeof o.id !== 'string' || o.id.length === 0) throw new Error(`${where}: "id" must be a non-empty string`);
  const name = `rule "${o.id}"`;
  validateCondition(o.when, `${name} when`);
  const then = o.then;
  if (typeof then !== 'object' || then === null) throw new Error(`${name}: "then" must be an object`);
  const t = then as Record<string, unknown>;
  if (typeof t.fact !== 'string' || t.fact.length === 0) {
    throw new Error(`${name}: "then.fact" must be a non-empty string`);
  }
  if (!isFactValue(t.value)) throw new Error(`${name}: "then.value" must be a boolean, finite number or string`);
  return r as Rule;
}

/** Checks a rule list (ids unique). */
export function validateRules(rules: unknown): Rule[] {
  if (!Array.isArray(rules)) throw new Error('rules must be an array');
  const ids = new Set<string>();
  return rules.map((r: unknown, i: number) => {
    const rule = validateRule(r, i);
    if (ids.has(rule.id)) throw new Error(`duplicate rule id "${rule.id}"`);
    ids.add(rule.id);
    return rule;
  });
}

/** Parses a JSON text holding a rule array; malformed JSON or rules throw. */
export function parseRulesJson(text: string): Rule[] {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (e) {
    throw new Error(`rules JSON is malformed: ${(e as Error).message}`);
  }
  return validateRules(data);
}

function validateFacts(facts: unknown): Facts {
  if (typeof facts !== 'object' || facts === null || Array.isArray(facts)) {
    throw new Error('facts must be an object of fact name -> boolean | number | string');
  }
  for (const [k, v] of Object.entries(facts)) {
    if (!isFactValue(v)) throw new Error(`fact "${k}" has an invalid value ${String(v)}`);
  }
  return facts as Facts;
}

/** Forward-chains `rules` over `inputFacts` to a fixpoint. Inputs are not modified. */
export function forwardChain(rules: readonly Rule[], inputFacts: Facts): InferenceResult {
  validateRules(rules);
  const facts: Facts = { ...validateFacts(inputFacts) };
  const claims = new Map<string, Claim[]>();
  for (const [fact, value] of Object.entries(facts)) claims.set(fact, [{ value, ruleId: null }]);
  const fired: Firing[] = [];
  const done = new Set<string>();
  const assumptions = new Map<string, string>(); // fact assumed absent -> first rule assuming it
  const brokenAssumptions: BrokenAssumption[] = [];
  let round = 0;

  const fire = (rule: Rule, when: ConditionEvaluation, assumedAbsent: string[]): void => {
    const { fact, value } = rule.then;
    const known = Object.hasOwn(facts, fact);
    if (!known) facts[fact] = value;
    const list = claims.get(fact) ?? [];
    list.push({ value, ruleId: rule.id });
    claims.set(fact, list);
    const assumedBy = assumptions.get(fact);
    if (!known && assumedBy !== undefined) brokenAssumptions.push({ fact, assumedBy, concludedBy: rule.id });
    for (const f of assumedAbsent) if (!assumptions.has(f)) assumptions.set(f, rule.id);
    done.add(rule.id);
    const reads = factReads(when);
    fired.push({
      step: fired.length + 1,
      round,
      ruleId: rule.id,
      when,
      reads,
      conclusion: { fact, value },
      changed: !known,
      assumedAbsent,
    });
  };

  for (;;) {
    round += 1;
    let progress = false;
    for (const rule of rules) {
      if (done.has(rule.id)) continue;
      const when = evaluateCondition(rule.when, facts);
      if (when.result === true) {
        fire(rule, when, []);
        progress = true;
      }
    }
    if (progress) continue;
    // Saturated: let the first rule that waits on missing facts fire if they count as absent.
    for (const rule of rules) {
      if (done.has(rule.id) || evaluateCondition(rule.when, facts).result !== 'unknown') continue;
      const when = evaluateCondition(rule.when, facts, true);
      if (when.result === true) {
        const missing = factReads(when)
          .filter((r) => r.value === undefined)
          .map((r) => r.fact);
        fire(rule, when, [...new Set(missing)]);
        progress = true;
        break;
      }
    }
    if (!progress) break;
  }

  const conflicts: Conflict[] = [];
  for (const [fact, list] of claims) {
    if (new Set(list.map((c) => c.value)).size > 1) conflicts.push({ fact, claims: list });
  }
  const notFired = rules
    .filter((r) => !done.has(r.id))
    .map((r) => {
      const when = evaluateCondition(r.when, facts);
      return { ruleId: r.id, result: when.result, when };
    });
  return { facts, fired, conflicts, brokenAssumptions, notFired };
}

/**
 * "Why is `fact` so?": the firings that set it and, recursively, those that set the facts they
 * read, in firing order. Empty when the fact was an input or never concluded.
 */
export function explain(result: InferenceResult, fact: string): Firing[] {
  const setter = new Map<string, Firing>();
  for (const f of result.fired) if (f.changed) setter.set(f.conclusion.fact, f);
  const chain = new Map<number, Firing>();
  const visit = (name: string): void => {
    const f = setter.get(name);
    if (f === undefined || chain.has(f.step)) return;
    chain.set(f.step, f);
    for (const r of f.reads) visit(r.fact);
  };
  visit(fact);
  return [...chain.values()].sort((a, b) => a.step - b.step);
}
