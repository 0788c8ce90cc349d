// The teach moment's part of chapter 6's view-model: the drawings with Bit's reading and the
// player's label, the retrain's progress, and the outcome (Bit's rereading, the held-out score
// before and after, and in plain words whether it helped), so the painter only paints.
import type { DigitDemonContext } from './digitDemonMachine';

export type TeachVerdict = 'helped' | 'hurt' | 'same';

export interface TeachView {
  /** The drawings, each with Bit's reading in the fight and the player's label for training. */
  drawings: { bytes: number[]; meant: number; read: number; hit: boolean; digit: number; use: boolean }[];
  /** Drawings chosen for training, and whether the retrain can start. */
  chosen: number;
  canStart: boolean;
  copies: number;
  mix: number;
  epochs: number;
  /** The running retrain: how far, its loss and Bit's reading of each taught drawing now. */
  progress: { fraction: number; loss: number; readings: number[] } | null;
  error: string | null;
  outcome: {
    /** Held-out accuracy before and after, in percent with one decimal. */
    before: number;
    after: number;
    /** How many more (or fewer) of the held-out digits Bit reads right. */
    change: number;
    total: number;
    verdict: TeachVerdict;
    rereads: { bytes: number[]; digit: number; before: number; after: number }[];
    /** Taught drawings Bit now reads as labelled. */
    learned: number;
  } | null;
}

const pct = (right: number, total: number) => Math.round((right / total) * 1000) / 10;

export function teachViewOf(c: DigitDemonContext): TeachView | null {
  const t = c.teach;
  if (!t) return null;
  const drawings = c.model.drawings.map((d, i) => ({
    bytes: d.pixels,
    meant: d.digit,
    read: d.predicted,
    hit: d.hit,
    digit: t.labels[i]?.digit ?? d.digit,
    use: t.labels[i]?.use ?? false,
  }));
  const chosen = drawings.filter((d) => d.use).length;
  const last = t.progress[t.progress.length - 1];
  const o = t.outcome;
  return {
    drawings,
    chosen,
    canStart: chosen > 0 && !o,
    copies: c.level.teach.copies,
    mix: c.level.teach.mix,
    epochs: c.level.teach.epochs,
    progress: last ? { fraction: last.fraction, loss: last.loss, readings: last.readings } : null,
    error: t.error,
    outcome: o
      ? {
          before: pct(o.beforeRight, o.total),
          after: pct(o.afterRight, o.total),
          change: o.afterRight - o.beforeRight,
          total: o.total,
          verdict: o.afterRight > o.beforeRight ? 'helped' : o.afterRight < o.beforeRight ? 'hurt' : 'same',
          rereads: o.rereads.map((r) => ({
            bytes: c.model.drawings[r.index].pixels,
            digit: r.digit,
            before: r.before,
            after: r.after,
          })),
          learned: o.rereads.filter((r) => r.after === r.digit).length,
        }
      : null,
  };
}

/** The mentor's line in the teach steps. */
export function teachLineOf(step: string, c: DigitDemonContext): { key: string; params: Record<string, number> } {
  const v = teachViewOf(c);
  if (step === 'teaching') return { key: 'ch6.line.teaching', params: {} };
  if (step === 'taught' && v?.outcome) {
    const o = v.outcome;
    const key =
      o.verdict === 'helped'
        ? 'ch6.line.taughtHelped'
        : o.verdict === 'hurt'
          ? 'ch6.line.taughtHurt'
          : 'ch6.line.taughtSame';
    return {
      key,
      params: {
        learned: o.learned,
        taught: o.rereads.length,
        before: o.before,
        after: o.after,
        change: Math.abs(o.change),
        mix: c.level.teach.mix,
      },
    };
  }
  return { key: 'ch6.line.teach', params: { copies: c.level.teach.copies } };
}
