// What the route modules are built with: the repository, replay pool and live hub, the limits,
// the rate limiters (per room and per player, never per address: a whole class often shares one),
// and who a request is: the teacher of a room (by its key) or a student (by the joining token).
import type {} from '@fastify/rate-limit';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { JoinGuard } from '../fairLimits';
import { hashSecret, normalizeCode } from '../ids';
import type { LiveHub } from '../liveHub';
import type { ClassroomLimits } from '../limits';
import { type HitCounter, memoryCounter } from '../rateStore';
import type { Player, Repository, Room } from '../repository';
import type { VerifyPool } from '../verifyPool';
import { bearer, HttpError } from './shared';

type Limiter = ReturnType<FastifyInstance['rateLimit']>;

export interface RouteContext {
  repo: Repository;
  pool: VerifyPool;
  hub: LiveHub;
  limits: ClassroomLimits;
  /** When set, creating a competition needs it; when not, only the server's own computer may. */
  adminPassword?: string;
  limit: {
    player: Limiter;
    playerReads: Limiter;
    roomSubmissions: Limiter;
    join: Limiter;
    teacher: Limiter;
    create: Limiter;
  };
  joinGuard: JoinGuard;
  /** The room whose teacher key the request carries (403 otherwise). */
  teacherRoom(req: FastifyRequest): Promise<Room>;
  /** The player whose token the request carries, with their room (401 otherwise). */
  student(req: FastifyRequest): Promise<{ player: Player; room: Room }>;
}

export interface RouteDeps {
  repo: Repository;
  pool: VerifyPool;
  hub: LiveHub;
  limits: ClassroomLimits;
  adminPassword?: string;
  counter?: HitCounter;
}

/** Builds the context; the rate-limit plugin must already be registered on `app`. */
export function routeContext(app: FastifyInstance, deps: RouteDeps): RouteContext {
  const { repo, limits } = deps;
  const minute = 60_000;
  const tokenKey = (req: FastifyRequest) => `player:${hashSecret(bearer(req) ?? 'none')}`;
  const limit = {
    player: app.rateLimit({ max: limits.playerPerMinute, timeWindow: minute, keyGenerator: tokenKey }),
    playerReads: app.rateLimit({
      max: limits.playerPerMinute * 4,
      timeWindow: minute,
      keyGenerator: (req) => `read:${tokenKey(req)}`,
    }),
    roomSubmissions: app.rateLimit({
      max: limits.roomPerMinute,
      timeWindow: minute,
      keyGenerator: (req) => `room-submit:${(req as FastifyRequest & { player?: { room: Room } }).player?.room.id}`,
    }),
    join: app.rateLimit({
      max: limits.joinsPerRoomPerMinute,
      timeWindow: minute,
      keyGenerator: (req) => {
        const code = (req.body as { code?: unknown } | undefined)?.code;
        return `join:${typeof code === 'string' ? normalizeCode(code).slice(0, 16) : ''}`;
      },
    }),
    teacher: app.rateLimit({
      max: limits.teacherPerMinute,
      timeWindow: minute,
      keyGenerator: (req) => `teacher:${(req.params as { roomId?: string }).roomId ?? ''}`,
    }),
    create: app.rateLimit({ max: limits.roomsPerMinute, timeWindow: minute, keyGenerator: () => 'create' }),
  };

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

  return {
    repo,
    pool: deps.pool,
    hub: deps.hub,
    limits,
    adminPassword: deps.adminPassword,
    limit,
    joinGuard: new JoinGuard(limits, deps.counter ?? memoryCounter()),
    teacherRoom,
    student,
  };
}
