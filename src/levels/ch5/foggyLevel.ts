// The schema of chapter 5's level file (levels/05-foggy-mountain.json): the noisy points, the
// knob ranges of each part, the step sizes on offer, the targets and the star table. Loading also
// checks what the schema alone cannot: every start lies on its map and every target loss can
// actually be reached (it is above the bottom of that part's bowl).
import { z } from 'zod';
import raw from '../../../levels/05-foggy-mountain.json';
import {
  descendLandscape,
  landscapeLoss,
  leastSquaresKnobs,
  MAX_DEGREE,
  MAX_FIT_DEGREE,
  nearestWell,
  sseLoss,
  type Point,
} from '../../engine';
import { LevelFileError, parseLevelFile } from '../shared/levelFile';

const textKey = z.string().min(3, 'must be a text key like "ch5.title"');
const range = z
  .tuple([z.number(), z.number()])
  .refine(([a, b]) => a < b, { message: 'must be [min, max] with min < max' });
const positive = z.number().positive();

export const foggyLevelSchema = z.object({
  chapter: z.literal(5),
  id: z.literal('ch5-foggy-mountain'),
  version: z.number().int().positive(),
  titleKey: textKey,
  insightKey: textKey,
  points: z.object({
    note: z.string().optional(),
    list: z.array(z.object({ x: z.number(), y: z.number() })).min(MAX_DEGREE + 2, 'needs more points than knobs'),
  }),
  plot: z.object({ xMin: z.number(), xMax: z.number(), yMin: z.number(), yMax: z.number() }),
  hand: z.object({
    min: z.number(),
    max: z.number(),
    step: positive,
    fineStep: positive,
    offerAfterMoves: z.number().int().min(0),
    goodLoss: positive,
  }),
  fog1: z.object({
    knob: z.number().int().min(0).max(MAX_DEGREE),
    start: z.number(),
    range,
    reveal: positive,
    target: positive,
  }),
  fog2: z.object({
    knobs: z.tuple([z.number().int().min(0).max(MAX_DEGREE), z.number().int().min(0).max(MAX_DEGREE)]),
    start: z.tuple([z.number(), z.number()]),
    range: z.tuple([range, range]),
    reveal: positive,
    target: positive,
  }),
  /** Part B's first steps: feel the slope by nudging the knob `nudge` each way, for `steps` steps. */
  feel: z.object({ nudge: positive.max(0.5), steps: z.number().int().min(0).max(20) }),
  /** Part C's bonus: a two-knob landscape with two valleys, one deeper, and two starts. */
  valleys: z.object({
    range: z.tuple([range, range]),
    bowl: z.number().min(0),
    wells: z
      .array(z.object({ at: z.tuple([z.number(), z.number()]), depth: positive, width: positive }))
      .length(2, 'needs exactly two wells'),
    starts: z.array(z.tuple([z.number(), z.number()])).length(2, 'needs exactly two starts'),
    learningRate: positive.max(10),
    steps: z.number().int().min(1).max(500),
  }),
  /** The overfitting part: held-out points from the same source, and the degrees on offer. */
  overfit: z.object({
    note: z.string().optional(),
    heldOut: z
      .array(z.object({ x: z.number(), y: z.number() }))
      .min(4, 'needs at least 4 held-out points')
      .max(100),
    degrees: z
      .tuple([z.number().int().min(0), z.number().int().max(MAX_FIT_DEGREE)])
      .refine(([a, b]) => a < b, { message: 'must be [min, max] with min < max' }),
    start: z.number().int(),
  }),
  stepSizes: z.array(positive).min(2),
  auto: z.object({
    learningRates: z.array(positive).min(1),
    learningRate: positive,
    momenta: z.array(z.number().min(0).lt(1)).min(1),
    momentum: z.number().min(0).lt(1),
    maxLoss: positive,
    minSteps: z.number().int().positive(),
    maxSteps: z.number().int().positive().max(5000),
    target: positive,
    /**
     * Playing automatic descent: a tick every `tickMs` of the machine's clock takes `steps` steps
     * (`calmTickMs` and `calmSteps` with reduced motion: fewer, larger updates). Optional.
     */
    play: z
      .object({
        tickMs: z.number().int().min(10).max(2000),
        steps: z.number().int().min(1).max(50),
        calmTickMs: z.number().int().min(10).max(2000),
        calmSteps: z.number().int().min(1).max(50),
      })
      .default({ tickMs: 33, steps: 1, calmTickMs: 250, calmSteps: 7 }),
  }),
  gears: z.object({ w: z.number(), x: z.number(), b: z.number(), y: z.number(), turn: positive }),
  challenge: z.object({
    start: z.tuple([z.number(), z.number()]),
    target: positive,
    maxSteps: z.number().int().positive().max(200),
  }),
  stars: z.array(z.object({ stars: z.number().int().min(2).max(3), maxScore: z.number().int().positive() })).min(1),
  history: z.array(z.object({ year: z.string().regex(/^\d{4}$/, 'must be a year like "1986"'), textKey })).min(1),
});

export type FoggyLevelFile = z.output<typeof foggyLevelSchema>;

/** The level with the points as engine points and the bottom of the full bowl. */
export interface FoggyLevel extends FoggyLevelFile {
  data: Point[];
  /** The least-squares knobs K0..K5: the held knobs in the fog parts sit here. */
  best: number[];
  /** The loss at `best`: no setting of the six knobs does better. */
  bestLoss: number;
}

export const FOGGY_LEVEL_FILE = 'levels/05-foggy-mountain.json';

export function loadFoggyLevel(data: unknown = raw): FoggyLevel {
  const level = parseLevelFile(FOGGY_LEVEL_FILE, foggyLevelSchema, data);
  const problems: string[] = [];
  const points = level.points.list;
  const zero = Array.from({ length: MAX_DEGREE + 1 }, () => 0);
  const best = leastSquaresKnobs(zero, points);
  const bestLoss = sseLoss(best, points);
  const inRange = (v: number, [a, b]: readonly [number, number]) => v >= a && v <= b;
  if (!inRange(level.fog1.start, level.fog1.range)) problems.push("field 'fog1.start': must lie inside fog1.range");
  if (!inRange(best[level.fog1.knob], level.fog1.range))
    problems.push("field 'fog1.range': the valley floor must lie on the map");
  if (level.fog2.knobs[0] === level.fog2.knobs[1]) problems.push("field 'fog2.knobs': must name two different knobs");
  level.fog2.knobs.forEach((k, i) => {
    if (!inRange(level.fog2.start[i], level.fog2.range[i]))
      problems.push(`field 'fog2.start[${i}]': must lie inside fog2.range[${i}]`);
    if (!inRange(level.challenge.start[i], level.fog2.range[i]))
      problems.push(`field 'challenge.start[${i}]': must lie inside fog2.range[${i}]`);
    if (!inRange(best[k], level.fog2.range[i]))
      problems.push(`field 'fog2.range[${i}]': the valley floor must lie on the map`);
  });
  const floor = (target: number, where: string) => {
    if (target <= bestLoss)
      problems.push(`field '${where}': ${target} is below the lowest loss possible (${bestLoss})`);
  };
  floor(level.fog1.target, 'fog1.target');
  floor(level.fog2.target, 'fog2.target');
  floor(level.challenge.target, 'challenge.target');
  floor(level.auto.target, 'auto.target');
  if (!level.auto.learningRates.includes(level.auto.learningRate))
    problems.push("field 'auto.learningRate': must be one of auto.learningRates");
  if (!level.auto.momenta.includes(level.auto.momentum))
    problems.push("field 'auto.momentum': must be one of auto.momenta");
  if (level.auto.minSteps > level.auto.maxSteps) problems.push("field 'auto.minSteps': must not exceed auto.maxSteps");
  if (level.hand.min >= level.hand.max) problems.push("field 'hand.max': must be greater than hand.min");
  if (level.plot.xMin >= level.plot.xMax || level.plot.yMin >= level.plot.yMax)
    problems.push("field 'plot': min must be below max");
  const of = level.overfit;
  if (of.degrees[1] > points.length - 1)
    problems.push(`field 'overfit.degrees': the highest degree must be below the number of points (${points.length})`);
  if (of.start < of.degrees[0] || of.start > of.degrees[1])
    problems.push("field 'overfit.start': must lie inside overfit.degrees");
  of.heldOut.forEach((p, i) => {
    if (p.x < level.plot.xMin || p.x > level.plot.xMax)
      problems.push(`field 'overfit.heldOut[${i}]': x must lie on the plot`);
    if (points.some((q) => q.x === p.x))
      problems.push(`field 'overfit.heldOut[${i}]': x must differ from every training x`);
  });
  const v = level.valleys;
  v.starts.forEach((s, i) => {
    if (!inRange(s[0], v.range[0]) || !inRange(s[1], v.range[1]))
      problems.push(`field 'valleys.starts[${i}]': must lie inside valleys.range`);
  });
  const ends = v.starts.map((s) => {
    const path = descendLandscape(v, s, v.learningRate, v.steps);
    const [a, b] = path[path.length - 1];
    return nearestWell(v, a, b);
  });
  if (ends[0] === ends[1]) problems.push("field 'valleys.starts': the two starts must end in different valleys");
  const [w0, w1] = v.wells;
  if (landscapeLoss(v, ...w0.at) === landscapeLoss(v, ...w1.at))
    problems.push("field 'valleys.wells': one valley must be deeper than the other");
  if (problems.length) throw new LevelFileError(FOGGY_LEVEL_FILE, problems);
  return { ...level, data: points, best, bestLoss };
}
