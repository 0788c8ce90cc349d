// Plays chapter 4 through its machine the way a player would: the XOR line, Bit's run, the
// hand-built XOR network, then the lab with chosen settings and the challenge.
import { createActor } from 'xstate';
import type { SmallActivation } from '../../../../src/engine';
import type { DatasetId } from '../../../../src/levels/ch4/minskyLab';
import type { MinskyLevel } from '../../../../src/levels/ch4/minskyLevel';
import { minskyMachine, type MinskyEvent } from '../../../../src/levels/ch4/minskyMachine';

export interface LabPlan {
  dataset: DatasetId;
  /** Hidden layer sizes, e.g. [4] or [8, 6]. */
  layers: number[];
  activation: SmallActivation;
  rate: number;
  epochs: number;
}

/** The explainer's construction, as knob turns: h1 = (1, -1, 1/2), h2 = (-1, 1, 1/2), out = h1 + h2 > 0. */
export const XOR_BY_HAND: MinskyEvent[] = [
  { type: 'knob.set', id: 'h1.w1', value: 1 },
  { type: 'knob.set', id: 'h1.w2', value: -1 },
  { type: 'knob.set', id: 'h1.threshold', value: 0.5 },
  { type: 'hidden.add' },
  { type: 'knob.set', id: 'h2.w1', value: -1 },
  { type: 'knob.set', id: 'h2.w2', value: 1 },
  { type: 'knob.set', id: 'h2.threshold', value: 0.5 },
  { type: 'knob.set', id: 'out.v1', value: 1 },
  { type: 'knob.set', id: 'out.v2', value: 1 },
  { type: 'knob.set', id: 'out.threshold', value: 0 },
];

export function toLab(level: MinskyLevel, seed: number) {
  const actor = createActor(minskyMachine, { input: { level, seed } }).start();
  actor.send({ type: 'dialogue.skip' });
  for (let i = 0; i < level.honestTries; i++) actor.send({ type: 'knob.nudge', id: 'line.w1', by: i % 2 ? 0.5 : -0.5 });
  actor.send({ type: 'bit.start' });
  actor.send({ type: 'bit.finish' });
  actor.send({ type: 'bit.done' });
  actor.send({ type: 'book.read' });
  for (const e of XOR_BY_HAND) actor.send(e);
  actor.send({ type: 'build.check' });
  actor.send({ type: 'insight.done' });
  return actor;
}

/** Shapes the lab's network and trains it (in runs of at most maxEpochsPerStep epochs). */
export function playLab(actor: ReturnType<typeof toLab>, level: MinskyLevel, plan: LabPlan): void {
  actor.send({ type: 'data.pick', dataset: plan.dataset });
  actor.send({ type: 'activation.set', activation: plan.activation });
  actor.send({ type: 'rate.set', rate: plan.rate });
  if (plan.layers.length > 1) actor.send({ type: 'layer.add' });
  plan.layers.forEach((n, layer) => {
    for (let k = 0; k < 20; k++) {
      const now = actor.getSnapshot().context.lab.net.sizes[layer + 1];
      if (now === n) break;
      actor.send({ type: now < n ? 'neuron.add' : 'neuron.remove', layer });
    }
  });
  let left = plan.epochs;
  while (left > 0) {
    const n = Math.min(left, level.lab.maxEpochsPerStep);
    actor.send({ type: 'train.run', epochs: n });
    left -= n;
  }
}

export function playChapter(level: MinskyLevel, seed: number, plan: LabPlan) {
  const actor = toLab(level, seed);
  playLab(actor, level, plan);
  actor.send({ type: 'challenge.run' });
  actor.send({ type: 'challenge.accept' });
  actor.send({ type: 'history.done' });
  return actor;
}
