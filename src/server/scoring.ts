// A verified attempt's score, from the replay (never from what the client claims): 100 points a
// star, plus up to 99 for accuracy when the chapter's stats report `correct` out of `size`, so
// two players with the same stars are told apart by how well their dog did. A refused attempt
// scores nothing.
export function scoreOf(stars: number, stats: Readonly<Record<string, number>> | undefined): number {
  const correct = stats?.correct;
  const size = stats?.size;
  const accuracy =
    typeof correct === 'number' && typeof size === 'number' && size > 0
      ? Math.floor((99 * Math.max(0, Math.min(correct, size))) / size)
      : 0;
  return stars * 100 + accuracy;
}
