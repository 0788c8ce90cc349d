// Chapter 1 played by a scripted trainer, as the mentor asks: honest feedback, sloppy on purpose
// only in the guided twist, a little practice of every command, then the show. The tests, the
// reference attempt (scripts/make-reference-attempts.ts) and the classroom's genuine attempts
// (bench/genuineAttempt.ts) all play it this way. `style` varies the free practice (how many
// rounds before the show, which command first); style 0 is the reference trainer.
import { type Actor, createActor } from 'xstate';
import type { SitLevel } from './sitLevel';
import { allowedCommands, sitMachine } from './sitMachine';
import { targetOf } from './sitModel';

export interface SitTrainerOptions {
  /** Another way of practising in the free step (0: the reference trainer). */
  style?: number;
  /** The most events the trainer sends before it stops where it is. */
  maxSteps?: number;
}

/** Plays chapter 1 on this seed; the actor is returned still running, where the trainer stopped. */
export function playSit(level: SitLevel, seed: number, opts: SitTrainerOptions = {}): Actor<typeof sitMachine> {
  const style = opts.style ?? 0;
  const actor = createActor(sitMachine, { input: { level, seed } }).start();
  actor.send({ type: 'dialogue.skip' });
  let round = 0;
  for (let step = 0; step < (opts.maxSteps ?? 2000); step++) {
    const snap = actor.getSnapshot();
    const state = String(snap.value);
    if (state === 'done') break;
    const ctx = snap.context;
    if (state === 'show') actor.send({ type: 'show.finish' });
    else if (ctx.model.pending) {
      const { command, action } = ctx.model.pending;
      const right = state === 'twist' ? action === level.twist.wrongAction : action === targetOf(level, command);
      actor.send({ type: 'trial.feedback', feedback: right ? 'treat' : 'scold' });
    } else if (state === 'free') {
      // Practise each command once more, then go on stage.
      if (round % (5 + (style % 4)) === 4) actor.send({ type: 'show.start' });
      else {
        const cmds = allowedCommands('free', ctx);
        actor.send({ type: 'trial.command', command: cmds[(round + style) % cmds.length] });
      }
      round++;
    } else {
      const cmds = allowedCommands(state, ctx);
      actor.send({ type: 'trial.command', command: cmds[cmds.length - 1] });
    }
  }
  return actor;
}

/** The events of chapter 1 played to the end by the trainer; throws, naming the seed, if it got stuck. */
export function sitTrainerEvents(level: SitLevel, seed: number, opts: SitTrainerOptions = {}): { type: string }[] {
  const actor = playSit(level, seed, opts);
  const snap = actor.getSnapshot();
  actor.stop();
  if (snap.status !== 'done')
    throw new Error(
      `the chapter 1 trainer did not finish (seed ${seed}, style ${opts.style ?? 0}, at ${JSON.stringify(snap.value)})`,
    );
  return snap.context.events;
}
