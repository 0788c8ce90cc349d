// The replay's verdict on a student's attempt for a room: never the client's claimed score.
import type { Attempt } from '../../attempts/attempt';
import { checkAttemptShape, eventsHash, expectedSeed } from '../attemptGuard';
import type { Player, Room } from '../repository';
import { scoreOf } from '../scoring';
import { PoolBusyError, type VerifyPool, type VerifyPriority } from '../verifyPool';
import { HttpError } from './shared';

export interface Verdict {
  ok: boolean;
  code: string;
  message: string;
  stars: number;
  score: number;
  ms: number;
  eventsHash: string | null;
}

/**
 * An attempt finished in the last minute is fresh: its player is watching for the verdict. One
 * finished earlier (kept in the save while offline, or sent again after a busy answer) waits
 * behind fresh ones (see VerifyPool). The time is the device's word; it only orders the queue.
 */
export function priorityOf(attempt: Attempt, now = Date.now()): VerifyPriority {
  const finished = Date.parse(attempt.time);
  // A time in the future gains nothing: only an attempt finished about now is fresh.
  return Number.isFinite(finished) && Math.abs(now - finished) < 60_000 ? 'fresh' : 'later';
}

/** A short code for why the replay refused an attempt: the game shows it in the player's language. */
export function reasonCodeOf(message: string): string {
  if (/played on version/.test(message)) return 'wrong-version';
  if (/differs from the one the attempt claims/.test(message)) return 'result-differs';
  if (/cannot be replayed by this version/.test(message)) return 'unknown-chapter';
  if (/took longer than/.test(message)) return 'too-slow';
  return 'replay-failed';
}

/** The replay's verdict on an attempt for this room; a full pool answers 503 'busy'. */
export async function verdictOf(pool: VerifyPool, room: Room, player: Player, attempt: Attempt): Promise<Verdict> {
  let hash: string | null = null;
  const refuse = (code: string, message: string) => ({
    ok: false,
    code,
    message,
    stars: 0,
    score: 0,
    ms: 0,
    eventsHash: hash,
  });
  if (!room.chapters.includes(attempt.chapter))
    return refuse('not-in-competition', `Chapter ${attempt.chapter} is not part of this competition.`);
  // Exact events within the chapter's limits, before any replay (attemptGuard.ts).
  const shape = await checkAttemptShape(attempt);
  if (!shape.ok) return refuse(shape.code, shape.message);
  hash = eventsHash(attempt.seed, attempt.events);
  const seed = expectedSeed(room.seed, player.seeds, attempt.chapter);
  if (attempt.seed !== seed)
    return refuse(
      'wrong-seed',
      room.seed !== null
        ? `This competition uses the teacher's puzzle (seed ${room.seed}); this attempt used another.`
        : seed === null
          ? 'You joined before this server gave each player their own puzzle: join the class again.'
          : 'This attempt was not played on your puzzle for this chapter (an attempt from elsewhere does not count here).',
    );
  let v: Awaited<ReturnType<VerifyPool['verify']>>;
  try {
    v = await pool.verify(attempt, priorityOf(attempt), { owner: player.id, cost: shape.cost });
  } catch (err) {
    if (err instanceof PoolBusyError) throw new HttpError(503, err.message, 'busy');
    throw err;
  }
  if (!v.ok) return { ...refuse(reasonCodeOf(v.message), v.message), ms: v.totalMs };
  return {
    ok: true,
    code: 'verified',
    message: v.message,
    stars: v.stars,
    score: scoreOf(v.stars, v.stats),
    ms: v.totalMs,
    eventsHash: hash,
  };
}
