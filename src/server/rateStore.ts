// Rate limits shared by every server process on one database (PostgreSQL, several processes behind
// a load balancer): a store for @fastify/rate-limit that counts hits in the database, one row per
// key and fixed window, with one atomic upsert per hit. A student's 30 submissions a minute are
// then 30 across all processes, not 30 on each. The embedded database serves one process, so
// there the counters stay in memory (the plugin's own store).
import type { Kysely } from 'kysely';
import type { Database } from './db/schema';

type Counted = { current: number; ttl: number };
type Callback = (err: Error | null, res?: Counted) => void;

/** Rows of windows that ended this long ago are deleted (limits here are per minute). */
const KEEP_MS = 10 * 60_000;

export function sharedRateStore(db: Kysely<Database>, now: () => number = Date.now) {
  let lastSweep = 0;
  const sweep = (at: number) => {
    if (at - lastSweep < 60_000) return;
    lastSweep = at;
    void db
      .deleteFrom('rate_limits')
      .where('window_start', '<', at - KEEP_MS)
      .execute()
      .catch(() => {});
  };

  async function hit(key: string, timeWindow: number): Promise<Counted> {
    const at = now();
    const windowStart = at - (at % timeWindow);
    const row = await db
      .insertInto('rate_limits')
      .values({ key, window_start: windowStart, hits: 1 })
      .onConflict((oc) =>
        oc.columns(['key', 'window_start']).doUpdateSet((eb) => ({ hits: eb('rate_limits.hits', '+', 1) })),
      )
      .returning('hits')
      .executeTakeFirstOrThrow();
    sweep(at);
    return { current: Number(row.hits), ttl: windowStart + timeWindow - at };
  }

  async function peek(key: string, timeWindow: number): Promise<Counted> {
    const at = now();
    const windowStart = at - (at % timeWindow);
    const row = await db
      .selectFrom('rate_limits')
      .select('hits')
      .where('key', '=', key)
      .where('window_start', '=', windowStart)
      .executeTakeFirst();
    return row ? { current: Number(row.hits), ttl: windowStart + timeWindow - at } : { current: 0, ttl: 0 };
  }

  // The plugin makes one store with `new`, then a child for each limit; all share the table.
  class SharedRateStore {
    incr(key: string, cb: Callback, timeWindow: number): void {
      hit(key, timeWindow).then(
        (r) => cb(null, r),
        (err: Error) => cb(err),
      );
    }
    read(key: string, cb: Callback, timeWindow: number): void {
      peek(key, timeWindow).then(
        (r) => cb(null, r),
        (err: Error) => cb(err),
      );
    }
    child(): SharedRateStore {
      return new SharedRateStore();
    }
  }
  return SharedRateStore;
}
