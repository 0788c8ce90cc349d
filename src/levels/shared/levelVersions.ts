// A level's version is recorded with every attempt. When a new version only adds to a chapter (new
// steps with new events, none of the old ones changed), attempts recorded on the versions before it
// still replay exactly: the level file lists those versions in `replaysVersions`, and the game,
// its replays and the classroom server take them. Any other version is refused with the plain
// "another version" message.
import { z } from 'zod';

/** The level file's optional list of older versions whose attempts it still replays exactly. */
export const replaysVersionsSchema = z.array(z.number().int().positive()).max(16, 'lists too many versions').optional();

/** Checks that every listed version is older than the level's own and listed once. */
export function checkReplaysVersions(
  level: { version: number; replaysVersions?: readonly number[] | undefined },
  ctx: z.RefinementCtx,
): void {
  const listed = level.replaysVersions ?? [];
  listed.forEach((v, i) => {
    if (v >= level.version)
      ctx.addIssue({
        code: 'custom',
        path: ['replaysVersions', i],
        message: `must be older than the level's version ${level.version}`,
      });
  });
  if (new Set(listed).size !== listed.length)
    ctx.addIssue({ code: 'custom', path: ['replaysVersions'], message: 'lists a version twice' });
}
