// Replays run off the request thread, in a pool of worker threads, each with a time limit: one
// heavy (or hostile) attempt cannot stall the room. A worker that runs past the limit is
// terminated and replaced, and that attempt is refused with the reason. When more attempts wait
// than the queue holds, new ones are turned away as "busy" (the student's game sends them again).
//
// Fairness: every attempt has an owner (the student who sent it). Owners take turns (round-robin):
// an owner's attempts replay one at a time, and an owner served goes to the back of the line, so
// one student's queue of slow attempts delays another student's verdict by at most one replay.
//
// Throughput: each worker is handed up to `depth` attempts at once, so it starts the next replay
// the moment one ends instead of waiting for the (possibly busy) request thread to answer and
// send another; a worker whose replays at hand are expected to take long is handed no more (the
// expectation is learned per chapter from replays done, by the attempt's cost units). Waiting
// attempts are served fresh first: an attempt just played (a student watching for the verdict)
// goes before one played a while ago (sent again after being offline or turned away), unless that
// one has waited longer than `agingMs`.
import { Worker } from 'node:worker_threads';
import type { Attempt } from '../attempts/attempt';
import type { VerifyAnswer } from './verifyWorkerMain';

export interface VerifyOutcome {
  ok: boolean;
  message: string;
  stars: number;
  stats?: Record<string, number>;
  /** Time spent replaying in the worker. */
  replayMs: number;
  /** Time from asking to answer, waiting in the queue included. */
  totalMs: number;
}

export class PoolBusyError extends Error {
  constructor() {
    super('The server is busy verifying other attempts; this one will be sent again shortly.');
  }
}

/** `fresh`: just played, someone waits for the verdict; `later`: played a while ago. */
export type VerifyPriority = 'fresh' | 'later';

/** Who sent an attempt (their replays take turns with other owners') and its cost units. */
export interface VerifyTicket {
  owner?: string;
  cost?: number;
}

interface Job {
  id: number;
  attempt: Attempt;
  asked: number;
  owner: string;
  priority: VerifyPriority;
  cost: number;
  /** Expected replay time when handed to a worker. */
  expectMs: number;
  resolve: (v: VerifyOutcome) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  /** Jobs handed to the worker, in the order it runs them; the first is running. */
  jobs: Job[];
  timer: NodeJS.Timeout | null;
  ready: Promise<void>;
  isReady: boolean;
}

export interface VerifyPoolOptions {
  timeLimitMs?: number;
  maxQueue?: number;
  /** Heap limit of one worker: a hostile attempt cannot take the server's memory. */
  workerHeapMb?: number;
  /** Attempts handed to one worker at once. */
  depth?: number;
  /** A `later` attempt that has waited this long is served before fresh ones. */
  agingMs?: number;
  /** A worker whose replays at hand are expected to take longer than this is handed no more. */
  pipelineMs?: number;
}

/** One owner's waiting attempts. */
interface OwnerQueue {
  fresh: Job[];
  later: Job[];
  /** When this owner was last served (a turn number; 0: not yet), so the longest unserved goes first. */
  served: number;
}

const WORKER_URL = new URL('./verifyWorker.mjs', import.meta.url);

export class VerifyPool {
  private readonly slots: Slot[] = [];
  /** Owners with waiting attempts, in order of arrival (ties in turn order go to the first). */
  private readonly owners = new Map<string, OwnerQueue>();
  /** Attempts of each owner handed to a worker and not answered yet. */
  private readonly inFlight = new Map<string, number>();
  /** Replay milliseconds per cost unit, learned per chapter. */
  private readonly msPerCost = new Map<number, number>();
  private queued = 0;
  /** The turn each owner with an attempt being replayed was last served in. */
  private readonly lastServed = new Map<string, number>();
  private turn = 0;
  private readonly preload = new Set<number>();
  private nextId = 1;
  private closed = false;
  readonly timeLimitMs: number;
  readonly maxQueue: number;
  readonly workerHeapMb: number;
  readonly depth: number;
  readonly agingMs: number;
  readonly pipelineMs: number;

  /**
   * No worker runs while nobody plays (an idle server stays small): the first starts when a
   * student joins or an attempt arrives, more (up to `size`) while attempts wait in the queue.
   */
  constructor(
    readonly size: number,
    options: VerifyPoolOptions = {},
  ) {
    this.timeLimitMs = options.timeLimitMs ?? 10_000;
    this.maxQueue = options.maxQueue ?? 2000;
    this.workerHeapMb = options.workerHeapMb ?? 512;
    this.depth = Math.max(1, options.depth ?? 2);
    this.agingMs = options.agingMs ?? 5000;
    this.pipelineMs = options.pipelineMs ?? 150;
  }

  /**
   * Starts the first worker ahead of the first attempt (called when a student joins); `chapters`
   * are loaded in every worker (code and level data) before their first attempt arrives.
   */
  warmUp(chapters: readonly number[] = []): void {
    if (this.closed) return;
    const added = chapters.filter((c) => !this.preload.has(c));
    for (const c of added) this.preload.add(c);
    if (added.length) for (const s of this.slots) s.worker.postMessage({ preload: added });
    if (this.slots.length === 0) this.slots.push(this.spawn());
  }

  /** Starts a worker if none runs and resolves when every worker is ready. */
  async ready(): Promise<void> {
    this.warmUp();
    await Promise.all(this.slots.map((s) => s.ready));
  }

  get waiting(): number {
    return this.queued;
  }

  get workers(): number {
    return this.slots.length;
  }

  /**
   * Replays an attempt. `ticket.owner` names who sent it (attempts without one each wait on their
   * own); `ticket.cost` is its replay cost in its chapter's units (see ChapterEvents).
   */
  verify(attempt: Attempt, priority: VerifyPriority = 'fresh', ticket: VerifyTicket = {}): Promise<VerifyOutcome> {
    if (this.closed) return Promise.reject(new Error('The verification pool is closed.'));
    if (this.waiting >= this.maxQueue) return Promise.reject(new PoolBusyError());
    return new Promise((resolve, reject) => {
      const id = this.nextId++;
      this.enqueue({
        id,
        attempt,
        asked: performance.now(),
        owner: ticket.owner ?? `#${id}`,
        priority,
        cost: Math.max(1, ticket.cost ?? attempt.events.length),
        expectMs: 0,
        resolve,
        reject,
      });
      this.pump();
    });
  }

  private enqueue(job: Job, front = false): void {
    let q = this.owners.get(job.owner);
    if (!q) {
      q = { fresh: [], later: [], served: this.lastServed.get(job.owner) ?? 0 };
      this.owners.set(job.owner, q);
    }
    const list = job.priority === 'fresh' ? q.fresh : q.later;
    if (front) list.unshift(job);
    else list.push(job);
    this.queued++;
  }

  private allWaiting(): Job[] {
    return [...this.owners.values()].flatMap((q) => [...q.fresh, ...q.later]);
  }

  async close(): Promise<void> {
    this.closed = true;
    const stop = new Error('The server is shutting down.');
    for (const job of this.allWaiting()) job.reject(stop);
    this.owners.clear();
    this.queued = 0;
    await Promise.all(
      this.slots.map(async (s) => {
        if (s.timer) clearTimeout(s.timer);
        for (const job of s.jobs.splice(0)) job.reject(stop);
        await s.worker.terminate();
      }),
    );
  }

  private spawn(): Slot {
    // execArgv is emptied: the bootstrap registers the TypeScript loader itself.
    const worker = new Worker(WORKER_URL, {
      execArgv: [],
      resourceLimits: { maxOldGenerationSizeMb: this.workerHeapMb },
    });
    let markReady: () => void = () => {};
    const slot: Slot = {
      worker,
      jobs: [],
      timer: null,
      ready: new Promise((r) => (markReady = r)),
      isReady: false,
    };
    if (this.preload.size) worker.postMessage({ preload: [...this.preload] });
    worker.on('message', (msg: VerifyAnswer | { ready: true }) => {
      if ('ready' in msg) {
        slot.isReady = true;
        markReady();
        this.pump();
        return;
      }
      const job = slot.jobs[0];
      if (!job || job.id !== msg.id) return;
      slot.jobs.shift();
      this.done(job);
      this.learn(job, msg.ms);
      this.restartTimer(slot);
      job.resolve({
        ok: msg.ok,
        message: msg.message,
        stars: msg.stars,
        stats: msg.stats,
        replayMs: msg.ms,
        totalMs: Math.round(performance.now() - job.asked),
      });
      this.pump();
    });
    worker.on('error', (err) => this.replace(slot, `The replay crashed: ${err.message}`));
    worker.on('exit', () => {
      if (!this.closed && this.slots.includes(slot)) this.replace(slot, 'The replay stopped unexpectedly.');
    });
    return slot;
  }

  /** The time limit runs for the job the worker is on now (the first handed and unanswered). */
  private restartTimer(slot: Slot): void {
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer =
      slot.jobs.length > 0
        ? setTimeout(
            () => this.replace(slot, `The replay took longer than ${this.timeLimitMs / 1000} s and was stopped.`),
            this.timeLimitMs,
          )
        : null;
  }

  /**
   * Fails the slot's running job with `reason`, puts the jobs it had not started back at the front
   * of the queue, and puts a fresh worker in its place.
   */
  private replace(slot: Slot, reason: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0 || this.closed) return;
    if (slot.timer) clearTimeout(slot.timer);
    slot.timer = null;
    const [job, ...notStarted] = slot.jobs.splice(0);
    for (const j of [job, ...notStarted]) if (j) this.done(j);
    for (const j of notStarted.reverse()) this.enqueue(j, true);
    this.slots.splice(i, 1);
    void slot.worker.terminate();
    this.slots.push(this.spawn());
    job?.resolve({
      ok: false,
      message: reason,
      stars: 0,
      replayMs: 0,
      totalMs: Math.round(performance.now() - job.asked),
    });
    this.pump();
  }

  private done(job: Job): void {
    const n = (this.inFlight.get(job.owner) ?? 1) - 1;
    if (n > 0) this.inFlight.set(job.owner, n);
    else {
      this.inFlight.delete(job.owner);
      if (!this.owners.has(job.owner)) this.lastServed.delete(job.owner);
    }
  }

  /** Learns the chapter's replay time per cost unit from a replay done. */
  private learn(job: Job, ms: number): void {
    const rate = ms / job.cost;
    const was = this.msPerCost.get(job.attempt.chapter);
    this.msPerCost.set(job.attempt.chapter, was === undefined ? rate : was * 0.8 + rate * 0.2);
  }

  private expectedMs(job: Job): number {
    return job.cost * (this.msPerCost.get(job.attempt.chapter) ?? 1);
  }

  /**
   * The next job to hand out: owners take turns (the first in line with nothing being replayed),
   * the one served longest ago (or never) first; fresh first, unless an owner's oldest `later` one
   * has waited too long.
   */
  private take(): Job | undefined {
    let fresh: OwnerQueue | null = null;
    let old: OwnerQueue | null = null;
    const now = performance.now();
    for (const [owner, q] of this.owners) {
      if (this.inFlight.has(owner)) continue;
      if (q.later.length && (!old || q.later[0].asked < old.later[0].asked)) old = q;
      if (q.fresh.length && (!fresh || q.served < fresh.served)) fresh = q;
    }
    const q = old && (!fresh || now - old.later[0].asked > this.agingMs) ? old : fresh;
    if (!q) return undefined;
    const job = (q === old && (q !== fresh || now - q.later[0].asked > this.agingMs) ? q.later : q.fresh).shift();
    if (!job) return undefined;
    this.queued--;
    // The owner served goes to the back of the line (or leaves it, with nothing left waiting).
    q.served = ++this.turn;
    this.lastServed.set(job.owner, q.served);
    if (!q.fresh.length && !q.later.length) this.owners.delete(job.owner);
    this.inFlight.set(job.owner, (this.inFlight.get(job.owner) ?? 0) + 1);
    return job;
  }

  private busyMs(slot: Slot): number {
    return slot.jobs.reduce((ms, j) => ms + j.expectMs, 0);
  }

  private pump(): void {
    if (this.closed) return;
    // Another worker when attempts wait beyond what the started ones will soon take.
    const room = this.slots.reduce((n, s) => n + (s.isReady ? this.depth - s.jobs.length : this.depth), 0);
    if (this.waiting > room && this.slots.length < this.size) this.slots.push(this.spawn());
    // Fill the least busy ready workers first, one job at a time, up to `depth` each; a worker
    // expected to be busy for a while gets nothing more until it is free.
    for (;;) {
      if (this.waiting === 0) return;
      let best: Slot | null = null;
      for (const s of this.slots) {
        if (!s.isReady || s.jobs.length >= this.depth) continue;
        if (s.jobs.length > 0 && this.busyMs(s) > this.pipelineMs) continue;
        if (!best || this.busyMs(s) < this.busyMs(best)) best = s;
      }
      if (!best) return;
      const job = this.take();
      if (!job) return;
      job.expectMs = this.expectedMs(job);
      best.jobs.push(job);
      if (best.jobs.length === 1) this.restartTimer(best);
      best.worker.postMessage({ id: job.id, attempt: job.attempt });
    }
  }
}
