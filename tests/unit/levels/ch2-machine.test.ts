import { describe, expect, it } from 'vitest';
import { SimulatedClock, createActor, type SnapshotFrom } from 'xstate';
import { getShortestPaths } from 'xstate/graph';
import { loadRulebookLevel } from '../../../src/levels/ch2/rulebookLevel';
import {
  rulebookMachine,
  WEEK_DAY_MS,
  type RulebookEvent,
  type RulebookInputEvent,
} from '../../../src/levels/ch2/rulebookMachine';
import { stepOf } from '../../../src/levels/contract';
import chapter from '../../../src/levels/ch2';
import { replayChapter } from '../../../src/levels/shared/replay';

// The chapter's own replay, through its contract (as verification runs it).
const replayRulebook = (level: unknown, seed: number, events: readonly { type: string }[]) =>
  replayChapter(chapter, level, seed, events).result;
import { readyToCheck, rulebookView } from '../../../src/levels/ch2/rulebookView';
import { isEditEvent } from '../../../src/levels/ch2/rulebookEdit';
import { LI_FIX, playRulebook, scriptFor, STALL_RULE, WANG_FIX, WEATHER_RULE } from './ch2Player';

const data = loadRulebookLevel();
type Snap = SnapshotFrom<typeof rulebookMachine>;
/** The chapter step of a snapshot (the weather step has sub-states while the week runs). */
const stepOfSnap = (snap: { value: unknown }) => stepOf(snap.value).top;

/** The player's next useful edit in a step: the scripted rule, one tile at a time. */
function nextEdit(snap: Snap): RulebookInputEvent[] {
  const edits = snap.context.events.filter(isEditEvent);
  const step = stepOfSnap(snap);
  if (step === 'weather') return WEATHER_RULE.slice(edits.length, edits.length + 1);
  if (step === 'stall') return STALL_RULE.slice(edits.length - WEATHER_RULE.length).slice(0, 1);
  if (step === 'conflict' && snap.context.model.side) {
    const fix = snap.context.model.side === 'wang' ? WANG_FIX : LI_FIX;
    const done = edits.length - WEATHER_RULE.length - STALL_RULE.length;
    return fix.slice(done, done + 1);
  }
  return [];
}

describe('chapter 2 machine', () => {
  it("shortest paths reach every step, and the chapter's end, from the intro", () => {
    const paths = getShortestPaths(rulebookMachine, {
      input: { level: data, seed: 9 },
      events: (snap: Snap): RulebookEvent[] => {
        switch (stepOfSnap(snap)) {
          case 'intro':
            return [{ type: 'dialogue.next' }, { type: 'dialogue.skip' }];
          case 'weather':
          case 'stall':
            return [...nextEdit(snap), { type: 'rules.check' }];
          case 'conflict':
            return [
              { type: 'conflict.pick', seller: 'wang' },
              { type: 'conflict.pick', seller: 'li' },
              ...nextEdit(snap),
              { type: 'rules.check' },
            ];
          case 'season':
            return [{ type: 'season.next' }];
          case 'challenge':
            return [{ type: 'challenge.run' }];
          case 'verdict':
            return [{ type: 'challenge.finish' }];
          default:
            return [];
        }
      },
      serializeState: (s) =>
        JSON.stringify([
          s.value,
          s.context.model.weather,
          s.context.model.apple,
          s.context.model.side,
          s.context.introLine,
        ]),
    });
    const steps = new Set(paths.map((p) => stepOfSnap(p.state)));
    expect([...steps].sort()).toEqual([
      'challenge',
      'conflict',
      'done',
      'intro',
      'season',
      'stall',
      'verdict',
      'weather',
    ]);
    const toDone = paths.filter((p) => p.state.status === 'done');
    expect(toDone.length).toBeGreaterThan(0);
    // The quickest way through: skip the intro, build each rule, check, take a side, fix, go on.
    const quickest = toDone.reduce((a, b) => (a.steps.length <= b.steps.length ? a : b));
    const types = quickest.steps.map((s) => s.event.type as string).filter((t) => t !== 'xstate.init');
    expect(types[0]).toBe('dialogue.skip');
    expect(types.filter((t) => t === 'rules.check')).toHaveLength(3);
    expect(types.slice(-2)).toEqual(['challenge.run', 'challenge.finish']);
    // Every path to the end records exactly its model-changing events and replays to the same result.
    for (const p of toDone) {
      const s = p.state;
      expect(replayRulebook(data, 9, s.context.events)).toEqual(s.output);
    }
  });

  it('checking too early keeps the player in the step with a notice, and is recorded', () => {
    const actor = createActor(rulebookMachine, { input: { level: data, seed: 3 } }).start();
    actor.send({ type: 'dialogue.skip' });
    actor.send({ type: 'tile.add', rule: 0, fact: 'cloudy' });
    actor.send({ type: 'rules.check' });
    const s = actor.getSnapshot();
    expect(s.value).toEqual({ weather: 'idle' });
    expect(s.context.notice).toBe('ch2.notice.weatherWrong');
    expect(rulebookView('weather', s.context).line).toMatchObject({
      key: 'ch2.notice.weatherWrong',
      params: { correct: '5', size: '7' },
    });
    expect(s.context.events.map((e) => e.type)).toEqual(['tile.add', 'rules.check']);
  });

  it('runs the week on its own clock: one day per tick, then the one recorded check, as if pressed', () => {
    const days = data.level.weather.days.length;
    const clock = new SimulatedClock();
    const actor = createActor(rulebookMachine, { input: { level: data, seed: 3 }, clock }).start();
    actor.send({ type: 'dialogue.skip' });
    actor.send({ type: 'tile.add', rule: 0, fact: 'cloudy' });
    actor.send({ type: 'week.run' });
    const weekOf = () => rulebookView('weather', actor.getSnapshot().context).week;
    expect(actor.getSnapshot().value).toEqual({ weather: 'running' });
    expect(weekOf()).toEqual({ reached: 0 });
    // The rulebook is fixed while the days turn, and a second run is not started.
    expect(actor.getSnapshot().can({ type: 'tile.add', rule: 0, fact: 'windy' })).toBe(false);
    actor.send({ type: 'week.run' });
    for (let day = 1; day <= days; day++) {
      clock.increment(WEEK_DAY_MS - 1);
      expect(weekOf()).toEqual({ reached: day - 1 });
      clock.increment(1);
      expect(weekOf()).toEqual({ reached: day });
      expect(actor.getSnapshot().context.events.map((e) => e.type)).toEqual(['tile.add']);
    }
    clock.increment(WEEK_DAY_MS);
    const s = actor.getSnapshot();
    expect(s.context.events.map((e) => e.type)).toEqual(['tile.add', 'rules.check']);
    expect(s.value).toEqual({ weather: 'idle' });
    expect(rulebookView('weather', s.context).week).toBeNull();
    // The same as a pressed check on the same rulebook.
    const pressed = createActor(rulebookMachine, { input: { level: data, seed: 3 } }).start();
    for (const e of [{ type: 'dialogue.skip' }, { type: 'tile.add', rule: 0, fact: 'cloudy' }, { type: 'rules.check' }])
      pressed.send(e as RulebookEvent);
    expect(s.context).toEqual(pressed.getSnapshot().context);
    // Nothing more happens on the clock, and a right rulebook's week goes on to the stall.
    clock.increment(10 * WEEK_DAY_MS);
    expect(actor.getSnapshot().context.events).toHaveLength(2);
    actor.send({ type: 'tile.remove', rule: 0, tile: 0 });
    for (const e of WEATHER_RULE) actor.send(e);
    actor.send({ type: 'week.run' });
    for (let tick = 0; tick <= days; tick++) clock.increment(WEEK_DAY_MS);
    expect(actor.getSnapshot().value).toBe('stall');
    expect(actor.getSnapshot().context.week).toBeNull();
    expect(actor.getSnapshot().context.events.filter((e) => e.type === 'rules.check')).toHaveLength(2);
  });

  it('with reduced motion the week is checked at once, recorded as the same one check', () => {
    const clock = new SimulatedClock();
    const actor = createActor(rulebookMachine, { input: { level: data, seed: 3 }, clock }).start();
    actor.send({ type: 'dialogue.skip' });
    actor.send({ type: 'tile.add', rule: 0, fact: 'cloudy' });
    actor.send({ type: 'week.run', instant: true });
    const s = actor.getSnapshot();
    expect(s.value).toEqual({ weather: 'idle' });
    expect(s.context.week).toBeNull();
    expect(s.context.notice).toBe('ch2.notice.weatherWrong');
    expect(s.context.events.map((e) => e.type)).toEqual(['tile.add', 'rules.check']);
  });

  it('ignores impossible or out-of-step inputs without recording them', () => {
    const actor = createActor(rulebookMachine, { input: { level: data, seed: 4 } }).start();
    actor.send({ type: 'tile.add', rule: 0, fact: 'cloudy' }); // still in the intro
    actor.send({ type: 'dialogue.skip' });
    actor.send({ type: 'tile.add', rule: 0, fact: 'red' }); // a fruit tile in the weather part
    actor.send({ type: 'tile.not', rule: 0, tile: 0, not: true }); // no tile there yet
    actor.send({ type: 'conflict.pick', seller: 'wang' });
    actor.send({ type: 'challenge.run' });
    const s = actor.getSnapshot();
    expect(s.value).toEqual({ weather: 'idle' });
    expect(s.context.events).toEqual([]);
  });

  it('in the conflict the player must pick a side, and then match that side', () => {
    const actor = playRulebook(data, 5, [
      ...WEATHER_RULE,
      { type: 'rules.check' },
      ...STALL_RULE,
      { type: 'rules.check' },
    ]);
    expect(actor.getSnapshot().value).toBe('conflict');
    expect(rulebookView('conflict', actor.getSnapshot().context).conflicts!.map((c) => c.fruit)).toEqual([
      'green-apple',
      'cherry-tomato',
    ]);
    actor.send({ type: 'rules.check' });
    expect(actor.getSnapshot().context.notice).toBe('ch2.notice.pickFirst');
    actor.send({ type: 'conflict.pick', seller: 'li' });
    actor.send({ type: 'rules.check' });
    expect(actor.getSnapshot().context.notice).toBe('ch2.notice.sideWrong');
    expect(readyToCheck('conflict', actor.getSnapshot().context)).toBe(false);
    for (const e of LI_FIX) actor.send(e);
    expect(readyToCheck('conflict', actor.getSnapshot().context)).toBe(true);
    actor.send({ type: 'rules.check' });
    const s = actor.getSnapshot();
    expect(s.value).toBe('season');
    const view = rulebookView('season', s.context);
    expect(view.ceiling).toEqual({ total: 18, expertCorrect: 16, rulebookCorrect: 14, side: 'li' });
    expect(view.strip!.cards.filter((c) => c.correct === false).map((c) => c.id)).toEqual([
      'crab-apple',
      'pomegranate',
    ]);
    expect(view.editor!.editable).toBe(false);
  });

  it('a failed challenge goes back to editing; a better rulebook then passes', () => {
    // Forbid "round": nothing is an apple, so the basket scores only its 4 non-apples.
    const spoil: RulebookInputEvent[] = [
      { type: 'tile.add', rule: 0, fact: 'round' },
      { type: 'tile.not', rule: 0, tile: 3, not: true },
    ];
    const actor = playRulebook(data, 6, scriptFor('li', spoil));
    let s = actor.getSnapshot();
    expect(s.value).toBe('challenge');
    expect(s.context.notice).toBe('ch2.notice.challengeFailed');
    actor.send({ type: 'tile.remove', rule: 0, tile: 3 });
    actor.send({ type: 'tile.remove', rule: 0, tile: 2 });
    actor.send({ type: 'tile.add', rule: 0, fact: 'fragrant' });
    actor.send({ type: 'challenge.run' });
    actor.send({ type: 'challenge.finish' });
    s = actor.getSnapshot();
    expect(s.status).toBe('done');
    expect(s.output).toMatchObject({
      passed: true,
      stars: 3,
      correct: 8,
      size: 8,
      rules: 1,
      side: 'li',
      challengeAttempts: 2,
    });
  });

  it('replaying a recorded attempt reproduces the result exactly; a cut log does not finish', () => {
    const actor = playRulebook(data, 77, scriptFor('wang'));
    const s = actor.getSnapshot();
    expect(s.status).toBe('done');
    expect(s.output).toEqual({
      passed: true,
      stars: 3,
      correct: 7,
      size: 8,
      rules: 2,
      side: 'wang',
      checks: 3,
      challengeAttempts: 1,
    });
    const recorded = JSON.parse(JSON.stringify(s.context.events)) as RulebookInputEvent[];
    expect(replayRulebook(data, 77, recorded)).toEqual(s.output);
    expect(() => replayRulebook(data, 77, recorded.slice(0, -1))).toThrow(/did not finish/);
  });

  it('a passed verdict opens the history card without recording it; old attempts still end at the verdict', () => {
    const script = scriptFor('wang');
    const finish = script[script.length - 1];
    // Played with the card: the verdict's Continue (dialogue, not recorded), then the card's.
    const actor = playRulebook(data, 77, script.slice(0, -1));
    expect(actor.getSnapshot().value).toBe('verdict');
    expect(rulebookView('verdict', actor.getSnapshot().context).finish).toEqual({ type: 'dialogue.next' });
    actor.send({ type: 'dialogue.next' });
    const card = actor.getSnapshot();
    expect(card.value).toBe('history');
    const view = rulebookView('history', card.context);
    expect(view.history?.items.map((h) => h.year)).toEqual(['1956', '1965', '1980s']);
    expect(view.finish).toEqual(finish);
    actor.send(finish);
    const s = actor.getSnapshot();
    expect(s.status).toBe('done');
    // The recorded events are exactly those of an attempt made before the card existed.
    const recorded = JSON.parse(JSON.stringify(s.context.events)) as RulebookInputEvent[];
    expect(recorded).toEqual(script);
    expect(replayRulebook(data, 77, recorded)).toEqual(s.output);
  });

  it('a failed verdict never opens the history card', () => {
    const actor = playRulebook(data, 77, scriptFor('wang', [{ type: 'rule.remove', rule: 0 }]).slice(0, -1));
    const snap = actor.getSnapshot();
    expect(snap.value).toBe('verdict');
    expect(rulebookView('verdict', snap.context).finish).toEqual({ type: 'challenge.finish' });
    actor.send({ type: 'dialogue.next' });
    expect(actor.getSnapshot().value).toBe('verdict');
  });
});
