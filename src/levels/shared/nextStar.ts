// What earns the next star, for the results card, from a chapter's star thresholds (its level
// file) and the result: the first threshold above the stars earned, named with the numbers it
// asks for beside the player's own. Chapters whose thresholds are a list of { stars, ... } pass
// that list and say how to word one entry; no star left to earn gives the shared "all stars" line.
import type { StarHint } from '../contract';

export const ALL_STARS: StarHint = { key: 'results.nextStar.all', params: {} };

/**
 * The threshold entry for the next star after `earned`: the entry with the fewest stars above
 * it, or null when there is none (three stars, or no entry above).
 */
export function nextThreshold<T extends { stars: number }>(thresholds: readonly T[], earned: number): T | null {
  let best: T | null = null;
  for (const t of thresholds) if (t.stars > earned && (best === null || t.stars < best.stars)) best = t;
  return best;
}

/** The hint for the next star, or the "all stars" line when none is left. */
export function nextStarHint<T extends { stars: number }>(
  thresholds: readonly T[],
  earned: number,
  word: (next: T) => StarHint,
): StarHint {
  const next = nextThreshold(thresholds, earned);
  return next ? word(next) : ALL_STARS;
}
