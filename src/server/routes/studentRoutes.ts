// The students' API: a room's join QR code, joining with the code and a nickname, what a player
// sees of themselves, and sending attempts (each replayed before it counts; see verdict.ts).
import type { FastifyInstance } from 'fastify';
import { drawPlayerSeeds } from '../attemptGuard';
import { normalizeCode } from '../ids';
import { cleanNickname } from '../nickname';
import { qrSvg } from '../qr';
import { deviceKeptOut } from '../roomAccess';
import type { RouteContext } from './context';
import { submissionSchema } from '../../attempts/classroomWire';
import { joinSchema } from './schemas';
import { HttpError, parseBody, publicRoom, publicSubmission } from './shared';
import { verdictOf } from './verdict';

export function studentRoutes(app: FastifyInstance, ctx: RouteContext): void {
  const { repo, pool, hub, limits, limit, joinGuard, student } = ctx;

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

  app.post('/api/join', { preHandler: limit.join, bodyLimit: limits.smallBodyBytes }, async (req, reply) => {
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

  app.get('/api/me', { preHandler: limit.playerReads }, async (req) => {
    const { player, room } = await student(req);
    const submissions = await repo.submissionsOf(player.id, 20);
    return {
      player: { id: player.id, nickname: player.nickname },
      room: publicRoom(room),
      seeds: player.seeds,
      submissions: submissions.map(publicSubmission),
    };
  });

  app.post(
    '/api/submissions',
    {
      preHandler: [
        limit.player,
        async (req) => {
          await student(req);
        },
        limit.roomSubmissions,
      ],
    },
    async (req, reply) => {
      const { player, room } = await student(req);
      const body = parseBody(submissionSchema, req.body);
      const earlier = await repo.submissionByClientId(player.id, body.id);
      if (earlier) return reply.code(200).send({ duplicate: true, submission: publicSubmission(earlier) });
      if (room.endedAt)
        throw new HttpError(409, 'This competition has ended; attempts are no longer counted.', 'ended');
      const verdict = await verdictOf(pool, room, player, body.attempt);
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
}
