// Chapter 5's part E: four gears (w, z, a, loss), each turning by its own change when the first is
// turned, the ratios between neighbours, and the gradients backprop fills in from the loss back.
import Phaser from 'phaser';
import type { FoggyView } from '../../../levels/ch5/foggyView';
import { COLORS, CSS } from '../../palette';
import { fmt, GEAR_R, GEAR_X, GEAR_Y, type Kit } from './kit';

export function paintGears(k: Kit, view: FoggyView): void {
  const gv = view.gears!;
  gv.gears.forEach((gear, i) => {
    const art = k.gearArt[i];
    const r = GEAR_R[i];
    const teeth = 10 + i * 2;
    art.fillStyle(i === 0 ? COLORS.orange : i === 3 ? COLORS.vermilion : COLORS.sky, 1);
    art.lineStyle(4, COLORS.ink, 1);
    const pts: Phaser.Math.Vector2[] = [];
    for (let j = 0; j < teeth * 2; j++) {
      const ang = (j / (teeth * 2)) * Math.PI * 2;
      const rr = j % 2 === 0 ? r : r - 10;
      pts.push(new Phaser.Math.Vector2(Math.cos(ang) * rr, Math.sin(ang) * rr));
    }
    art.fillPoints(pts, true).strokePoints(pts, true);
    art
      .fillStyle(COLORS.cream, 1)
      .fillCircle(0, 0, r * 0.45)
      .strokeCircle(0, 0, r * 0.45);
    art.lineStyle(5, COLORS.ink, 1).lineBetween(0, 0, r * 0.42, 0);
    // Each gear turns by its own change; the ratios between neighbours set how much.
    const hidden = i === 3 && gv.hideLast;
    const angle = hidden ? 0 : gear.turn * 6;
    if (k.reducedMotion()) art.setRotation(angle);
    else k.scene.tweens.add({ targets: art, rotation: angle, duration: 400, ease: 'Sine.easeOut' });
    const x = GEAR_X[i];
    k.tag(x, GEAR_Y - r - 34, k.dt(`ch5.gear.${gear.name}`), 16);
    k.tag(x, GEAR_Y + r + 18, k.t('ch5.gear.value', { value: fmt(gear.value) }), 14);
    k.tag(
      x,
      GEAR_Y + r + 40,
      hidden ? k.t('ch5.gear.hidden') : k.t('ch5.gear.turn', { value: fmt(gear.turn) }),
      14,
      CSS.inkSoft,
    );
    if (gear.grad !== null) k.tag(x, GEAR_Y + r + 64, k.t('ch5.gear.grad', { value: fmt(gear.grad) }), 16, CSS.blue);
    if (i < 3) {
      const mid = (GEAR_X[i] + GEAR_X[i + 1]) / 2;
      k.top.fillStyle(COLORS.yellow, 1).fillRoundedRect(mid - 40, GEAR_Y - 122, 80, 30, 10);
      k.top.lineStyle(3, COLORS.ink, 1).strokeRoundedRect(mid - 40, GEAR_Y - 122, 80, 30, 10);
      k.tag(mid, GEAR_Y - 107, k.t('ch5.gear.ratio', { value: fmt(gv.ratios[i]) }), 16);
    }
  });
  k.tag(890, 452, k.t('ch5.gears.question'), 17);
  if (gv.done) k.tag(890, 540, k.t('ch5.gears.fd', { fd: fmt(gv.finiteDifference, 4) }), 16, CSS.green);
}
