// Scrubbing a replay is answered at once: a seek moves the player and draws the nearest step
// already computed, while the steps are computed in short slices between the page's tasks (here
// a queue the test runs), ahead to the end, so presses are never stuck behind a long step
// (chapter 4's lab trains hundreds of epochs in one recorded step). Computing ahead stops at a
// step where the machine works on its own, which stays live until the player goes past.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createActor, fromCallback, setup } from 'xstate';
import { replayMachine, replayRef, ReplayTimeline } from '../../../src/app/replayPlayer';
import type { Attempt } from '../../../src/app/saveSchema';
import type { AnyChapter } from '../../../src/levels/contract';
import { loadChapter } from '../../../src/levels/chapters';

function queue() {
  const tasks: (() => void)[] = [];
  return {
    schedule: (work: () => void) => void tasks.push(work),
    /** Runs the queued tasks (and what they queue) until none is left; returns how many ran. */
    drain(max = 10_000) {
      let n = 0;
      while (tasks.length && n < max) {
        tasks.shift()?.();
        n++;
      }
      return n;
    },
    get pending() {
      return tasks.length;
    },
  };
}

const ctxOf = (p: { getSnapshot(): unknown }) =>
  (p.getSnapshot() as { context: { position: number; ready: number } }).context;

describe('scrubbing a replay', () => {
  it("answers a seek into chapter 4's lab at once and draws the end when it is computed", async () => {
    const attempt = JSON.parse(
      readFileSync(join(import.meta.dirname, '../../../levels/reference/ch4.json'), 'utf8'),
    ) as Attempt;
    const chapter = (await loadChapter(4))!;
    const timeline = new ReplayTimeline(chapter, chapter.loadLevel(), attempt.seed, attempt.events);
    const len = timeline.length;
    const player = createActor(replayMachine, { input: { length: len, ready: 0 } }).start();
    const q = queue();
    const ref = replayRef(timeline, player, q.schedule);
    const drawn: unknown[] = [];
    ref.subscribe((snap: unknown) => drawn.push(snap));

    const t0 = performance.now();
    player.send({ type: 'replay.seek', to: len });
    expect(performance.now() - t0).toBeLessThan(200);
    expect(ctxOf(player).position).toBe(len);
    // Nothing heavy ran in the seek: the frame drawn is one already computed.
    expect(timeline.computed).toBeLessThan(len);
    expect(drawn.at(-1)).toBe(timeline.at(timeline.computed));
    // A press in between is taken at once.
    player.send({ type: 'replay.step', by: -1 });
    expect(ctxOf(player).position).toBe(len - 1);
    player.send({ type: 'replay.seek', to: len });

    expect(q.drain()).toBeGreaterThan(1);
    expect(timeline.computed).toBe(len);
    expect(ctxOf(player).ready).toBe(len);
    expect((ref.getSnapshot() as { output?: unknown }).output).toEqual(attempt.result);
    expect(drawn.at(-1)).toBe(ref.getSnapshot());
    (ref as unknown as { stop(): void }).stop();
  }, 60_000);

  it('computes ahead without a seek, and stops at a step where the machine works on its own', () => {
    const machine = setup({
      types: { events: {} as { type: 'go' } | { type: 'next' } },
      actors: { work: fromCallback(() => () => {}) },
    }).createMachine({
      initial: 'a',
      states: {
        a: { on: { go: 'working' } },
        working: { invoke: { src: 'work' }, on: { next: 'b' } },
        b: { on: { next: 'c' } },
        c: {},
      },
    });
    const chapter = { number: 9, machine, input: () => ({}) } as unknown as AnyChapter;
    const timeline = new ReplayTimeline(chapter, {}, 1, [{ type: 'go' }, { type: 'next' }, { type: 'next' }]);
    const player = createActor(replayMachine, { input: { length: 3, ready: 0 } }).start();
    const q = queue();
    const ref = replayRef(timeline, player, q.schedule);
    q.drain();
    expect(timeline.computed).toBe(1);
    expect(timeline.live).toBe(true);
    expect(ctxOf(player).ready).toBe(1);
    player.send({ type: 'replay.seek', to: 3 });
    q.drain();
    expect(timeline.computed).toBe(3);
    expect(ref.getSnapshot().value).toBe('c');
    (ref as unknown as { stop(): void }).stop();
  });

  it('plays on only to steps already computed', () => {
    const player = createActor(replayMachine, { input: { length: 5, ready: 1, speedIndex: 0 } }).start();
    player.send({ type: 'replay.play' });
    for (let i = 0; i < 5; i++) player.send({ type: 'replay.tick', ms: 1000 });
    expect(ctxOf(player).position).toBe(1);
    player.send({ type: 'replay.ready', ready: 5 });
    player.send({ type: 'replay.tick', ms: 1000 });
    expect(ctxOf(player).position).toBe(2);
  });
});
