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
  const o = view.overfit;
  if (o) {
    // The held-out dots: squares (not circles), their misses dashed, drawn over the curve.
    g.lineStyle(2, COLORS.purple, 0.9);
    o.heldOut.forEach((pt, i) => {
      const x = px(pt.x);
      const [y0, y1] = [py(pt.y), py(pt.y + o.heldResiduals[i])];
      const dir = y1 > y0 ? 1 : -1;
      for (let y = y0; dir * (y1 - y) > 0; y += dir * 8)
        g.lineBetween(x, y, x, dir > 0 ? Math.min(y + 4, y1) : Math.max(y - 4, y1));
    });
    for (const pt of o.heldOut) {
      g.fillStyle(COLORS.sky, 1).fillRect(px(pt.x) - 6, py(pt.y) - 6, 12, 12);
      g.lineStyle(3, COLORS.ink, 1).strokeRect(px(pt.x) - 6, py(pt.y) - 6, 12, 12);
    }
  }
  for (const pt of view.points) {
    g.fillStyle(COLORS.yellow, 1).fillCircle(px(pt.x), py(pt.y), 7);
    g.lineStyle(3, COLORS.ink, 1).strokeCircle(px(pt.x), py(pt.y), 7);
  }
  // The legend names the marks only; the losses are in the loss meter and the charts.
  if (view.auto)
    k.txt('legend').setText(
      `— ${k.t('ch5.legend.plain')}   - - ${k.t('ch5.legend.heavy')}   ··· ${k.t('ch5.legend.hand')}`,
    );
  else if (o) k.txt('legend').setText(`● ${k.t('ch5.legend.train')}   ■ ${k.t('ch5.legend.held')}`);
}

export function paintLossBar(k: Kit, view: FoggyView): void {
  const g = k.g;
  // One loss at a time: where the part is about another loss, the curve's meter is not shown.
  if (!view.bar) {
    k.txt('lossTitle').setText('');
    k.txt('loss').setText('');
    return;
  }
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
