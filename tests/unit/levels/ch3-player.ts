// A scripted player for chapter 3, used by several tests: it solves each task with a known
// setting, lets Bit tune itself to the end, then runs the challenge with a chosen setting.
import { expect } from 'vitest';
import { createActor } from 'xstate';
import fruits from '../../../levels/fruits.json';
import type { Perceptron } from '../../../src/engine';
import { appleLampMachine, type AppleLampEvent } from '../../../src/levels/ch3/appleLampMachine';
import { loadAppleLampLevel, type AppleLampLevel } from '../../../src/levels/ch3/appleLampLevel';
import { LevelFileError } from '../../../src/levels/shared/levelFile';
import type { RuleOffer } from '../../../src/levels/ch3/appleLampRule';

// Features in level order: big, red, green, round, sweet, sour, fragrant.
export const SOLUTIONS: Record<string, Perceptron> = {
  // red + round - sweet + 2 fragrant: apple 3, green apple 3, every other basket fruit at most 2.
  apple: { weights: [0, 1, 0, 1, -1, 0, 2], threshold: 2.5 },
  // Only the watermelon is big.
  watermelon: { weights: [1, 0, 0, 0, 0, 0, 0], threshold: 0.5 },
  // red + sour - sweet: hawthorn 2, cherry tomato 1, apple 0, strawberry 0.
  hawthorn: { weights: [0, 1, 0, 0, -1, 1, 0], threshold: 1.5 },
};

export const load = (source: 'rule' | 'mine' | 'bit', p: Perceptron): AppleLampEvent => ({
  type: 'knobs.load',
  source,
  weights: [...p.weights],
  threshold: p.threshold,
});

export function playAppleLamp(
  level: AppleLampLevel,
  seed: number,
  /** rigged: play the rigged basket, adding these fruits before Bit retunes (else skip it, as old attempts did). */
  opts: { challenge?: Perceptron | 'bit'; rule?: RuleOffer; byKnob?: boolean; rigged?: string[] } = {},
) {
  const actor = createActor(appleLampMachine, { input: { level, seed, rule: opts.rule } }).start();
  actor.send({ type: 'dialogue.skip' });
  actor.send({ type: 'rule.skip' });
  for (const task of level.tasks) {
    const p = SOLUTIONS[task.id];
    if (opts.byKnob) {
      // Turn every knob by hand, the way the scene's sliders send them.
      level.features.forEach((id, i) => actor.send({ type: 'knob.set', id, value: p.weights[i] }));
      actor.send({ type: 'knob.set', id: 'threshold', value: p.threshold });
    } else {
      actor.send(load('mine', p));
    }
    actor.send({ type: 'conveyor.next' });
    actor.send({ type: 'task.check' });
  }
  for (let i = 0; i < 5; i++) actor.send({ type: 'tune.step' });
  actor.send({ type: 'tune.finish' });
  if (opts.rigged) {
    actor.send({ type: 'rigged.start' });
    actor.send({ type: 'rigged.tune' });
    for (const fruit of opts.rigged) actor.send({ type: 'rigged.add', fruit });
    actor.send({ type: 'rigged.tune' });
    actor.send({ type: 'rigged.done' });
  } else actor.send({ type: 'tune.done' });
  if (opts.challenge && opts.challenge !== 'bit') actor.send(load('mine', opts.challenge));
  actor.send({ type: 'challenge.run' });
  actor.send({ type: 'challenge.accept' });
  actor.send({ type: 'history.done' });
  return actor;
}

/** The plain-words problems chapter 3's level loader names for `data`, which it must refuse. */
export function problemsOf(data: unknown): string {
  try {
    loadAppleLampLevel(data, fruits);
  } catch (err) {
    expect(err).toBeInstanceOf(LevelFileError);
    return (err as LevelFileError).problems.join('\n');
  }
  throw new Error('expected the level to be refused');
}
