// A scripted player for chapter 5: the events of a whole attempt, as the scene would send them.
import { createActor } from 'xstate';
import { loadFoggyLevel, type FoggyLevel } from '../../../../src/levels/ch5/foggyLevel';
import { foggyMachine, type FoggyEvent } from '../../../../src/levels/ch5/foggyMachine';
import { rightChoice, gearChoices } from '../../../../src/levels/ch5/foggyGears';

export const level = loadFoggyLevel();

export function start(seed = 7) {
  const actor = createActor(foggyMachine, { input: { level, seed } }).start();
  actor.send({ type: 'dialogue.skip' });
  return actor;
}

/** The whole chapter: hand knobs, fog 1 (with an overshoot), fog 2, auto, gears, the challenge. */
export function playAll(seed = 7, challengeSizes = [0.1, 0.1, 0.1], lvl: FoggyLevel = level): FoggyEvent[] {
  const actor = createActor(foggyMachine, { input: { level: lvl, seed } }).start();
  actor.send({ type: 'dialogue.skip' });
  const send = (e: FoggyEvent) => actor.send(e);
  for (let i = 0; i < lvl.hand.offerAfterMoves; i++) send({ type: 'knob.nudge', index: i % 6, by: 0.1 });
  send({ type: 'hand.done' });
  send({ type: 'fog.feel' }); // the first steps are felt before they are taken
  send({ type: 'fog.step', size: 0.25 }); // refused: off the map
  send({ type: 'fog.step', size: 0.15 }); // across the valley
  send({ type: 'fog.feel' });
  for (let i = 0; i < 10 && !actor.getSnapshot().context.model.fog1.reached; i++) send({ type: 'fog.step', size: 0.1 });
  send({ type: 'fog.next' });
  for (let i = 0; i < 10 && !actor.getSnapshot().context.model.fog2.reached; i++) send({ type: 'fog.step', size: 0.1 });
  send({ type: 'fog.next' });
  send({ type: 'valley.run', start: 0 });
  send({ type: 'valley.run', start: 1 });
  send({ type: 'valley.done' });
  send({ type: 'auto.step', count: 20 });
  send({ type: 'auto.step', count: 20 });
  send({ type: 'auto.done' });
  send({ type: 'overfit.degree', degree: 6 });
  send({ type: 'overfit.degree', degree: lvl.overfit.degrees[1] });
  send({ type: 'overfit.done' });
  send({ type: 'gears.turn', by: lvl.gears.turn });
  const wrong = gearChoices(lvl, seed).find((c) => c !== rightChoice(lvl))!;
  send({ type: 'gears.predict', value: wrong });
  send({ type: 'gears.predict', value: rightChoice(lvl) });
  for (let i = 0; i < 4; i++) send({ type: 'gears.back' });
  send({ type: 'gears.done' });
  for (const size of challengeSizes) send({ type: 'fog.step', size });
  send({ type: 'challenge.accept' });
  send({ type: 'history.done' });
  const snap = actor.getSnapshot();
  if (snap.status !== 'done') throw new Error(`player stopped in ${JSON.stringify(snap.value)}`);
  return snap.context.events;
}
