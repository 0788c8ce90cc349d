// Rules, tiles and "why?" traces in words, in the current language. The scene passes its text
// lookup; this module only decides which text key says what.
import type { Condition } from '../../../engine';
import type { EditorTile } from '../../../levels/ch2/rulebookView';
import type { Prediction, TraceItem } from '../../../levels/ch2/rulebookModel';

export type Tr = (key: string, params?: Record<string, string | number>) => string;

/** Words for facts that are no tile of their own (derived facts in the sellers' rules). */
const DERIVED: Record<string, string> = { 'love-apple': 'ch2.fact.loveApple' };

export function tileWords(tr: Tr, t: Pick<EditorTile, 'labelKey' | 'not' | 'op' | 'threshold'>): string {
  const base = tr(t.labelKey);
  if (t.op === undefined) return t.not ? tr('ch2.tile.not', { tile: base }) : base;
  // A negated comparison has its own words: Chinese cannot put 不 in front of "湿度 > 70%".
  return tr(t.not ? 'ch2.tile.notCompare' : 'ch2.tile.compare', { tile: base, op: t.op, value: t.threshold ?? '' });
}

/** A whole rule: tiles joined by AND / OR words. */
export function ruleWords(tr: Tr, tiles: readonly EditorTile[]): string {
  return tiles
    .map((t, i) => `${i === 0 ? '' : ` ${tr(t.join === 'or' ? 'ch2.or' : 'ch2.and')} `}${tileWords(tr, t)}`)
    .join('');
}

/** An engine condition in words (for the sellers' rules); `label` names a fact. */
export function conditionWords(tr: Tr, c: Condition, label: (fact: string) => string): string {
  switch (c.op) {
    case 'and':
    case 'or':
      return c.conditions
        .map((x) => conditionWords(tr, x, label))
        .join(` ${tr(c.op === 'and' ? 'ch2.and' : 'ch2.or')} `);
    case 'not':
      return tr('ch2.tile.not', { tile: conditionWords(tr, c.condition, label) });
    case 'is': {
      const name = DERIVED[c.fact] ? tr(DERIVED[c.fact]) : label(c.fact);
      return c.value === false ? tr('ch2.tile.not', { tile: name }) : name;
    }
    default:
      return `${label(c.fact)} ${c.op} ${String(c.value)}`;
  }
}

function valueWords(tr: Tr, item: TraceItem): string {
  if (item.value === undefined) return tr('ch2.say.unknown');
  if (typeof item.value === 'boolean') return tr(item.value ? 'ch2.say.yes' : 'ch2.say.no');
  return item.op === 'is' ? String(item.value) : `${String(item.value)}%`;
}

/**
 * The trace of one prediction, line by line: for every rule, whether it fired and each tile with
 * the value the engine read and ✓ / ✗; then the conclusion.
 */
export function whyLines(tr: Tr, p: Prediction, tileLabel: (fact: string) => string, answer: string): string[] {
  if (p.rules.length === 0) return [tr('ch2.why.empty'), tr('ch2.why.none', { what: answer })];
  const lines: string[] = [];
  for (const r of p.rules) {
    lines.push(tr(r.fired ? 'ch2.why.fired' : 'ch2.why.notFired', { n: r.rule + 1 }));
    r.items.forEach((it, i) => {
      const tile = tileWords(tr, {
        labelKey: tileLabel(it.fact),
        not: it.not,
        op: it.op === 'is' ? undefined : it.op,
        threshold: it.threshold,
      });
      const join = i === 0 ? '' : `${tr(it.join === 'or' ? 'ch2.or' : 'ch2.and')} `;
      lines.push(`   ${join}${tr('ch2.why.item', { tile, value: valueWords(tr, it), mark: it.holds ? '✓' : '✗' })}`);
    });
  }
  lines.push(tr(p.predicted ? 'ch2.why.so' : 'ch2.why.none', { what: answer }));
  return lines;
}
