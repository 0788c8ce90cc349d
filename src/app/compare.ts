// Comparing two attempts of a chapter: each is replayed (so what is compared is what really
// happened, and an attempt that does not verify says so), the chapter's contract gives each one's
// compare data, and the two are lined up here: facts row by row, cases case by case, series step
// by step. Every difference is marked in the data (`same: false`), so the screen can say it in
// words and marks, never by colour alone. A new chapter only fills in its `compare`.
import { loadChapter } from '../levels/chapters';
import type { CompareData, CompareFact, RecordedAttempt } from '../levels/contract';
import type { Attempt } from './saveSchema';
import { verifyAttempt } from '../attempts/verifyAttempt';

export interface CompareSide {
  attempt: Attempt;
  /** The chapter's own run (its reference attempt) rather than one of the player's. */
  reference: boolean;
  verified: boolean;
  /** Why it did not verify (English detail). */
  message: string;
  stats: Record<string, number>;
  data: CompareData;
}

export interface FactRow {
  key: string;
  a: CompareFact['params'] | null;
  b: CompareFact['params'] | null;
  same: boolean;
}

export interface CaseRow {
  label: CompareFact;
  a: { right: boolean; answer?: CompareFact } | null;
  b: { right: boolean; answer?: CompareFact } | null;
  same: boolean;
}

export interface SeriesRow {
  name: string;
  a: number[];
  b: number[];
  /** The first step at which the two differ (null when they never do). */
  firstDifference: number | null;
}

export interface CompareReport {
  chapter: number;
  a: CompareSide;
  b: CompareSide;
  facts: FactRow[];
  cases: CaseRow[];
  series: SeriesRow[];
  /** How many steps (input events) each attempt has, for lining them up. */
  steps: [number, number];
}

const EMPTY: CompareData = { facts: [], series: {} };

const sameParams = (x: CompareFact['params'] | null, y: CompareFact['params'] | null): boolean =>
  JSON.stringify(x) === JSON.stringify(y);

async function side(attempt: Attempt, reference: boolean): Promise<CompareSide> {
  const chapter = await loadChapter(attempt.chapter);
  const v = await verifyAttempt(attempt);
  const data = v.replay && chapter?.compare ? chapter.compare(v.replay.final) : EMPTY;
  return { attempt, reference, verified: v.ok, message: v.message, stats: v.replay?.stats ?? {}, data };
}

/** Lines up two sides' compare data (pure: the unit tests call it directly). */
export function lineUp(a: CompareData, b: CompareData): Pick<CompareReport, 'facts' | 'cases' | 'series'> {
  const keys: string[] = [];
  for (const f of [...a.facts, ...b.facts]) if (!keys.includes(f.key)) keys.push(f.key);
  const facts = keys.map((key) => {
    const pa = a.facts.find((f) => f.key === key)?.params ?? null;
    const pb = b.facts.find((f) => f.key === key)?.params ?? null;
    return { key, a: pa, b: pb, same: sameParams(pa, pb) };
  });
  const n = Math.max(a.cases?.length ?? 0, b.cases?.length ?? 0);
  const cases: CaseRow[] = [];
  for (let i = 0; i < n; i++) {
    const ca = a.cases?.[i] ?? null;
    const cb = b.cases?.[i] ?? null;
    const label = (ca ?? cb)?.label as CompareFact;
    const pick = (c: typeof ca) => (c ? { right: c.right, ...(c.answer ? { answer: c.answer } : {}) } : null);
    cases.push({
      label,
      a: pick(ca),
      b: pick(cb),
      same: !!ca && !!cb && ca.right === cb.right && sameParams(ca.answer?.params ?? null, cb.answer?.params ?? null),
    });
  }
  const names: string[] = [];
  for (const name of [...Object.keys(a.series), ...Object.keys(b.series)]) if (!names.includes(name)) names.push(name);
  const series = names.map((name) => {
    const sa = a.series[name] ?? [];
    const sb = b.series[name] ?? [];
    let firstDifference: number | null = null;
    for (let i = 0; i < Math.max(sa.length, sb.length); i++) {
      if (sa[i] !== sb[i]) {
        firstDifference = i;
        break;
      }
    }
    return { name, a: sa, b: sb, firstDifference };
  });
  return { facts, cases, series };
}

/** Replays both attempts and lines up their data. Both must be of the same chapter. */
export async function compareAttempts(
  a: { attempt: Attempt; reference?: boolean },
  b: { attempt: Attempt; reference?: boolean },
): Promise<CompareReport> {
  if (a.attempt.chapter !== b.attempt.chapter) throw new Error('Only attempts of the same chapter can be compared.');
  const sa = await side(a.attempt, a.reference ?? false);
  const sb = await side(b.attempt, b.reference ?? false);
  return {
    chapter: a.attempt.chapter,
    a: sa,
    b: sb,
    ...lineUp(sa.data, sb.data),
    steps: [a.attempt.events.length, b.attempt.events.length],
  };
}

/** The chapter's own reference attempt, or null when it has none. */
export async function referenceAttempt(chapterNumber: number): Promise<Attempt | null> {
  const chapter = await loadChapter(chapterNumber);
  if (!chapter?.reference) return null;
  const r: RecordedAttempt = await chapter.reference();
  return { ...r, events: r.events.map((e) => ({ ...e })) } as Attempt;
}
