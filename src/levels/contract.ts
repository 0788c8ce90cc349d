// The one contract every chapter fulfils. A chapter is a folder `src/levels/chN/` whose
// `index.ts` default-exports `defineChapter({...})`; the list in `chapters.ts` names it once, and
// everything else (the app machine, the game's scene loader, verification, replays, the text
// loader) reads the chapter through this contract. See `src/levels/README.md`.
//
// The rules a chapter keeps:
// - Its machine is an XState v5 machine whose input comes from `input()`, whose output is the
//   chapter's result ({ passed, stars, ... }), and whose context holds `events`: every input
//   event that changed the model, in order. Dialogue events are never recorded.
// - Replaying the recorded events from `input(level, seed, {})` reproduces the result exactly.
//   What earlier chapters handed over (`carry`) may change what is offered to the player, never
//   the result: anything taken from it is itself a recorded event.
// - Everything a scene shows comes from `view(snapshot)`; the results card's numbers come from
//   `stats(result)` and what the chapter hands on from `carry(final)`: pure functions of the
//   machine's snapshots, so a replay recomputes them.
import type { AnyStateMachine, InputFrom, OutputFrom, SnapshotFrom } from 'xstate';

/** A chapter's number: the numbers listed in chapters.ts. */
export type { ChapterNumber } from './chapters';

/** What every chapter's result carries; chapters add their own fields. */
export interface ChapterResult {
  passed: boolean;
  stars: number;
}

/** What earlier chapters handed over, by chapter number (from the save). */
export type CarryData = Readonly<Record<string, Readonly<Record<string, unknown>>>>;

/** The recorded input events of a run, as kept in the machine's context. */
export interface RecordsEvents {
  events: readonly { type: string }[];
}

/** The sounds a chapter's view may ask for (each has a file in assets/audio and a caption). */
export type CueSound = 'treat' | 'scold' | 'click' | 'success' | 'failure' | 'complete' | 'lamp' | 'book' | 'tick';

/** One sound cue a view asks for; `id` changes each time the cue should play again. */
export interface ViewCue {
  sound: CueSound;
  id: string;
}

/** One fact about an attempt, as a text key with params (e.g. { key: 'ch3.compare.knobs', params: { n: 4 } }). */
export interface CompareFact {
  key: string;
  params: Record<string, string | number>;
}

/**
 * What the compare screen draws for one attempt, from the final snapshot of its replay. The screen
 * is the same for every chapter: it lays two attempts' data side by side, aligned by step, and
 * says in words and marks (never colour alone) where they differ. A chapter fills in what fits.
 */
export interface CompareData {
  /** Short facts (settings, scores); facts with the same key are put on one row and compared. */
  facts: CompareFact[];
  /**
   * Number series aligned by step (e.g. loss per step), drawn as line charts; both attempts'
   * series of the same name share one chart. The chart's title is the text key
   * `ch<N>.compare.series.<name>`.
   */
  series: Record<string, number[]>;
  /**
   * Cases each attempt got right or wrong (e.g. each fruit of the hidden basket), in the same
   * order for every attempt of the chapter, so two attempts can be compared case by case.
   */
  cases?: { label: CompareFact; right: boolean; answer?: CompareFact }[];
  /**
   * Small pictures drawn as grids of values in [0, 1] (row-major, `rows` × `cols`), e.g. a
   * decision boundary or a confusion matrix; `points` marks data on the grid (x, y in [0, 1]).
   */
  grids?: {
    name: string;
    rows: number;
    cols: number;
    values: number[];
    points?: { x: number; y: number; label: number }[];
  }[];
  /** Paths on a plane (e.g. a descent path over two knobs), with the plane's bounds [xMin, xMax, yMin, yMax]. */
  paths?: { name: string; points: [number, number][]; bounds: [number, number, number, number] }[];
}

/** What a schema check answers (a zod schema's safeParse, with its types erased). */
export type EventCheck =
  | { success: true }
  | { success: false; error: { issues: readonly { path: readonly PropertyKey[]; message: string }[] } };

/**
 * The exact shape of a chapter's recorded attempts, as a classroom server checks them before any
 * replay: every input event the machine records (known types, known fields, bounded numbers and
 * strings, nothing nested the chapter does not define), the most events a real attempt can have,
 * and what its replay costs. An attempt over either limit is refused unreplayed.
 */
export interface ChapterEvents {
  /** One recorded input event (a strict zod schema over the chapter's input-event union). */
  schema: { safeParse(value: unknown): EventCheck };
  /** The most events a real attempt can have (far above any played one). */
  maxEvents: number;
  /**
   * The replay's cost in the chapter's own units (e.g. epochs trained), from the events alone;
   * absent: one unit per event.
   */
  replayCost?(events: readonly { type: string }[]): number;
  /** The most a real attempt's replay may cost, in replayCost's units. */
  maxReplayCost: number;
}

export interface ChapterDefinition<M extends AnyStateMachine = AnyStateMachine, L = unknown, V = unknown> {
  /** Its number in chapters.ts (checked when the chapter loads). */
  number: number;
  /** The chapter's level file, the name used in error messages. */
  levelFile: string;
  /** Reads and validates the level file (and any data it joins); throws LevelFileError. */
  loadLevel(): L;
  /** The exact shape and limits of the chapter's recorded attempts (see ChapterEvents). */
  events: ChapterEvents;
  /** The level's version, recorded with every attempt. */
  levelVersion(level: L): number;
  /**
   * Older versions whose attempts this level still replays exactly (the level file's
   * `replaysVersions`, see shared/levelVersions.ts); none when absent.
   */
  replaysVersions?(level: L): readonly number[];
  machine: M;
  /** The machine's input for an attempt. Replays pass an empty carry. */
  input(level: L, seed: number, carry: CarryData): InputFrom<M>;
  /** The view-model the scene draws, from the machine's snapshot. */
  view(snapshot: SnapshotFrom<M>): V;
  /** Numbers for the results card, e.g. { trials: 31, correct: 10, size: 10 }. */
  stats(result: NonNullable<OutputFrom<M>>): Record<string, number>;
  /** What later chapters may use, from the final snapshot (e.g. chapter 2's apple rule). */
  carry?(final: SnapshotFrom<M>): Record<string, unknown> | undefined;
  /** Data for the compare screen, from the final snapshot of a replay. */
  compare?(final: SnapshotFrom<M>): CompareData;
  /**
   * The chapter's own "Bit learned it" run: a recorded attempt (kept in `levels/reference/`)
   * that the compare screen offers beside the player's attempts. It is verified like any other.
   */
  reference?(): Promise<RecordedAttempt>;
  /**
   * What earns the next star, for the results card: a text key and its params, from the result
   * and the level's star thresholds; null when there is no star left to earn.
   */
  nextStar?(result: NonNullable<OutputFrom<M>>, level: L): StarHint | null;
}

/** A results-card line: a text key (of the shell's text files) with its params. */
export interface StarHint {
  key: string;
  params: Record<string, string | number>;
}

/** An attempt as recorded: the seed and input events that replay to the result. */
export interface RecordedAttempt {
  chapter: number;
  levelVersion: number;
  seed: number;
  events: { type: string }[];
  result: ChapterResult & Record<string, unknown>;
  time: string;
}

/** A chapter with its types erased, as the lists hold it. */
export type AnyChapter = ChapterDefinition<AnyStateMachine, unknown, unknown>;

/** Checks a chapter against the contract at compile time and erases its types for the lists. */
export function defineChapter<M extends AnyStateMachine, L, V>(def: ChapterDefinition<M, L, V>): AnyChapter {
  return def as unknown as AnyChapter;
}

/** Whether an attempt recorded on `version` replays on this level: its own version or one it lists. */
export function replaysVersion(chapter: AnyChapter, level: unknown, version: number): boolean {
  return version === chapter.levelVersion(level) || (chapter.replaysVersions?.(level) ?? []).includes(version);
}

/**
 * The step a snapshot is in, as a dotted path: 'task', or 'train.running' for a nested state,
 * or 'a.x+b.y' for parallel regions. `top` is the first segment, which views switch on.
 */
export function stepOf(value: unknown): { path: string; top: string } {
  const paths = (v: unknown): string[] => {
    if (typeof v === 'string') return [v];
    if (v && typeof v === 'object') {
      return Object.entries(v as Record<string, unknown>).flatMap(([k, inner]) => paths(inner).map((p) => `${k}.${p}`));
    }
    return [];
  };
  const all = paths(value);
  const path = all.join('+');
  const top = all.length ? all[0].split('.')[0] : '';
  return { path, top };
}
