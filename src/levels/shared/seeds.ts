// Every random draw in a chapter comes from a generator seeded by (attempt seed, purpose, index),
// so a model state never has to carry generator state and any step can be replayed alone.
// The mix is a 32-bit FNV-1a over the parts followed by a murmur3 finaliser.
export function deriveSeed(seed: number, ...parts: (string | number)[]): number {
  let h = 0x811c9dc5 ^ (seed >>> 0);
  const feed = (byte: number) => {
    h ^= byte & 0xff;
    h = Math.imul(h, 0x01000193);
  };
  for (const part of parts) {
    const s = String(part);
    for (let i = 0; i < s.length; i++) {
      const c = s.charCodeAt(i);
      feed(c);
      feed(c >>> 8);
    }
    feed(0x1f); // separator, so ("ab", "c") and ("a", "bc") differ
  }
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}
