// What the server checks in an attempt before it spends a replay on it, and what it keeps of it.
// Each chapter states its exact events and limits (ChapterEvents in levels/contract.ts): an
// attempt with an unknown event or field, a value out of bounds, more events than a real attempt
// has, or a replay costing more than the chapter's budget is refused at once, with the reason.
// The attempt's seed must be the one this player was given for the chapter (or the teacher's,
// when the teacher set one): an attempt recorded anywhere else (another student's, the game's own
// reference runs) does not replay to a score here. See docs/classroom-verification.md.
import { createHash, randomInt } from 'node:crypto';
import type { Attempt } from '../attempts/attempt';
import { loadChapterEvents } from '../levels/chapterEvents';
import type { ChapterEvents } from '../levels/contract';

export type GuardVerdict = { ok: true; cost: number } | { ok: false; code: string; message: string };

const rules = new Map<number, Promise<ChapterEvents | null>>();
const rulesOf = (chapter: number): Promise<ChapterEvents | null> => {
  let r = rules.get(chapter);
  if (!r) {
    r = loadChapterEvents(chapter);
    rules.set(chapter, r);
  }
  return r;
};

/** A claimed result is flat: a few named numbers, flags and short words, as every chapter's is. */
function flatResult(result: Record<string, unknown>): boolean {
  const entries = Object.entries(result);
  if (entries.length > 40) return false;
  return entries.every(
    ([k, v]) =>
      k.length <= 40 &&
      (v === null ||
        typeof v === 'boolean' ||
        (typeof v === 'number' && Number.isFinite(v)) ||
        (typeof v === 'string' && v.length <= 64)),
  );
}

/** The attempt's events and result against its chapter's rules and budget (no replay). */
export async function checkAttemptShape(attempt: Attempt): Promise<GuardVerdict> {
  const chapter = await rulesOf(attempt.chapter);
  if (!chapter)
    return {
      ok: false,
      code: 'unknown-chapter',
      message: `Chapter ${attempt.chapter} cannot be replayed by this version of the game.`,
    };
  const { events } = attempt;
  if (events.length > chapter.maxEvents)
    return {
      ok: false,
      code: 'too-many-events',
      message: `This attempt has ${events.length} events; a chapter ${attempt.chapter} attempt has at most ${chapter.maxEvents}.`,
    };
  for (const [i, e] of events.entries()) {
    const parsed = chapter.schema.safeParse(e);
    if (!parsed.success) {
      const issue = parsed.error.issues[0];
      const where = issue?.path.length ? `.${issue.path.map(String).join('.')}` : '';
      return {
        ok: false,
        code: 'unknown-event',
        message: `Event ${i + 1} is not one chapter ${attempt.chapter} records (${String(e.type).slice(0, 40)}${where}: ${issue?.message ?? 'not valid'}).`,
      };
    }
  }
  const cost = chapter.replayCost ? chapter.replayCost(events) : events.length;
  if (cost > chapter.maxReplayCost)
    return {
      ok: false,
      code: 'too-costly',
      message: `Replaying this attempt would cost ${cost} units; a chapter ${attempt.chapter} attempt costs at most ${chapter.maxReplayCost}.`,
    };
  if (!flatResult(attempt.result))
    return { ok: false, code: 'bad-result', message: 'The claimed result is not one this game reports.' };
  return { ok: true, cost };
}

/** A seed for each chapter of the competition, drawn for one player when they join. */
export function drawPlayerSeeds(chapters: readonly number[]): Record<string, number> {
  return Object.fromEntries(chapters.map((c) => [String(c), randomInt(0, 0x1_0000_0000)]));
}

/** A player's stored seeds (JSON), read defensively: anything unreadable counts as none. */
export function parseSeeds(text: string | undefined): Record<string, number> {
  try {
    const v = JSON.parse(text ?? '{}') as unknown;
    if (!v || typeof v !== 'object' || Array.isArray(v)) return {};
    return Object.fromEntries(
      Object.entries(v as Record<string, unknown>).filter((e): e is [string, number] => Number.isInteger(e[1])),
    );
  } catch {
    return {};
  }
}

/**
 * The seed an attempt of this chapter must have: the teacher's, when the teacher set one (the
 * whole class plays one puzzle), else the one drawn for this player at join (null: none drawn).
 */
export function expectedSeed(
  roomSeed: number | null,
  playerSeeds: Readonly<Record<string, number>>,
  chapter: number,
): number | null {
  if (roomSeed !== null) return roomSeed;
  return playerSeeds[String(chapter)] ?? null;
}

const sha256 = (text: string): string => createHash('sha256').update(text).digest('hex');

/** The hash kept of an attempt's body (the body itself is kept only when it verified). */
export const bodyHash = (body: string): string => sha256(body).slice(0, 32);

/** Numbers rounded to 3 decimals, so 0.1 and 0.1000001 compare equal. */
const rounded = (v: unknown): unknown => {
  if (typeof v === 'number') return Math.round(v * 1000) / 1000;
  if (Array.isArray(v)) return v.map(rounded);
  return v;
};

/**
 * A hash of what was played, for spotting copies between players: the seed and the events, each
 * with its fields in a fixed order and numbers rounded, runs of one repeated event counted once.
 * Identical or padded copies of one attempt hash the same. Events are flat (the chapters' schemas
 * allow no nesting beyond a list of numbers), so this never recurses deeply.
 */
export function eventsHash(seed: number, events: readonly { type: string }[]): string {
  const parts: string[] = [String(seed)];
  let last = '';
  for (const e of events) {
    const rec = e as Record<string, unknown>;
    const text = JSON.stringify(
      Object.keys(rec)
        .sort()
        .map((k) => [k, rounded(rec[k])]),
    );
    if (text !== last) parts.push(text);
    last = text;
  }
  return sha256(parts.join('\n')).slice(0, 32);
}
