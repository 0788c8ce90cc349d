// Plays chapter 6 through its machine, as a player would, for the machine and replay tests.
import { createActor } from 'xstate';
import type { BossChoices } from '../../../../src/levels/ch6/bossTraining';
import { loadDigits } from '../../../../src/levels/ch6/digits';
import { loadDigitDemonLevel, type DigitDemonLevel } from '../../../../src/levels/ch6/digitDemonLevel';
import {
  digitDemonMachine,
  type DigitDemonChapterLevel,
  type DigitDemonEvent,
} from '../../../../src/levels/ch6/digitDemonMachine';
import { drawingToInput } from '../../../../src/levels/ch6/digitDrawing';

/** A small, fast net for tests: 16 hidden units, one epoch. */
export const SMALL: BossChoices = { hidden: 16, rate: 0.1, epochs: 1 };

export async function chapterLevel(file: DigitDemonLevel = loadDigitDemonLevel()): Promise<DigitDemonChapterLevel> {
  return { file, digits: await loadDigits() };
}

export function sampleDrawing(file: DigitDemonLevel, digit: number): number[] {
  const sample = file.samples.find((s) => s.digit === digit) ?? file.samples[0];
  return Array.from(drawingToInput(sample.strokes));
}

/** Events of a whole run with the given choices: build, train, all three phases, epilogue, ending. */
export function runEvents(file: DigitDemonLevel, choices: BossChoices = SMALL): DigitDemonEvent[] {
  const events: DigitDemonEvent[] = [
    { type: 'build.hidden', units: choices.hidden },
    { type: 'build.rate', rate: choices.rate },
    { type: 'build.epochs', epochs: choices.epochs },
    { type: 'train.start' },
    { type: 'train.done' },
    { type: 'fight.start' },
  ];
  for (let i = 0; i < file.fight.throws; i++) events.push({ type: 'fight.throw', call: i % 4 === 3 ? 'miss' : 'read' });
  events.push({ type: 'phase.next' });
  for (const digit of [1, 7, 0]) events.push({ type: 'draw.submit', digit, pixels: sampleDrawing(file, digit) });
  events.push(
    { type: 'phase.next' },
    { type: 'trick.epsilon', epsilon: 0.2 },
    { type: 'trick.pick', source: 'drawing', index: 0 },
    { type: 'phase.next' },
  );
  for (let i = 0; i < 3; i++) events.push({ type: 'epilogue.next' });
  events.push({ type: 'ending.done' });
  return events;
}

export function play(level: DigitDemonChapterLevel, seed: number, events: readonly DigitDemonEvent[]) {
  const actor = createActor(digitDemonMachine, { input: { level, seed } }).start();
  actor.send({ type: 'dialogue.skip' });
  for (const e of events) actor.send(e);
  return actor;
}
