// Bit in the yard: its pose, the speech bubble with the command it heard, the line under it saying
// what it chose, and the treat / scold / shrug icons that fly to it when the player answers.
import type Phaser from 'phaser';
import type { ArtKey } from '../../keys';
import { COLORS, CSS } from '../../palette';
import { FONT, textResolution } from '../../scenes/BaseScene';
import { BIT_HOME, BIT_SMALL, PANEL_X, type LabelFn } from './sitLayout';

export class BitPainter {
  private readonly bit: Phaser.GameObjects.Image;
  private readonly chose: Phaser.GameObjects.Text;
  private readonly bubble: Phaser.GameObjects.Container;
  private readonly bubbleText: Phaser.GameObjects.Text;

  constructor(
    private readonly scene: Phaser.Scene,
    label: LabelFn,
  ) {
    this.bit = scene.add.image(BIT_HOME.x, BIT_HOME.y, 'bit-idle').setDisplaySize(BIT_HOME.size, BIT_HOME.size);
    this.chose = label(BIT_HOME.x, 530, 24).setOrigin(0.5).setStroke(CSS.cream, 8);
    const bg = scene.add.graphics();
    bg.fillStyle(COLORS.white)
      .fillRoundedRect(-110, -34, 220, 60, 22)
      .lineStyle(4, COLORS.ink)
      .strokeRoundedRect(-110, -34, 220, 60, 22);
    bg.fillStyle(COLORS.white)
      .fillTriangle(-14, 24, 14, 24, -30, 50)
      .lineStyle(4, COLORS.ink)
      .lineBetween(-14, 26, -30, 50)
      .lineBetween(14, 26, -30, 50);
    this.bubbleText = scene.add
      .text(0, -4, '', { fontFamily: FONT, fontSize: '28px', color: CSS.ink, fontStyle: 'bold' })
      .setOrigin(0.5)
      .setResolution(textResolution(scene));
    this.bubble = scene.add.container(BIT_HOME.x + 150, 120, [bg, this.bubbleText]).setVisible(false);
  }

  /** Bit at home, or small beside the open box (the line under it then goes). */
  place(boxOpen: boolean): void {
    const home = boxOpen ? BIT_SMALL : BIT_HOME;
    this.bit.setPosition(home.x, home.y).setDisplaySize(home.size, home.size);
    this.chose.setPosition(home.x, 530).setVisible(!boxOpen);
    this.bubble.setPosition(home.x + 150, boxOpen ? 330 : 120);
  }

  pose(key: ArtKey): void {
    this.bit.setTexture(key);
  }

  /** Bit heard `command` and answers with `pose`; the bubble says the command. */
  hears(command: string, pose: ArtKey): void {
    this.bubbleText.setText(command);
    this.bubble.setVisible(true);
    this.bit.setTexture(pose);
  }

  /** Bit acts: it hears the command, the line under it says what it chose, and it hops. */
  acts(command: string, pose: ArtKey, chose: string, motion: boolean): void {
    this.hears(command, pose);
    this.chose.setText(chose);
    if (motion)
      this.scene.tweens.add({ targets: this.bit, y: this.bit.y - 30, duration: 160, yoyo: true, ease: 'Quad.easeOut' });
  }

  /** The bubble and the line under Bit go. */
  quiet(): void {
    this.bubble.setVisible(false);
    this.chose.setText('');
  }

  /**
   * Bit's face goes back to idle `ms` of game time after an answer, if `idle()` still says so then
   * (he may be acting on the next command already). Display only: the painter keeps the clock.
   */
  settleLater(ms: number, idle: () => boolean): void {
    this.scene.time.delayedCall(ms, () => {
      if (idle()) this.pose('bit-idle');
    });
  }

  /** The player's answer: Bit's face, and the answer's icon flying from the panel to Bit. */
  answered(pose: ArtKey, icon: ArtKey, motion: boolean): void {
    this.quiet();
    this.bit.setTexture(pose);
    this.flyIcon(icon, motion);
  }

  private flyIcon(key: ArtKey, motion: boolean): void {
    const icon = this.scene.add.image(PANEL_X + 100, 320, key).setDisplaySize(80, 80);
    if (!motion) {
      icon.setPosition(this.bit.x + 120, this.bit.y - 120);
      this.scene.time.delayedCall(600, () => icon.destroy());
      return;
    }
    const tweens = this.scene.tweens;
    tweens.add({
      targets: icon,
      x: this.bit.x + 110,
      y: this.bit.y - 120,
      duration: 420,
      ease: 'Quad.easeOut',
      onComplete: () =>
        tweens.add({ targets: icon, alpha: 0, duration: 400, delay: 250, onComplete: () => icon.destroy() }),
    });
  }
}
