// Chapter 5's data for the compare screen: the facts and series of foggyCompare (foggyView.ts) and
// the challenge's descent path over the two free knobs (K1, K2), on the map's bounds
// [K1 min, K1 max, K2 min, K2 max], a pure function of the final snapshot's context.
import type { CompareData } from '../contract';
import type { FoggyContext } from './foggyMachine';
import { foggyCompare } from './foggyView';

export function foggyCompareData(context: FoggyContext): CompareData {
  const { level, model } = context;
  const [r1, r2] = level.fog2.range;
  const points = model.challenge.trail.map((at): [number, number] => [at[0], at[1]]);
  return {
    ...foggyCompare(context),
    paths: [{ name: 'challenge', points, bounds: [r1[0], r1[1], r2[0], r2[1]] }],
  };
}
