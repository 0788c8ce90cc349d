// Copies between players of a room: the same seed and events (eventsHash in attemptGuard.ts) sent
// by two or more players for one chapter. In a room where the teacher set one puzzle for all, a
// copy verifies and is only flagged; otherwise it carries another player's seed and is refused,
// and still flagged, so the teacher sees who tried.
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';

/** Two or more players of a room who sent the same (or padded) events for one chapter. */
export interface CopyFlag {
  chapter: number;
  players: { playerId: string; nickname: string; status: 'verified' | 'refused'; at: string }[];
}

/**
 * Players of the room (not removed) who sent the same seed and events (eventsHash) for one
 * chapter: a copy, whether it verified (a room where the teacher set one puzzle for all) or was
 * refused (another player's seed). Oldest first within each flag.
 */
export async function copyFlags(db: Kysely<Database>, roomId: string): Promise<CopyFlag[]> {
  const rows = await db
    .selectFrom('submissions')
    .innerJoin('players', 'players.id', 'submissions.player_id')
    .select([
      'submissions.chapter as chapter',
      'submissions.events_hash as hash',
      'submissions.player_id as player_id',
      'submissions.status as status',
      'submissions.received_at as at',
      'players.nickname as nickname',
    ])
    .where('submissions.room_id', '=', roomId)
    .where('players.removed', '=', 0)
    .where('submissions.events_hash', 'is not', null)
    .where(
      'submissions.events_hash',
      'in',
      db
        .selectFrom('submissions')
        .select('events_hash')
        .where('room_id', '=', roomId)
        .where('events_hash', 'is not', null)
        .groupBy('events_hash')
        .having((eb) => eb.fn.count('player_id').distinct(), '>', 1),
    )
    .orderBy('submissions.seq')
    .execute();
  const groups = new Map<string, CopyFlag>();
  for (const r of rows) {
    const key = `${r.chapter}:${r.hash}`;
    let flag = groups.get(key);
    if (!flag) {
      flag = { chapter: Number(r.chapter), players: [] };
      groups.set(key, flag);
    }
    if (flag.players.some((p) => p.playerId === r.player_id)) continue;
    flag.players.push({
      playerId: r.player_id,
      nickname: r.nickname,
      status: r.status === 'verified' ? 'verified' : 'refused',
      at: r.at,
    });
  }
  return [...groups.values()].filter((f) => f.players.length > 1);
}
