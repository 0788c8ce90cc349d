// What every route module of the classroom server shares: the error a handler throws and the one
// error handler that turns every failure into `{ error, code }`, body parsing, the bearer key or
// token of a request, and the public shapes of a room and a submission.
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type * as z from 'zod/mini';
import type { SubmissionAnswer } from '../../attempts/classroomWire';
import { TooManyError } from '../fairLimits';
import { JsonTooDeepError } from '../jsonGuard';
import type { Room, Submission } from '../repository';

export class HttpError extends Error {
  constructor(
    readonly statusCode: number,
    message: string,
    readonly code = 'bad-request',
  ) {
    super(message);
  }
}

export function parseBody<T>(schema: z.ZodMiniType<T>, body: unknown): T {
  const parsed = schema.safeParse(body);
  if (parsed.success) return parsed.data;
  const issue = parsed.error.issues[0];
  const where = issue?.path.length ? issue.path.join('.') : 'body';
  throw new HttpError(400, `The request is not valid: ${where}: ${issue?.message ?? 'unknown problem'}.`, 'invalid');
}

/** The key or token a request carries: the Authorization header, or (streams only) ?token=. */
export function bearer(req: FastifyRequest): string | null {
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

export function publicSubmission(s: Submission): SubmissionAnswer {
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
 * Every failure answers `{ error, code }`: the API's own errors as thrown, Fastify's (too large,
 * not JSON, bad JSON, rate-limited) with fixed codes, and anything else as a 500 that is logged
 * and reported (see faults.ts).
 */
export function installErrorHandler(app: FastifyInstance, report?: (err: unknown, where: string) => void): void {
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
    report?.(err, `${req.method} ${req.routeOptions.url ?? req.url.split('?')[0]}`);
    return reply.code(500).send({ error: 'Something went wrong on the server.', code: 'server-error' });
  });
}
