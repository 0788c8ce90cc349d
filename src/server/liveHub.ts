// Live leaderboards by server-sent events. Every change to a room (a submission, a join, a
// rename) marks the room; shortly after, the room's standings are read once and sent to every
// stream of that room held by this process. Marks are coalesced (at most one read per room per
// `delayMs`), so a class submitting at once costs one query, not one per student.
// With PostgreSQL, several server processes share one database: a mark is sent as NOTIFY on one
// channel, and every process (this one included) LISTENs and refreshes its own streams.
import type pg from 'pg';

export interface LiveStream {
  roomId: string;
  /** Teachers see players and standings always; students only when the board is shown. */
  teacher: boolean;
  /** Whose stream it is ('teacher', or 'player:<id>'): a student's streams are counted. */
  owner: string;
  send(event: string, data: unknown): void;
  /** Ends the stream (shutdown, a changed teacher key). */
  end(): void;
}

export type Snapshotter = (roomId: string) => Promise<{ teacher: unknown; student: unknown } | null>;

const CHANNEL = 'classroom_room_changed';

export class LiveHub {
  private readonly streams = new Map<string, Set<LiveStream>>();
  private readonly pendingRooms = new Map<string, NodeJS.Timeout>();
  private listener: pg.PoolClient | null = null;
  private pool: pg.Pool | null = null;
  sent = 0;

  constructor(
    private readonly snapshot: Snapshotter,
    private readonly delayMs = 150,
  ) {}

  /** Shares marks with other processes through PostgreSQL LISTEN/NOTIFY. */
  async connectPostgres(pool: pg.Pool): Promise<void> {
    this.pool = pool;
    this.listener = await pool.connect();
    this.listener.on('notification', (n) => {
      if (n.channel === CHANNEL && n.payload) this.schedule(n.payload);
    });
    await this.listener.query(`LISTEN ${CHANNEL}`);
  }

  get streamCount(): number {
    let n = 0;
    for (const set of this.streams.values()) n += set.size;
    return n;
  }

  add(stream: LiveStream): () => void {
    let set = this.streams.get(stream.roomId);
    if (!set) {
      set = new Set();
      this.streams.set(stream.roomId, set);
    }
    set.add(stream);
    return () => {
      set.delete(stream);
      if (set.size === 0) this.streams.delete(stream.roomId);
    };
  }

  /** The room's streams held here: the teacher's or the students'. */
  roomStreams(roomId: string, teacher: boolean): number {
    let n = 0;
    for (const s of this.streams.get(roomId) ?? []) if (s.teacher === teacher) n++;
    return n;
  }

  /** Streams one owner (a player) holds here. */
  ownerStreams(owner: string): number {
    let n = 0;
    for (const set of this.streams.values()) for (const s of set) if (s.owner === owner) n++;
    return n;
  }

  /** Ends the streams that match (they are removed as their connections close). */
  endWhere(match: (s: LiveStream) => boolean): void {
    for (const set of this.streams.values()) for (const s of [...set]) if (match(s)) s.end();
  }

  /** Ends every stream: on shutdown, so the server need not wait for students to close the game. */
  endAll(): void {
    this.endWhere(() => true);
  }

  /** Something in the room changed: refresh its streams here and in every other process. */
  changed(roomId: string): void {
    if (this.pool) {
      this.pool.query('SELECT pg_notify($1, $2)', [CHANNEL, roomId]).catch(() => this.schedule(roomId));
    } else {
      this.schedule(roomId);
    }
  }

  /** Sends the current state to one new stream at once. */
  async greet(stream: LiveStream): Promise<void> {
    const snap = await this.snapshot(stream.roomId);
    if (snap) stream.send('standings', stream.teacher ? snap.teacher : snap.student);
  }

  async close(): Promise<void> {
    for (const t of this.pendingRooms.values()) clearTimeout(t);
    this.pendingRooms.clear();
    if (this.listener) {
      this.listener.release();
      this.listener = null;
    }
  }

  private schedule(roomId: string): void {
    if (this.pendingRooms.has(roomId) || !this.streams.has(roomId)) return;
    this.pendingRooms.set(
      roomId,
      setTimeout(() => {
        this.pendingRooms.delete(roomId);
        void this.flush(roomId);
      }, this.delayMs),
    );
  }

  private async flush(roomId: string): Promise<void> {
    const set = this.streams.get(roomId);
    if (!set || set.size === 0) return;
    let snap: Awaited<ReturnType<Snapshotter>>;
    try {
      snap = await this.snapshot(roomId);
    } catch {
      this.schedule(roomId);
      return;
    }
    if (!snap) return;
    for (const s of set) {
      s.send('standings', s.teacher ? snap.teacher : snap.student);
      this.sent++;
    }
  }
}
