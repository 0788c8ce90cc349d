// "Your rule, in numbers": chapter 2 may hand over the player's apple rule (a Condition). If it is
// one literal, or one AND / one OR of literals over the lamp's features, the engine's
// ruleToPerceptron turns it into knobs (+1 for a wanted feature, -1 for an unwanted one, a
// threshold just under "all wanted features present"). Anything else is declined kindly.
import { ruleToPerceptron, validateCondition, type Condition, type Perceptron } from '../../engine';
import type { AppleLampLevel } from './appleLampLevel';
import { isValidSetting } from './appleLampModel';

export interface RuleLiteral {
  feature: string;
  positive: boolean;
}

export type RuleOffer =
  | { status: 'none' }
  | { status: 'untranslatable' }
  | { status: 'ok'; join: 'and' | 'or' | 'one'; literals: RuleLiteral[]; perceptron: Perceptron };

function literalOf(c: Condition): RuleLiteral | null {
  if (c.op === 'is') return { feature: c.fact, positive: c.value ?? true };
  if (c.op === 'not' && c.condition.op === 'is')
    return { feature: c.condition.fact, positive: !(c.condition.value ?? true) };
  return null;
}

/** Reads whatever chapter 2 left (maybe nothing, maybe something malformed) and offers knobs. */
export function offerRule(level: AppleLampLevel, carried: unknown): RuleOffer {
  if (carried === undefined || carried === null) return { status: 'none' };
  let rule: Condition;
  let perceptron: Perceptron;
  try {
    rule = validateCondition(carried);
    perceptron = ruleToPerceptron(rule, level.features);
  } catch {
    return { status: 'untranslatable' };
  }
  if (!isValidSetting(level, perceptron)) return { status: 'untranslatable' };
  const parts = rule.op === 'and' || rule.op === 'or' ? rule.conditions : [rule];
  const literals = parts.map(literalOf).filter((l): l is RuleLiteral => l !== null);
  const join = rule.op === 'and' || rule.op === 'or' ? rule.op : 'one';
  return { status: 'ok', join, literals, perceptron };
}
