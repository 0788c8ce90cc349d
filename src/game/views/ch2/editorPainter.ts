// The rule editor for the current step: the palette of tiles, one row per rule with its dashed
// arrow to the THEN chip, an "empty rule" note where a rule has no tiles, and the tools tray for
// the selection. While the week runs, the rulebook stays as it is: palette and tools go, its rules
// still show.
import type Phaser from 'phaser';
import type { EditorView } from '../../../levels/ch2/rulebookView';
import { COLORS } from '../../palette';
import type { HtmlLayer } from '../../ui/htmlLayer';
import { renderNote, renderTray } from './rulebookPanels';
import {
  EDITOR,
  iconOf,
  paletteSpecs,
  rowY,
  ruleSpecs,
  tileX,
  toolSpecs,
  type EditorHandlers,
  type Selection,
} from './ruleEditor';
import type { Tr } from './ruleText';

export interface EditorPaint {
  ui: HtmlLayer;
  tr: Tr;
  /** The editor of the step; null when the step has none. */
  editor: EditorView | null;
  /** Whether the editor is out of sight (behind the sellers' clash, at the verdict). */
  hidden: boolean;
  /** Whether the weather week is running. */
  running: boolean;
  sel: Selection;
  maxRules: number;
  on: EditorHandlers;
}

export class EditorPainter {
  constructor(
    /** "Tiles:" before the palette, on the canvas. */
    private readonly paletteLabel: Phaser.GameObjects.Text,
    /** The dashed arrows from each rule to its THEN chip. */
    private readonly arrows: Phaser.GameObjects.Graphics,
  ) {}

  /** Draws the editor; returns where its tools tray ends (0 without one). */
  paint(p: EditorPaint): number {
    const { ui, tr, sel } = p;
    const ed = p.editor;
    this.paletteLabel.setText(ed && !p.hidden && ed.editable && !p.running ? tr('ch2.palette') : '');
    this.arrows.clear();
    for (let r = 0; r < p.maxRules; r++) {
      ui.removeElement(`ch2-then-${r}`);
      ui.removeElement(`ch2-empty-${r}`);
    }
    if (!ed || p.hidden) {
      for (const g of ['ch2-palette', 'ch2-rules', 'ch2-tools']) ui.clearGroup(g);
      ui.removeElement('ch2-tray');
      return 0;
    }
    ui.sync('ch2-palette', ed.editable && !p.running ? paletteSpecs(ed, sel, tr, p.on) : []);
    ui.sync('ch2-rules', ruleSpecs(ed, sel, tr, p.on));
    ed.rules.forEach((rule, r) => {
      rule.tiles.forEach((t, k) => {
        const q = (id: string) => ui.root.querySelector<HTMLElement>(`button[data-group="ch2-rules"][data-id="${id}"]`);
        q(`placed-${r}-${k}`)?.setAttribute('data-not', String(t.not));
        if (k > 0) q(`chip-${r}-${k}`)?.setAttribute('data-join', t.join);
      });
      const endX = rule.tiles.length ? tileX(rule.tiles.length - 1) + EDITOR.tileW + 10 : EDITOR.tileX;
      if (!rule.tiles.length)
        renderNote(ui, `ch2-empty-${r}`, { x: EDITOR.tileX, y: rowY(r) + 6, w: 330, h: 48 }, tr('ch2.emptyRule'));
      const thenX = Math.max(rule.tiles.length ? endX : EDITOR.tileX + 340, 1098);
      this.arrows.lineStyle(4, COLORS.ink, 0.7);
      for (let x = rule.tiles.length ? endX : EDITOR.tileX + 340; x < 1086; x += 18)
        this.arrows.lineBetween(x, rowY(r) + 30, Math.min(x + 10, 1086), rowY(r) + 30);
      this.arrows.fillStyle(COLORS.ink, 0.7).fillTriangle(1084, rowY(r) + 22, 1096, rowY(r) + 30, 1084, rowY(r) + 38);
      renderNote(
        ui,
        `ch2-then-${r}`,
        { x: Math.min(thenX, 1098), y: rowY(r) + 4, w: 166, h: 52 },
        `${tr('ch2.then')} ${tr(ed.conclusion.labelKey)}`,
        iconOf(ed.conclusion.art),
      );
      ui.root.querySelector(`[data-owned="ch2-then-${r}"]`)?.classList.add('then');
    });
    const tools = p.running ? [] : toolSpecs(ed, sel, tr, p.on);
    // The tray goes in first, so the tools synced after it stack on top of it.
    const tray = renderTray(
      ui,
      'ch2-tray',
      tools,
      sel.tile !== null ? tr('ch2.tools') : tr('ch2.toolsRule', { n: sel.rule + 1 }),
    );
    ui.sync('ch2-tools', tools);
    return tray ? tray.x + tray.w : 0;
  }
}
