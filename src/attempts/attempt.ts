// An attempt: a chapter's seed and the list of input events the player made, with the result the
// game claims for it. This is the unit that replays, comparisons, shared links, saves and the
// classroom server all exchange; verification (verifyAttempt.ts) replays it and checks the claim.
// zod/mini keeps it small, since the save code that uses it is in the first download.
import * as z from 'zod/mini';
import { isKnownChapter } from '../levels/chapters';

export const starCount = z.int().check(z.minimum(0), z.maximum(3));

/** A chapter this version of the game lists in levels/chapters.ts (built or coming soon). */
export const chapterNumberSchema = z
  .int()
  .check(z.refine(isKnownChapter, { message: 'no chapter with this number in this version of the game' }));

export const attemptSchema = z.object({
  chapter: chapterNumberSchema,
  levelVersion: z.int().check(z.positive()),
  seed: z.int().check(z.minimum(0), z.maximum(0xffffffff)),
  events: z.array(z.looseObject({ type: z.string().check(z.minLength(1)) })).check(z.maxLength(20000)),
  result: z.looseObject({ passed: z.boolean(), stars: starCount }),
  time: z.string().check(z.minLength(1)),
});
export type Attempt = z.output<typeof attemptSchema>;
