// The teacher's API: the chapters on offer, creating a competition (with the server password, or
// only on the server's own computer), and, with the room's secret key, its live view, settings,
// players, a new key and the results as CSV.
import type { FastifyInstance } from 'fastify';
import enText from '../../i18n/locales/en.json';
import zhText from '../../i18n/locales/zh-CN.json';
import { CHAPTERS, isBuilt } from '../../levels/chapters';
import { resultsCsv } from '../csv';
import { fromServerComputer } from '../fairLimits';
import { cleanNickname } from '../nickname';
import type { Room } from '../repository';
import { letBackIn, removedPlayers, rotateTeacherKey } from '../roomAccess';
import type { RouteContext } from './context';
import { createRoomSchema, renameSchema, updateRoomSchema } from './schemas';
import { HttpError, parseBody, publicRoom } from './shared';

// Chapter titles for the teacher's pages, in both languages, from the game's own text.
const CHAPTER_TITLES = CHAPTERS.filter(isBuilt).map((c) => ({
  number: c.number,
  title: {
    en: (enText as Record<string, string>)[c.titleKey] ?? `Chapter ${c.number}`,
    'zh-CN': (zhText as Record<string, string>)[c.titleKey] ?? `第${c.number}章`,
  },
}));

const builtChapters = (): number[] => CHAPTERS.filter(isBuilt).map((c) => c.number);

export function teacherRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { repo, hub, limits, limit, teacherRoom } = ctx;

  app.get('/api/chapters', async () => ({ chapters: CHAPTER_TITLES }));

  app.post('/api/rooms', { preHandler: limit.create, bodyLimit: limits.smallBodyBytes }, async (req, reply) => {
    const body = parseBody(createRoomSchema, req.body);
    if (ctx.adminPassword && body.password !== ctx.adminPassword)
      throw new HttpError(403, 'Creating a competition needs the server password.', 'not-teacher');
    if (!ctx.adminPassword && !fromServerComputer(req))
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

  app.get('/api/teacher/rooms/:roomId', { preHandler: limit.teacher }, async (req) =>
    teacherView(await teacherRoom(req)),
  );

  app.patch(
    '/api/teacher/rooms/:roomId',
    { preHandler: limit.teacher, bodyLimit: limits.smallBodyBytes },
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
    { preHandler: limit.teacher, bodyLimit: limits.smallBodyBytes },
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

  app.delete('/api/teacher/rooms/:roomId/players/:playerId', { preHandler: limit.teacher }, async (req) => {
    const room = await teacherRoom(req);
    const { playerId } = req.params as { playerId: string };
    if ((await repo.changePlayer(room.id, playerId, { remove: true })) !== 'ok')
      throw new HttpError(404, 'This competition has no such player.', 'no-player');
    hub.changed(room.id);
    return teacherView(room);
  });

  // A removed player's device may join again (under a new name or the same one).
  app.post('/api/teacher/rooms/:roomId/players/:playerId/let-back-in', { preHandler: limit.teacher }, async (req) => {
    const room = await teacherRoom(req);
    const { playerId } = req.params as { playerId: string };
    if (!(await letBackIn(repo.db, room.id, playerId)))
      throw new HttpError(404, 'No removed player of this competition has this id.', 'no-player');
    hub.changed(room.id);
    return teacherView(room);
  });

  // A new teacher key (the link was seen or photographed): the old one stops working at once,
  // and teacher pages still open with it are disconnected.
  app.post('/api/teacher/rooms/:roomId/key', { preHandler: limit.teacher }, async (req) => {
    const room = await teacherRoom(req);
    const teacherKey = await rotateTeacherKey(repo.db, room.id);
    hub.endWhere((s) => s.roomId === room.id && s.teacher);
    return { teacherKey, teacherPath: `/teacher/#room=${room.id}&key=${teacherKey}` };
  });

  app.get('/api/teacher/rooms/:roomId/results.csv', { preHandler: limit.teacher }, async (req, reply) => {
    const room = await teacherRoom(req);
    const { standings } = await repo.standings(room);
    const safeCode = room.code.replace(/[^A-Z0-9]/g, '');
    return reply
      .header('content-type', 'text/csv; charset=utf-8')
      .header('content-disposition', `attachment; filename="black-box-dog-${safeCode}.csv"`)
      .send(resultsCsv(room, standings));
  });
}
