// The classroom server's HTTP side (Fastify 5): the teacher's and the students' API, live
// leaderboards by server-sent events, the teacher's pages and the built game. Every attempt is
// replayed by the verification pool; the score stored and shown is the replay's, never the
// client's claim. Teacher actions need the room's secret key; students act with the token they
// got on joining, and see only their own room.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance, type FastifyReply, type FastifyRequest } from 'fastify';
import * as z from 'zod/mini';
import { attemptSchema, type Attempt } from '../attempts/attempt';
import enText from '../i18n/locales/en.json';
import zhText from '../i18n/locales/zh-CN.json';
import { CHAPTERS, isBuilt } from '../levels/chapters';
import { checkAttemptShape, drawPlayerSeeds, eventsHash, expectedSeed } from './attemptGuard';
import { resultsCsv } from './csv';
import {
  DEVICE_ID,
  FAIR_DEFAULTS,
  type FairLimitSettings,
  fromServerComputer,
  JoinGuard,
  TooManyError,
} from './fairLimits';
import { hashSecret, normalizeCode } from './ids';
import { installJsonGuard, JsonTooDeepError } from './jsonGuard';
import type { LiveHub, LiveStream } from './liveHub';
import { cleanNickname } from './nickname';
import { qrSvg } from './qr';
import { type HitCounter, memoryCounter } from './rateStore';
import type { Player, Repository, Room, Submission } from './repository';
import { deviceKeptOut, letBackIn, removedPlayers, rotateTeacherKey } from './roomAccess';
import { scoreOf } from './scoring';
import { PoolBusyError, type VerifyPool, type VerifyPriority } from './verifyPool';

export interface ClassroomLimits extends FairLimitSettings {
  /** Largest request body accepted for a submission (an attempt's events), in bytes. */
  submissionBodyBytes: number;
  /** Largest body of any other request. */
  smallBodyBytes: number;
  /** Submissions one player may send per minute. */
  playerPerMinute: number;
  /** Submissions one room may receive per minute, all its players together. */
  roomPerMinute: number;
  /** Joins one room may receive per minute. */
  joinsPerRoomPerMinute: number;
  /** Teacher requests per room per minute. */
  teacherPerMinute: number;
  /** Rooms created per minute, all together. */
  roomsPerMinute: number;
  /** Students' live streams one room may hold open. */
  streamsPerRoom: number;
  /** Live streams one student may hold open (tabs of the game). */
  streamsPerPlayer: number;
  /** The teacher's live streams per room: counted apart, so students' streams never lock them out. */
  teacherStreamsPerRoom: number;
}

export const DEFAULT_LIMITS: ClassroomLimits = {
  submissionBodyBytes: 512 * 1024,
  smallBodyBytes: 8 * 1024,
  playerPerMinute: 30,
  roomPerMinute: 900,
  joinsPerRoomPerMinute: 300,
  teacherPerMinute: 600,
  roomsPerMinute: 60,
  streamsPerRoom: 200,
  streamsPerPlayer: 3,
  teacherStreamsPerRoom: 10,
  ...FAIR_DEFAULTS,
};

export interface AppOptions {
  repo: Repository;
  pool: VerifyPool;
  hub: LiveHub;
  /** The built game (dist/); null serves a note saying how to build it. */
  distDir: string | null;
  /** Origins other than the server's own that may call the API (a game hosted elsewhere). */
  corsOrigins?: string[];
  /**
   * When set, creating a competition needs this password. When not, only the server's own
   * computer (127.0.0.1) may create one.
   */
  adminPassword?: string;
  limits?: Partial<ClassroomLimits>;
  logger?: boolean;
  /**
   * Where rate-limit hits are counted: absent, in this process's memory; a store from
   * sharedRateStore (rateStore.ts), in the database, shared by every process using it.
   */
  rateStore?: unknown;
  /** Where failed join-code lookups and joins per device are counted (default: memory). */
  counter?: HitCounter;
  /** Tells the teacher's console about failed writes (a full disk…); see faults.ts. */
  report?: (err: unknown, where: string) => void;
}

const TEACHER_DIR = new URL('./teacher/', import.meta.url).pathname;

// Chapter titles for the teacher's pages, in both languages, from the game's own text.
const CHAPTER_TITLES = CHAPTERS.filter(isBuilt).map((c) => ({
  number: c.number,
  title: {
    en: (enText as Record<string, string>)[c.titleKey] ?? `Chapter ${c.number}`,
    'zh-CN': (zhText as Record<string, string>)[c.titleKey] ?? `第${c.number}章`,
  },
}));

const builtChapters = (): number[] => CHAPTERS.filter(isBuilt).map((c) => c.number);

const seedSchema = z.nullable(z.int().check(z.minimum(0), z.maximum(0xffffffff)));

export const createRoomSchema = z.object({
  title: z.string().check(z.minLength(1), z.maxLength(80)),
  chapters: z.array(attemptSchema.shape.chapter).check(z.minLength(1), z.maxLength(CHAPTERS.length)),
  seed: z.optional(seedSchema),
  leaderboardVisible: z.optional(z.boolean()),
  password: z.optional(z.string().check(z.maxLength(200))),
});

const updateRoomSchema = z.object({
  title: z.optional(z.string().check(z.minLength(1), z.maxLength(80))),
  leaderboardVisible: z.optional(z.boolean()),
  ended: z.optional(z.literal(true)),
});

const joinSchema = z.object({
  code: z.string().check(z.minLength(4), z.maxLength(16)),
  nickname: z.string().check(z.maxLength(200)),
  /** The id the game keeps for its device: a removed player's device stays out. */
  device: z.optional(z.string().check(z.regex(DEVICE_ID))),
});

const renameSchema = z.object({ nickname: z.string().check(z.maxLength(200)) });

export const submissionSchema = z.object({
  /** Made up by the student's game for each attempt; a resend carries the same id. */
  id: z.string().check(z.regex(/^[A-Za-z0-9_-]{8,64}$/)),
  attempt: attemptSchema,
});

class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly code = 'bad-request',
  ) {
    super(message);
  }
}

function parseBody<T>(schema: z.ZodMiniType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'body';
  throw new HttpError(400, `The request is not valid: ${where}: ${issue?.message ?? 'unknown problem'}.`, 'invalid');
}

/** The key or token a request carries: the Authorization header, or (streams only) ?token=. */
function bearer(req: FastifyRequest): string | null {
  const h = req.headers.authorization;
  const query = (req.query ?? {}) as { token?: unknown };
  if (typeof h !== 'string')
    return typeof query.token === 'string' &&
      /^[A-Za-z0-9_-]{16,128}$/.test(query.token) &&
      req.url.includes('/stream?')
      ? query.token
      : null;
  const m = /^Bearer\s+([A-Za-z0-9_-]{16,128})$/.exec(h.trim());
  return m ? m[1] : null;
}

export function publicRoom(room: Room) {
  return {
    code: room.code,
    title: room.title,
    chapters: room.chapters,
    seed: room.seed,
    leaderboardVisible: room.leaderboardVisible,
    ended: room.endedAt !== null,
  };
}

export function publicSubmission(s: Submission) {
  return {
    id: s.clientId,
    chapter: s.chapter,
    status: s.status,
    reasonCode: s.reasonCode,
    reason: s.reason,
    stars: s.stars,
    score: s.score,
    receivedAt: s.receivedAt,
    seq: s.seq,
  };
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

export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const { repo, pool, hub } = options;
  const app = Fastify({
    logger: options.logger
      ? {
          level: 'info',
          redact: ['req.headers.authorization'],
          serializers: {
            req: (req: { method: string; url: string }) => ({
              method: req.method,
              url: req.url.replace(/token=[^&]*/g, 'token=…'),
            }),
          },
        }
      : false,
    bodyLimit: limits.submissionBodyBytes,
    trustProxy: false,
    // Streams (SSE) are closed by the server on shutdown; idle keep-alive sockets at once.
    forceCloseConnections: 'idle',
  });
  // Bodies nested deeper than any request of this API are refused before parsing (jsonGuard.ts).
  installJsonGuard(app);

  await app.register(fastifyHelmet, {
    // Served over plain HTTP on a school network: no HSTS and no upgrading of requests.
    strictTransportSecurity: false,
    contentSecurityPolicy: {
      useDefaults: false,
      directives: {
        defaultSrc: ["'self'"],
        scriptSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"],
        imgSrc: ["'self'", 'data:', 'blob:'],
        mediaSrc: ["'self'", 'data:', 'blob:'],
        fontSrc: ["'self'", 'data:'],
        connectSrc: ["'self'", ...(options.corsOrigins ?? [])],
        workerSrc: ["'self'", 'blob:'],
        objectSrc: ["'none'"],
        baseUri: ["'self'"],
        formAction: ["'self'"],
        frameAncestors: ["'none'"],
      },
    },
  });
  await app.register(fastifyCors, {
    // The game and the teacher's pages are served from this server; other origins only by name.
    origin: options.corsOrigins && options.corsOrigins.length > 0 ? options.corsOrigins : false,
    methods: ['GET', 'POST', 'PATCH', 'DELETE'],
    allowedHeaders: ['content-type', 'authorization'],
  });
  await app.register(fastifyRateLimit, {
    global: false,
    // Shared counters live in the database: if it cannot be reached the request fails anyway,
    // so a failed count lets the request through rather than refusing it twice.
    ...(options.rateStore
      ? { store: options.rateStore as NonNullable<Parameters<typeof fastifyRateLimit>[1]['store']>, skipOnError: true }
      : {}),
    errorResponseBuilder: (_req, ctx) => ({
      statusCode: 429,
      code: 'rate-limited',
      error: 'Too Many Requests',
      message: `Too many requests; try again in ${ctx.after}.`,
    }),
  });

  const minute = 60_000;
  // Limits are per room and per player, never per address: a whole class often shares one.
  const tokenKey = (req: FastifyRequest) => `player:${hashSecret(bearer(req) ?? 'none')}`;
  const limitPlayer = app.rateLimit({ max: limits.playerPerMinute, timeWindow: minute, keyGenerator: tokenKey });
  const limitPlayerReads = app.rateLimit({
    max: limits.playerPerMinute * 4,
    timeWindow: minute,
    keyGenerator: (req) => `read:${tokenKey(req)}`,
  });
  const limitRoomSubmissions = app.rateLimit({
    max: limits.roomPerMinute,
    timeWindow: minute,
    keyGenerator: (req) => `room-submit:${(req as FastifyRequest & { player?: { room: Room } }).player?.room.id}`,
  });
  const limitJoin = app.rateLimit({
    max: limits.joinsPerRoomPerMinute,
    timeWindow: minute,
    keyGenerator: (req) => {
      const code = (req.body as { code?: unknown } | undefined)?.code;
      return `join:${typeof code === 'string' ? normalizeCode(code).slice(0, 16) : ''}`;
    },
  });
  const limitTeacher = app.rateLimit({
    max: limits.teacherPerMinute,
    timeWindow: minute,
    keyGenerator: (req) => `teacher:${(req.params as { roomId?: string }).roomId ?? ''}`,
  });
  const limitCreate = app.rateLimit({ max: limits.roomsPerMinute, timeWindow: minute, keyGenerator: () => 'create' });
  const joinGuard = new JoinGuard(limits, options.counter ?? memoryCounter());

  app.setErrorHandler((err: Error & { statusCode?: number; code?: string }, req, reply) => {
    if (err instanceof HttpError) return reply.code(err.statusCode).send({ error: err.message, code: err.code });
    if (err instanceof TooManyError) return reply.code(429).send({ error: err.message, code: 'rate-limited' });
    if (err instanceof JsonTooDeepError) return reply.code(400).send({ error: err.message, code: err.code });
    if (err.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return reply.code(413).send({ error: 'The request body is too large.', code: 'too-large' });
    if (err.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return reply.code(415).send({ error: 'Send the request body as JSON.', code: 'not-json' });
    if (err.statusCode === 429) return reply.code(429).send({ error: err.message, code: 'rate-limited' });
    if (err.statusCode === 400 && (err.code?.startsWith('FST_ERR_CTP') || err instanceof SyntaxError))
      return reply.code(400).send({ error: 'The request body is not valid JSON.', code: 'bad-json' });
    if (err.statusCode && err.statusCode >= 400 && err.statusCode < 500)
      return reply.code(err.statusCode).send({ error: err.message, code: 'bad-request' });
    req.log.error(err);
    options.report?.(err, `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}`);
    return reply.code(500).send({ error: 'Something went wrong on the server.', code: 'server-error' });
  });

  async function teacherRoom(req: FastifyRequest): Promise<Room> {
    const key = bearer(req);
    const { roomId } = req.params as { roomId: string };
    const room = key ? await repo.roomForTeacher(roomId, key) : null;
    if (!room) throw new HttpError(403, "This needs the teacher's link for this competition.", 'not-teacher');
    return room;
  }

  async function student(req: FastifyRequest): Promise<{ player: Player; room: Room }> {
    const token = bearer(req);
    const found = token ? await repo.playerByToken(token) : null;
    if (!found)
      throw new HttpError(401, 'You are not in this class (any more). Join again with the code.', 'not-joined');
    (req as FastifyRequest & { player?: { room: Room } }).player = found;
    return found;
  }

  /**
   * Opens a live stream. Students' streams count against their room (streamsPerRoom) and their
   * token (streamsPerPlayer); the teacher's are counted apart, so no number of students' streams
   * keeps the teacher's live view out.
   */
  function openStream(req: FastifyRequest, reply: FastifyReply, roomId: string, owner: string | null): void {
    const teacher = owner === null;
    if (teacher && hub.roomStreams(roomId, true) >= limits.teacherStreamsPerRoom)
      throw new HttpError(429, 'Too many live views of this room are open in teacher pages.', 'rate-limited');
    if (!teacher && hub.roomStreams(roomId, false) >= limits.streamsPerRoom)
      throw new HttpError(429, 'Too many live views of this room are open.', 'rate-limited');
    if (!teacher && hub.ownerStreams(owner) >= limits.streamsPerPlayer)
      throw new HttpError(429, 'This game has too many live views open; close other tabs of it.', 'rate-limited');
    reply.hijack();
    const res = reply.raw;
    res.writeHead(200, {
      'content-type': 'text/event-stream; charset=utf-8',
      'cache-control': 'no-cache, no-transform',
      connection: 'keep-alive',
      'x-accel-buffering': 'no',
      'x-content-type-options': 'nosniff',
    });
    res.write('retry: 3000\n\n');
    let finish = () => {};
    const stream: LiveStream = {
      roomId,
      teacher,
      owner: owner ?? 'teacher',
      send: (event, data) => {
        res.write(`event: ${event}\ndata: ${JSON.stringify(data)}\n\n`);
      },
      end: () => {
        finish();
        res.end();
      },
    };
    const remove = hub.add(stream);
    const ping = setInterval(() => res.write(': ping\n\n'), 20_000);
    finish = () => {
      clearInterval(ping);
      remove();
    };
    req.raw.on('close', finish);
    void hub.greet(stream).catch(() => {});
  }
  // On shutdown, live streams end first: the server then closes without waiting on them.
  app.addHook('preClose', async () => {
    hub.endAll();
  });

  // ---- Teacher -------------------------------------------------------------------------------

  app.get('/api/chapters', async () => ({ chapters: CHAPTER_TITLES }));

  app.post('/api/rooms', { preHandler: limitCreate, bodyLimit: limits.smallBodyBytes }, async (req, reply) => {
    const body = parseBody(createRoomSchema, req.body);
    if (options.adminPassword && body.password !== options.adminPassword)
      throw new HttpError(403, 'Creating a competition needs the server password.', 'not-teacher');
    if (!options.adminPassword && !fromServerComputer(req))
      throw new HttpError(
        403,
        'Competitions can be created only on the computer running the server (open http://127.0.0.1:PORT/teacher/ there), or set a teacher password: start the server with CLASSROOM_PASSWORD=your-password npm run classroom, and type it here.',
        'needs-password',
      );
    const chapters = [...new Set(body.chapters)].sort((a, b) => a - b);
    const built = builtChapters();
    const missing = chapters.filter((c) => !built.includes(c));
    if (missing.length)
      throw new HttpError(400, `Chapter ${missing.join(', ')} is not in this version of the game.`, 'invalid');
    const { room, teacherKey } = await repo.createRoom({
      title: body.title.trim() || 'Class',
      chapters,
      seed: body.seed ?? null,
      leaderboardVisible: body.leaderboardVisible ?? true,
    });
    return reply.code(201).send({
      roomId: room.id,
      teacherKey,
      teacherPath: `/teacher/#room=${room.id}&key=${teacherKey}`,
      joinPath: `/?join=${room.code}`,
      room: publicRoom(room),
    });
  });

  async function teacherView(room: Room) {
    const [players, removed, { seq, standings }] = await Promise.all([
      repo.players(room.id),
      removedPlayers(repo.db, room.id),
      repo.standings(room),
    ]);
    return {
      roomId: room.id,
      room: publicRoom(room),
      seq,
      players: players.map((p) => ({ id: p.id, nickname: p.nickname, joinedAt: p.joinedAt })),
      removed: removed.map((p) => ({ id: p.id, nickname: p.nickname })),
      standings,
      flags: await repo.copyFlags(room.id),
    };
  }

  app.get('/api/teacher/rooms/:roomId', { preHandler: limitTeacher }, async (req) =>
    teacherView(await teacherRoom(req)),
  );

  app.patch(
    '/api/teacher/rooms/:roomId',
    { preHandler: limitTeacher, bodyLimit: limits.smallBodyBytes },
    async (req) => {
      const room = await teacherRoom(req);
      const body = parseBody(updateRoomSchema, req.body);
      await repo.updateRoom(room.id, {
        title: body.title?.trim(),
        leaderboardVisible: body.leaderboardVisible,
        end: body.ended === true && room.endedAt === null,
      });
      hub.changed(room.id);
      return teacherView((await repo.roomById(room.id)) ?? room);
    },
  );

  app.patch(
    '/api/teacher/rooms/:roomId/players/:playerId',
    { preHandler: limitTeacher, bodyLimit: limits.smallBodyBytes },
    async (req) => {
      const room = await teacherRoom(req);
      const body = parseBody(renameSchema, req.body);
      const name = cleanNickname(body.nickname);
      if (!name.ok) throw new HttpError(400, name.reason, 'bad-nickname');
      const { playerId } = req.params as { playerId: string };
      const changed = await repo.changePlayer(room.id, playerId, { nickname: name.nickname });
      if (changed === 'taken') throw new HttpError(409, 'Another player already has this name.', 'name-taken');
      if (changed === 'missing') throw new HttpError(404, 'This competition has no such player.', 'no-player');
      hub.changed(room.id);
      return teacherView(room);
    },
  );

  app.delete('/api/teacher/rooms/:roomId/players/:playerId', { preHandler: limitTeacher }, async (req) => {
    const room = await teacherRoom(req);
    const { playerId } = req.params as { playerId: string };
    if ((await repo.changePlayer(room.id, playerId, { remove: true })) !== 'ok')
      throw new HttpError(404, 'This competition has no such player.', 'no-player');
    hub.changed(room.id);
    return teacherView(room);
  });

  // A removed player's device may join again (under a new name or the same one).
  app.post('/api/teacher/rooms/:roomId/players/:playerId/let-back-in', { preHandler: limitTeacher }, async (req) => {
    const room = await teacherRoom(req);
    const { playerId } = req.params as { playerId: string };
    if (!(await letBackIn(repo.db, room.id, playerId)))
      throw new HttpError(404, 'No removed player of this competition has this id.', 'no-player');
    hub.changed(room.id);
    return teacherView(room);
  });

  // A new teacher key (the link was seen or photographed): the old one stops working at once,
  // and teacher pages still open with it are disconnected.
  app.post('/api/teacher/rooms/:roomId/key', { preHandler: limitTeacher }, async (req) => {
    const room = await teacherRoom(req);
    const teacherKey = await rotateTeacherKey(repo.db, room.id);
    hub.endWhere((s) => s.roomId === room.id && s.teacher);
    return { teacherKey, teacherPath: `/teacher/#room=${room.id}&key=${teacherKey}` };
  });

  app.get('/api/teacher/rooms/:roomId/results.csv', { preHandler: limitTeacher }, async (req, reply) => {
    const room = await teacherRoom(req);
    const { standings } = await repo.standings(room);
    const safeCode = room.code.replace(/[^A-Z0-9]/g, '');
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="black-box-dog-${safeCode}.csv"`)
      .send(resultsCsv(room, standings));
  });

  app.get('/api/teacher/rooms/:roomId/stream', { preHandler: limitTeacher }, async (req, reply) => {
    const room = await teacherRoom(req);
    openStream(req, reply, room.id, null);
  });

  // ---- Students ------------------------------------------------------------------------------

  app.get('/api/rooms/:code/qr.svg', async (req, reply) => {
    const code = normalizeCode((req.params as { code: string }).code);
    await joinGuard.before(req, null, false);
    const room = await repo.roomByCode(code);
    if (!room) {
      await joinGuard.failed(req, null);
      throw new HttpError(404, 'No competition has this code.', 'no-room');
    }
    const base = `${req.protocol}://${req.host}`;
    return reply
      .header('content-type', 'image/svg+xml')
      .header('cache-control', 'no-store')
      .send(qrSvg(`${base}/?join=${room.code}`));
  });

  app.post('/api/join', { preHandler: limitJoin, bodyLimit: limits.smallBodyBytes }, async (req, reply) => {
    const body = parseBody(joinSchema, req.body);
    const device = body.device ?? null;
    await joinGuard.before(req, device, true);
    const room = await repo.roomByCode(normalizeCode(body.code));
    if (!room) {
      await joinGuard.failed(req, device);
      throw new HttpError(404, 'No competition has this code. Check it with your teacher.', 'no-room');
    }
    if (room.endedAt) throw new HttpError(409, 'This competition has ended.', 'ended');
    const name = cleanNickname(body.nickname);
    if (!name.ok) throw new HttpError(400, name.reason, 'bad-nickname');
    if (device && (await deviceKeptOut(repo.db, room.id, device)))
      throw new HttpError(
        403,
        'Your teacher removed you from this competition; ask your teacher to let you back in.',
        'kept-out',
      );
    // Each player plays their own puzzle per chapter (unless the teacher set one for all): an
    // attempt recorded anywhere else does not replay to a score here (attemptGuard.ts).
    const added = await repo.addPlayer(room.id, name.nickname, device, drawPlayerSeeds(room.chapters));
    if (added === 'taken')
      throw new HttpError(409, 'Someone in this class already has this nickname; choose another.', 'name-taken');
    const { player, token } = added;
    // Someone will play soon: start a replay worker now, with the competition's chapters loaded,
    // rather than with the first attempt.
    pool.warmUp(room.chapters);
    hub.changed(room.id);
    return reply.code(201).send({
      token,
      player: { id: player.id, nickname: player.nickname },
      room: publicRoom(room),
      seeds: player.seeds,
    });
  });

  app.get('/api/me', { preHandler: limitPlayerReads }, async (req) => {
    const { player, room } = await student(req);
    const submissions = await repo.submissionsOf(player.id, 20);
    return {
      player: { id: player.id, nickname: player.nickname },
      room: publicRoom(room),
      seeds: player.seeds,
      submissions: submissions.map(publicSubmission),
    };
  });

  // A student's live leaderboard: only for a player of this room, by the token (in the query,
  // as EventSource sends no headers, or as a bearer header).
  app.get('/api/rooms/:code/stream', { preHandler: limitPlayerReads }, async (req, reply) => {
    const token = bearer(req);
    const found = token ? await repo.playerByToken(token) : null;
    if (!found || found.room.code !== normalizeCode((req.params as { code: string }).code))
      throw new HttpError(401, 'You are not in this class (any more). Join again with the code.', 'not-joined');
    openStream(req, reply, found.room.id, `player:${found.player.id}`);
  });

  app.post(
    '/api/submissions',
    {
      preHandler: [
        limitPlayer,
        async (req) => {
          await student(req);
        },
        limitRoomSubmissions,
      ],
    },
    async (req, reply) => {
      const { player, room } = await student(req);
      const body = parseBody(submissionSchema, req.body);
      const earlier = await repo.submissionByClientId(player.id, body.id);
      if (earlier) return reply.code(200).send({ duplicate: true, submission: publicSubmission(earlier) });
      if (room.endedAt)
        throw new HttpError(409, 'This competition has ended; attempts are no longer counted.', 'ended');
      const verdict = await check(room, player, body.attempt);
      const { submission, duplicate } = await repo.addSubmission(room, player, {
        clientId: body.id,
        chapter: body.attempt.chapter,
        levelVersion: body.attempt.levelVersion,
        seed: body.attempt.seed,
        status: verdict.ok ? 'verified' : 'refused',
        reasonCode: verdict.code,
        reason: verdict.message,
        stars: verdict.ok ? verdict.stars : 0,
        score: verdict.ok ? verdict.score : 0,
        attempt: JSON.stringify(body.attempt),
        verifyMs: verdict.ms,
        eventsHash: verdict.eventsHash,
      });
      if (!duplicate) hub.changed(room.id);
      return reply.code(duplicate ? 200 : 201).send({ duplicate, submission: publicSubmission(submission) });
    },
  );

  /** The replay's verdict on an attempt for this room (never the client's claimed score). */
  async function check(
    room: Room,
    player: Player,
    attempt: Attempt,
  ): Promise<{
    ok: boolean;
    code: string;
    message: string;
    stars: number;
    score: number;
    ms: number;
    eventsHash: string | null;
  }> {
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

  // ---- Pages ---------------------------------------------------------------------------------

  await app.register(fastifyStatic, {
    root: TEACHER_DIR,
    prefix: '/teacher/',
    decorateReply: false,
    index: 'index.html',
  });
  app.get('/teacher', (_req, reply) => reply.redirect('/teacher/'));
  if (options.distDir && existsSync(join(options.distDir, 'index.html'))) {
    await app.register(fastifyStatic, { root: options.distDir, prefix: '/', decorateReply: false });
  } else {
    app.get('/', (_req, reply) =>
      reply
        .type('text/plain; charset=utf-8')
        .send('The game is not built yet: run `npm run build`, then start the classroom server again.\n'),
    );
  }
  app.get('/healthz', async () => ({ ok: true, waiting: pool.waiting, streams: hub.streamCount }));
  return app;
}
