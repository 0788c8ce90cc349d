// Opens the classroom database: an embedded SQLite file through libsql (the default: nothing to
// install or run), or PostgreSQL through pg when a connection string is given. Both go through
// Kysely, so the repository and the migrations are one code for both.
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import Sqlite from 'libsql';
import type pg from 'pg';
import { migrate } from './migrations';
import type { Database } from './schema';

export type DbKind = 'sqlite' | 'postgres';

export interface OpenedDb {
  db: Kysely<Database>;
  kind: DbKind;
  /** The pg pool (PostgreSQL only): the live hub takes a client from it for LISTEN. */
  pool?: pg.Pool;
  close(): Promise<void>;
}

export async function openDatabase(options: { file?: string; url?: string; poolSize?: number }): Promise<OpenedDb> {
  let opened: OpenedDb;
  if (options.url) {
    // The PostgreSQL driver loads only when a database URL asks for it (a faster embedded start).
    const pg = (await import('pg')).default;
    // int8 (bigint, count(*)) comes back from pg as a string; ours are seeds and counts, all far
    // below 2^53, so they are read as numbers, the same type SQLite gives.
    pg.types.setTypeParser(20, (v: string) => Number(v));
    const pool = new pg.Pool({ connectionString: options.url, max: options.poolSize ?? 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    opened = { db, kind: 'postgres', pool, close: () => db.destroy() };
  } else {
    const file = options.file ?? ':memory:';
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    const sqlite = new Sqlite(file);
    // WAL lets readers run beside the writer; synchronous=FULL fsyncs every commit, so an
    // acknowledged submission survives even a power cut, not only a killed process.
    sqlite.exec('PRAGMA journal_mode = WAL');
    sqlite.exec('PRAGMA synchronous = FULL');
    sqlite.exec('PRAGMA foreign_keys = ON');
    sqlite.exec('PRAGMA busy_timeout = 5000');
    // libsql's statements match better-sqlite3's API, which is what Kysely's SqliteDialect drives.
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({
        database: sqlite as unknown as ConstructorParameters<typeof SqliteDialect>[0]['database'],
      }),
    });
    opened = { db, kind: 'sqlite', close: () => db.destroy() };
  }
  await migrate(opened.db as unknown as Kysely<unknown>);
  return opened;
}
