// The game's side of a classroom: joining with a code and a nickname, sending each finished
// attempt of the competition's chapters to the class's server, and following its leaderboard.
// Attempts wait in the save's queue (see classroomQueue.ts) until the server has answered, so
// they survive a closed tab, a lost network or a server restart; a resend carries the attempt's
// first id, and the server counts it once. The score shown is always the server's replay.
import type { ActorRefFrom } from 'xstate';
import type { SubmissionAnswer, SubmissionBody } from '../attempts/classroomWire';
import type { appMachine } from './appMachine';
import { classroomSeed } from './classroomQueue';
import type { ClassroomState, ClassroomVerdict } from './saveSchema';

type AppActor = ActorRefFrom<typeof appMachine>;

export interface Standing {
  rank: number;
  playerId: string;
  nickname: string;
  total: number;
  stars: number;
}

export interface ClassroomLive {
  /** The latest leaderboard (empty while the teacher hides it). */
  standings: Standing[];
  connected: boolean;
  /** Sending is paused: the server could not be reached; it is tried again by itself. */
  offline: boolean;
  sending: boolean;
}

export type JoinResult = { ok: true } | { ok: false; code: string; message: string };

type Fetcher = (input: string, init?: RequestInit) => Promise<Response>;

const RETRY_MS = [1000, 2000, 5000, 10_000, 30_000];

const DEVICE_KEY = 'black-box-dog.device';

/**
 * A random id this browser keeps for itself: the class's server keeps a device its teacher
 * removed out until the teacher lets it back in, and limits joins per device, not per address
 * (a class shares one). Made once and stored; without storage, one per page load.
 */
let sessionDevice: string | null = null;
export function deviceId(): string {
  try {
    const kept = localStorage.getItem(DEVICE_KEY);
    if (kept && /^[A-Za-z0-9_-]{16,64}$/.test(kept)) return kept;
  } catch {
    // No storage (private mode, tests): one id for this page.
  }
  if (!sessionDevice) {
    const bytes = crypto.getRandomValues(new Uint8Array(18));
    sessionDevice = Array.from(
      bytes,
      (b) => 'abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_'[b & 63],
    ).join('');
  }
  try {
    localStorage.setItem(DEVICE_KEY, sessionDevice);
  } catch {
    // Kept for this page only.
  }
  return sessionDevice;
}

export class ClassroomClient {
  readonly live: ClassroomLive = { standings: [], connected: false, offline: false, sending: false };
  private readonly listeners = new Set<() => void>();
  private retry = 0;
  private timer: ReturnType<typeof setTimeout> | null = null;
  private stream: EventSource | null = null;
  private streamCode: string | null = null;
  private stopped = false;

  constructor(
    private readonly app: AppActor,
    private readonly fetcher: Fetcher = (input, init) => fetch(input, init),
    private readonly origin: string = typeof location === 'undefined' ? '' : location.origin,
    private readonly openStream: ((url: string) => EventSource) | null = typeof EventSource === 'undefined'
      ? null
      : (url) => new EventSource(url),
  ) {
    app.subscribe(() => this.kick());
    this.kick();
  }

  get state(): ClassroomState | null {
    return this.app.getSnapshot().context.save.classroom ?? null;
  }

  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /**
   * The seed a chapter of the competition is played on: the teacher's puzzle, or the one the
   * server drew for this player (it refuses attempts played on any other).
   */
  seedFor(chapter: number | null): number | null {
    const c = this.state;
    return c ? classroomSeed({ classroom: c }, chapter) : null;
  }

  async join(code: string, nickname: string): Promise<JoinResult> {
    const server = this.origin;
    let res: Response;
    try {
      res = await this.fetcher(`${server}/api/join`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ code, nickname, device: deviceId() }),
      });
    } catch {
      return { ok: false, code: 'offline', message: 'The class server cannot be reached.' };
    }
    const body = (await res.json().catch(() => ({}))) as {
      token?: string;
      player?: { id: string; nickname: string };
      room?: {
        code: string;
        title: string;
        chapters: number[];
        seed: number | null;
        leaderboardVisible: boolean;
        ended: boolean;
      };
      seeds?: Record<string, number>;
      error?: string;
      code?: string;
    };
    if (!res.ok || !body.token || !body.player || !body.room)
      return { ok: false, code: body.code ?? 'error', message: body.error ?? `HTTP ${res.status}` };
    this.app.send({
      type: 'classroom.set',
      classroom: {
        server,
        code: body.room.code,
        title: body.room.title,
        nickname: body.player.nickname,
        playerId: body.player.id,
        token: body.token,
        chapters: body.room.chapters,
        seed: body.room.seed,
        seeds: body.seeds ?? {},
        leaderboardVisible: body.room.leaderboardVisible,
        ended: body.room.ended,
        queue: [],
        verdicts: [],
      },
    });
    return { ok: true };
  }

  /** Leaves the class. Attempts still waiting are dropped with it (the player chose to leave). */
  leave(): void {
    this.app.send({ type: 'classroom.set', classroom: null });
  }

  stop(): void {
    this.stopped = true;
    if (this.timer) clearTimeout(this.timer);
    this.stream?.close();
  }

  /** Tries the queue again now (e.g. when the browser says it is back online). */
  retryNow(): void {
    this.retry = 0;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    this.live.offline = false;
    this.kick();
  }

  private emit(): void {
    for (const l of this.listeners) l();
  }

  private kick(): void {
    if (this.stopped) return;
    this.follow();
    const c = this.state;
    if (!c || c.queue.length === 0 || this.live.sending || this.timer) {
      this.emit();
      return;
    }
    void this.sendHead(c);
  }

  private async sendHead(c: ClassroomState): Promise<void> {
    const head = c.queue[0];
    this.live.sending = true;
    this.emit();
    let verdict: ClassroomVerdict | null = null;
    let again = false;
    try {
      const res = await this.fetcher(`${c.server}/api/submissions`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', authorization: `Bearer ${c.token}` },
        body: JSON.stringify({ id: head.id, attempt: head.attempt } satisfies SubmissionBody),
      });
      const body = (await res.json().catch(() => ({}))) as {
        submission?: SubmissionAnswer;
        error?: string;
        code?: string;
      };
      if (res.ok && body.submission) {
        const s = body.submission;
        verdict = {
          id: head.id,
          chapter: s.chapter,
          status: s.status,
          reasonCode: s.reasonCode,
          reason: s.reason,
          stars: s.stars,
          score: s.score,
        };
      } else if (res.status === 429 || res.status === 503 || res.status >= 500) {
        again = true;
      } else {
        // Refused before any replay (ended, removed from the class, malformed): say why, once.
        verdict = {
          id: head.id,
          chapter: head.attempt.chapter,
          status: 'refused',
          reasonCode: body.code ?? 'error',
          reason: body.error ?? `HTTP ${res.status}`,
          stars: 0,
          score: 0,
        };
        if (body.code === 'ended') this.app.send({ type: 'classroom.room', room: { ended: true } });
      }
    } catch {
      again = true;
    }
    this.live.sending = false;
    if (again) {
      this.live.offline = true;
      const wait = RETRY_MS[Math.min(this.retry++, RETRY_MS.length - 1)];
      this.timer = setTimeout(() => {
        this.timer = null;
        this.kick();
      }, wait);
      this.emit();
      return;
    }
    this.retry = 0;
    this.live.offline = false;
    if (verdict && this.state?.queue.some((q) => q.id === head.id))
      this.app.send({ type: 'classroom.settled', verdict });
    else this.kick();
  }

  /** Keeps one live stream open to the joined room's leaderboard. */
  private follow(): void {
    const c = this.state;
    const code = c && !c.ended ? c.code : null;
    if (code === this.streamCode || !this.openStream) return;
    this.stream?.close();
    this.stream = null;
    this.streamCode = code;
    this.live.standings = [];
    this.live.connected = false;
    if (!c || !code) return;
    // EventSource sends no headers: the token goes in the query (the server hides it in its log).
    const stream = this.openStream(
      `${c.server}/api/rooms/${encodeURIComponent(code)}/stream?token=${encodeURIComponent(c.token)}`,
    );
    stream.addEventListener('open', () => {
      this.live.connected = true;
      this.emit();
    });
    stream.addEventListener('error', () => {
      this.live.connected = false;
      this.emit();
    });
    stream.addEventListener('standings', (e) => {
      const data = JSON.parse((e as MessageEvent<string>).data) as {
        standings: Standing[];
        room: { title: string; leaderboardVisible: boolean; ended: boolean };
      };
      this.live.standings = data.standings;
      const now = this.state;
      if (
        now &&
        (now.leaderboardVisible !== data.room.leaderboardVisible ||
          now.ended !== data.room.ended ||
          now.title !== data.room.title)
      )
        this.app.send({
          type: 'classroom.room',
          room: { leaderboardVisible: data.room.leaderboardVisible, ended: data.room.ended, title: data.room.title },
        });
      this.emit();
    });
    this.stream = stream;
  }
}
