// The save format, versioned. Each older version has a migration to the next, so a player's
// progress survives updates; anything we cannot read is kept aside, never overwritten.
import { z } from 'zod';

export const CURRENT_SAVE_VERSION = 2;

export const settingsSchema = z.object({
  locale: z.enum(['zh-CN', 'en']),
  volume: z.number().min(0).max(1),
  muted: z.boolean(),
  reducedMotion: z.boolean(),
});
export type Settings = z.output<typeof settingsSchema>;

export const attemptSchema = z.object({
  chapter: z.number().int().min(1).max(6),
  levelVersion: z.number().int().positive(),
  seed: z.number().int().min(0).max(0xffffffff),
  events: z.array(z.object({ type: z.string().min(1) }).loose()).max(20000),
  result: z.object({ passed: z.boolean(), stars: z.number().int().min(0).max(3) }).loose(),
  time: z.string().min(1),
});
export type Attempt = z.output<typeof attemptSchema>;

export const saveV2Schema = z.object({
  version: z.literal(2),
  progress: z.object({
    stars: z.record(z.string(), z.number().int().min(0).max(3)),
    /** What a chapter hands to later ones (e.g. chapter 2's apple rule for chapter 3), by chapter number. */
    carry: z.record(z.string(), z.record(z.string(), z.unknown())).optional(),
  }),
  settings: settingsSchema,
  attempts: z.array(attemptSchema).max(200),
});
export type SaveData = z.output<typeof saveV2Schema>;

/** Version 1 kept stars and two settings flat, and no attempts. */
export const saveV1Schema = z.object({
  version: z.literal(1),
  stars: z.record(z.string(), z.number().int().min(0).max(3)),
  locale: z.enum(['zh-CN', 'en']),
  muted: z.boolean(),
});

export function migrateV1(v1: z.output<typeof saveV1Schema>): SaveData {
  return {
    version: 2,
    progress: { stars: { ...v1.stars } },
    settings: { locale: v1.locale, volume: 0.8, muted: v1.muted, reducedMotion: false },
    attempts: [],
  };
}

export function freshSave(locale: Settings['locale']): SaveData {
  return {
    version: CURRENT_SAVE_VERSION,
    progress: { stars: {} },
    settings: { locale, volume: 0.8, muted: false, reducedMotion: false },
    attempts: [],
  };
}
