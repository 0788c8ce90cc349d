// Chapter 6 trains through the trainBoss actor it invokes: its progress and weights come back as
// events, the weights are recorded as a plain 'train.done', and a replay retrains the same net.
import { beforeAll, describe, expect, it } from 'vitest';
import { createActor, fromCallback, waitFor } from 'xstate';
import { trainBossNet, weightsOf, type TrainProgress } from '../../../../src/levels/ch6/bossTraining';
import { loadDigitDemonLevel } from '../../../../src/levels/ch6/digitDemonLevel';
import { digitDemonMachine, type DigitDemonChapterLevel } from '../../../../src/levels/ch6/digitDemonMachine';
import { digitDemonView } from '../../../../src/levels/ch6/digitDemonView';
import type { TrainBossInput } from '../../../../src/levels/ch6/trainBoss';
import { stepOf } from '../../../../src/levels/contract';
import { chapterLevel, play, SMALL } from './ch6-player';

const file = loadDigitDemonLevel();
let level: DigitDemonChapterLevel;
const choose = [
  { type: 'build.hidden', units: SMALL.hidden },
  { type: 'build.rate', rate: SMALL.rate },
  { type: 'build.epochs', epochs: SMALL.epochs },
] as const;

beforeAll(async () => {
  level = await chapterLevel(file);
});

describe('chapter 6 trainBoss actor', () => {
  it('the in-process default trains, reports progress and records only a plain train.done', async () => {
    const actor = play(level, 4, [...choose, { type: 'train.start' }]);
    expect(stepOf(actor.getSnapshot().value).top).toBe('training');
    const snap = await waitFor(actor, (s) => stepOf(s.value).top === 'trained', { timeout: 60_000 });
    expect(snap.context.training.progress.length).toBe(1 + file.training.reportsPerEpoch);
    expect(snap.context.events.at(-1)).toEqual({ type: 'train.done' });
    const view = digitDemonView('trained', snap.context);
    expect(view.training.reports).toBe(snap.context.training.progress.length);
    expect(view.training.curves.test.length).toBe(view.training.reports);
    expect(view.training.samples.every((d) => d.predicted !== null && d.bytes.length === 784)).toBe(true);
    // A replay of the recorded events (train.done retrains in-process) reaches the same net.
    const replay = play(level, 4, snap.context.events).getSnapshot();
    expect(replay.context.model.report).toEqual(snap.context.model.report);
  });

  it('a provided trainBoss brings the weights back as events; leaving the step stops it', async () => {
    const started: TrainBossInput[] = [];
    let stopped = 0;
    const weights = weightsOf(trainBossNet(file, level.digits, 9, SMALL));
    const progress: TrainProgress = {
      epoch: 0,
      epochs: 1,
      fraction: 0.5,
      loss: 0.7,
      trainAccuracy: 0.5,
      testAccuracy: 0.4,
      samplePredictions: [],
    };
    let finish: () => void = () => {};
    const machine = digitDemonMachine.provide({
      actors: {
        trainBoss: fromCallback<{ type: string }, TrainBossInput>(({ input, sendBack }) => {
          started.push(input);
          sendBack({ type: 'train.progress', progress, ms: 500 });
          finish = () => sendBack({ type: 'train.finished', weights, ms: 900 });
          return () => {
            stopped++;
          };
        }),
      },
    });
    const actor = createActor(machine, { input: { level, seed: 9 } }).start();
    actor.send({ type: 'dialogue.skip' });
    for (const e of choose) actor.send(e);
    actor.send({ type: 'train.start' });
    await Promise.resolve();
    expect(started).toHaveLength(1);
    expect(started[0].choices).toEqual(SMALL);
    expect(digitDemonView('training', actor.getSnapshot().context).training).toMatchObject({
      reports: 1,
      secondsLeft: 1,
    });
    // Cancelling stops the run; a new start begins a fresh one with no old progress.
    actor.send({ type: 'train.cancel' });
    expect(stopped).toBe(1);
    actor.send({ type: 'train.start' });
    await Promise.resolve();
    expect(started).toHaveLength(2);
    finish();
    const snap = actor.getSnapshot();
    expect(stepOf(snap.value).top).toBe('trained');
    expect(stopped).toBe(2);
    expect(snap.context.events.filter((e) => e.type.startsWith('train.'))).toEqual([
      { type: 'train.start' },
      { type: 'train.cancel' },
      { type: 'train.start' },
      { type: 'train.done' },
    ]);
    // The weights it brought are the net a replay trains.
    const replay = play(level, 9, snap.context.events).getSnapshot();
    expect(replay.context.model.report).toEqual(snap.context.model.report);
  });
});
