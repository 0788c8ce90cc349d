// The compare screen: two attempts of a chapter side by side, from the app's CompareReport.
// Whatever a chapter's contract fills in is drawn here the same way for every chapter: facts row
// by row, cases case by case, series as charts aligned by step, grids as small pictures, paths on
// one plane. Differences carry a mark and words ("≠ differs"), and A and B differ by line style
// and dot shape as well as colour; every chart has a summary in words.
import type { CaseRow, CompareReport, CompareSide, FactRow, SeriesRow } from '../../app/compare';
import type { CompareData } from '../../levels/contract';
import { button, h, replaceKeepingFocus } from './dom';
import { partText, starLine, type ReplaysText } from '../ui/replaysText';

const SVG = 'http://www.w3.org/2000/svg';

function svg(tag: string, attrs: Record<string, string | number>): SVGElement {
  const el = document.createElementNS(SVG, tag);
  for (const [k, v] of Object.entries(attrs)) el.setAttribute(k, String(v));
  return el;
}

const fmt = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(Math.abs(v) < 1 ? 3 : 2));

function sideHead(t: ReplaysText, which: 'A' | 'B', s: CompareSide): HTMLElement {
  const name = s.reference
    ? `${which} · ${t('compare.reference')}`
    : t(which === 'A' ? 'compare.a' : 'compare.b', { date: t.date(s.attempt.time) });
  return h(
    'th',
    { class: `side side-${which.toLowerCase()}`, role: 'columnheader' },
    h('span', { class: 'name' }, name),
    h('span', { class: 'stars' }, starLine(t, s.attempt.result.stars)),
    h(
      'span',
      { class: s.verified ? 'ok' : 'bad', ...(s.verified ? {} : { 'aria-description': s.message }) },
      t(s.verified ? 'compare.verified' : 'compare.notVerified'),
    ),
  );
}

function mark(t: ReplaysText, same: boolean): HTMLElement {
  return h('td', { class: same ? 'same' : 'differs' }, t(same ? 'compare.same' : 'compare.differs'));
}

function factsTable(t: ReplaysText, r: CompareReport): HTMLElement {
  const cell = (row: FactRow, p: FactRow['a']) => h('td', {}, p ? t.data(row.key, p) : t('compare.none'));
  return h(
    'table',
    { class: 'bbd-compare-table', 'aria-labelledby': 'cmp-facts' },
    h('thead', {}, h('tr', {}, sideHead(t, 'A', r.a), sideHead(t, 'B', r.b), h('th', {}, ''))),
    h(
      'tbody',
      {},
      ...r.facts.map((row) =>
        h('tr', { class: row.same ? '' : 'differs' }, cell(row, row.a), cell(row, row.b), mark(t, row.same)),
      ),
    ),
  );
}

function casesTable(t: ReplaysText, cases: CaseRow[]): HTMLElement {
  const cell = (c: CaseRow['a']) =>
    h(
      'td',
      { class: c?.right ? 'right' : 'wrong' },
      c
        ? `${t(c.right ? 'compare.right' : 'compare.wrong')}${c.answer ? ` · ${t.data(c.answer.key, c.answer.params)}` : ''}`
        : t('compare.none'),
    );
  return h(
    'table',
    { class: 'bbd-compare-table cases', 'aria-labelledby': 'cmp-cases' },
    h('thead', {}, h('tr', {}, h('th', {}, ''), h('th', {}, 'A'), h('th', {}, 'B'), h('th', {}, ''))),
    h(
      'tbody',
      {},
      ...cases.map((c) =>
        h(
          'tr',
          { class: c.same ? '' : 'differs' },
          h('th', { role: 'rowheader' }, t.data(c.label.key, c.label.params)),
          cell(c.a),
          cell(c.b),
          mark(t, c.same),
        ),
      ),
    ),
  );
}

/** One chart: both attempts' series of a name, over steps; A solid with round dots, B dashed with squares. */
function chart(t: ReplaysText, chapter: number, s: SeriesRow): HTMLElement {
  const W = 520;
  const H = 150;
  const pad = 8;
  const all = [...s.a, ...s.b].filter(Number.isFinite);
  const lo = all.length ? Math.min(...all) : 0;
  const hi = all.length ? Math.max(...all) : 1;
  const span = hi - lo || 1;
  const n = Math.max(s.a.length, s.b.length, 2);
  const x = (i: number) => pad + ((W - 2 * pad) * i) / (n - 1);
  const y = (v: number) => H - pad - ((H - 2 * pad) * (v - lo)) / span;
  const title = t.data(`ch${chapter}.compare.series.${s.name}`);
  const pic = svg('svg', { viewBox: `0 0 ${W} ${H}`, class: 'bbd-chart', role: 'img', 'aria-label': title });
  pic.append(svg('rect', { x: 0, y: 0, width: W, height: H, class: 'frame' }));
  if (s.firstDifference !== null && s.firstDifference > 0)
    pic.append(svg('line', { x1: x(s.firstDifference), x2: x(s.firstDifference), y1: 0, y2: H, class: 'part' }));
  for (const [vals, cls] of [
    [s.a, 'a'],
    [s.b, 'b'],
  ] as const) {
    if (!vals.length) continue;
    const d = vals
      .map((v, i) => `${i ? 'L' : 'M'}${x(i).toFixed(1)},${y(Number.isFinite(v) ? v : lo).toFixed(1)}`)
      .join('');
    pic.append(svg('path', { d, class: `line ${cls}` }));
    const every = Math.max(1, Math.ceil(vals.length / 16));
    vals.forEach((v, i) => {
      if (i % every && i !== vals.length - 1) return;
      pic.append(
        cls === 'a'
          ? svg('circle', { cx: x(i), cy: y(v), r: 4, class: `dot ${cls}` })
          : svg('rect', { x: x(i) - 4, y: y(v) - 4, width: 8, height: 8, class: `dot ${cls}` }),
      );
    });
  }
  const ends = (v: number[]) => (v.length ? [fmt(v[0]), fmt(v[v.length - 1])] : ['–', '–']);
  const [a0, a1] = ends(s.a);
  const [b0, b1] = ends(s.b);
  return h(
    'figure',
    { class: 'bbd-compare-chart' },
    h('figcaption', {}, title),
    pic,
    h(
      'p',
      { class: 'small' },
      `${t('compare.chartSummary', { name: title, a0, a1, an: s.a.length, b0, b1, bn: s.b.length })} ${
        s.firstDifference === null ? t('compare.together') : partText(t, s.firstDifference)
      }`,
    ),
  );
}

/** A grid as a small picture: darker is nearer 1; data points as circles (0) and triangles (1). */
function gridPicture(g: NonNullable<CompareData['grids']>[number], label: string): SVGElement {
  const size = 200;
  const pic = svg('svg', { viewBox: `0 0 ${size} ${size}`, class: 'bbd-grid', role: 'img', 'aria-label': label });
  const cw = size / g.cols;
  const ch = size / g.rows;
  g.values.forEach((v, i) => {
    const r = Math.floor(i / g.cols);
    const c = i % g.cols;
    const shade = Math.round(245 - 150 * Math.max(0, Math.min(1, v)));
    pic.append(
      svg('rect', {
        x: c * cw,
        y: r * ch,
        width: cw + 0.5,
        height: ch + 0.5,
        fill: `rgb(${shade},${shade},${Math.min(255, shade + 10)})`,
      }),
    );
  });
  for (const p of g.points ?? []) {
    const px = p.x * size;
    const py = p.y * size;
    pic.append(
      p.label
        ? svg('path', { d: `M${px},${py - 5}L${px + 5},${py + 4}L${px - 5},${py + 4}Z`, class: 'pt one' })
        : svg('circle', { cx: px, cy: py, r: 4, class: 'pt zero' }),
    );
  }
  return pic;
}

function gridsSection(t: ReplaysText, chapter: number, a: CompareData, b: CompareData): HTMLElement | null {
  const names = [...new Set([...(a.grids ?? []), ...(b.grids ?? [])].map((g) => g.name))];
  if (!names.length) return null;
  return h(
    'section',
    {},
    h('h3', {}, t('compare.pictures')),
    ...names.map((name) => {
      const title = t.data(`ch${chapter}.compare.grid.${name}`);
      const ga = a.grids?.find((g) => g.name === name);
      const gb = b.grids?.find((g) => g.name === name);
      // In words too: how many squares clearly differ (by more than a quarter of the scale).
      const differ =
        ga && gb && ga.values.length === gb.values.length
          ? ga.values.filter((v, i) => Math.abs(v - gb.values[i]) > 0.25).length
          : null;
      const points = !!(ga?.points?.length || gb?.points?.length);
      return h(
        'div',
        { class: 'bbd-compare-grids' },
        h('h4', {}, title),
        h(
          'p',
          { class: 'small' },
          `${t('compare.gridShade')}${points ? ` ${t('compare.gridPoints')}` : ''}${
            differ === null ? '' : ` ${t('compare.gridDiffer', { n: differ, total: ga?.values.length ?? 0 })}`
          }`,
        ),
        h(
          'div',
          { class: 'pair' },
          ...[
            ga && h('figure', {}, h('figcaption', {}, 'A'), gridPicture(ga, `${title} · A`)),
            gb && h('figure', {}, h('figcaption', {}, 'B'), gridPicture(gb, `${title} · B`)),
          ],
        ),
      );
    }),
  );
}

function pathsSection(t: ReplaysText, chapter: number, a: CompareData, b: CompareData): HTMLElement | null {
  const names = [...new Set([...(a.paths ?? []), ...(b.paths ?? [])].map((p) => p.name))];
  if (!names.length) return null;
  return h(
    'section',
    {},
    h('h3', {}, t('compare.paths')),
    ...names.map((name) => {
      const title = t.data(`ch${chapter}.compare.path.${name}`);
      const pa = a.paths?.find((p) => p.name === name);
      const pb = b.paths?.find((p) => p.name === name);
      const [x0, x1, y0, y1] = (pa ?? pb)!.bounds;
      const size = 260;
      const sx = (v: number) => ((v - x0) / (x1 - x0 || 1)) * size;
      const sy = (v: number) => size - ((v - y0) / (y1 - y0 || 1)) * size;
      const pic = svg('svg', { viewBox: `0 0 ${size} ${size}`, class: 'bbd-chart', role: 'img', 'aria-label': title });
      pic.append(svg('rect', { x: 0, y: 0, width: size, height: size, class: 'frame' }));
      for (const [p, cls] of [
        [pa, 'a'],
        [pb, 'b'],
      ] as const) {
        if (!p?.points.length) continue;
        pic.append(
          svg('path', {
            d: p.points.map(([u, v], i) => `${i ? 'L' : 'M'}${sx(u).toFixed(1)},${sy(v).toFixed(1)}`).join(''),
            class: `line ${cls}`,
          }),
        );
        for (const [u, v] of p.points)
          pic.append(
            cls === 'a'
              ? svg('circle', { cx: sx(u), cy: sy(v), r: 4, class: 'dot a' })
              : svg('rect', { x: sx(u) - 4, y: sy(v) - 4, width: 8, height: 8, class: 'dot b' }),
          );
      }
      return h(
        'figure',
        { class: 'bbd-compare-chart' },
        h('figcaption', {}, title),
        pic,
        h('p', { class: 'small' }, `A: ${pa?.points.length ?? 0} · B: ${pb?.points.length ?? 0}`),
      );
    }),
  );
}

export interface CompareSpec {
  t: ReplaysText;
  report: CompareReport | null;
  onBack(): void;
}

export function renderCompare(root: HTMLElement, spec: CompareSpec): void {
  const { t, report: r } = spec;
  const back = button('back', t('compare.back'), spec.onBack, 'quiet bbd-replays-back');
  if (!r) {
    replaceKeepingFocus(
      root,
      h(
        'div',
        { class: 'bbd-replays-body' },
        h('h2', {}, t('replays.title')),
        h('p', { role: 'status' }, t('compare.working')),
        back,
      ),
    );
    return;
  }
  const differ = r.facts.filter((f) => !f.same).length;
  const casesDiffer = r.cases.filter((c) => !c.same).length;
  const body = h(
    'div',
    { class: 'bbd-replays-body bbd-compare' },
    h('h2', { id: 'compare-title' }, t('compare.title', { n: r.chapter })),
    h(
      'p',
      { class: 'bbd-compare-summary', role: 'status' },
      `${t('compare.steps', { a: r.steps[0], b: r.steps[1] })} ${t('compare.summary', { n: differ, total: r.facts.length })}${
        r.cases.length ? ` ${t('compare.casesSummary', { n: casesDiffer, total: r.cases.length })}` : ''
      }`,
    ),
    h(
      'p',
      { class: 'small legend' },
      h('span', { class: 'key a' }, t('compare.legendA')),
      ' · ',
      h('span', { class: 'key b' }, t('compare.legendB')),
    ),
    h('h3', { id: 'cmp-facts' }, t('compare.facts')),
    factsTable(t, r),
    r.cases.length ? h('h3', { id: 'cmp-cases' }, t('compare.cases')) : null,
    r.cases.length ? casesTable(t, r.cases) : null,
    r.series.length ? h('h3', {}, t('compare.series')) : null,
    ...r.series.map((s) => chart(t, r.chapter, s)),
    gridsSection(t, r.chapter, r.a.data, r.b.data),
    pathsSection(t, r.chapter, r.a.data, r.b.data),
    back,
  );
  if (root.dataset.shown === `${r.a.attempt.time}|${r.b.attempt.time}|${t.locale}`) return;
  root.dataset.shown = `${r.a.attempt.time}|${r.b.attempt.time}|${t.locale}`;
  replaceKeepingFocus(root, body);
}
