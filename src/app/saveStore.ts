// Reading and writing the save in a Storage (localStorage in the page, a Map-backed fake in tests).
// A save that cannot be read — broken JSON, a foreign shape, a newer version — is copied aside
// under its own key and reported in plain words; the good data is never silently wiped.
import { isKnownChapter } from '../levels/chapters';
import { formatPath } from '../levels/shared/levelFile';
import {
  CURRENT_SAVE_VERSION,
  attemptSchema,
  freshSave,
  inProgressSchema,
  migrateV1,
  saveV1Schema,
  saveV2Schema,
  type Attempt,
  type InProgress,
  type SaveData,
  type Settings,
} from './saveSchema';

export const SAVE_KEY = 'blackboxdog.save';
export const ASIDE_PREFIX = 'blackboxdog.save.unreadable.';
/** How many unreadable copies are kept: the newest ones; older copies are removed (the notice says so). */
export const KEEP_ASIDE = 3;
/** How many attempts the save keeps (the save schema allows this many). */
export const MAX_ATTEMPTS = 200;

export interface StorageLike {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  /** Optional (localStorage has them): needed to tidy up old unreadable copies. */
  removeItem?(key: string): void;
  key?(index: number): string | null;
  readonly length?: number;
}

export type SaveProblem =
  | { kind: 'corrupt'; asideKey: string; detail: string }
  | { kind: 'newer'; asideKey: string; version: number }
  | { kind: 'unavailable'; detail: string };

export interface LoadResult {
  save: SaveData;
  problem: SaveProblem | null;
  migratedFrom: number | null;
}

function keepAside(storage: StorageLike, raw: string, now: Date): string {
  const key = `${ASIDE_PREFIX}${now.toISOString()}`;
  storage.setItem(key, raw);
  pruneAside(storage);
  return key;
}

/**
 * Removes all but the KEEP_ASIDE newest unreadable copies. Their keys end in an ISO time, so
 * sorting the keys sorts them by age. Returns the keys removed.
 */
export function pruneAside(storage: StorageLike): string[] {
  if (!storage.key || !storage.removeItem || typeof storage.length !== 'number') return [];
  const aside: string[] = [];
  for (let i = 0; i < storage.length; i++) {
    const k = storage.key(i);
    if (k?.startsWith(ASIDE_PREFIX)) aside.push(k);
  }
  const old = aside.sort().slice(0, Math.max(0, aside.length - KEEP_ASIDE));
  for (const k of old) storage.removeItem(k);
  return old;
}

/**
 * The save's unfinished chapters: each record is checked on its own, and one that does not read
 * (a hand-edited save, a bug) is dropped with a note in the console; the save itself stays good.
 */
export function readInProgress(raw: unknown): Record<string, InProgress> | undefined {
  if (raw === undefined) return undefined;
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    console.warn('Save: the unfinished-chapter record could not be read and was dropped.');
    return undefined;
  }
  const out: Record<string, InProgress> = {};
  for (const [chapter, value] of Object.entries(raw)) {
    const parsed = inProgressSchema.safeParse(value);
    if (isKnownChapter(Number(chapter)) && String(Number(chapter)) === chapter && parsed.success)
      out[chapter] = parsed.data;
    else console.warn(`Save: the unfinished chapter ${chapter} could not be read and was dropped.`);
  }
  return Object.keys(out).length ? out : undefined;
}

function withReadInProgress(save: Omit<SaveData, 'inProgress'> & { inProgress?: unknown }): SaveData {
  const { inProgress, ...rest } = save;
  const kept = readInProgress(inProgress);
  return kept ? { ...rest, inProgress: kept } : rest;
}

/** Whether a saved attempt names a chapter this version of the game does not list. */
function ofUnknownChapter(entry: unknown): boolean {
  const chapter = typeof entry === 'object' && entry !== null ? (entry as { chapter?: unknown }).chapter : undefined;
  return typeof chapter === 'number' && Number.isInteger(chapter) && chapter >= 1 && !isKnownChapter(chapter);
}

/**
 * A save written by a version of the game with more chapters holds attempts (and queued class
 * attempts) of chapters this version cannot replay. They must not make the whole save unreadable:
 * such attempts move to `attemptsAside`, kept as they were, and the rest of the save reads as
 * usual; attempts kept aside whose chapter this version knows come back (the newest first when
 * the save is full). A queued class attempt of an unknown chapter is dropped from the queue (its
 * attempt stays aside). Works on the parsed JSON before the schema reads it.
 */
export function setAsideUnknownChapters(data: unknown): { data: unknown; back: Attempt[] } {
  if (typeof data !== 'object' || data === null || !Array.isArray((data as { attempts?: unknown }).attempts)) {
    return { data, back: [] };
  }
  const save = data as { attempts: unknown[]; attemptsAside?: unknown; classroom?: unknown };
  const before = Array.isArray(save.attemptsAside) ? save.attemptsAside.slice(-MAX_ATTEMPTS) : [];
  const attempts = save.attempts.filter((a) => !ofUnknownChapter(a));
  const arriving = save.attempts.filter(ofUnknownChapter);
  const aside: unknown[] = [];
  const back: Attempt[] = [];
  for (const a of before) {
    const parsed = ofUnknownChapter(a) ? null : attemptSchema.safeParse(a);
    if (parsed?.success) back.push(parsed.data);
    else aside.push(a);
  }
  aside.push(...arriving);
  if (arriving.length) {
    console.warn(`Save: ${arriving.length} attempts of chapters this version does not have are kept aside.`);
  }
  const { attemptsAside: _, ...rest } = save;
  const out: Record<string, unknown> = { ...rest, attempts };
  if (aside.length) out.attemptsAside = aside.slice(-MAX_ATTEMPTS);
  const classroom = save.classroom as { queue?: unknown } | undefined;
  if (classroom && typeof classroom === 'object' && Array.isArray(classroom.queue)) {
    const queue = classroom.queue.filter((q) => !ofUnknownChapter((q as { attempt?: unknown } | null)?.attempt));
    out.classroom = { ...classroom, queue };
  }
  return { data: out, back };
}

/** Puts attempts that were kept aside back into the save, in time order, trimmed as addAttempt trims. */
function withAttemptsBack(save: SaveData, back: readonly Attempt[]): SaveData {
  if (!back.length) return save;
  let out: SaveData = { ...save, attempts: [...save.attempts].sort(byTime) };
  for (const a of [...back].sort(byTime)) out = addAttempt(out, a).save;
  return { ...out, attempts: out.attempts.sort(byTime) };
}

const byTime = (a: Attempt, b: Attempt): number => (a.time < b.time ? -1 : a.time > b.time ? 1 : 0);

/** The first problem a schema found, as `path: message`. */
export function firstIssue(error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] }): string {
  const issue = error.issues[0];
  return issue ? `${formatPath(issue.path)}: ${issue.message}` : 'unknown problem';
}

export function loadSave(storage: StorageLike, defaultLocale: Settings['locale'], now = new Date()): LoadResult {
  let raw: string | null;
  try {
    raw = storage.getItem(SAVE_KEY);
  } catch (err) {
    return {
      save: freshSave(defaultLocale),
      problem: { kind: 'unavailable', detail: (err as Error).message },
      migratedFrom: null,
    };
  }
  if (raw === null) return { save: freshSave(defaultLocale), problem: null, migratedFrom: null };

  let data: unknown;
  try {
    data = JSON.parse(raw);
  } catch (err) {
    const asideKey = keepAside(storage, raw, now);
    return {
      save: freshSave(defaultLocale),
      problem: { kind: 'corrupt', asideKey, detail: `not valid JSON (${(err as Error).message})` },
      migratedFrom: null,
    };
  }

  const version = typeof data === 'object' && data !== null ? (data as { version?: unknown }).version : undefined;
  if (typeof version === 'number' && version > CURRENT_SAVE_VERSION) {
    const asideKey = keepAside(storage, raw, now);
    return { save: freshSave(defaultLocale), problem: { kind: 'newer', asideKey, version }, migratedFrom: null };
  }
  if (version === 1) {
    const v1 = saveV1Schema.safeParse(data);
    if (v1.success) return { save: migrateV1(v1.data), problem: null, migratedFrom: 1 };
    const asideKey = keepAside(storage, raw, now);
    return {
      save: freshSave(defaultLocale),
      problem: { kind: 'corrupt', asideKey, detail: firstIssue(v1.error) },
      migratedFrom: null,
    };
  }
  const { data: sorted, back } = setAsideUnknownChapters(data);
  const v2 = saveV2Schema.safeParse(sorted);
  if (v2.success) {
    return { save: withAttemptsBack(withReadInProgress(v2.data), back), problem: null, migratedFrom: null };
  }
  const asideKey = keepAside(storage, raw, now);
  return {
    save: freshSave(defaultLocale),
    problem: { kind: 'corrupt', asideKey, detail: firstIssue(v2.error) },
    migratedFrom: null,
  };
}

/** Writes the save; returns an error message instead of throwing (a full or blocked storage). */
export function writeSave(storage: StorageLike, save: SaveData): string | null {
  try {
    storage.setItem(SAVE_KEY, JSON.stringify(save));
    return null;
  } catch (err) {
    return (err as Error).message;
  }
}

/** The index of each chapter's best attempt (most stars; the newest of equals). */
export function bestAttempts(attempts: readonly Attempt[]): Set<number> {
  const best = new Map<number, number>();
  attempts.forEach((a, i) => {
    const b = best.get(a.chapter);
    if (b === undefined || a.result.stars >= attempts[b].result.stars) best.set(a.chapter, i);
  });
  return new Set(best.values());
}

/**
 * Adds an attempt. When the save is full, the oldest attempts that are not a chapter's best make
 * room (a best is only removed if nothing else is left); the removed ones are returned, so the
 * player can be told.
 */
export function addAttempt(save: SaveData, attempt: Attempt): { save: SaveData; removed: Attempt[] } {
  const attempts = [...save.attempts, attempt];
  const removed: Attempt[] = [];
  while (attempts.length > MAX_ATTEMPTS) {
    const keep = bestAttempts(attempts);
    let i = attempts.findIndex((_, k) => !keep.has(k) && k !== attempts.length - 1);
    if (i < 0) i = 0;
    removed.push(...attempts.splice(i, 1));
  }
  return { save: { ...save, attempts }, removed };
}

export function withAttempt(save: SaveData, attempt: Attempt): SaveData {
  return addAttempt(save, attempt).save;
}

/** Removes the attempt at this index of the save's list (nothing else changes; stars stay earned). */
export function withoutAttempt(save: SaveData, index: number): SaveData {
  if (!Number.isInteger(index) || index < 0 || index >= save.attempts.length) return save;
  return { ...save, attempts: save.attempts.filter((_, i) => i !== index) };
}

/** Records (or, with null, forgets) the unfinished run of a chapter. */
export function withInProgress(save: SaveData, chapter: number, run: InProgress | null): SaveData {
  const all = { ...(save.inProgress ?? {}) };
  if (run) all[String(chapter)] = run;
  else delete all[String(chapter)];
  const { inProgress: _, ...rest } = save;
  return Object.keys(all).length ? { ...rest, inProgress: all } : rest;
}

export function withStars(save: SaveData, chapter: number, stars: number): SaveData {
  const key = String(chapter);
  const best = Math.max(save.progress.stars[key] ?? 0, stars);
  return { ...save, progress: { ...save.progress, stars: { ...save.progress.stars, [key]: best } } };
}

/** Reads an attempt shared as a file or link; a malformed one gets a readable reason. */
export function parseAttempt(text: string): { attempt: Attempt } | { error: string } {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    return { error: `This replay is not valid JSON (${(err as Error).message}).` };
  }
  const parsed = attemptSchema.safeParse(data);
  if (!parsed.success) return { error: `This replay is not a Black Box Dog attempt: ${firstIssue(parsed.error)}.` };
  return { attempt: parsed.data };
}
