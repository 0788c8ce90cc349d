// Chapter 5's left side: the points with their errors and the curve(s) through them, and the loss
// bar on its log scale with the target mark. Every number comes from the view-model.
import type { FoggyView } from '../../../levels/ch5/foggyView';
import { COLORS, CSS } from '../../palette';
import { BAR, fmt, PLOT, type Kit } from './kit';

const STYLES: Record<string, [number, number, number]> = {
  main: [COLORS.blue, 4, 1],
  momentum: [COLORS.orange, 3, 1],
  hand: [COLORS.inkSoft, 2, 0.7],
};

export function paintPlot(k: Kit, view: FoggyView): void {
  const g = k.g;
  const p = view.plot;
  const px = (x: number) => PLOT.x + ((x - p.xMin) / (p.xMax - p.xMin)) * PLOT.w;
  const py = (y: number) => {
    const c = Math.min(p.yMax, Math.max(p.yMin, y));
    return PLOT.y + PLOT.h - ((c - p.yMin) / (p.yMax - p.yMin)) * PLOT.h;
  };
  g.fillStyle(COLORS.white, 1).fillRect(PLOT.x, PLOT.y, PLOT.w, PLOT.h);
  g.lineStyle(1, COLORS.stone, 1);
  g.lineBetween(PLOT.x, py(0), PLOT.x + PLOT.w, py(0));
  g.lineBetween(px(0), PLOT.y, px(0), PLOT.y + PLOT.h);
  g.lineStyle(3, COLORS.ink, 1).strokeRect(PLOT.x, PLOT.y, PLOT.w, PLOT.h);
  // Each point's error: a vermilion line from the point to the curve.
  g.lineStyle(3, COLORS.vermilion, 0.9);
  view.points.forEach((pt, i) => g.lineBetween(px(pt.x), py(pt.y), px(pt.x), py(pt.y + view.residuals[i])));
  for (const c of [...view.curves].reverse()) {
    const [color, width, alpha] = STYLES[c.id];
    // Solid, or dashed (dash length in samples).
    const dash = c.id === 'momentum' ? 10 : c.id === 'hand' ? 4 : 0;
    g.lineStyle(width, color, alpha);
    let prev: [number, number] | null = null;
    c.points.forEach(([x, y], i) => {
      const pt: [number, number] = [px(x), py(y)];
      const on = dash === 0 || Math.floor(i / (dash / 2)) % 2 === 0;
      if (prev && on) g.lineBetween(prev[0], prev[1], pt[0], pt[1]);
      prev = pt;
    });
  }
  for (const pt of view.points) {
    g.fillStyle(COLORS.yellow, 1).fillCircle(px(pt.x), py(pt.y), 7);
    g.lineStyle(3, COLORS.ink, 1).strokeCircle(px(pt.x), py(pt.y), 7);
  }
  const a = view.auto;
  if (a) {
    k.txt('legend').setText(
      `— ${k.t('ch5.plain', { loss: fmt(a.plain.loss) })}   - - ${k.t('ch5.heavy', { loss: fmt(a.heavy.loss) })}   ··· ${k.t('ch5.handFit', { loss: fmt(a.handLoss) })}`,
    );
  }
}

export function paintLossBar(k: Kit, view: FoggyView): void {
  const g = k.g;
  g.fillStyle(COLORS.white, 1).fillRoundedRect(BAR.x, BAR.y, BAR.w, BAR.h, 8);
  g.fillStyle(COLORS.vermilion, 1).fillRoundedRect(BAR.x, BAR.y, Math.max(10, BAR.w * view.bar.fraction), BAR.h, 8);
  g.lineStyle(3, COLORS.ink, 1).strokeRoundedRect(BAR.x, BAR.y, BAR.w, BAR.h, 8);
  const target = view.walk?.target ?? view.auto?.target ?? null;
  if (target !== null && view.bar.target !== null) {
    const x = BAR.x + BAR.w * view.bar.target;
    g.lineStyle(4, COLORS.green, 1).lineBetween(x, BAR.y - 6, x, BAR.y + BAR.h + 6);
    k.tag(BAR.x + BAR.w - 70, BAR.y + BAR.h + 18, `| ${k.t('ch5.target', { value: fmt(target) })}`, 15, CSS.green);
  }
  k.txt('lossTitle').setText(k.t('ch5.lossTitle'));
  k.txt('loss').setText(k.t('ch5.loss', { value: fmt(view.loss, 4) }));
}
