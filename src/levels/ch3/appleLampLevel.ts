// The schema of chapter 3's level file (levels/03-apple-lamp.json), joined with the shared fruit data it
// names (levels/fruits.json). Loading joins the two: every fruit id in the level must exist in the
// fruit file, and every feature the lamp reads must be one the fruits describe.
import { z } from 'zod';
import raw from '../../../levels/03-apple-lamp.json';
import fruitsRaw from '../../../levels/fruits.json';
import { FRUIT_FILE, loadFruits, type Fruit } from '../shared/fruits';
import { LevelFileError, parseLevelFile } from '../shared/levelFile';

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lowercase id like "green-apple"');
const textKey = z.string().min(3, 'must be a text key like "ch3.title"');

const knobRange = z
  .object({
    min: z.number(),
    max: z.number(),
    step: z.number().positive(),
    fineStep: z.number().positive(),
    start: z.number(),
  })
  .superRefine((k, ctx) => {
    if (k.min >= k.max) ctx.addIssue({ code: 'custom', path: ['max'], message: 'must be greater than min' });
    if (k.fineStep > k.step)
      ctx.addIssue({ code: 'custom', path: ['fineStep'], message: 'must not be larger than step' });
    // Every value a knob can show is min + n * fineStep, so the other numbers must sit on that grid.
    const onGrid = (v: number) => Math.abs((v - k.min) / k.fineStep - Math.round((v - k.min) / k.fineStep)) < 1e-9;
    for (const key of ['max', 'step', 'start'] as const) {
      const v = key === 'step' ? k.min + k.step : k[key];
      if (!onGrid(v))
        ctx.addIssue({ code: 'custom', path: [key], message: `must be a whole number of fineSteps (${k.fineStep})` });
    }
    if (k.start < k.min || k.start > k.max)
      ctx.addIssue({ code: 'custom', path: ['start'], message: 'must lie between min and max' });
  });

export const appleLampLevelSchema = z
  .object({
    chapter: z.literal(3),
    id: z.literal('ch3-apple-lamp'),
    version: z.number().int().positive(),
    titleKey: textKey,
    insightKey: textKey,
    features: z.array(id).min(2, 'the lamp needs at least two inputs'),
    knobs: z.object({ weight: knobRange, threshold: knobRange }),
    meter: z.object({ min: z.number(), max: z.number() }),
    basket: z.array(id).min(2, 'the conveyor needs at least two fruits'),
    tasks: z
      .array(z.object({ id, goalKey: textKey, target: z.array(id).min(1, 'a task must light for at least one fruit') }))
      .min(1),
    tuning: z.object({
      task: id,
      learningRate: z.number().positive().max(5),
      maxSteps: z.number().int().positive().max(5000),
      start: z.object({ weight: z.number(), threshold: z.number() }),
      /**
       * Playing the tuning: one learning step per tick, a tick every calmMs (or fastMs at ×4) on
       * the chapter machine's clock. The pace never decides what a step does.
       */
      playback: z
        .object({ calmMs: z.number().int().min(16).max(5000), fastMs: z.number().int().min(16).max(5000) })
        .refine((p) => p.fastMs <= p.calmMs, 'fastMs must not be slower than calmMs'),
    }),
    challenge: z.object({ fruits: z.array(id).min(1), passAt: z.number().int().positive() }),
    /** The history card: a year (as printed) and the text key of what happened. */
    history: z.array(z.object({ year: z.string().regex(/^\d{4}$/, 'must be a year like "1957"'), textKey })).min(1),
    stars: z
      .array(
        z.object({
          stars: z.number().int().min(2).max(3),
          minCorrect: z.number().int().positive(),
          maxKnobs: z.number().int().min(0),
        }),
      )
      .min(1),
  })
  .superRefine((level, ctx) => {
    const basket = new Set(level.basket);
    const taskIds = new Set(level.tasks.map((t) => t.id));
    if (basket.size !== level.basket.length)
      ctx.addIssue({ code: 'custom', path: ['basket'], message: 'lists a fruit twice' });
    level.tasks.forEach((t, i) =>
      t.target.forEach((f, j) => {
        if (!basket.has(f))
          ctx.addIssue({
            code: 'custom',
            path: ['tasks', i, 'target', j],
            message: `"${f}" is not on the conveyor (basket)`,
          });
      }),
    );
    if (!taskIds.has(level.tuning.task))
      ctx.addIssue({
        code: 'custom',
        path: ['tuning', 'task'],
        message: `"${level.tuning.task}" is not one of the tasks`,
      });
    if (level.challenge.passAt > level.challenge.fruits.length)
      ctx.addIssue({
        code: 'custom',
        path: ['challenge', 'passAt'],
        message: 'cannot be more than the number of challenge fruits',
      });
    level.stars.forEach((s, i) => {
      if (s.minCorrect > level.challenge.fruits.length)
        ctx.addIssue({
          code: 'custom',
          path: ['stars', i, 'minCorrect'],
          message: 'cannot be more than the number of challenge fruits',
        });
      if (s.minCorrect < level.challenge.passAt)
        ctx.addIssue({
          code: 'custom',
          path: ['stars', i, 'minCorrect'],
          message: 'must be at least challenge.passAt',
        });
    });
    if (level.meter.min >= level.meter.max)
      ctx.addIssue({ code: 'custom', path: ['meter', 'max'], message: 'must be greater than meter.min' });
  });

export type AppleLampLevelFile = z.output<typeof appleLampLevelSchema>;

/** The level joined with the fruits it names: what the model, machine and scene use. */
export interface AppleLampLevel extends AppleLampLevelFile {
  /** Fruit records by id, for every fruit the level mentions. */
  fruits: Record<string, Fruit>;
  /** Text key of each feature, in `features` order. */
  featureLabels: string[];
}

export const APPLE_LAMP_LEVEL_FILE = 'levels/03-apple-lamp.json';

export function loadAppleLampLevel(data: unknown = raw, fruitData: unknown = fruitsRaw): AppleLampLevel {
  const level = parseLevelFile(APPLE_LAMP_LEVEL_FILE, appleLampLevelSchema, data);
  const file = loadFruits(fruitData);
  const problems: string[] = [];
  const byId = new Map(file.fruits.map((f) => [f.id, f]));
  const featureLabels = level.features.map((f, i) => {
    const known = file.features.find((x) => x.id === f);
    if (!known) problems.push(`field 'features[${i}]': "${f}" is not a feature in ${FRUIT_FILE}`);
    return known?.labelKey ?? f;
  });
  const fruits: Record<string, Fruit> = {};
  const need = (fruitId: string, where: string) => {
    const fruit = byId.get(fruitId);
    if (!fruit) {
      problems.push(`field '${where}': "${fruitId}" is not a fruit in ${FRUIT_FILE}`);
      return;
    }
    level.features.forEach((f) => {
      if (typeof fruit.features[f] !== 'boolean')
        problems.push(`field '${where}': fruit "${fruitId}" does not say whether it is ${f}`);
    });
    fruits[fruitId] = fruit;
  };
  level.basket.forEach((f, i) => need(f, `basket[${i}]`));
  level.challenge.fruits.forEach((f, i) => need(f, `challenge.fruits[${i}]`));
  if (problems.length) throw new LevelFileError(APPLE_LAMP_LEVEL_FILE, problems);
  return { ...level, fruits, featureLabels };
}
