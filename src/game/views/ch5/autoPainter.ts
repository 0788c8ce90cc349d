// Chapter 5's part D: automatic descent's losses step by step on a log scale (plain solid,
// momentum dashed, the target line) and the two paths over K1, K2 beside it, with the valley
// floor. The view-model hands both as unit coordinates.
import type { FoggyView } from '../../../levels/ch5/foggyView';
import { COLORS, CSS } from '../../palette';
import { CHART, fmt, PATH, type Kit } from './kit';

export function paintAuto(k: Kit, view: FoggyView): void {
  const a = view.auto!;
  const c = a.chart;
  const g = k.g;
  const cx = (u: number) => CHART.x + u * CHART.w;
  const cy = (v: number) => CHART.y + CHART.h - v * CHART.h;
  g.fillStyle(COLORS.white, 1).fillRect(CHART.x, CHART.y, CHART.w, CHART.h);
  // The target line is named in the legend under the chart, never over the curves.
  g.lineStyle(3, COLORS.green, 1).lineBetween(CHART.x, cy(c.target), CHART.x + CHART.w, cy(c.target));
  const line = (pts: [number, number][], color: number, dashed: boolean) => {
    g.lineStyle(3, color, 1);
    for (let i = 1; i < pts.length; i++)
      if (!dashed || (i - 1) % 4 < 2) g.lineBetween(cx(pts[i - 1][0]), cy(pts[i - 1][1]), cx(pts[i][0]), cy(pts[i][1]));
  };
  line(c.plain, COLORS.blue, false);
  line(c.heavy, COLORS.orange, true);
  g.lineStyle(3, COLORS.ink, 1).strokeRect(CHART.x, CHART.y, CHART.w, CHART.h);
  k.tag(CHART.x + 70, CHART.y - 14, k.t('ch5.logScale'), 14, CSS.inkSoft);
  k.tag(
    CHART.x + CHART.w - 70,
    CHART.y - 14,
    k.t('ch5.autoSteps', { steps: a.steps, max: a.maxSteps }),
    14,
    CSS.inkSoft,
  );
  // The two paths over K1, K2 (a slice of the six-knob walk), plain solid and momentum dashed.
  const sx = (u: number) => PATH.x + u * PATH.size;
  const sy = (v: number) => PATH.y + PATH.size - v * PATH.size;
  g.fillStyle(COLORS.white, 1).fillRect(PATH.x, PATH.y, PATH.size, PATH.size);
  const path = (p: [number, number][], color: number, dashed: boolean) => {
    g.lineStyle(3, color, 1);
    for (let i = 1; i < p.length; i++)
      if (!dashed || i % 4 < 2) g.lineBetween(sx(p[i - 1][0]), sy(p[i - 1][1]), sx(p[i][0]), sy(p[i][1]));
  };
  path(c.paths.plain, COLORS.blue, false);
  path(c.paths.heavy, COLORS.orange, true);
  g.fillStyle(COLORS.green, 1).fillCircle(sx(c.paths.best[0]), sy(c.paths.best[1]), 6);
  g.lineStyle(3, COLORS.ink, 1).strokeRect(PATH.x, PATH.y, PATH.size, PATH.size);
  k.tag(PATH.x + PATH.size / 2, PATH.y - 14, k.t('ch5.pathTitle'), 14, CSS.inkSoft);
  k.tag(
    CHART.x + CHART.w / 2,
    CHART.y + CHART.h + 16,
    `— ${k.t('ch5.plain', { loss: fmt(a.plain.loss) })}   - - ${k.t('ch5.heavy', { loss: fmt(a.heavy.loss) })}   ▬ ${k.t('ch5.target', { value: a.target })}`,
    14,
  );
}

/** Footsteps while descent plays: a blip at the loss's pitch, as often as the slope says. */
export class Footsteps {
  private clock = 0;

  reset(): void {
    this.clock = 0;
  }

  /** Called each frame with game time; `blip` plays one footstep. */
  update(delta: number, view: FoggyView | null, blip: (pitch: number) => void): void {
    if (!view?.auto?.playing || !view.sound) return;
    // Game time, clamped: a stalled frame never fires a burst of footsteps.
    this.clock += Math.min(delta, 100);
    if (this.clock >= 1000 / view.sound.ticksPerSecond) {
      this.clock = 0;
      blip(view.sound.pitch);
    }
  }
}
