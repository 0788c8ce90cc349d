// Chapter 6's health bars under the Demon: one bar per side, with a tick per point so the count
// reads without colour.
import type Phaser from 'phaser';
import type { DigitDemonView } from '../../../levels/ch6/digitDemonView';
import { COLORS } from '../../palette';

export function paintHealth(g: Phaser.GameObjects.Graphics, fight: DigitDemonView['fight']): void {
  const bar = (y: number, value: number, max: number, color: number) => {
    g.fillStyle(COLORS.white, 1).fillRoundedRect(36, y, 320, 24, 10);
    if (value > 0) g.fillStyle(color, 1).fillRoundedRect(36, y, Math.max(20, (320 * value) / max), 24, 10);
    g.lineStyle(2, COLORS.ink, 0.6);
    for (let k = 1; k < max; k++) g.lineBetween(36 + (320 * k) / max, y, 36 + (320 * k) / max, y + 24);
    g.lineStyle(3, COLORS.ink).strokeRoundedRect(36, y, 320, 24, 10);
  };
  bar(428, fight.demonHealth, fight.demonMax, COLORS.purple);
  bar(498, fight.playerHealth, fight.playerMax, COLORS.green);
}
