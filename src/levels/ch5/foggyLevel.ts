// The schema of chapter 5's level file (levels/05-foggy-mountain.json): the noisy points, the
// knob ranges of each part, the step sizes on offer, the targets and the star table. Loading also
// checks what the schema alone cannot: every start lies on its map and every target loss can
// actually be reached (it is above the bottom of that part's bowl).
import { z } from 'zod';
import raw from '../../../levels/05-foggy-mountain.json';
import { MAX_DEGREE, leastSquaresKnobs, sseLoss, type Point } from '../../engine';
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
  if (problems.length) throw new LevelFileError(FOGGY_LEVEL_FILE, problems);
  return { ...level, data: points, best, bestLoss };
}
