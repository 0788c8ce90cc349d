// Chapter 5's fog panels: part B's one-knob profile under fog (uncovered ground, footprints, the
// slope where you stand) and the two-knob map of part C and the challenge (the bowl's shading and
// contours baked into a texture once, the fog over it redrawn only when the trail changes, the
// path and the gradient arrows).
import type { FoggyView, WalkView } from '../../../levels/ch5/foggyView';
import { COLORS, CSS } from '../../palette';
import { arrow, fmt, groundColor, MAP, PROFILE, sumLine, type Kit } from './kit';

export function paintProfile(k: Kit, walk: WalkView): void {
  const g = k.g;
  const [lo, hi] = walk.ranges[0];
  const top = Math.max(...walk.trail.map((t) => t.loss), 80);
  const kx = (v: number) => PROFILE.x + ((v - lo) / (hi - lo)) * PROFILE.w;
  // Square-root height keeps the valley floor visible next to the high slopes.
  const ly = (l: number) => PROFILE.y + PROFILE.h - Math.sqrt(Math.min(l, top) / top) * PROFILE.h;
  g.fillStyle(COLORS.skyBottom, 1).fillRect(PROFILE.x, PROFILE.y, PROFILE.w, PROFILE.h);
  // The fog: soft grey bands over everything, then the uncovered ground drawn on top.
  k.fogLayer.fillStyle(COLORS.stone, 0.55).fillRect(PROFILE.x, PROFILE.y, PROFILE.w, PROFILE.h);
  for (let i = 0; i < 6; i++)
    k.fogLayer
      .fillStyle(COLORS.white, 0.35)
      .fillEllipse(PROFILE.x + 60 + i * 110, PROFILE.y + 80 + (i % 2) * 120, 200, 60);
  k.tag(PROFILE.x + PROFILE.w - 40, PROFILE.y + 18, `☁ ${k.t('ch5.fog')}`, 15, CSS.inkSoft);
  for (const run of walk.seen ?? []) {
    k.top.fillStyle(COLORS.grass, 1);
    k.top.beginPath();
    k.top.moveTo(kx(run[0][0]), PROFILE.y + PROFILE.h);
    for (const [kk, l] of run) k.top.lineTo(kx(kk), ly(l));
    k.top.lineTo(kx(run[run.length - 1][0]), PROFILE.y + PROFILE.h);
    k.top.closePath();
    k.top.fillPath();
    k.top.lineStyle(4, COLORS.grassShade, 1);
    for (let i = 1; i < run.length; i++)
      k.top.lineBetween(kx(run[i - 1][0]), ly(run[i - 1][1]), kx(run[i][0]), ly(run[i][1]));
  }
  k.top.lineStyle(3, COLORS.ink, 1).strokeRect(PROFILE.x, PROFILE.y, PROFILE.w, PROFILE.h);
  // The trail: numbered footprints.
  walk.trail.forEach((t, i) => {
    k.top.fillStyle(COLORS.ink, 1).fillCircle(kx(t.at[0]), ly(t.loss), 5);
    if (i < walk.trail.length - 1) k.tag(kx(t.at[0]), ly(t.loss) - 16, String(i), 12, CSS.inkSoft);
  });
  // Where you stand: the tangent (the slope) and an arrow downhill, once the slope is shown; before
  // that only what the player felt (the two nudges' losses are in the mentor's line).
  const at = walk.position[0];
  const slope = walk.slope[0];
  const x0 = kx(at);
  const y0 = ly(walk.loss);
  const below = Math.min(PROFILE.y + PROFILE.h - 10, y0 + 52);
  if (walk.slopeHidden) {
    const felt = walk.feel ? k.t('ch5.feltSlope', { value: fmt(walk.feel.slope) }) : k.t('ch5.slopeHidden');
    k.tag(Math.max(PROFILE.x + 90, x0), below, felt, 15, CSS.blue);
  } else {
    const dk = (hi - lo) * 0.08;
    const tanY = (kk: number) => ly(Math.max(0, walk.loss + slope * (kk - at)));
    k.top.lineStyle(3, COLORS.blue, 1).lineBetween(kx(at - dk), tanY(at - dk), kx(at + dk), tanY(at + dk));
    const dir = slope > 0 ? -1 : 1;
    arrow(k.top, x0, y0 + 30, x0 + dir * 70, y0 + 30, COLORS.green, 5);
    k.tag(x0, below, k.t('ch5.slope', { value: fmt(slope) }), 15, CSS.blue);
  }
  k.hiker.setPosition(x0, y0 - 24).setVisible(true);
  k.txt('axisX')
    .setText('K1')
    .setPosition(PROFILE.x + PROFILE.w - 24, PROFILE.y + PROFILE.h + 4);
  k.tag(PROFILE.x + 12, PROFILE.y + PROFILE.h + 14, fmt(lo), 13, CSS.inkSoft);
  k.tag(PROFILE.x + PROFILE.w - 60, PROFILE.y + PROFILE.h + 14, fmt(hi), 13, CSS.inkSoft);
  k.txt('info1').setText('');
  k.tag(
    PROFILE.x + 270,
    PROFILE.y + PROFILE.h + 32,
    `${k.t('ch5.loss', { value: fmt(walk.loss) })} · ${k.t('ch5.target', { value: walk.target })} · ${k.t('ch5.steps', { steps: walk.steps, overshoots: walk.overshoots })}`,
    17,
  );
  // The update rule behind the last step, as arithmetic.
  if (walk.sums) k.tag(PROFILE.x + 270, PROFILE.y + PROFILE.h + 56, sumLine(k.t, walk.sums[0]), 16, CSS.blue);
}

/** The bowl's texture, made once (the same for every render of this level). */
function bakeBowl(k: Kit, map: NonNullable<FoggyView['map']>): void {
  if (k.scene.textures.exists('ch5-bowl')) return;
  const g = k.scene.make.graphics({}, false);
  const cell = MAP.size / map.cols;
  // Ground colour by height (light valley, darker slopes); the contour rings carry the same
  // information in shape, so colour is never the only signal.
  map.cells.forEach((t, i) => {
    const r = Math.floor(i / map.cols);
    const c = i % map.cols;
    g.fillStyle(groundColor(t), 1).fillRect(c * cell, MAP.size - (r + 1) * cell, cell + 0.5, cell + 0.5);
  });
  g.lineStyle(2, COLORS.ink, 0.75);
  for (const [x1, y1, x2, y2] of map.segments)
    g.lineBetween(x1 * MAP.size, MAP.size - y1 * MAP.size, x2 * MAP.size, MAP.size - y2 * MAP.size);
  g.generateTexture('ch5-bowl', MAP.size, MAP.size);
  g.destroy();
}

/** The map's fog texture, remade only when the uncovered cells change. */
export class FogMap {
  private key = '';

  reset(): void {
    this.key = '';
  }

  /** `live`: the walk is still going (its step buttons are shown), not a finished one. */
  paint(k: Kit, map: NonNullable<FoggyView['map']>, walk: WalkView | null, live = true): void {
    const [r1, r2] = walk?.ranges ?? [
      [0, 1],
      [0, 1],
    ];
    const mx = (v: number) => MAP.x + ((v - r1[0]) / (r1[1] - r1[0])) * MAP.size;
    const my = (v: number) => MAP.y + MAP.size - ((v - r2[0]) / (r2[1] - r2[0])) * MAP.size;
    const cell = MAP.size / map.cols;
    bakeBowl(k, map);
    k.bowlImage.setTexture('ch5-bowl').setVisible(true);
    // The fog: hidden cells covered in opaque mist.
    const fog = walk?.fog ?? null;
    if (fog) {
      const key = fog.map((f) => (f ? 1 : 0)).join('');
      const textures = k.scene.textures;
      if (key !== this.key || !textures.exists('ch5-fog')) {
        this.key = key;
        if (textures.exists('ch5-fog')) textures.remove('ch5-fog');
        const g = k.scene.make.graphics({}, false);
        g.fillStyle(0xdfe3ea, 1);
        fog.forEach((hidden, i) => {
          if (!hidden) return;
          const r = Math.floor(i / map.cols);
          const c = i % map.cols;
          g.fillRect(c * cell, MAP.size - (r + 1) * cell, cell + 0.5, cell + 0.5);
        });
        g.generateTexture('ch5-fog', MAP.size, MAP.size);
        g.destroy();
      }
      k.fogImage.setTexture('ch5-fog').setVisible(true);
      if (fog.some(Boolean)) k.tag(MAP.x + MAP.size - 40, MAP.y + 16, `☁ ${k.t('ch5.fog')}`, 15, CSS.inkSoft);
    }
    k.top.lineStyle(3, COLORS.ink, 1).strokeRect(MAP.x, MAP.y, MAP.size, MAP.size);
    k.txt('axisX')
      .setText('K1 →')
      .setPosition(MAP.x + MAP.size - 50, MAP.y + MAP.size + 2);
    k.txt('axisY')
      .setText('↑ K2')
      .setPosition(MAP.x - 40, MAP.y - 26);
    if (!walk) return;
    // The path of steps.
    const pts = walk.trail.map((t) => [mx(t.at[0]), my(t.at[1])] as const);
    k.top.lineStyle(4, COLORS.purple, 1);
    for (let i = 1; i < pts.length; i++) k.top.lineBetween(pts[i - 1][0], pts[i - 1][1], pts[i][0], pts[i][1]);
    pts.forEach(([x, y], i) => {
      k.top.fillStyle(COLORS.white, 1).fillCircle(x, y, 6);
      k.top.lineStyle(3, COLORS.ink, 1).strokeCircle(x, y, 6);
      if (i < pts.length - 1) k.tag(x + 12, y - 12, String(i), 12, CSS.ink);
    });
    // The two partial slopes (thin) and the gradient (thick), scaled to fit, pointing uphill.
    const [x0, y0] = pts[pts.length - 1];
    const [g1, g2] = walk.slope;
    const norm = Math.hypot(g1, g2);
    const scale = norm > 0 ? 80 / norm : 0;
    arrow(k.top, x0, y0, x0 + g1 * scale, y0, COLORS.sky, 3);
    arrow(k.top, x0, y0, x0, y0 - g2 * scale, COLORS.sky, 3);
    arrow(k.top, x0, y0, x0 + g1 * scale, y0 - g2 * scale, COLORS.vermilion, 6);
    k.hiker.setPosition(x0 - 30, y0 + 26).setVisible(true);
    k.txt('info1').setText(k.t('ch5.loss', { value: fmt(walk.loss) }));
    k.txt('info2').setText(`${k.t('ch5.target', { value: walk.target })}`);
    k.txt('info3').setText(k.t('ch5.gradient', { g1: fmt(g1), g2: fmt(g2) }));
    k.txt('info4').setText(
      walk.maxSteps !== null
        ? k.t('ch5.score', { score: walk.score, steps: walk.steps, max: walk.maxSteps })
        : k.t('ch5.steps', { steps: walk.steps, overshoots: walk.overshoots }),
    );
    // The update rule behind the last step, knob by knob, under the step buttons.
    if (live && walk.sums) walk.sums.forEach((sum, i) => k.tag(1100, 466 + i * 18, sumLine(k.t, sum), 14, CSS.blue));
  }
}
