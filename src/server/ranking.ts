// The leaderboard's rule, pure: each player's total is the sum of their best score per chapter of
// the competition; more points rank higher; a tie goes to whoever reached their total first (the
// latest of their best results' times), then by name, then by id, so the order is always the same.
// Equal totals share a rank (1, 2, 2, 4).
import type { ChallengeResult, Standing } from './repository';

export interface PlayerResults {
  playerId: string;
  nickname: string;
  /** One result per chapter of the competition, in its order. */
  challenges: ChallengeResult[];
}

export function rankPlayers(players: PlayerResults[]): Standing[] {
  const rows = players.map((p) => {
    const reached = p.challenges.map((c) => c.bestAt).filter((t): t is string => t !== null);
    return {
      ...p,
      total: p.challenges.reduce((s, c) => s + c.score, 0),
      stars: p.challenges.reduce((s, c) => s + c.stars, 0),
      // '~' sorts after every ISO time: a player with no verified result comes last among equals.
      reachedAt: reached.sort().at(-1) ?? '~',
    };
  });
  rows.sort(
    (a, b) =>
      b.total - a.total ||
      a.reachedAt.localeCompare(b.reachedAt) ||
      a.nickname.localeCompare(b.nickname) ||
      a.playerId.localeCompare(b.playerId),
  );
  let rank = 0;
  return rows.map((r, i) => {
    if (i === 0 || r.total !== rows[i - 1].total) rank = i + 1;
    return {
      rank,
      playerId: r.playerId,
      nickname: r.nickname,
      total: r.total,
      stars: r.stars,
      challenges: r.challenges,
    };
  });
}
