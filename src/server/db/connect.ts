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

/**
 * One server per database file: beside it, `classroom.db.lock` is a tiny SQLite file the server
 * holds an exclusive lock on for as long as it runs. The lock is the operating system's, so it goes
 * with the process, even one killed with kill -9, and never blocks a restart; a second server
 * finds it taken and says so instead of running beside the first and missing its live updates.
 */
function takeLock(path: string): { close(): void } {
  const lock = new Sqlite(path);
  try {
    lock.exec('PRAGMA busy_timeout = 0');
    lock.exec('PRAGMA locking_mode = EXCLUSIVE');
    lock.exec('CREATE TABLE IF NOT EXISTS holder (pid INTEGER)');
    // In exclusive locking mode the lock taken by this write is kept until the file is closed.
    lock.exec('BEGIN EXCLUSIVE');
    lock.exec('DELETE FROM holder');
    lock.exec(`INSERT INTO holder VALUES (${process.pid})`);
    lock.exec('COMMIT');
  } catch (err) {
    lock.close();
    if (/SQLITE_BUSY|database is locked/i.test(`${(err as { code?: string }).code} ${(err as Error).message}`))
      throw Object.assign(new Error(`its lock file ${path} is held by a running server`), {
        code: 'CLASSROOM_LOCKED',
        path,
      });
    throw err;
  }
  return { close: () => lock.close() };
}

export async function openDatabase(options: {
  file?: string;
  url?: string;
  poolSize?: number;
  /** Take the file's lock (default); false lets two servers of one test process share a file. */
  lock?: boolean;
}): Promise<OpenedDb> {
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
    const lock = file !== ':memory:' && options.lock !== false ? takeLock(`${file}.lock`) : null;
    const sqlite = new Sqlite(file);
    // WAL lets readers run beside the writer; synchronous=FULL fsyncs every commit, so an
    // acknowledged submission survives even a power cut, not only a killed process.
    try {
      sqlite.exec('PRAGMA journal_mode = WAL');
    } catch (err) {
      sqlite.close();
      lock?.close();
      throw err;
    }
    sqlite.exec('PRAGMA synchronous = FULL');
    sqlite.exec('PRAGMA foreign_keys = ON');
    sqlite.exec('PRAGMA busy_timeout = 5000');
    // libsql's statements match better-sqlite3's API, which is what Kysely's SqliteDialect drives.
    const db = new Kysely<Database>({
      dialect: new SqliteDialect({
        database: sqlite as unknown as ConstructorParameters<typeof SqliteDialect>[0]['database'],
      }),
    });
    opened = {
      db,
      kind: 'sqlite',
      close: async () => {
        await db.destroy();
        lock?.close();
      },
    };
  }
  await migrate(opened.db as unknown as Kysely<unknown>);
  return opened;
}
