// The mentor's line for each moment of chapter 5's walks and hands-on parts (the rest is in
// foggyView.ts), and which lines sound good or bad news. Pure functions of the view-model.
import type { OverfitView, ValleysView, WalkExtras } from './foggyLabView';
import type { StepNews, WalkKind } from './foggyModel';

export interface FoggyLine {
  key: string;
  params: Record<string, string | number>;
  notice: boolean;
}

export const fmt = (v: number, digits = 3) => Number(v.toPrecision(digits));

interface WalkFacts extends WalkExtras {
  loss: number;
  target: number;
  steps: number;
  reached: boolean;
  last: StepNews | null;
}

export function stepLine(kind: WalkKind, walk: WalkFacts): FoggyLine {
  const last = walk.last;
  const params: Record<string, string | number> = {
    loss: fmt(walk.loss),
    target: walk.target,
    steps: walk.steps,
  };
  if (walk.reached && kind !== 'challenge') return { key: `ch5.${kind}.reached`, params, notice: true };
  const refused = last?.kind === 'offMap' || last?.kind === 'blowUp';
  if (walk.slopeHidden && walk.feel && !refused) {
    const f = walk.feel;
    return {
      key: 'ch5.feel.felt',
      params: {
        ...params,
        k: fmt(f.at),
        nudge: f.nudge,
        twice: fmt(2 * f.nudge),
        minus: fmt(f.minus, 5),
        plus: fmt(f.plus, 5),
        slope: fmt(f.slope),
      },
      notice: false,
    };
  }
  if (!last) return { key: `ch5.${kind}.guide`, params, notice: false };
  params.size = last.size;
  switch (last.kind) {
    case 'down':
      return {
        key: walk.slopeHidden ? 'ch5.feel.again' : 'ch5.step.down',
        params: { ...params, before: fmt(last.lossBefore) },
        notice: false,
      };
    case 'across':
      return {
        key: last.rose ? 'ch5.step.acrossHigher' : 'ch5.step.across',
        params: { ...params, before: fmt(last.lossBefore) },
        notice: true,
      };
    case 'offMap':
      return {
        key: 'ch5.step.offMap',
        params: { ...params, at: last.wouldBe.map((v) => fmt(v)).join(', ') },
        notice: true,
      };
    case 'blowUp':
      return { key: 'ch5.step.blowUp', params, notice: true };
  }
}

export function valleysLine(v: ValleysView): FoggyLine {
  const done = v.starts.map((s) => s.run);
  const ran = done.filter((r) => r !== null);
  if (ran.length === 0) return { key: 'ch5.valleys.guide', params: {}, notice: false };
  const last = v.last === null ? null : done[v.last];
  if (ran.length === 2) {
    const [a, b] = done.map((r) => fmt(r!.loss));
    return { key: 'ch5.valleys.both', params: { a, b }, notice: true };
  }
  return {
    key: last?.deep ? 'ch5.valleys.deep' : 'ch5.valleys.shallow',
    params: { loss: fmt(last?.loss ?? 0) },
    notice: false,
  };
}

export function overfitLine(o: OverfitView): FoggyLine {
  const params = { degree: o.degree, train: fmt(o.train), held: fmt(o.held), max: o.max };
  if (o.degree === o.max) return { key: 'ch5.overfit.max', params, notice: true };
  if (o.seen.length === 1) return { key: 'ch5.overfit.guide', params, notice: false };
  if (o.mayEnd) return { key: 'ch5.overfit.named', params, notice: false };
  return { key: o.degree >= 8 ? 'ch5.overfit.rising' : 'ch5.overfit.fit', params, notice: false };
}

export const GOOD = new Set([
  'ch5.fog1.reached',
  'ch5.fog2.reached',
  'ch5.gears.right',
  'ch5.gears.check',
  'ch5.challenge.passed',
  'ch5.challenge.best',
  'ch5.valleys.both',
]);
export const BAD = new Set([
  'ch5.step.across',
  'ch5.step.acrossHigher',
  'ch5.step.offMap',
  'ch5.step.blowUp',
  'ch5.gears.wrong',
  'ch5.challenge.failed',
  'ch5.auto.diverged',
  'ch5.auto.plainDiverged',
  'ch5.overfit.max',
]);
