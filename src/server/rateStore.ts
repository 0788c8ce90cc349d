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

/**
 * Counts hits of a key in fixed windows, outside the rate-limit plugin: failed join-code lookups
 * are counted only when they fail, so an address's guesses are limited without its students'
 * right codes counting. In memory for the embedded database (one process); in the database's
 * rate_limits table for PostgreSQL, where every process sees the same count.
 */
export interface HitCounter {
  hit(key: string, windowMs: number): Promise<number>;
  peek(key: string, windowMs: number): Promise<number>;
}

export function memoryCounter(now: () => number = Date.now): HitCounter {
  const windows = new Map<string, { start: number; hits: number }>();
  let lastSweep = 0;
  const current = (key: string, windowMs: number) => {
    const at = now();
    if (at - lastSweep > 60_000) {
      lastSweep = at;
      for (const [k, w] of windows) if (w.start + KEEP_MS < at) windows.delete(k);
    }
    const start = at - (at % windowMs);
    let w = windows.get(key);
    if (!w || w.start !== start) {
      w = { start, hits: 0 };
      windows.set(key, w);
    }
    return w;
  };
  return {
    async hit(key, windowMs) {
      return ++current(key, windowMs).hits;
    },
    async peek(key, windowMs) {
      return current(key, windowMs).hits;
    },
  };
}

export function sharedCounter(db: Kysely<Database>, now: () => number = Date.now): HitCounter {
  const Store = sharedRateStore(db, now);
  const store = new Store();
  const run = (method: 'incr' | 'read', key: string, windowMs: number) =>
    new Promise<number>((resolve, reject) =>
      store[method](key, (err, res) => (err ? reject(err) : resolve(res?.current ?? 0)), windowMs),
    );
  return { hit: (key, windowMs) => run('incr', key, windowMs), peek: (key, windowMs) => run('read', key, windowMs) };
}

/**
 * Slows a flood from one address rather than refusing it outright (a class shares one address):
 * a burst of `burst` passes at once, later ones are spaced `intervalMs` apart, each told how long
 * to wait; one that would wait longer than `maxWaitMs` is refused. Per process, in memory (a
 * generic cell rate algorithm: one number per address).
 */
export class Pacer {
  private readonly due = new Map<string, number>();
  private lastSweep = 0;

  constructor(
    private readonly burst: number,
    private readonly intervalMs: number,
    private readonly maxWaitMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** How long this request must wait (ms), or null when it is refused. */
  take(key: string): number | null {
    const at = this.now();
    if (at - this.lastSweep > 60_000) {
      this.lastSweep = at;
      for (const [k, t] of this.due) if (t < at) this.due.delete(k);
    }
    const next = Math.max(this.due.get(key) ?? at, at) + this.intervalMs;
    const wait = Math.max(0, next - at - this.burst * this.intervalMs);
    if (wait > this.maxWaitMs) return null;
    this.due.set(key, next);
    return wait;
  }
}
