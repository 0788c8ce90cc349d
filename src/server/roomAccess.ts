// The teacher's hold on a room and its players, beside the repository: keeping a removed
// player's device out until the teacher lets it back in, and changing the teacher's key (the old
// one stops working at once).
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';
import { hashSecret, newSecret } from './ids';
import type { Player } from './repository';
import { toPlayer } from './rows';

/** Whether the teacher removed a player of this room who joined from this device (and kept them out). */
export async function deviceKeptOut(db: Kysely<Database>, roomId: string, deviceId: string): Promise<boolean> {
  const r = await db
    .selectFrom('players')
    .select('id')
    .where('room_id', '=', roomId)
    .where('device_hash', '=', hashSecret(`device:${deviceId}`))
    .where('removed', '=', 1)
    .executeTakeFirst();
  return r !== undefined;
}

/** Players the teacher removed who are kept out (not yet let back in). */
export async function removedPlayers(db: Kysely<Database>, roomId: string): Promise<Player[]> {
  const rows = await db
    .selectFrom('players')
    .select(['id', 'room_id', 'nickname', 'joined_at', 'removed'])
    .where('room_id', '=', roomId)
    .where('removed', '=', 1)
    .orderBy('joined_at')
    .orderBy('id')
    .execute();
  return rows.map(toPlayer);
}

/** Lets a removed player's device join again (under a new token); false when there is no such one. */
export async function letBackIn(db: Kysely<Database>, roomId: string, playerId: string): Promise<boolean> {
  const res = await db
    .updateTable('players')
    .set({ removed: 2 })
    .where('id', '=', playerId)
    .where('room_id', '=', roomId)
    .where('removed', '=', 1)
    .executeTakeFirst();
  return Number(res.numUpdatedRows) > 0;
}

/** A new teacher key for the room; the old one stops working at once. */
export async function rotateTeacherKey(db: Kysely<Database>, roomId: string): Promise<string> {
  const teacherKey = newSecret();
  await db
    .updateTable('rooms')
    .set({ teacher_key_hash: hashSecret(teacherKey) })
    .where('id', '=', roomId)
    .execute();
  return teacherKey;
}
