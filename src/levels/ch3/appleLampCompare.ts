// Chapter 3's data for the compare screen, a pure function of the final snapshot's context: the
// knobs that were scored (each weight and the threshold) and the score as facts, and each fruit of
// the hidden basket in the level's order (the challenge draws its own order from the seed) with
// the lamp's decision. When the rigged basket was played, one more fact: the new fruit the lamp got
// right after Bit's first tuning there and after the last, and how many fruit the player added.
import type { CompareData, CompareFact } from '../contract';
import { lastRun } from './appleLampChallenge';
import type { AppleLampContext } from './appleLampMachine';
import { THRESHOLD, readLamp } from './appleLampModel';

export function appleLampCompare(context: AppleLampContext): CompareData {
  const { level, model } = context;
  const run = lastRun(model);
  const setting = run?.setting ?? model.knobs;
  const facts: CompareFact[] = [
    ...level.features.map((f, i) => ({ key: `ch3.compare.knob.${f}`, params: { value: setting.weights[i] } })),
    { key: `ch3.compare.knob.${THRESHOLD}`, params: { value: setting.threshold } },
    { key: 'ch3.compare.knobs', params: { n: run?.knobs ?? 0 } },
    { key: 'ch3.compare.right', params: { right: run?.correct ?? 0, size: level.challenge.fruits.length } },
  ];
  const rigged = model.rigged;
  if (rigged?.tunes.length) {
    const first = rigged.tunes[0];
    const last = rigged.tunes[rigged.tunes.length - 1];
    facts.push({
      key: 'ch3.compare.rigged',
      params: { before: first.testRight, after: last.testRight, tests: last.tests.length, added: rigged.added.length },
    });
  }
  const cases = level.challenge.fruits.map((id) => {
    const lit = run?.rounds.find((r) => r.fruit === id)?.lit ?? readLamp(level, setting, id).lit;
    return {
      label: { key: level.fruits[id].nameKey, params: {} },
      right: run !== null && lit === level.fruits[id].isApple,
      answer: { key: lit ? 'ch3.lamp.on' : 'ch3.lamp.off', params: {} },
    };
  });
  return { facts, series: {}, cases };
}
