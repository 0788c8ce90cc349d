// The seed of a new chapter attempt: `?seed=N` in the address fixes it (to replay or compare
// settings on the same draws); otherwise a fresh random 32-bit number.
export function newAttemptSeed(search: string = location.search): number {
  const fromUrl = new URLSearchParams(search).get('seed');
  if (fromUrl !== null && /^\d+$/.test(fromUrl)) return Number(fromUrl) >>> 0;
  return crypto.getRandomValues(new Uint32Array(1))[0];
}
