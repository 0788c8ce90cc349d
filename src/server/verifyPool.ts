// Replays run off the request thread, in a small pool of worker threads, each with a time limit:
// one heavy (or hostile) attempt cannot stall the room. A worker that runs past the limit is
// terminated and replaced, and that attempt is refused with the reason. When more attempts wait
// than the queue holds, new ones are turned away as "busy" (the student's game sends them again).
import { Worker } from 'node:worker_threads';
import type { Attempt } from '../app/saveSchema';
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

interface Job {
  id: number;
  attempt: Attempt;
  asked: number;
  resolve: (v: VerifyOutcome) => void;
  reject: (err: Error) => void;
}

interface Slot {
  worker: Worker;
  job: Job | null;
  timer: NodeJS.Timeout | null;
  ready: Promise<void>;
  isReady: boolean;
}

const WORKER_URL = new URL('./verifyWorker.mjs', import.meta.url);

export class VerifyPool {
  private readonly slots: Slot[] = [];
  private readonly queue: Job[] = [];
  private nextId = 1;
  private closed = false;

  /**
   * No worker runs while nobody plays (an idle server stays small): the first starts when a
   * student joins or an attempt arrives, more (up to `size`) while attempts wait in the queue.
   */
  constructor(
    readonly size: number,
    readonly timeLimitMs = 10_000,
    readonly maxQueue = 2000,
    /** Heap limit of one worker: a hostile attempt cannot take the server's memory. */
    readonly workerHeapMb = 512,
  ) {}

  /** Starts the first worker ahead of the first attempt (called when a student joins). */
  warmUp(): void {
    if (!this.closed && this.slots.length === 0) this.slots.push(this.spawn());
  }

  /** Starts a worker if none runs and resolves when every worker is ready. */
  async ready(): Promise<void> {
    this.warmUp();
    await Promise.all(this.slots.map((s) => s.ready));
  }

  get waiting(): number {
    return this.queue.length;
  }

  verify(attempt: Attempt): Promise<VerifyOutcome> {
    if (this.closed) return Promise.reject(new Error('The verification pool is closed.'));
    if (this.queue.length >= this.maxQueue) return Promise.reject(new PoolBusyError());
    return new Promise((resolve, reject) => {
      this.queue.push({ id: this.nextId++, attempt, asked: performance.now(), resolve, reject });
      this.pump();
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    for (const job of this.queue.splice(0)) job.reject(new Error('The server is shutting down.'));
    await Promise.all(
      this.slots.map(async (s) => {
        if (s.timer) clearTimeout(s.timer);
        s.job?.reject(new Error('The server is shutting down.'));
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
      job: null,
      timer: null,
      ready: new Promise((r) => (markReady = r)),
      isReady: false,
    };
    worker.on('message', (msg: VerifyAnswer | { ready: true }) => {
      if ('ready' in msg) {
        slot.isReady = true;
        markReady();
        this.pump();
        return;
      }
      const job = slot.job;
      if (!job || job.id !== msg.id) return;
      if (slot.timer) clearTimeout(slot.timer);
      slot.job = null;
      slot.timer = null;
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

  /** Fails the slot's job with `reason` and puts a fresh worker in its place. */
  private replace(slot: Slot, reason: string): void {
    const i = this.slots.indexOf(slot);
    if (i < 0 || this.closed) return;
    if (slot.timer) clearTimeout(slot.timer);
    const job = slot.job;
    slot.job = null;
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

  private pump(): void {
    if (this.closed) return;
    const idle = this.slots.filter((s) => !s.job && s.isReady).length + this.slots.filter((s) => !s.isReady).length;
    if (this.queue.length > idle && this.slots.length < this.size) this.slots.push(this.spawn());
    for (const slot of this.slots) {
      if (slot.job || !slot.isReady || this.queue.length === 0) continue;
      const job = this.queue.shift()!;
      slot.job = job;
      slot.timer = setTimeout(
        () => this.replace(slot, `The replay took longer than ${this.timeLimitMs / 1000} s and was stopped.`),
        this.timeLimitMs,
      );
      slot.worker.postMessage({ id: job.id, attempt: job.attempt });
    }
  }
}
