// The rule editor's controls as button specs: the tile palette, one row per rule (IF head, tiles
// with AND / OR chips between them, THEN conclusion) and the tools for the selected tile.
// Every control is a real button (mouse, touch, keyboard); nothing needs typing.
import type { EditEvent } from '../../../levels/ch2/rulebookEdit';
import type { EditorView } from '../../../levels/ch2/rulebookView';
import type { ButtonSpec } from '../../ui/htmlLayer';
import { artUrl, type ArtKey } from '../../keys';
import { featureIcon } from './tileIcons';
import { ruleWords, tileWords, type Tr } from './ruleText';

export const EDITOR = {
  paletteY: 66,
  paletteX: 122,
  rowsY: 134,
  rowH: 60,
  rowGap: 10,
  tileX: 128,
  tileW: 136,
  chipW: 60,
  gap: 6,
  toolsY: 346,
};

export interface Selection {
  rule: number;
  tile: number | null;
}

export function iconOf(art: string): string {
  return featureIcon(art.replace(/^feature-/, '')) ?? artUrl(art as ArtKey);
}

export function rowY(r: number): number {
  return EDITOR.rowsY + r * (EDITOR.rowH + EDITOR.rowGap);
}

export function tileX(k: number): number {
  return EDITOR.tileX + k * (EDITOR.tileW + EDITOR.chipW + 2 * EDITOR.gap);
}

export interface EditorHandlers {
  edit(e: EditEvent, say: string): void;
  select(sel: Selection, say: string): void;
}

export function paletteSpecs(view: EditorView, sel: Selection, tr: Tr, on: EditorHandlers): ButtonSpec[] {
  const full = view.rules[sel.rule]?.full ?? true;
  const specs = view.palette.map(
    (p, i): ButtonSpec => ({
      id: `tile-${p.fact}`,
      x: EDITOR.paletteX + i * (view.palette.length > 4 ? 141 : 190),
      y: EDITOR.paletteY,
      w: view.palette.length > 4 ? 134 : 180,
      h: 58,
      label: tr(p.labelKey),
      icon: iconOf(p.art),
      disabled: !view.editable || full,
      ariaLabel: tr('ch2.aria.palette', { tile: tr(p.labelKey), n: sel.rule + 1 }),
      onPress: () =>
        on.edit(
          { type: 'tile.add', rule: sel.rule, fact: p.fact },
          tr('ch2.live.placed', { tile: tr(p.labelKey), n: sel.rule + 1 }),
        ),
    }),
  );
  specs.push({
    id: 'add-rule',
    x: 1118,
    y: EDITOR.paletteY,
    w: 146,
    h: 58,
    label: tr('ch2.btn.addRule'),
    disabled: !view.canAddRule,
    onPress: () => on.edit({ type: 'rule.add' }, tr('ch2.live.ruleAdded', { n: view.rules.length + 1 })),
  });
  return specs;
}

export function ruleSpecs(view: EditorView, sel: Selection, tr: Tr, on: EditorHandlers): ButtonSpec[] {
  const specs: ButtonSpec[] = [];
  const conclusion = tr(view.conclusion.labelKey);
  view.rules.forEach((rule, r) => {
    const y = rowY(r);
    specs.push({
      id: `rule-${r}`,
      x: 16,
      y,
      w: 104,
      h: EDITOR.rowH,
      label: `${r + 1}. ${tr('ch2.if')}`,
      pressed: sel.rule === r,
      ariaLabel: tr('ch2.aria.rule', {
        n: r + 1,
        tiles: rule.tiles.length ? ruleWords(tr, rule.tiles) : tr('ch2.emptyRule'),
        conclusion,
      }),
      onPress: () => on.select({ rule: r, tile: null }, tr('ch2.live.target', { n: r + 1 })),
    });
    rule.tiles.forEach((t, k) => {
      if (k > 0) {
        const op = tr(t.join === 'or' ? 'ch2.or' : 'ch2.and');
        const other = tr(t.join === 'or' ? 'ch2.and' : 'ch2.or');
        specs.push({
          id: `chip-${r}-${k}`,
          x: tileX(k) - EDITOR.chipW - EDITOR.gap,
          y: y + 8,
          w: EDITOR.chipW,
          h: EDITOR.rowH - 16,
          label: op,
          variant: 'quiet',
          disabled: !view.editable,
          ariaLabel: tr('ch2.aria.chip', { op, other }),
          onPress: () =>
            on.edit(
              { type: 'tile.join', rule: r, tile: k, join: t.join === 'or' ? 'and' : 'or' },
              tr('ch2.live.join', { op: other }),
            ),
        });
      }
      specs.push({
        id: `placed-${r}-${k}`,
        x: tileX(k),
        y,
        w: EDITOR.tileW,
        h: EDITOR.rowH,
        label: tileWords(tr, t),
        icon: iconOf(t.art),
        pressed: sel.rule === r && sel.tile === k,
        disabled: !view.editable,
        ariaLabel: tr('ch2.aria.tile', { tile: tileWords(tr, t), n: r + 1 }),
        onPress: () => on.select({ rule: r, tile: sel.rule === r && sel.tile === k ? null : k }, tileWords(tr, t)),
      });
    });
  });
  return specs;
}

/** Tools for the selected tile (NOT, its number, remove) and for the selected rule. */
export function toolSpecs(view: EditorView, sel: Selection, tr: Tr, on: EditorHandlers): ButtonSpec[] {
  if (!view.editable) return [];
  const rule = view.rules[sel.rule];
  const tile = sel.tile !== null ? rule?.tiles[sel.tile] : undefined;
  const specs: ButtonSpec[] = [];
  const y = EDITOR.toolsY;
  let x = 110;
  if (tile && sel.tile !== null) {
    const k = sel.tile;
    const flipped = { ...tile, not: !tile.not };
    specs.push({
      id: 'not',
      x,
      y,
      w: 150,
      h: 52,
      label: tr(tile.not ? 'ch2.btn.notOn' : 'ch2.btn.notOff'),
      pressed: tile.not,
      onPress: () =>
        on.edit(
          { type: 'tile.not', rule: sel.rule, tile: k, not: !tile.not },
          tr('ch2.live.changed', { tile: tileWords(tr, flipped) }),
        ),
    });
    x += 162;
    for (const value of tile.choices ?? []) {
      specs.push({
        id: `value-${value}`,
        x,
        y,
        w: 84,
        h: 52,
        // A no-break space keeps "> 60%" on one line.
        label: `${tile.op ?? ''}\u00a0${value}%`,
        pressed: tile.threshold === value,
        ariaLabel: tr('ch2.aria.choice', { value }),
        onPress: () =>
          on.edit(
            { type: 'tile.threshold', rule: sel.rule, tile: k, value },
            tr('ch2.live.changed', { tile: tileWords(tr, { ...tile, threshold: value }) }),
          ),
      });
      x += 90;
    }
    specs.push({
      id: 'remove-tile',
      x: x + 6,
      y,
      w: 170,
      h: 52,
      label: tr('ch2.btn.removeTile'),
      variant: 'bad',
      onPress: () => on.edit({ type: 'tile.remove', rule: sel.rule, tile: k }, tr('ch2.live.removed')),
    });
    x += 188;
  }
  if (rule && (view.rules.length > 1 || rule.tiles.length > 0) && x < 700) {
    specs.push({
      id: 'remove-rule',
      x: Math.max(x, 110),
      y,
      w: 170,
      h: 52,
      label: tr('ch2.btn.removeRule'),
      variant: 'quiet',
      onPress: () => on.edit({ type: 'rule.remove', rule: sel.rule }, tr('ch2.live.ruleRemoved')),
    });
  }
  return specs;
}
