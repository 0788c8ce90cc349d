// "Open the box" for chapter 1: the rows the probability box draws (each visible command with its
// actions' probabilities, the right action starred), and the same box in words and as a table for
// screen readers.
import type { SitLevel } from '../../../levels/ch1/sitLevel';
import type { SitView } from '../../../levels/ch1/sitView';
import type { ChartText } from '../chartText';
import type { BoxRow } from './probabilityBox';

/** Where the open box stands. */
export const BOX_AT = { x: 24, y: 70 };

/** Text lookups: `t` for the game's own keys, `dt` for keys from the level file. */
export interface BoxText {
  t: (key: 'ch1.box.cell' | 'ch1.box.title' | 'ch1.commands', params?: Record<string, string | number>) => string;
  dt: (key: string) => string;
}

/** The open box's rows: each visible command with its actions' probabilities. */
export function boxRows(view: SitView, level: SitLevel, text: BoxText): BoxRow[] {
  const actionKey = (action: string) => level.actions.find((a) => a.id === action)?.labelKey ?? action;
  return view.box
    .filter((row) => view.commands.find((c) => c.id === row.command)?.visible)
    .map((row) => ({
      label: text.dt(level.commands.find((c) => c.id === row.command)!.labelKey),
      cells: row.probs.map((p) => ({
        label: text.dt(actionKey(p.action)),
        p: p.p,
        target: p.action === row.target,
      })),
    }));
}

/** The open box in words (each command's likeliest action) and as a table of every probability. */
export function boxChartText(rows: readonly BoxRow[], text: BoxText): ChartText {
  const pc = (p: number) => Math.round(p * 100);
  const likeliest = rows.map((r) => {
    const best = r.cells.reduce((a, b) => (b.p > a.p ? b : a));
    return text.t('ch1.box.cell', { command: r.label, action: best.label, percent: pc(best.p) });
  });
  const cols = rows[0]?.cells.length ?? 0;
  return {
    id: 'box',
    ...BOX_AT,
    w: 144 + cols * 100,
    h: 86 + rows.length * 54,
    label: [text.t('ch1.box.title'), ...likeliest].join(' · '),
    table: [
      [text.t('ch1.commands'), ...(rows[0]?.cells.map((c) => c.label) ?? [])],
      ...rows.map((r) => [r.label, ...r.cells.map((c) => `${pc(c.p)}%${c.target ? ' ★' : ''}`)]),
    ],
  };
}
