// Watching a recorded attempt: its events go through the chapter's own machine one by one, and
// the chapter's scene draws the snapshot at the current step, exactly as it did while the attempt
// was played. The timeline computes each step's snapshot once and keeps every one, so going
// back is instant; while a replay is watched the steps are computed ahead in short slices between
// the page's tasks (replayRef), so a seek is answered at once and no press waits behind a long
// computation. The player machine holds position, speed and play/pause, and advances by game
// time (ticks), so a slow frame rate slows a replay down but never skips steps.
import { assign, createActor, setup, type AnyActorRef, type AnyStateMachine, type SnapshotFrom } from 'xstate';
import type { AnyChapter } from '../levels/contract';

/** The snapshots of a replay, step by step: step 0 is the start (intro skipped), step k after k events. */
export class ReplayTimeline {
  private readonly snaps: SnapshotFrom<AnyStateMachine>[] = [];
  private readonly actor: AnyActorRef;
  /** A recorded event is being sent: the machine's moves then are the step's, not its own. */
  private sending = false;

  /**
   * `provide` gives the chapter's machine the page's actors (as a run gets them), so a step that
   * works on its own while it is watched (chapter 6's training, in a Web Worker) does so off the
   * page's thread; without it the machine's in-process defaults run.
   */
  constructor(
    readonly chapter: AnyChapter,
    readonly level: unknown,
    readonly seed: number,
    readonly events: readonly { type: string }[],
    provide: (chapter: number, machine: AnyStateMachine) => AnyStateMachine = (_n, machine) => machine,
  ) {
    this.actor = createActor(provide(chapter.number, chapter.machine), {
      input: chapter.input(level, seed, {}),
    }).start();
    this.actor.send({ type: 'dialogue.skip' });
    this.snaps.push(this.actor.getSnapshot());
  }

  /** How many steps there are after the start (the number of events). */
  get length(): number {
    return this.events.length;
  }

  /**
   * The snapshot after the first k events (k is clamped to 0..length). The last step computed is
   * live: what its machine does on its own there (training reports) shows while it is watched.
   */
  at(k: number): SnapshotFrom<AnyStateMachine> {
    const target = Math.max(0, Math.min(this.events.length, Math.floor(k)));
    while (this.snaps.length <= target) {
      this.sending = true;
      try {
        this.actor.send(this.events[this.snaps.length - 1]);
      } finally {
        this.sending = false;
      }
      this.snaps.push(this.actor.getSnapshot());
    }
    if (target === this.snaps.length - 1) this.snaps[target] = this.actor.getSnapshot();
    return this.snaps[target];
  }

  /** Calls `listener` when the machine moves on its own at the last step computed. */
  onLive(listener: () => void): { unsubscribe(): void } {
    return this.actor.subscribe(() => {
      if (!this.sending) listener();
    });
  }

  /** How many steps have been computed so far. */
  get computed(): number {
    return this.snaps.length - 1;
  }

  /** Computes one more step; false when every step is computed. */
  computeNext(): boolean {
    if (this.computed >= this.events.length) return false;
    this.at(this.computed + 1);
    return true;
  }

  /** The machine works on its own at the last step computed (an invoked actor runs there). */
  get live(): boolean {
    const snap = this.snaps[this.snaps.length - 1] as { children?: Record<string, unknown> };
    return Object.keys(snap.children ?? {}).length > 0;
  }

  stop(): void {
    this.actor.stop();
  }
}

/** The speeds offered, in steps per second. */
export const REPLAY_SPEEDS = [1, 2, 4, 8, 16] as const;

export interface ReplayContext {
  length: number;
  position: number;
  speedIndex: number;
  /** Game time gathered towards the next step, in ms. */
  elapsed: number;
  /** How many steps are computed (drawn at once when reached); the frame shown is min(position, ready). */
  ready: number;
}

export type ReplayEvent =
  | { type: 'replay.play' }
  | { type: 'replay.pause' }
  | { type: 'replay.toggle' }
  | { type: 'replay.step'; by: number }
  | { type: 'replay.seek'; to: number }
  | { type: 'replay.speed'; index: number }
  | { type: 'replay.tick'; ms: number }
  | { type: 'replay.ready'; ready: number };

const clampTo = (ctx: ReplayContext, k: number) => Math.max(0, Math.min(ctx.length, Math.round(k)));

/** Steps per second at the context's speed. */
export const stepsPerSecond = (ctx: ReplayContext): number => REPLAY_SPEEDS[ctx.speedIndex] ?? 1;

export const replayMachine = setup({
  types: {
    context: {} as ReplayContext,
    events: {} as ReplayEvent,
    input: {} as { length: number; position?: number; speedIndex?: number; ready?: number },
  },
  guards: {
    atEnd: ({ context }) => context.position >= context.length,
  },
  actions: {
    step: assign(({ context, event }) =>
      event.type === 'replay.step' ? { position: clampTo(context, context.position + event.by), elapsed: 0 } : {},
    ),
    seek: assign(({ context, event }) =>
      event.type === 'replay.seek' ? { position: clampTo(context, event.to), elapsed: 0 } : {},
    ),
    speed: assign(({ event }) =>
      event.type === 'replay.speed'
        ? { speedIndex: Math.max(0, Math.min(REPLAY_SPEEDS.length - 1, Math.round(event.index))) }
        : {},
    ),
    // One step per 1/speed seconds of game time; a long frame advances at most one step, so
    // every step is drawn, and a step not computed yet is waited for.
    tick: assign(({ context, event }) => {
      if (event.type !== 'replay.tick') return {};
      const every = 1000 / stepsPerSecond(context);
      const elapsed = context.elapsed + Math.max(0, event.ms);
      if (elapsed < every || context.ready <= context.position) return { elapsed: Math.min(elapsed, every) };
      return { position: clampTo(context, context.position + 1), elapsed: Math.min(elapsed - every, every) };
    }),
    ready: assign(({ context, event }) =>
      event.type === 'replay.ready' ? { ready: Math.max(0, Math.min(context.length, event.ready)) } : {},
    ),
    rewindIfAtEnd: assign(({ context }) => (context.position >= context.length ? { position: 0, elapsed: 0 } : {})),
  },
}).createMachine({
  id: 'replay',
  context: ({ input }) => ({
    length: input.length,
    position: Math.max(0, Math.min(input.length, input.position ?? 0)),
    speedIndex: input.speedIndex ?? 2,
    elapsed: 0,
    ready: Math.max(0, Math.min(input.length, input.ready ?? input.length)),
  }),
  initial: 'paused',
  on: {
    'replay.step': { target: '.paused', actions: 'step' },
    'replay.seek': { actions: 'seek' },
    'replay.speed': { actions: 'speed' },
    'replay.ready': { actions: 'ready' },
  },
  states: {
    paused: {
      on: {
        'replay.play': { target: 'playing', actions: 'rewindIfAtEnd' },
        'replay.toggle': { target: 'playing', actions: 'rewindIfAtEnd' },
      },
    },
    playing: {
      always: { guard: 'atEnd', target: 'paused' },
      on: {
        'replay.pause': 'paused',
        'replay.toggle': 'paused',
        'replay.tick': { actions: 'tick' },
      },
    },
  },
});

/** Runs `work` after the page's pending tasks (input first). */
export type Schedule = (work: () => void) => void;
const nextTask: Schedule = (work) => void setTimeout(work, 0);

/** How long one slice of computing ahead may run before the page gets its turn, in ms. */
export const SLICE_MS = 12;

/**
 * The chapter scene's view of a replay: it looks like the running chapter actor the scene
 * normally draws (getSnapshot, subscribe), showing the timeline's snapshot at the player's
 * position, or the nearest step before it while that one is being computed. Steps are computed
 * in slices of about SLICE_MS between the page's tasks, towards the position and then ahead to
 * the end (stopping at a step where the machine works on its own, which stays live until the
 * player goes past), and the player hears how far they are (`replay.ready`). Input sent to it is
 * ignored: a replay only shows what happened.
 */
export function replayRef(
  timeline: ReplayTimeline,
  player: AnyActorRef,
  schedule: Schedule = nextTask,
  now: () => number = () => performance.now(),
): AnyActorRef {
  const positionOf = () => (player.getSnapshot() as { context: ReplayContext }).context.position;
  const shownStep = () => Math.min(positionOf(), timeline.computed);
  const listeners = new Set<(snap: unknown) => void>();
  const tell = () => {
    const snap = timeline.at(shownStep());
    for (const l of [...listeners]) l(snap);
  };
  let stopped = false;
  let pumping = false;
  /** Inside a slice the machine's own moves are not drawn one by one: the slice tells once. */
  let inSlice = false;
  const wanted = () => timeline.computed < positionOf() || (timeline.computed < timeline.length && !timeline.live);
  const pump = () => {
    pumping = false;
    if (stopped) return;
    const before = shownStep();
    const until = now() + SLICE_MS;
    inSlice = true;
    try {
      while (wanted() && now() < until) timeline.computeNext();
    } finally {
      inSlice = false;
    }
    player.send({ type: 'replay.ready', ready: timeline.computed });
    if (shownStep() !== before) tell();
    if (wanted()) start();
  };
  const start = () => {
    if (pumping || stopped) return;
    pumping = true;
    schedule(pump);
  };
  let last = positionOf();
  const moved = player.subscribe(() => {
    const at = positionOf();
    if (at === last) return;
    last = at;
    tell();
    start();
  });
  const live = timeline.onLive(() => {
    if (!inSlice && shownStep() === timeline.computed) tell();
  });
  start();
  const ref = {
    id: 'chapterReplay',
    getSnapshot: () => timeline.at(shownStep()),
    subscribe(listener: ((snap: unknown) => void) | { next?: (snap: unknown) => void }) {
      const next = typeof listener === 'function' ? listener : (listener.next?.bind(listener) ?? (() => {}));
      listeners.add(next);
      return {
        unsubscribe() {
          listeners.delete(next);
        },
      };
    },
    send: () => {},
    /** Ends the timeline's own actor (the app calls it when the replay closes). */
    stop: () => {
      stopped = true;
      moved.unsubscribe();
      live.unsubscribe();
      timeline.stop();
    },
  };
  return ref as unknown as AnyActorRef;
}
