// Chapter 5's data for the compare screen: the facts and series of foggyCompare (foggyView.ts) and
// the challenge's descent path over the two free knobs (K1, K2), on the map's bounds
// [K1 min, K1 max, K2 min, K2 max], a pure function of the final snapshot's context.
import type { CompareData } from '../contract';
import type { FoggyContext } from './foggyMachine';
import { foggyCompare } from './foggyView';
import { degreeFit } from './foggyLab';

export function foggyCompareData(context: FoggyContext): CompareData {
  const { level, model } = context;
  const [r1, r2] = level.fog2.range;
  const points = model.challenge.trail.map((at): [number, number] => [at[0], at[1]]);
  const base = foggyCompare(context);
  const r = (v: number) => Number(v.toPrecision(3));
  const [a, b] = model.valleys.runs.map((run) => r(run?.loss ?? 0));
  const fit = degreeFit(level, model.overfit.degree);
  return {
    ...base,
    facts: [
      ...base.facts,
      { key: 'ch5.compare.valleys', params: { a, b } },
      { key: 'ch5.compare.overfit', params: { degree: fit.degree, train: r(fit.train), held: r(fit.heldOut) } },
    ],
    paths: [{ name: 'challenge', points, bounds: [r1[0], r1[1], r2[0], r2[1]] }],
  };
}
