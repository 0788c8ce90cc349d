// The bodies the classroom API accepts, as zod schemas: anything else is refused before any work.
// An attempt's body is part of the wire format the game shares (attempts/classroomWire.ts).
import * as z from 'zod/mini';
import { attemptSchema } from '../../attempts/attempt';
import { CHAPTERS } from '../../levels/chapters';
import { DEVICE_ID } from '../fairLimits';

export { submissionSchema } from '../../attempts/classroomWire';

const seedSchema = z.nullable(z.int().check(z.minimum(0), z.maximum(0xffffffff)));

export const createRoomSchema = z.object({
  title: z.string().check(z.minLength(1), z.maxLength(80)),
  chapters: z.array(attemptSchema.shape.chapter).check(z.minLength(1), z.maxLength(CHAPTERS.length)),
  seed: z.optional(seedSchema),
  leaderboardVisible: z.optional(z.boolean()),
  password: z.optional(z.string().check(z.maxLength(200))),
});

export const updateRoomSchema = z.object({
  title: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  leaderboardVisible: z.optional(z.boolean()),
  ended: z.optional(z.literal(true)),
});

export const joinSchema = z.object({
  code: z.string().check(z.minLength(4), z.maxLength(16)),
  nickname: z.string().check(z.maxLength(200)),
  /** The id the game keeps for its device: a removed player's device stays out. */
  device: z.optional(z.string().check(z.regex(DEVICE_ID))),
});

export const renameSchema = z.object({ nickname: z.string().check(z.maxLength(200)) });
