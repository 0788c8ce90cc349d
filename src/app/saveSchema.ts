// The save format, versioned. Each older version has a migration to the next, so a player's
// progress survives updates; anything we cannot read is kept aside, never overwritten.
// zod/mini (the tree-shakable form of zod) keeps the save code small in the first download;
// the richer level-file schemas load later with the chapters.
import * as z from 'zod/mini';
import { attemptSchema, starCount } from '../attempts/attempt';
import { classroomVerdictSchema } from '../attempts/classroomWire';

export { attemptSchema, type Attempt } from '../attempts/attempt';
export { type ClassroomVerdict, classroomVerdictSchema } from '../attempts/classroomWire';

export const CURRENT_SAVE_VERSION = 2;

export const settingsSchema = z.object({
  locale: z.enum(['zh-CN', 'en']),
  volume: z.number().check(z.minimum(0), z.maximum(1)),
  muted: z.boolean(),
  reducedMotion: z.boolean(),
});
export type Settings = z.output<typeof settingsSchema>;

/**
 * A chapter left unfinished (a reload, the map): its seed and input events so far, which replay
 * to exactly where the player stopped. Kept per chapter number.
 */
export const inProgressSchema = z.object({
  levelVersion: z.int().check(z.positive()),
  seed: z.int().check(z.minimum(0), z.maximum(0xffffffff)),
  events: z.array(z.looseObject({ type: z.string().check(z.minLength(1)) })).check(z.maxLength(20000)),
  time: z.string().check(z.minLength(1)),
});
export type InProgress = z.output<typeof inProgressSchema>;

/**
 * The class a player joined (optional: saves from before classrooms have none and still load).
 * Finished attempts of the competition's chapters wait in `queue` until the server has answered,
 * so nothing is lost offline; each keeps the id it is resent with, so it is counted once.
 */
export const classroomSchema = z.object({
  server: z.string(),
  code: z.string(),
  title: z.string(),
  nickname: z.string(),
  playerId: z.string(),
  token: z.string(),
  chapters: z.array(z.int()),
  seed: z.nullable(z.int()),
  /** The seed the server drew for this player for each chapter (absent in saves from before). */
  seeds: z.optional(z.record(z.string(), z.int())),
  leaderboardVisible: z.boolean(),
  ended: z.boolean(),
  queue: z.array(z.object({ id: z.string(), attempt: attemptSchema })).check(z.maxLength(200)),
  verdicts: z.array(classroomVerdictSchema).check(z.maxLength(50)),
});
export type ClassroomState = z.output<typeof classroomSchema>;

export const saveV2Schema = z.object({
  version: z.literal(2),
  progress: z.object({
    stars: z.record(z.string(), starCount),
    /** What a chapter hands to later ones (e.g. chapter 2's apple rule for chapter 3), by chapter number. */
    carry: z.optional(z.record(z.string(), z.record(z.string(), z.unknown()))),
  }),
  settings: settingsSchema,
  attempts: z.array(attemptSchema).check(z.maxLength(200)),
  // Attempts of chapters this version of the game does not list (a save from a newer version),
  // kept as they were so they come back when a version that knows their chapter reads the save
  // (see saveStore.setAsideUnknownChapters). Saves without any simply lack it.
  attemptsAside: z.optional(z.array(z.unknown()).check(z.maxLength(200))),
  // Optional and checked on its own (see saveStore.readInProgress): a damaged record is dropped,
  // never the save around it. Saves written before it existed simply lack it.
  inProgress: z.optional(z.unknown()),
  classroom: z.optional(classroomSchema),
});
export type SaveData = Omit<z.output<typeof saveV2Schema>, 'inProgress'> & {
  /** Unfinished chapters by chapter number. */
  inProgress?: Record<string, InProgress>;
};

/** Version 1 kept stars and two settings flat, and no attempts. */
export const saveV1Schema = z.object({
  version: z.literal(1),
  stars: z.record(z.string(), starCount),
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
