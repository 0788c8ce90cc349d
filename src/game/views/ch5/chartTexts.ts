// Chapter 5's text alternatives for what it draws on the canvas (the plot, the loss bar, the
// mountain or the map, the descent charts, the gears), in words and tables, from the view-model.
import type { MessageKey, Params } from '../../../i18n/i18n';
import type { FoggyView } from '../../../levels/ch5/foggyView';
import type { ChartText } from '../chartText';
import { BAR, CHART, fmt, GEAR_R, GEAR_X, GEAR_Y, MAP, PATH, PLOT, PROFILE } from './kit';
import { FIT_CHART } from './labPainter';

type T = (key: MessageKey, params?: Params) => string;

export function foggyChartTexts(t: T, dt: (key: string) => string, view: FoggyView): ChartText[] {
  if (view.step === 'history' || view.history) return [];
  const charts: ChartText[] = [];
  const misses = view.residuals.map(Math.abs);
  const worst = misses.indexOf(Math.max(...misses));
  const mean = misses.reduce((a, b) => a + b, 0) / Math.max(1, misses.length);
  const plot = t('ch5.chart.plot', {
    n: view.points.length,
    mean: fmt(mean),
    x: fmt(view.points[worst]?.x ?? 0),
    miss: fmt(misses[worst] ?? 0),
  });
  const auto = view.auto;
  charts.push({
    id: 'plot',
    ...PLOT,
    label: auto
      ? `${plot} ${t('ch5.plain', { loss: fmt(auto.plain.loss) })} · ${t('ch5.heavy', { loss: fmt(auto.heavy.loss) })} · ${t('ch5.handFit', { loss: fmt(auto.handLoss) })}`
      : plot,
  });
  const target = view.walk?.target ?? view.auto?.target ?? null;
  if (view.bar)
    charts.push({
      id: 'bar',
      x: BAR.x,
      y: BAR.y - 34,
      w: BAR.w,
      h: BAR.h + 64,
      label:
        target === null
          ? t('ch5.chart.bar', { value: fmt(view.loss, 4), floor: fmt(view.bestLoss) })
          : t('ch5.chart.barTarget', { value: fmt(view.loss, 4), target: fmt(target), floor: fmt(view.bestLoss) }),
    });
  const walk = view.walk;
  if (walk?.kind === 'fog1' && walk.slopeHidden) {
    charts.push({
      id: 'mountain',
      ...PROFILE,
      label: t('ch5.chart.profileFog', {
        k: fmt(walk.position[0]),
        loss: fmt(walk.loss),
        steps: walk.steps,
        target: fmt(walk.target),
      }),
    });
  } else if (walk?.kind === 'fog1') {
    const slope = walk.slope[0];
    charts.push({
      id: 'mountain',
      x: PROFILE.x,
      y: PROFILE.y,
      w: PROFILE.w,
      h: PROFILE.h,
      label: t('ch5.chart.profile', {
        k: fmt(walk.position[0]),
        loss: fmt(walk.loss),
        slope: fmt(slope),
        dir: t(slope > 0 ? 'ch5.chart.toLeft' : slope < 0 ? 'ch5.chart.toRight' : 'ch5.chart.flat'),
        steps: walk.steps,
        target: fmt(walk.target),
      }),
    });
  } else if (walk) {
    const fog = walk.fog ? walk.fog.filter(Boolean).length / Math.max(1, walk.fog.length) : 0;
    charts.push({
      id: 'map',
      x: MAP.x,
      y: MAP.y,
      w: MAP.size,
      h: MAP.size,
      label: t('ch5.chart.map', {
        k1: fmt(walk.position[0]),
        k2: fmt(walk.position[1]),
        loss: fmt(walk.loss),
        first: fmt(walk.trail[0]?.loss ?? walk.loss),
        steps: walk.steps,
        g1: fmt(walk.slope[0]),
        g2: fmt(walk.slope[1]),
        fog: Math.round(fog * 100),
      }),
    });
  } else if (view.run) {
    charts.push({ id: 'map', x: MAP.x, y: MAP.y, w: MAP.size, h: MAP.size, label: t('ch5.chart.mapOpen') });
  }
  if (auto) {
    const end = (p: [number, number][]) => p[p.length - 1] ?? [0, 0];
    const [p1, p2] = end(auto.plain.path);
    const [h1, h2] = end(auto.heavy.path);
    charts.push(
      {
        id: 'descent',
        ...CHART,
        label: t('ch5.chart.auto', {
          steps: auto.steps,
          max: auto.maxSteps,
          plain: fmt(auto.plain.loss),
          plain0: fmt(auto.plain.losses[0] ?? auto.plain.loss),
          heavy: fmt(auto.heavy.loss),
          heavy0: fmt(auto.heavy.losses[0] ?? auto.heavy.loss),
          target: fmt(auto.target),
        }),
      },
      {
        id: 'paths',
        x: PATH.x,
        y: PATH.y,
        w: PATH.size,
        h: PATH.size,
        label: t('ch5.chart.paths', {
          p1: fmt(p1),
          p2: fmt(p2),
          h1: fmt(h1),
          h2: fmt(h2),
          b1: fmt(auto.best[0]),
          b2: fmt(auto.best[1]),
        }),
      },
    );
  }
  const vv = view.valleys;
  if (vv) {
    const runs = vv.starts
      .map((s, i) =>
        s.run
          ? t('ch5.chart.valleyRun', {
              n: i + 1,
              which: t(s.run.deep ? 'ch5.valleys.deepTag' : 'ch5.valleys.shallowTag'),
              loss: fmt(s.run.loss),
            })
          : '',
      )
      .filter(Boolean)
      .join(' ');
    charts.push({
      id: 'valleys',
      x: MAP.x,
      y: MAP.y,
      w: MAP.size,
      h: MAP.size,
      label: t('ch5.chart.valleys', { runs }),
    });
  }
  const ov = view.overfit;
  if (ov)
    charts.push({
      id: 'overfit',
      ...FIT_CHART,
      label: t('ch5.chart.overfit', {
        degree: ov.degree,
        train: fmt(ov.train),
        held: fmt(ov.held),
        seen: ov.seen.join(', '),
      }),
    });
  const gv = view.gears;
  if (gv)
    charts.push({
      id: 'gears',
      x: GEAR_X[0] - GEAR_R[0],
      y: GEAR_Y - 130,
      w: GEAR_X[3] + GEAR_R[3] - (GEAR_X[0] - GEAR_R[0]),
      h: 130 + GEAR_R[0] + 80,
      label: t('ch5.chart.gears', { ratios: gv.ratios.map((r) => `× ${fmt(r)}`).join(', ') }),
      table: [
        [t('ch5.chart.col.gear'), t('ch5.chart.col.value'), t('ch5.chart.col.turn'), t('ch5.chart.col.slope')],
        ...gv.gears.map((g, i) => [
          dt(`ch5.gear.${g.name}`),
          fmt(g.value),
          i === 3 && gv.hideLast ? '?' : fmt(g.turn),
          g.grad === null ? '—' : fmt(g.grad),
        ]),
      ],
    });
  return charts;
}
