// Chapter 6's stage on the left panel: the Digit Demon (our own drawing, ch6-demon.svg) and Bit
// beside the player, through the fight and the epilogue, with the health bars under them. A hit
// swaps the Demon to its hurt face, shakes it and floats the damage; a hit on the player shakes
// the camera. Everything drawn comes from the view-model.
import type Phaser from 'phaser';
import type { DigitDemonView } from '../../../levels/ch6/digitDemonView';
import { CSS } from '../../palette';
import { paintHealth } from './healthBars';

const DEMON = { x: 258, y: 190, size: 210 };
const BIT = { x: 96, y: 318, size: 132 };

export class DemonStage {
  private readonly demon: Phaser.GameObjects.Image;
  private readonly bit: Phaser.GameObjects.Image;
  private readonly bars: Phaser.GameObjects.Graphics;
  private lastHit = '';
  private lastFloat: Phaser.GameObjects.Text | null = null;
  private hurtUntil = 0;

  constructor(
    private readonly scene: Phaser.Scene,
    private readonly reducedMotion: () => boolean,
    private readonly label: (x: number, y: number, size: number) => Phaser.GameObjects.Text,
  ) {
    this.demon = scene.add.image(DEMON.x, DEMON.y, 'ch6-demon').setDisplaySize(DEMON.size, DEMON.size);
    this.bit = scene.add.image(BIT.x, BIT.y, 'bit-idle').setDisplaySize(BIT.size, BIT.size).setFlipX(true);
    this.bars = scene.add.graphics();
    if (!reducedMotion())
      scene.tweens.add({
        targets: this.demon,
        y: DEMON.y - 10,
        duration: 1200,
        yoyo: true,
        repeat: -1,
        ease: 'Sine.easeInOut',
      });
  }

  paint(view: DigitDemonView): void {
    const f = view.fight;
    const fighting = ['phase1', 'phase2', 'trick'].includes(view.step);
    const after = ['epilogue', 'ending', 'done'].includes(view.step);
    this.bars.clear();
    if (fighting) paintHealth(this.bars, f);
    const down = f.demonDown && (fighting || after);
    this.demon.setVisible(!(after && down));
    this.demon.setAlpha(down ? 0.45 : 1).setAngle(down ? -12 : 0);
    if (this.scene.time.now >= this.hurtUntil) this.demon.setTexture(down ? 'ch6-demon-hurt' : 'ch6-demon');
    this.bit.setTexture(`bit-${view.bit}`);
    // Bit takes the Demon's place once the fight is over.
    this.bit
      .setPosition(after ? 199 : BIT.x, after ? 250 : BIT.y)
      .setDisplaySize(after ? 220 : BIT.size, after ? 220 : BIT.size);
    const hit = f.lastHit;
    if (hit && hit.id !== this.lastHit) {
      this.lastHit = hit.id;
      this.react(hit.demon, hit.player, down);
    }
  }

  private react(demon: number, player: number, down: boolean): void {
    const scene = this.scene;
    if (demon > 0) {
      this.demon.setTexture('ch6-demon-hurt');
      this.hurtUntil = scene.time.now + 600;
      scene.time.delayedCall(600, () => this.demon.setTexture(down ? 'ch6-demon-hurt' : 'ch6-demon'));
    }
    const text = demon > 0 ? `−${demon}` : player > 0 ? `−${player}` : '';
    if (!text) return;
    const at = demon > 0 ? DEMON : BIT;
    const label = this.label(at.x + 40, at.y - 70, 40)
      .setText(text)
      .setColor(CSS.cream)
      .setStroke(CSS.ink, 8);
    label.setOrigin(0.5);
    // One damage mark at a time: a quick next hit replaces the last one rather than landing on it.
    this.lastFloat?.destroy();
    this.lastFloat = label;
    if (this.reducedMotion()) {
      scene.time.delayedCall(700, () => label.destroy());
      return;
    }
    scene.tweens.add({ targets: label, y: at.y - 130, alpha: 0, duration: 900, onComplete: () => label.destroy() });
    if (demon > 0) {
      this.demon.setTint(0xff9090);
      scene.tweens.add({ targets: this.demon, angle: { from: -10, to: 10 }, duration: 70, yoyo: true, repeat: 3 });
      scene.time.delayedCall(450, () => this.demon.clearTint().setAngle(down ? -12 : 0));
    } else {
      scene.cameras.main.shake(200, 0.006);
    }
  }
}
