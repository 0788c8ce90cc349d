// The last step a replay has computed is live: a machine that works on its own there (chapter 6
// trains while its training step is watched) shows its progress, through the actors the page
// provides, and the scene's subscription hears of it.
import { describe, expect, it } from 'vitest';
import { assign, createActor, fromCallback, setup, type AnyStateMachine } from 'xstate';
import { replayMachine, replayRef, ReplayTimeline } from '../../../src/app/replayPlayer';
import type { AnyChapter } from '../../../src/levels/contract';

const machine = setup({
  types: { context: {} as { reports: number }, events: {} as { type: 'go' } | { type: 'report' } },
  actors: { work: fromCallback(() => () => {}) },
}).createMachine({
  context: { reports: 0 },
  initial: 'idle',
  states: {
    idle: { on: { go: 'working' } },
    working: {
      invoke: { src: 'work' },
      on: { report: { actions: assign({ reports: ({ context }) => context.reports + 1 }) } },
    },
  },
});

const chapter = { number: 9, machine, input: () => ({}) } as unknown as AnyChapter;

describe('a replay at its last computed step', () => {
  it('shows what the provided actors report, and tells the scene', () => {
    let report = () => {};
    const provide = (n: number, m: AnyStateMachine) => {
      expect(n).toBe(9);
      return m.provide({
        actors: {
          work: fromCallback(({ sendBack }) => {
            report = () => sendBack({ type: 'report' });
            return () => {};
          }),
        },
      });
    };
    const timeline = new ReplayTimeline(chapter, {}, 1, [{ type: 'go' }], provide);
    const player = createActor(replayMachine, { input: { length: 1 } }).start();
    const ref = replayRef(timeline, player);
    const seen: number[] = [];
    ref.subscribe((snap: { context: { reports: number } }) => seen.push(snap.context.reports));
    player.send({ type: 'replay.seek', to: 1 });
    expect(timeline.at(1).context.reports).toBe(0);
    report();
    report();
    expect(timeline.at(1).context.reports).toBe(2);
    expect(ref.getSnapshot().context.reports).toBe(2);
    expect(seen.at(-1)).toBe(2);
    // An earlier step keeps the snapshot it had.
    expect(timeline.at(0).value).toBe('idle');
    timeline.stop();
  });
});
