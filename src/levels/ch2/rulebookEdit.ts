// The player's rulebook as plain data, the edits the tile editor can make to it, and its
// translation into the engine's rules.
//
// A rule is a row of tiles. Each tile is one fact test ("cloudy", "humidity > 70", "red"), with
// an optional NOT in front. Between two tiles sits a chip, AND or OR. As in ordinary logic, AND
// binds tighter than OR, so a row reads as groups: "A AND B OR C" means (A AND B) OR C. Every
// rule concludes the chapter part's one fact (rain, apple). Several rules mean "any of them".
import type { Condition, Rule } from '../../engine';
import type { TileDef } from './rulebookLevel';

export type Join = 'and' | 'or';

export interface Tile {
  fact: string;
  not: boolean;
  /** The chip before this tile; ignored for a rule's first tile. */
  join: Join;
  /** Numeric tiles only: the threshold picked from the tile's choices. */
  threshold?: number;
}

export interface PlayerRule {
  tiles: Tile[];
}

export type Book = PlayerRule[];

export interface EditLimits {
  maxRules: number;
  maxTiles: number;
}

/** The edits the editor sends; each is also a recorded input event. */
export type EditEvent =
  | { type: 'rule.add' }
  | { type: 'rule.remove'; rule: number }
  | { type: 'tile.add'; rule: number; fact: string }
  | { type: 'tile.remove'; rule: number; tile: number }
  | { type: 'tile.join'; rule: number; tile: number; join: Join }
  | { type: 'tile.not'; rule: number; tile: number; not: boolean }
  | { type: 'tile.threshold'; rule: number; tile: number; value: number };

export const EDIT_TYPES: readonly string[] = [
  'rule.add',
  'rule.remove',
  'tile.add',
  'tile.remove',
  'tile.join',
  'tile.not',
  'tile.threshold',
];

export function isEditEvent(e: { type: string }): e is EditEvent {
  return EDIT_TYPES.includes(e.type);
}

/** A new rulebook holds one empty rule, ready for the first tile. */
export function emptyBook(): Book {
  return [{ tiles: [] }];
}

function withRule(book: Book, r: number, rule: PlayerRule): Book {
  return book.map((x, i) => (i === r ? rule : x));
}

function withTile(book: Book, r: number, t: number, change: Partial<Tile>): Book {
  return withRule(book, r, { tiles: book[r].tiles.map((x, i) => (i === t ? { ...x, ...change } : x)) });
}

/**
 * Applies one edit, or returns null when the edit is not possible (no such rule or tile, a full
 * rule, an unknown tile, a threshold that is not one of the choices). The machine uses the null
 * as its guard, so an impossible edit is neither applied nor recorded.
 */
export function applyEdit(book: Book, event: EditEvent, tiles: readonly TileDef[], limits: EditLimits): Book | null {
  const rule = 'rule' in event ? book[event.rule] : undefined;
  if ('rule' in event && (!Number.isInteger(event.rule) || rule === undefined)) return null;
  const tile = 'tile' in event && rule ? rule.tiles[event.tile] : undefined;
  if ('tile' in event && (!Number.isInteger(event.tile) || tile === undefined)) return null;
  switch (event.type) {
    case 'rule.add':
      return book.length < limits.maxRules ? [...book, { tiles: [] }] : null;
    case 'rule.remove':
      // Removing the last rule leaves an empty one, so there is always a row to place tiles in.
      return book.length > 1 ? book.filter((_, i) => i !== event.rule) : emptyBook();
    case 'tile.add': {
      const def = tiles.find((d) => d.fact === event.fact);
      if (!def || rule!.tiles.length >= limits.maxTiles) return null;
      const fresh: Tile = {
        fact: def.fact,
        not: false,
        join: 'and',
        ...(def.op !== undefined ? { threshold: def.start } : {}),
      };
      return withRule(book, event.rule, { tiles: [...rule!.tiles, fresh] });
    }
    case 'tile.remove':
      return withRule(book, event.rule, { tiles: rule!.tiles.filter((_, i) => i !== event.tile) });
    case 'tile.join':
      if (event.tile === 0 || (event.join !== 'and' && event.join !== 'or') || tile!.join === event.join) return null;
      return withTile(book, event.rule, event.tile, { join: event.join });
    case 'tile.not':
      if (typeof event.not !== 'boolean' || tile!.not === event.not) return null;
      return withTile(book, event.rule, event.tile, { not: event.not });
    case 'tile.threshold': {
      const def = tiles.find((d) => d.fact === tile!.fact);
      if (!def?.choices?.includes(event.value) || tile!.threshold === event.value) return null;
      return withTile(book, event.rule, event.tile, { threshold: event.value });
    }
  }
}

/** One tile as an engine condition: a yes/no fact, or a numeric comparison; NOT wraps it. */
export function tileCondition(tile: Tile, tiles: readonly TileDef[]): Condition {
  const def = tiles.find((d) => d.fact === tile.fact);
  if (!def) throw new Error(`No tile for fact "${tile.fact}"`);
  const leaf: Condition =
    def.op !== undefined
      ? { op: def.op, fact: tile.fact, value: tile.threshold ?? def.start ?? 0 }
      : { op: 'is', fact: tile.fact };
  return tile.not ? { op: 'not', condition: leaf } : leaf;
}

/** A rule's tiles split at OR chips: each group is an AND of its tiles. */
export function groupsOf(rule: PlayerRule): Tile[][] {
  const groups: Tile[][] = [];
  rule.tiles.forEach((t, i) => {
    if (i === 0 || t.join === 'or') groups.push([t]);
    else groups[groups.length - 1].push(t);
  });
  return groups;
}

/**
 * The rule's condition, kept as flat as possible so later chapters can read it: one tile is a
 * literal, one group an AND of literals, several groups an OR of those. Null for an empty rule.
 */
export function ruleCondition(rule: PlayerRule, tiles: readonly TileDef[]): Condition | null {
  const groups = groupsOf(rule).map((g): Condition => {
    const parts = g.map((t) => tileCondition(t, tiles));
    return parts.length === 1 ? parts[0] : { op: 'and', conditions: parts };
  });
  if (groups.length === 0) return null;
  return groups.length === 1 ? groups[0] : { op: 'or', conditions: groups };
}

/** Rule ids the engine sees: "rule-1", "rule-2"... by position in the book. */
export function ruleId(index: number): string {
  return `rule-${index + 1}`;
}

export function ruleIndex(id: string): number {
  return Number(id.replace('rule-', '')) - 1;
}

/** The book as engine rules; empty rules are left out (an empty AND would always be true). */
export function engineRules(book: Book, tiles: readonly TileDef[], conclusion: string): Rule[] {
  const rules: Rule[] = [];
  book.forEach((r, i) => {
    const when = ruleCondition(r, tiles);
    if (when) rules.push({ id: ruleId(i), when, then: { fact: conclusion, value: true } });
  });
  return rules;
}

/** The whole book as one condition: any of its rules (an empty book is an empty OR: never). */
export function bookCondition(book: Book, tiles: readonly TileDef[]): Condition {
  const parts = book.map((r) => ruleCondition(r, tiles)).filter((c): c is Condition => c !== null);
  return parts.length === 1 ? parts[0] : { op: 'or', conditions: parts };
}

/** How many rules a book counts as for scoring: each OR group is one more way to conclude. */
export function ruleCount(book: Book): number {
  return book.reduce((n, r) => n + groupsOf(r).length, 0);
}
