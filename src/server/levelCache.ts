// For the replay workers: each chapter's level file is read and checked once per worker, not once
// per attempt. The level is frozen all the way down (typed arrays aside), so one replay cannot
// change what the next one starts from: a machine that tried would fail its replay, loudly.
import type { AnyChapter } from '../levels/contract';

function deepFreeze<T>(value: T): T {
  if (value && typeof value === 'object' && !ArrayBuffer.isView(value) && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const v of Object.values(value)) deepFreeze(v);
  }
  return value;
}

const cached = new WeakSet<AnyChapter>();

/**
 * Makes the chapter's `loadLevel` return one frozen level, loaded on the first call. Only for a
 * process that replays and never edits levels (a verification worker).
 */
export function keepLevelLoaded(chapter: AnyChapter): AnyChapter {
  if (cached.has(chapter)) return chapter;
  const load = chapter.loadLevel.bind(chapter);
  let level: unknown;
  let loaded = false;
  (chapter as { loadLevel: () => unknown }).loadLevel = () => {
    if (!loaded) {
      level = deepFreeze(load());
      loaded = true;
    }
    return level;
  };
  cached.add(chapter);
  return chapter;
}
