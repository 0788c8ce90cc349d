// The schema of chapter 2's level file (levels/02-expert-rulebook.json). Fruits come from the
// shared levels/fruits.json; this file names which ones go in the hidden basket, the sellers'
// written rulebooks, the weather week and the star thresholds.
import { z } from 'zod';
import raw from '../../../levels/02-expert-rulebook.json';
import { validateRule, type Rule } from '../../engine';
import { parseLevelFile } from '../shared/levelFile';
import { loadFruits, type FruitFile } from '../shared/fruits';

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lowercase id like "mon"');
const textKey = z.string().min(3, 'must be a text key like "ch2.title"');

// Engine rules and conditions are checked by the engine's own validators, so the level file and
// the rule engine can never disagree about what a rule is.
const engineRule = z.unknown().transform((value, ctx): Rule => {
  try {
    return validateRule(value);
  } catch (err) {
    ctx.addIssue({ code: 'custom', message: (err as Error).message });
    return z.NEVER;
  }
});

const conclusion = z.object({ fact: z.string().min(1), labelKey: textKey, art: z.string().min(1) });

const tile = z.object({
  fact: z.string().min(1),
  labelKey: textKey,
  art: z.string().min(1),
  /** Numeric tiles compare the fact with a threshold picked from `choices`. */
  op: z.enum(['>', '>=', '<', '<=']).optional(),
  choices: z.array(z.number()).min(2).optional(),
  start: z.number().optional(),
});

export const rulebookLevelSchema = z
  .object({
    chapter: z.literal(2),
    id: z.literal('ch2-expert-rulebook'),
    version: z.number().int().positive(),
    titleKey: textKey,
    insightKey: textKey,
    limits: z.object({ maxRules: z.number().int().min(1).max(4), maxTiles: z.number().int().min(2).max(6) }),
    weather: z.object({
      conclusion,
      tiles: z.array(tile).min(2),
      days: z
        .array(
          z.object({
            id,
            labelKey: textKey,
            facts: z.record(z.string(), z.union([z.boolean(), z.number()])),
            rained: z.boolean(),
          }),
        )
        .length(7, 'a week has 7 days'),
    }),
    stall: z.object({
      conclusion,
      season: z.number().int().positive(),
      newSeason: z.number().int().positive(),
      sellerRules: z.record(z.string(), z.array(engineRule).min(1)),
    }),
    challenge: z.object({ basket: z.array(id).min(3) }),
    stars: z
      .array(
        z.object({
          stars: z.number().int().min(1).max(3),
          minCorrect: z.number().int().min(0),
          maxRules: z.number().int().min(1),
        }),
      )
      .min(1),
    /** The history card: a year (as printed, e.g. "1956" or "1980s") and the text key of what happened. */
    history: z
      .array(z.object({ year: z.string().regex(/^\d{4}s?$/, 'must be a year like "1956" or "1980s"'), textKey }))
      .min(1),
  })
  .superRefine((level, ctx) => {
    level.weather.tiles.forEach((t, i) => {
      const numeric = t.op !== undefined;
      if (numeric && (!t.choices || t.start === undefined))
        ctx.addIssue({
          code: 'custom',
          path: ['weather', 'tiles', i],
          message: 'a numeric tile needs "choices" and "start"',
        });
      if (numeric && t.choices && t.start !== undefined && !t.choices.includes(t.start))
        ctx.addIssue({ code: 'custom', path: ['weather', 'tiles', i, 'start'], message: 'must be one of the choices' });
      level.weather.days.forEach((d, j) => {
        const v = d.facts[t.fact];
        if (numeric ? typeof v !== 'number' : typeof v !== 'boolean')
          ctx.addIssue({
            code: 'custom',
            path: ['weather', 'days', j, 'facts', t.fact],
            message: `day "${d.id}" needs a ${numeric ? 'number' : 'yes/no'} value for "${t.fact}"`,
          });
      });
    });
    if (level.stall.newSeason === level.stall.season)
      ctx.addIssue({ code: 'custom', path: ['stall', 'newSeason'], message: 'must differ from stall.season' });
    level.stars.forEach((s, i) => {
      if (s.minCorrect > level.challenge.basket.length)
        ctx.addIssue({
          code: 'custom',
          path: ['stars', i, 'minCorrect'],
          message: 'cannot be more than the basket holds',
        });
    });
  });

export type RulebookLevel = z.output<typeof rulebookLevelSchema>;
export type TileDef = RulebookLevel['weather']['tiles'][number];
export const RULEBOOK_LEVEL_FILE = 'levels/02-expert-rulebook.json';

/** The level plus the shared fruit file it refers to, checked against each other. */
export interface RulebookData {
  level: RulebookLevel;
  fruits: FruitFile;
}

export function loadRulebookLevel(data: unknown = raw, fruitData?: unknown): RulebookData {
  // The level's own fields first, so their errors come before any cross-file ones.
  parseLevelFile(RULEBOOK_LEVEL_FILE, rulebookLevelSchema, data);
  const fruits = fruitData === undefined ? loadFruits() : loadFruits(fruitData);
  // Cross-file checks, reported with the level file's field paths.
  const cross = rulebookLevelSchema.superRefine((l, ctx) => {
    const ids = new Set(fruits.fruits.map((f) => f.id));
    l.challenge.basket.forEach((f, i) => {
      if (!ids.has(f))
        ctx.addIssue({
          code: 'custom',
          path: ['challenge', 'basket', i],
          message: `"${f}" is not a fruit in levels/fruits.json`,
        });
    });
    const sellers = new Set(fruits.sellers.map((s) => s.id));
    for (const s of Object.keys(l.stall.sellerRules)) {
      if (!sellers.has(s))
        ctx.addIssue({
          code: 'custom',
          path: ['stall', 'sellerRules', s],
          message: `"${s}" is not a seller in levels/fruits.json`,
        });
    }
    for (const s of sellers) {
      if (!(s in l.stall.sellerRules))
        ctx.addIssue({ code: 'custom', path: ['stall', 'sellerRules'], message: `seller "${s}" has no rulebook` });
    }
    for (const season of [l.stall.season, l.stall.newSeason]) {
      if (!fruits.fruits.some((f) => f.season === season))
        ctx.addIssue({
          code: 'custom',
          path: ['stall'],
          message: `no fruit in levels/fruits.json has season ${season}`,
        });
    }
  });
  return { level: parseLevelFile(RULEBOOK_LEVEL_FILE, cross, data), fruits };
}

/** Feature tiles for the fruit stall: one per feature of the fruit file, yes/no. */
export function appleTiles(fruits: FruitFile): TileDef[] {
  return fruits.features.map((f) => ({ fact: f.id, labelKey: f.labelKey, art: `feature-${f.id}` }));
}
