// One list of migrations for both databases, written with Kysely's schema builder so the same
// code makes the SQLite file and the PostgreSQL tables. Add a migration; never edit a shipped one.
import { type Kysely, type Migration, type MigrationProvider, Migrator, sql } from 'kysely';

const migrations: Record<string, Migration> = {
  '2026-12-01-classroom': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('rooms')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('code', 'text', (c) => c.notNull().unique())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('chapters', 'text', (c) => c.notNull())
        .addColumn('seed', 'bigint')
        .addColumn('leaderboard_visible', 'integer', (c) => c.notNull())
        .addColumn('teacher_key_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('ended_at', 'text')
        .addColumn('seq', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .createTable('players')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
        .addColumn('nickname', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('joined_at', 'text', (c) => c.notNull())
        .addColumn('removed', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.createIndex('players_room').on('players').column('room_id').execute();
      await db.schema
        .createTable('submissions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('room_id', 'text', (c) => c.notNull().references('rooms.id'))
        .addColumn('player_id', 'text', (c) => c.notNull().references('players.id'))
        .addColumn('client_id', 'text', (c) => c.notNull())
        .addColumn('chapter', 'integer', (c) => c.notNull())
        .addColumn('level_version', 'integer', (c) => c.notNull())
        .addColumn('seed', 'bigint', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('reason_code', 'text', (c) => c.notNull())
        .addColumn('reason', 'text', (c) => c.notNull())
        .addColumn('stars', 'integer', (c) => c.notNull())
        .addColumn('score', 'integer', (c) => c.notNull())
        .addColumn('attempt', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('verify_ms', 'integer', (c) => c.notNull())
        .addColumn('seq', 'integer', (c) => c.notNull())
        .addUniqueConstraint('submissions_player_client', ['player_id', 'client_id'])
        .execute();
      await db.schema.createIndex('submissions_room').on('submissions').columns(['room_id', 'player_id']).execute();
    },
  },
  '2026-12-08-rate-limits': {
    async up(db: Kysely<unknown>) {
      await db.schema
        .createTable('rate_limits')
        .addColumn('key', 'text', (c) => c.notNull())
        .addColumn('window_start', 'bigint', (c) => c.notNull())
        .addColumn('hits', 'integer', (c) => c.notNull())
        .addPrimaryKeyConstraint('rate_limits_pk', ['key', 'window_start'])
        .execute();
    },
  },
  // Who is who in a room: a device id (hashed) lets a removed player be kept out until the
  // teacher lets them back in (removed = 1: kept out; 2: removed, may join again); a name key
  // (see nickname.ts) makes two players of one room unable to share a name. Rows from before
  // have neither (null), so they never clash.
  '2026-12-09-players-device-name': {
    async up(db: Kysely<unknown>) {
      await db.schema.alterTable('players').addColumn('device_hash', 'text').execute();
      await db.schema.alterTable('players').addColumn('name_key', 'text').execute();
      await db.schema
        .createIndex('players_room_name')
        .on('players')
        .columns(['room_id', 'name_key'])
        .unique()
        .where(sql.ref('removed'), '=', 0)
        .execute();
      await db.schema.createIndex('players_room_device').on('players').columns(['room_id', 'device_hash']).execute();
    },
  },
  '2026-12-09-attempt-guard': {
    async up(db: Kysely<unknown>) {
      // Each player's seed per chapter, drawn at join (JSON {"1": seed, ...}); '{}' before this.
      await db.schema
        .alterTable('players')
        .addColumn('seeds', 'text', (c) => c.notNull().defaultTo('{}'))
        .execute();
      // What is kept of every attempt: its size, a hash of its body and of what was played (the
      // body itself only when it verified).
      await db.schema
        .alterTable('submissions')
        .addColumn('body_bytes', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema
        .alterTable('submissions')
        .addColumn('body_hash', 'text', (c) => c.notNull().defaultTo(''))
        .execute();
      await db.schema.alterTable('submissions').addColumn('events_hash', 'text').execute();
      await db.schema.createIndex('submissions_events').on('submissions').columns(['room_id', 'events_hash']).execute();
      // Refused attempts stored in full before this keep their size only.
      await sql`update submissions set body_bytes = length(attempt), attempt = '' where status = 'refused'`.execute(db);
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the database to the newest schema; throws with the failing migration's error. */
export async function migrate(db: Kysely<unknown>): Promise<void> {
  const { error, results } = await new Migrator({ db, provider }).migrateToLatest();
  if (error) {
    const failed = results?.find((r) => r.status === 'Error')?.migrationName ?? 'unknown';
    throw new Error(`Database migration ${failed} failed: ${(error as Error).message ?? String(error)}`);
  }
}

/** For tests: the names of the applied migrations. */
export async function appliedMigrations(db: Kysely<unknown>): Promise<string[]> {
  const rows = await sql<{ name: string }>`select name from kysely_migration order by name`.execute(db);
  return rows.rows.map((r) => r.name);
}
