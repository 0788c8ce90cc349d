// The verdict's fruits come out one by one. The chapter's result is already in the view-model;
// this painter keeps only the display clock of the reveal (how many fruits are shown so far) and
// calls back as each one appears.
import type Phaser from 'phaser';

export class VerdictReveal {
  /** How many of the basket's fruits are shown. */
  revealed = 0;
  private shownFor = -1;

  constructor(private readonly scene: Phaser.Scene) {}

  reset(): void {
    this.revealed = 0;
    this.shownFor = -1;
  }

  /**
   * Starts revealing attempt `attempt`'s `count` fruits, one every `stepMs`, unless that attempt's
   * reveal already started. `onFruit(i, last)` runs as fruit `i` (from 0) appears.
   */
  start(attempt: number, count: number, stepMs: number, onFruit: (i: number, last: boolean) => void): void {
    if (this.shownFor === attempt) return;
    this.shownFor = attempt;
    this.revealed = 0;
    for (let i = 0; i < count; i++)
      this.scene.time.delayedCall(stepMs * (i + 1), () => {
        this.revealed = i + 1;
        onFruit(i, i === count - 1);
      });
  }
}
