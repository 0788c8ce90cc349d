// Live leaderboards by server-sent events: the teacher's view of a room and each student's.
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { normalizeCode } from '../ids';
import type { LiveStream } from '../liveHub';
import type { RouteContext } from './context';
import { bearer, HttpError } from './shared';

export function streamRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { repo, hub, limits, limit } = ctx;

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

  app.get('/api/teacher/rooms/:roomId/stream', { preHandler: limit.teacher }, async (req, reply) => {
    const room = await ctx.teacherRoom(req);
    openStream(req, reply, room.id, null);
  });

  // A student's live leaderboard: only for a player of this room, by the token (in the query,
  // as EventSource sends no headers, or as a bearer header).
  app.get('/api/rooms/:code/stream', { preHandler: limit.playerReads }, async (req, reply) => {
    const token = bearer(req);
    const found = token ? await repo.playerByToken(token) : null;
    if (!found || found.room.code !== normalizeCode((req.params as { code: string }).code))
      throw new HttpError(401, 'You are not in this class (any more). Join again with the code.', 'not-joined');
    openStream(req, reply, found.room.id, `player:${found.player.id}`);
  });
}
