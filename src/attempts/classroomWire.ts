// The classroom's wire format shared by the game and the classroom server: the body that sends an
// attempt, and the server's verdict on it (which the game also keeps in its save).
import * as z from 'zod/mini';
import { attemptSchema } from './attempt';

/** POST /api/submissions: one attempt, with the id the game made up for it. */
export const submissionSchema = z.object({
  /** Made up by the student's game for each attempt; a resend carries the same id. */
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
  attempt: attemptSchema,
});
export type SubmissionBody = z.input<typeof submissionSchema>;

/** What the server said about one submitted attempt (its id is the one the game made up). */
export const classroomVerdictSchema = z.object({
  id: z.string(),
  chapter: z.int(),
  status: z.enum(['verified', 'refused']),
  reasonCode: z.string(),
  reason: z.string(),
  stars: z.int(),
  score: z.int(),
});
export type ClassroomVerdict = z.output<typeof classroomVerdictSchema>;

/** A submission as the server answers it: the verdict, when it arrived and its place in the room. */
export interface SubmissionAnswer extends ClassroomVerdict {
  receivedAt: string;
  seq: number;
}
