// Building blocks for the chapters' strict event schemas (chN/*Events.ts): each recorded input
// event is an object with exactly its known fields; numbers are finite and bounded, strings short,
// arrays short and flat. zod/mini, as the attempt format (src/attempts/attempt.ts) uses.
import * as z from 'zod/mini';

/** One event type with exactly these fields (an unknown field is refused). */
export const event = <T extends string, S extends z.core.$ZodLooseShape = Record<never, never>>(type: T, shape?: S) =>
  z.strictObject({ type: z.literal(type), ...(shape as S) });

/** A finite number in [min, max]. */
export const num = (min: number, max: number) => z.number().check(z.minimum(min), z.maximum(max));

/** An integer in [min, max]. */
export const int = (min: number, max: number) => z.int().check(z.minimum(min), z.maximum(max));

/** A short identifier (a fact, a knob, a command...): the machine checks it is one it knows. */
export const name = (max = 32) => z.string().check(z.minLength(1), z.maxLength(max));

/** A flat list of bounded numbers. */
export const numbers = (min: number, max: number, most: number) => z.array(num(min, max)).check(z.maxLength(most));

/** Counts the events of each type, for the chapters' replay costs. */
export function countOf(events: readonly { type: string }[], ...types: string[]): number {
  let n = 0;
  for (const e of events) if (types.includes(e.type)) n++;
  return n;
}
