// A scripted player for chapter 2, used by several tests: builds the rules the mentor asks for
// and takes a side in the sellers' conflict. Returns the actor and the events it sent.
import { createActor } from 'xstate';
import { rulebookMachine, type RulebookInputEvent } from '../../../src/levels/ch2/rulebookMachine';
import type { RulebookData } from '../../../src/levels/ch2/rulebookLevel';

/** cloudy AND humidity > 70 AND NOT windy → rain: right on all seven days. */
export const WEATHER_RULE: RulebookInputEvent[] = [
  { type: 'tile.add', rule: 0, fact: 'cloudy' },
  { type: 'tile.add', rule: 0, fact: 'humidity' },
  { type: 'tile.threshold', rule: 0, tile: 1, value: 70 },
  { type: 'tile.add', rule: 0, fact: 'windy' },
  { type: 'tile.not', rule: 0, tile: 2, not: true },
];

/** red AND round AND fragrant → apple: right on every fruit the sellers agree on. */
export const STALL_RULE: RulebookInputEvent[] = [
  { type: 'tile.add', rule: 0, fact: 'red' },
  { type: 'tile.add', rule: 0, fact: 'round' },
  { type: 'tile.add', rule: 0, fact: 'fragrant' },
];

/** Auntie Wang's side: a second rule, green AND sour → apple (the green apple). */
export const WANG_FIX: RulebookInputEvent[] = [
  { type: 'rule.add' },
  { type: 'tile.add', rule: 1, fact: 'green' },
  { type: 'tile.add', rule: 1, fact: 'sour' },
];

/** Uncle Li's side: sweet instead of fragrant (the cherry tomato, his "love apple"). */
export const LI_FIX: RulebookInputEvent[] = [
  { type: 'tile.remove', rule: 0, tile: 2 },
  { type: 'tile.add', rule: 0, fact: 'sweet' },
];

export function scriptFor(side: 'wang' | 'li', challengeFix: RulebookInputEvent[] = []): RulebookInputEvent[] {
  return [
    ...WEATHER_RULE,
    { type: 'rules.check' },
    ...STALL_RULE,
    { type: 'rules.check' },
    { type: 'conflict.pick', seller: side },
    ...(side === 'wang' ? WANG_FIX : LI_FIX),
    { type: 'rules.check' },
    { type: 'season.next' },
    ...challengeFix,
    { type: 'challenge.run' },
    { type: 'challenge.finish' },
  ];
}

export function playRulebook(data: RulebookData, seed: number, script: readonly RulebookInputEvent[]) {
  const actor = createActor(rulebookMachine, { input: { level: data, seed } }).start();
  actor.send({ type: 'dialogue.skip' });
  for (const e of script) actor.send(e);
  return actor;
}
