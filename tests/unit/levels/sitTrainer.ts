// A scripted trainer for chapter 1, used by several tests: it plays the chapter the way the
// mentor asks (honest feedback; sloppy on purpose during the twist) and returns the actor.
import { createActor } from 'xstate';
import { allowedCommands, sitMachine } from '../../../src/levels/ch1/sitMachine';
import type { SitLevel } from '../../../src/levels/ch1/sitLevel';
import { targetOf } from '../../../src/levels/ch1/sitModel';

export function playSit(level: SitLevel, seed: number, opts: { maxSteps?: number; showsBeforeGivingUp?: number } = {}) {
  const actor = createActor(sitMachine, { input: { level, seed } }).start();
  actor.send({ type: 'dialogue.skip' });
  let round = 0;
  for (let step = 0; step < (opts.maxSteps ?? 2000); step++) {
    const snap = actor.getSnapshot();
    const state = String(snap.value);
    if (state === 'done') break;
    const ctx = snap.context;
    if (state === 'show') {
      actor.send({ type: 'show.finish' });
      continue;
    }
    if (ctx.model.pending) {
      const { command, action } = ctx.model.pending;
      const right = state === 'twist' ? action === level.twist.wrongAction : action === targetOf(level, command);
      actor.send({ type: 'trial.feedback', feedback: right ? 'treat' : 'scold' });
      continue;
    }
    if (state === 'free') {
      // Practise each command once more, then go on stage.
      if (round % 5 === 4) {
        actor.send({ type: 'show.start' });
      } else {
        const cmds = allowedCommands('free', ctx);
        actor.send({ type: 'trial.command', command: cmds[round % cmds.length] });
      }
      round++;
      continue;
    }
    const cmds = allowedCommands(state, ctx);
    actor.send({ type: 'trial.command', command: cmds[cmds.length - 1] });
  }
  return actor;
}
