import { describe, expect, it } from 'vitest';
import { foggyView } from '../../../../src/levels/ch5/foggyView';
import { level, start } from './ch5-player';

describe('chapter 5 hand offer', () => {
  it("the mentor's offer, with its highlight and sound, comes on the very move that makes it", () => {
    const actor = start();
    for (let i = 0; i < level.hand.offerAfterMoves - 1; i++) {
      actor.send({ type: 'knob.nudge', index: i % 6, by: 0.1 });
      const view = foggyView('hand', actor.getSnapshot().context);
      expect(view.hand?.mayEnd).toBe(false);
      expect(view.cue).toBeNull();
    }
    // The move that makes "you may stop" possible: the button and the notice arrive together.
    actor.send({ type: 'knob.nudge', index: 0, by: 0.1 });
    const view = foggyView('hand', actor.getSnapshot().context);
    expect(view.hand?.mayEnd).toBe(true);
    expect(actor.getSnapshot().context.notice).toBe('ch5.hand.offer');
    expect(view.line).toMatchObject({ key: 'ch5.hand.offer', notice: true });
    expect(view.cue?.id).toMatch(/^ch5\.hand\.offer\|/);
  });
});
