// The schema of chapter 1's level file (levels/01-sit-bit.json).
import { z } from 'zod';
import raw from '../../../levels/01-sit-bit.json';
import { parseLevelFile } from '../shared/levelFile';

const id = z.string().regex(/^[a-z][a-z0-9-]*$/, 'must be a lowercase id like "sit"');
const textKey = z.string().min(3, 'must be a text key like "ch1.title"');

export const sitLevelSchema = z
  .object({
    chapter: z.literal(1),
    id: z.literal('ch1-sit-bit'),
    version: z.number().int().positive(),
    titleKey: textKey,
    insightKey: textKey,
    actions: z
      .array(z.object({ id, labelKey: textKey, pose: z.string().min(1) }))
      .min(2, 'Bit needs at least two actions to choose from'),
    commands: z.array(z.object({ id, labelKey: textKey, target: id })).min(1),
    teachOrder: z.array(id).min(1),
    learning: z.object({
      learningRate: z.number().positive().max(10),
      temperature: z.number().positive().max(10),
      useBaseline: z.boolean(),
    }),
    rewards: z.object({ treat: z.number(), scold: z.number(), ignore: z.number() }),
    learnedProbability: z.number().gt(0).lt(1),
    twist: z.object({
      command: id,
      wrongAction: id,
      habitProbability: z.number().gt(0).lt(1),
      maxTrials: z.number().int().positive(),
      minChances: z.number().int().min(0),
      giveUpAfter: z.number().int().positive(),
    }),
    challenge: z.object({
      size: z.number().int().positive(),
      passAt: z.number().int().positive(),
    }),
    stars: z.array(z.object({ stars: z.number().int().min(1).max(3), maxTrials: z.number().int().positive() })).min(1),
  })
  .superRefine((level, ctx) => {
    const actionIds = new Set(level.actions.map((a) => a.id));
    const commandIds = new Set(level.commands.map((c) => c.id));
    level.commands.forEach((c, i) => {
      if (!actionIds.has(c.target))
        ctx.addIssue({
          code: 'custom',
          path: ['commands', i, 'target'],
          message: `"${c.target}" is not one of the actions`,
        });
    });
    level.teachOrder.forEach((c, i) => {
      if (!commandIds.has(c))
        ctx.addIssue({ code: 'custom', path: ['teachOrder', i], message: `"${c}" is not one of the commands` });
    });
    if (!commandIds.has(level.twist.command))
      ctx.addIssue({
        code: 'custom',
        path: ['twist', 'command'],
        message: `"${level.twist.command}" is not one of the commands`,
      });
    if (!actionIds.has(level.twist.wrongAction))
      ctx.addIssue({
        code: 'custom',
        path: ['twist', 'wrongAction'],
        message: `"${level.twist.wrongAction}" is not one of the actions`,
      });
    if (level.twist.giveUpAfter < level.twist.maxTrials)
      ctx.addIssue({ code: 'custom', path: ['twist', 'giveUpAfter'], message: 'cannot be less than twist.maxTrials' });
    if (level.challenge.passAt > level.challenge.size)
      ctx.addIssue({ code: 'custom', path: ['challenge', 'passAt'], message: 'cannot be more than challenge.size' });
  });

export type SitLevel = z.output<typeof sitLevelSchema>;
export const SIT_LEVEL_FILE = 'levels/01-sit-bit.json';

export function loadSitLevel(data: unknown = raw): SitLevel {
  return parseLevelFile(SIT_LEVEL_FILE, sitLevelSchema, data);
}
