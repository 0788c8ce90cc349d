// Conditions for chapter 2's rulebook: plain JSON objects, so a level file or the tile editor can
// build them. Evaluation uses three-valued (Kleene) logic, because during forward chaining a
// derived fact may not be known *yet*:
//
//   leaf reading a missing fact          -> unknown
//   NOT true = false, NOT false = true, NOT unknown = unknown
//   AND: false if any part is false, else unknown if any is unknown, else true (empty AND = true)
//   OR : true  if any part is true,  else unknown if any is unknown, else false (empty OR = false)
//
// With `closedWorld`, a missing fact counts as "not so": an `is` leaf reads it as false and every
// comparison on it is false (negation as failure). The rule engine uses this only once nothing
// else can fire.

export type FactValue = boolean | number | string;
export type Facts = Record<string, FactValue>;
export type Truth = true | false | 'unknown';

export type NumericOp = '>' | '>=' | '<' | '<=';
export type EqualityOp = '==' | '!=';

export type Condition =
  /** The boolean fact `fact` equals `value` (default true): "cloudy", or with value false "not windy". */
  | { op: 'is'; fact: string; value?: boolean }
  /** Numeric comparison `facts[fact] op value`, e.g. humidity > 70. */
  | { op: NumericOp; fact: string; value: number }
  /** Equality of any fact value, e.g. fruit == "apple". */
  | { op: EqualityOp; fact: string; value: FactValue }
  | { op: 'and'; conditions: Condition[] }
  | { op: 'or'; conditions: Condition[] }
  | { op: 'not'; condition: Condition };

/** One evaluated node, mirroring the condition tree, for "why?" views. */
export interface ConditionEvaluation {
  condition: Condition;
  result: Truth;
  /** Leaves only: the fact read and the value it had (undefined when missing). */
  fact?: string;
  factValue?: FactValue;
  children?: ConditionEvaluation[];
}

export interface FactRead {
  fact: string;
  value: FactValue | undefined;
}

const NUMERIC_OPS: readonly string[] = ['>', '>=', '<', '<='];
const EQUALITY_OPS: readonly string[] = ['==', '!='];

function isFactValue(v: unknown): v is FactValue {
  return typeof v === 'boolean' || typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v));
}

function checkFactName(o: Record<string, unknown>, path: string): void {
  if (typeof o.fact !== 'string' || o.fact.length === 0) {
    throw new Error(`condition ${path}: "fact" must be a non-empty string`);
  }
}

/**
 * Checks that `c` is a well-formed Condition and returns it typed. Errors name the path in the
 * tree (e.g. `when.conditions[1]`) and what is wrong (unknown op, missing fact, bad value).
 */
export function validateCondition(c: unknown, path = 'condition'): Condition {
  if (typeof c !== 'object' || c === null || Array.isArray(c)) {
    throw new Error(`condition ${path}: must be an object`);
  }
  const o = c as Record<string, unknown>;
  const op = o.op;
  if (op === 'is') {
    checkFactName(o, path);
    if (o.value !== undefined && typeof o.value !== 'boolean') {
      throw new Error(`condition ${path}: "is" needs a boolean value, got ${JSON.stringify(o.value)}`);
    }
  } else if (typeof op === 'string' && NUMERIC_OPS.includes(op)) {
    checkFactName(o, path);
    if (typeof o.value !== 'number' || !Number.isFinite(o.value)) {
      throw new Error(`condition ${path}: "${op}" needs a finite number value, got ${JSON.stringify(o.value)}`);
    }
  } else if (typeof op === 'string' && EQUALITY_OPS.includes(op)) {
    checkFactName(o, path);
    if (!isFactValue(o.value)) {
      throw new Error(`condition ${path}: "${op}" needs a boolean, number or string value`);
    }
  } else if (op === 'and' || op === 'or') {
    if (!Array.isArray(o.conditions)) {
      throw new Error(`condition ${path}: "${op}" needs a "conditions" array`);
    }
    o.conditions.forEach((child: unknown, i: number) => validateCondition(child, `${path}.conditions[${i}]`));
  } else if (op === 'not') {
    validateCondition(o.condition, `${path}.condition`);
  } else {
    throw new Error(`condition ${path}: unknown op ${JSON.stringify(op)}`);
  }
  return c as Condition;
}

function readNumber(fact: string, value: FactValue, op: string): number {
  if (typeof value !== 'number') {
    throw new Error(`condition "${fact} ${op} ...": fact "${fact}" is ${JSON.stringify(value)}, not a number`);
  }
  return value;
}

/** Evaluates a (validated) condition against facts; returns the whole evaluated tree. */
export function evaluateCondition(cond: Condition, facts: Facts, closedWorld = false): ConditionEvaluation {
  switch (cond.op) {
    case 'and':
    case 'or': {
      // Every child is evaluated (no short cut) so the explanation shows every fact read.
      const children = cond.conditions.map((c) => evaluateCondition(c, facts, closedWorld));
      const results = children.map((ch) => ch.result);
      const decisive = cond.op !== 'and';
      let result: Truth = !decisive;
      if (results.includes(decisive)) result = decisive;
      else if (results.includes('unknown')) result = 'unknown';
      return { condition: cond, result, children };
    }
    case 'not': {
      const child = evaluateCondition(cond.condition, facts, closedWorld);
      const result: Truth = child.result === 'unknown' ? 'unknown' : !child.result;
      return { condition: cond, result, children: [child] };
    }
    default: {
      const has = Object.hasOwn(facts, cond.fact);
      const value = has ? facts[cond.fact] : undefined;
      const leaf = { condition: cond, fact: cond.fact, factValue: value };
      if (value === undefined) {
        if (!closedWorld) return { ...leaf, result: 'unknown' };
        // Closed world: a missing fact is false for `is`, and no comparison holds on it.
        return { ...leaf, result: cond.op === 'is' ? (cond.value ?? true) === false : false };
      }
      return { ...leaf, result: compareLeaf(cond, value) };
    }
  }
}

function compareLeaf(cond: Exclude<Condition, { op: 'and' | 'or' | 'not' }>, value: FactValue): boolean {
  switch (cond.op) {
    case 'is':
      if (typeof value !== 'boolean') {
        throw new Error(`condition "is ${cond.fact}": fact "${cond.fact}" is ${JSON.stringify(value)}, not a boolean`);
      }
      return value === (cond.value ?? true);
    case '>':
      return readNumber(cond.fact, value, '>') > cond.value;
    case '>=':
      return readNumber(cond.fact, value, '>=') >= cond.value;
    case '<':
      return readNumber(cond.fact, value, '<') < cond.value;
    case '<=':
      return readNumber(cond.fact, value, '<=') <= cond.value;
    case '==':
      return value === cond.value;
    case '!=':
      return value !== cond.value;
  }
}

/** The leaves of an evaluated tree, in reading order: which facts were read and their values. */
export function factReads(evaluation: ConditionEvaluation): FactRead[] {
  if (evaluation.fact !== undefined) return [{ fact: evaluation.fact, value: evaluation.factValue }];
  return (evaluation.children ?? []).flatMap(factReads);
}

/** Names of all facts a condition mentions (for editors and dependency views). */
export function conditionFacts(cond: Condition): string[] {
  switch (cond.op) {
    case 'and':
    case 'or':
      return [...new Set(cond.conditions.flatMap(conditionFacts))];
    case 'not':
      return conditionFacts(cond.condition);
    default:
      return [cond.fact];
  }
}
