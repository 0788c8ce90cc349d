// The schema of chapter 3's level file (levels/03-apple-lamp.json), joined with the shared fruit data it
// names (levels/fruits.json). Loading joins the two: every fruit id in the level must exist in the
// fruit file, and every feature the lamp reads must be one the fruits describe.
import { z } from 'zod';
import { checkReplaysVersions, replaysVersionsSchema } from '../shared/levelVersions';
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
    replaysVersions: replaysVersionsSchema,
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
    /**
     * The rigged basket (correlation is not cause): `feature` goes with the apples in `basket` by
     * accident (every apple has it, nothing else does). Bit tunes itself on it, then meets the
     * `test` fruits, which break that pattern; the player adds `choices` to the basket and retunes.
     * A variant is a fruit of the fruit file with some features changed (an apple with no scent).
     */
    rigged: z.object({
      feature: id,
      basket: z.array(id).min(2, 'the rigged basket needs at least two fruits').max(9),
      variants: z.array(z.object({ id, of: id, nameKey: textKey, features: z.record(z.string(), z.boolean()) })).max(8),
      test: z.array(id).min(1, 'needs at least one new fruit to test on').max(3),
      choices: z.array(id).min(1, 'needs at least one fruit to add').max(3),
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
    checkReplaysVersions(level, ctx);
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
    const rigged = level.rigged;
    if (!level.features.includes(rigged.feature))
      ctx.addIssue({
        code: 'custom',
        path: ['rigged', 'feature'],
        message: `"${rigged.feature}" is not one of the features`,
      });
    const seen = new Set<string>();
    (['basket', 'test', 'choices'] as const).forEach((list) =>
      rigged[list].forEach((f, i) => {
        if (seen.has(f))
          ctx.addIssue({
            code: 'custom',
            path: ['rigged', list, i],
            message: `"${f}" is listed twice (basket, new fruit and choices must not share a fruit)`,
          });
        seen.add(f);
      }),
    );
    if (rigged.basket.length + rigged.choices.length > 9)
      ctx.addIssue({
        code: 'custom',
        path: ['rigged', 'choices'],
        message: 'the basket and the choices together must fit in 9 places',
      });
    rigged.variants.forEach((v, i) =>
      Object.keys(v.features).forEach((f) => {
        if (!level.features.includes(f))
          ctx.addIssue({
            code: 'custom',
            path: ['rigged', 'variants', i, 'features', f],
            message: `"${f}" is not one of the features`,
          });
      }),
    );
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
  level.rigged.variants.forEach((v, i) => {
    const base = byId.get(v.of);
    if (byId.has(v.id))
      problems.push(`field 'rigged.variants[${i}].id': "${v.id}" is already a fruit in ${FRUIT_FILE}`);
    else if (!base) problems.push(`field 'rigged.variants[${i}].of': "${v.of}" is not a fruit in ${FRUIT_FILE}`);
    else byId.set(v.id, { ...base, id: v.id, nameKey: v.nameKey, features: { ...base.features, ...v.features } });
  });
  (['basket', 'test', 'choices'] as const).forEach((list) =>
    level.rigged[list].forEach((f, i) => need(f, `rigged.${list}[${i}]`)),
  );
  if (problems.length === 0) problems.push(...riggedProblems(level, fruits));
  if (problems.length) throw new LevelFileError(APPLE_LAMP_LEVEL_FILE, problems);
  return { ...level, fruits, featureLabels };
}

/**
 * The rigged basket must really be rigged: the feature goes with the apples and only with them;
 * every new fruit breaks that pattern (or it could not show the lamp was fooled); and at least one
 * choice breaks it too (or no retuning could ever fix the lamp).
 */
function riggedProblems(level: AppleLampLevelFile, fruits: Record<string, Fruit>): string[] {
  const { feature, basket, test, choices } = level.rigged;
  const breaks = (f: string) => fruits[f].features[feature] !== fruits[f].isApple;
  const problems: string[] = [];
  basket.forEach((f, i) => {
    if (breaks(f))
      problems.push(
        `field 'rigged.basket[${i}]': "${f}" ${fruits[f].isApple ? `is an apple but not ${feature}` : `is ${feature} but not an apple`}, so the basket is not rigged`,
      );
  });
  if (!basket.some((f) => fruits[f].isApple) || basket.every((f) => fruits[f].isApple))
    problems.push(`field 'rigged.basket': needs at least one apple and one other fruit`);
  test.forEach((f, i) => {
    if (!breaks(f))
      problems.push(
        `field 'rigged.test[${i}]': "${f}" follows the basket's pattern, so it cannot show the lamp was fooled`,
      );
  });
  if (!choices.some(breaks))
    problems.push(`field 'rigged.choices': no choice breaks the pattern, so retuning could never fix the lamp`);
  return problems;
}
