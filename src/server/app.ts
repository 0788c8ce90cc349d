// The classroom server's HTTP side (Fastify 5): the teacher's and the students' API, live
// leaderboards by server-sent events, the teacher's pages and the built game. Every attempt is
// replayed by the verification pool; the score stored and shown is the replay's, never the
// client's claim. Teacher actions need the room's secret key; students act with the token they
// got on joining, and see only their own room.
//
// This module builds the Fastify instance, installs its plugins, parsers and limits, and registers
// the route modules (routes/): the teacher's, the students', the live streams and the pages.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import fastifyCors from '@fastify/cors';
import fastifyHelmet from '@fastify/helmet';
import fastifyRateLimit from '@fastify/rate-limit';
import fastifyStatic from '@fastify/static';
import Fastify, { type FastifyInstance } from 'fastify';
import { installJsonGuard } from './jsonGuard';
import { type ClassroomLimits, DEFAULT_LIMITS } from './limits';
import type { LiveHub } from './liveHub';
import type { HitCounter } from './rateStore';
import type { Repository } from './repository';
import { routeContext } from './routes/context';
import { installErrorHandler } from './routes/shared';
import { streamRoutes } from './routes/streamRoutes';
import { studentRoutes } from './routes/studentRoutes';
import { teacherRoutes } from './routes/teacherRoutes';
import type { VerifyPool } from './verifyPool';

export { type ClassroomLimits, DEFAULT_LIMITS } from './limits';
export { createRoomSchema, submissionSchema } from './routes/schemas';
export { publicRoom, publicSubmission } from './routes/shared';
export { priorityOf, reasonCodeOf } from './routes/verdict';

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

  const ctx = routeContext(app, {
    repo,
    pool,
    hub,
    limits,
    adminPassword: options.adminPassword,
    counter: options.counter,
  });
  installErrorHandler(app, options.report);
  streamRoutes(app, ctx);
  teacherRoutes(app, ctx);
  studentRoutes(app, ctx);

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
