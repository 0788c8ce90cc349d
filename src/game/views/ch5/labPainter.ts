// Chapter 5's hands-on panels: part C's bonus map with two valleys (shading, contour rings, the two
// wells named, the starts and each descent's path and end) and the overfitting chart (training and
// held-out loss at each degree tried, on a log scale, with the current degree marked). Every
// number and coordinate comes from the view-model.
import type { FoggyView } from '../../../levels/ch5/foggyView';
import { COLORS, CSS } from '../../palette';
import { fmt, groundColor, MAP, type Kit } from './kit';

export const FIT_CHART = { x: 580, y: 116, w: 430, h: 210 };
const RUN_COLORS = [COLORS.purple, COLORS.blue];

export function paintValleys(k: Kit, view: FoggyView): void {
  const v = view.valleys!;
  const g = k.g;
  const cell = MAP.size / v.cols;
  const mx = (u: number) => MAP.x + u * MAP.size;
  const my = (u: number) => MAP.y + MAP.size - u * MAP.size;
  v.cells.forEach((t, i) => {
    const r = Math.floor(i / v.cols);
    const c = i % v.cols;
    g.fillStyle(groundColor(t), 1).fillRect(
      MAP.x + c * cell,
      MAP.y + MAP.size - (r + 1) * cell,
      cell + 0.5,
      cell + 0.5,
    );
  });
  g.lineStyle(2, COLORS.ink, 0.6);
  for (const [x1, y1, x2, y2] of v.segments) g.lineBetween(mx(x1), my(y1), mx(x2), my(y2));
  g.lineStyle(3, COLORS.ink, 1).strokeRect(MAP.x, MAP.y, MAP.size, MAP.size);
  k.txt('axisX')
    .setText('K1 →')
    .setPosition(MAP.x + MAP.size - 50, MAP.y + MAP.size + 2);
  k.txt('axisY')
    .setText('↑ K2')
    .setPosition(MAP.x - 40, MAP.y - 26);
  for (const w of v.wells) {
    const [x, y] = [mx(w.at[0]), my(w.at[1])];
    k.top.lineStyle(3, COLORS.ink, 1).strokeCircle(x, y, 9);
    k.tag(x, y + 24, k.t(w.deep ? 'ch5.valleys.deepTag' : 'ch5.valleys.shallowTag'), 14, CSS.ink);
  }
  v.starts.forEach((s, i) => {
    const color = RUN_COLORS[i % RUN_COLORS.length];
    if (s.run) {
      k.top.lineStyle(4, color, 1);
      const p = s.run.path;
      for (let j = 1; j < p.length; j++) k.top.lineBetween(mx(p[j - 1][0]), my(p[j - 1][1]), mx(p[j][0]), my(p[j][1]));
      k.top.fillStyle(color, 1).fillCircle(mx(s.run.end[0]), my(s.run.end[1]), 7);
    }
    const [x, y] = [mx(s.at[0]), my(s.at[1])];
    k.top.fillStyle(COLORS.white, 1).fillCircle(x, y, 8);
    k.top.lineStyle(3, color, 1).strokeCircle(x, y, 8);
    k.tag(x - 36, y, k.t('ch5.valleys.start', { n: i + 1 }), 13, CSS.ink);
    // Each run's end, in the right-hand column beside its button.
    if (s.run)
      k.tag(
        1100,
        188 + i * 90,
        k.t('ch5.valleys.end', { loss: fmt(s.run.loss) }),
        15,
        s.run.deep ? CSS.green : CSS.ink,
      );
  });
  const last = v.last === null ? null : v.starts[v.last].run;
  if (last) k.hiker.setPosition(mx(last.end[0]) - 26, my(last.end[1]) - 20).setVisible(true);
}

export function paintOverfit(k: Kit, view: FoggyView): void {
  const o = view.overfit!;
  const g = k.g;
  const C = FIT_CHART;
  const cx = (u: number) => C.x + u * C.w;
  const cy = (v: number) => C.y + C.h - (0.05 + 0.9 * v) * C.h;
  g.fillStyle(COLORS.white, 1).fillRect(C.x, C.y, C.w, C.h);
  // The current degree: a thin upright line.
  g.lineStyle(2, COLORS.inkSoft, 0.8).lineBetween(cx(o.chart.degree), C.y, cx(o.chart.degree), C.y + C.h);
  const series = (pts: [number, number][], color: number, dashed: boolean, square: boolean) => {
    g.lineStyle(3, color, 1);
    for (let i = 1; i < pts.length; i++) {
      const [x1, y1, x2, y2] = [cx(pts[i - 1][0]), cy(pts[i - 1][1]), cx(pts[i][0]), cy(pts[i][1])];
      if (!dashed) g.lineBetween(x1, y1, x2, y2);
      else
        for (let t = 0; t < 1; t += 0.2)
          g.lineBetween(x1 + (x2 - x1) * t, y1 + (y2 - y1) * t, x1 + (x2 - x1) * (t + 0.1), y1 + (y2 - y1) * (t + 0.1));
    }
    for (const [u, v] of pts) {
      g.fillStyle(color, 1);
      if (square) g.fillRect(cx(u) - 5, cy(v) - 5, 10, 10);
      else g.fillCircle(cx(u), cy(v), 5);
    }
  };
  series(o.chart.train, COLORS.blue, false, false);
  series(o.chart.held, COLORS.vermilion, true, true);
  g.lineStyle(3, COLORS.ink, 1).strokeRect(C.x, C.y, C.w, C.h);
  k.tag(C.x + C.w / 2, C.y - 14, k.t('ch5.overfit.chartTitle'), 14, CSS.inkSoft);
  k.tag(C.x + C.w / 2, C.y + C.h + 14, k.t('ch5.overfit.axis', { min: o.min, max: o.max }), 14, CSS.inkSoft);
  k.tag(1135, 150, k.t('ch5.overfit.train', { value: fmt(o.train) }), 16, CSS.blue);
  k.tag(1135, 190, k.t('ch5.overfit.held', { value: fmt(o.held) }), 16, CSS.vermilion);
}
