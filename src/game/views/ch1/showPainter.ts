// The show's list on stage: one line per round as the judge reveals it ("3. Sit → sit ✓"), in
// the mark's ink as well as its word, shrunk to fit the panel where a name is long. It keeps the
// reveal's clock (display only: the show's result is already in the view-model).
import type Phaser from 'phaser';
import { PANEL_X, type LabelFn } from './sitLayout';

/** The widest a round's line may be: the command panel's inner width. */
const LINE_W = 548;

export class ShowPainter {
  private readonly list: Phaser.GameObjects.Container;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly label: LabelFn,
  ) {
    this.list = scene.add.container(PANEL_X, 90).setVisible(false);
  }

  setVisible(visible: boolean): void {
    this.list.setVisible(visible);
  }

  clear(): void {
    this.list.removeAll(true);
  }

  /**
   * The judge's rounds one by one: `onRound(i)` every `stepMs` of the scene's game time. The
   * painter keeps the clock of this display-only animation; the scene only says what each round draws.
   */
  reveal(count: number, stepMs: number, onRound: (i: number) => void): void {
    for (let i = 0; i < count; i++) this.scene.time.delayedCall(stepMs * (i + 1), () => onRound(i));
  }

  /** Round `i` (from 0) as `line`, right or wrong. */
  addRound(i: number, line: string, correct: boolean): void {
    const row = this.label(0, i * 37, 18, correct ? '#00603f' : '#9a3600');
    row.setText(`${i + 1}. ${line}`);
    // Long names (a paw, in English) shrink to fit the panel instead of being cut off.
    if (row.width > LINE_W) row.setScale(LINE_W / row.width, 1);
    this.list.add(row);
  }
}
