import { describe, expect, it } from 'vitest';
import { createActor, setup } from 'xstate';
import { appendInput, isRecorded, recordInput } from '../../../src/levels/shared/record';

type Input = { type: 'knob.set'; value: number } | { type: 'train.run'; epochs: number };
type Ev = Input | { type: 'dialogue.next' } | { type: 'dialogue.skip' } | { type: 'peek' };

const mergeRuns = (last: Input, event: Input): Input | null =>
  last.type === 'train.run' && event.type === 'train.run'
    ? { type: 'train.run', epochs: last.epochs + event.epochs }
    : null;

const machine = setup({
  types: { context: {} as { events: Input[] }, events: {} as Ev },
  actions: { record: recordInput(mergeRuns) },
}).createMachine({
  context: { events: [] },
  on: {
    'knob.set': { actions: 'record' },
    'train.run': { actions: 'record' },
    // Wired by mistake: record still leaves dialogue out.
    'dialogue.next': { actions: 'record' },
    peek: {},
  },
});

describe('the shared record action', () => {
  it('appends each input the machine records, in order, and nothing else', () => {
    const actor = createActor(machine).start();
    actor.send({ type: 'knob.set', value: 1 });
    actor.send({ type: 'peek' });
    actor.send({ type: 'dialogue.next' });
    actor.send({ type: 'knob.set', value: 2 });
    expect(actor.getSnapshot().context.events).toEqual([
      { type: 'knob.set', value: 1 },
      { type: 'knob.set', value: 2 },
    ]);
  });

  it("folds an event into the last one when the chapter's merge says they are one", () => {
    const actor = createActor(machine).start();
    actor.send({ type: 'train.run', epochs: 3 });
    actor.send({ type: 'train.run', epochs: 4 });
    actor.send({ type: 'knob.set', value: 0 });
    actor.send({ type: 'train.run', epochs: 5 });
    expect(actor.getSnapshot().context.events).toEqual([
      { type: 'train.run', epochs: 7 },
      { type: 'knob.set', value: 0 },
      { type: 'train.run', epochs: 5 },
    ]);
  });

  it('leaves out dialogue and the actor system’s own events', () => {
    expect(isRecorded('dialogue.skip')).toBe(false);
    expect(isRecorded('xstate.after.500.tick')).toBe(false);
    expect(isRecorded('knob.set')).toBe(true);
    const events = [{ type: 'a' }];
    expect(appendInput(events, { type: 'dialogue.next' })).toEqual([{ type: 'a' }]);
    expect(appendInput(events, { type: 'b' })).toEqual([{ type: 'a' }, { type: 'b' }]);
    expect(events).toEqual([{ type: 'a' }]);
  });
});
