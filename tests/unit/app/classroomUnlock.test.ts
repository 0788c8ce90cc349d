import { describe, expect, it } from 'vitest';
import { createActor, fromPromise, waitFor } from 'xstate';
import { appMachine } from '../../../src/app/appMachine';
import { classroomUnlocks } from '../../../src/app/classroomQueue';
import { freshSave, type ClassroomState } from '../../../src/app/saveSchema';
import { chapterInfo, chapterStatus } from '../../../src/levels/chapters';
import ch5 from '../../../src/levels/ch5';

const classroom = (chapters: number[], ended = false): ClassroomState => ({
  server: 'http://127.0.0.1:1',
  code: 'ABCDEF',
  title: 'Class',
  nickname: 'Ann',
  playerId: 'p1',
  token: 't'.repeat(32),
  chapters,
  seed: 7,
  leaderboardVisible: true,
  ended,
  queue: [],
  verdicts: [],
});

describe('a competition opens its chapters for a student who has not passed the ones before', () => {
  it('chapterStatus: unlocked opens a locked chapter, never an unbuilt or passed one', () => {
    const ch5Info = chapterInfo(5)!;
    expect(chapterStatus(ch5Info, {})).toBe('locked');
    expect(chapterStatus(ch5Info, {}, [5])).toBe('open');
    expect(chapterStatus(ch5Info, { 5: 2 }, [5])).toBe('passed');
    expect(chapterStatus(chapterInfo(4)!, {}, [5])).toBe('locked');
  });

  it('classroomUnlocks: the chapters of a running competition only', () => {
    expect(classroomUnlocks({})).toEqual([]);
    expect(classroomUnlocks({ classroom: classroom([3, 5]) })).toEqual([3, 5]);
    expect(classroomUnlocks({ classroom: classroom([3, 5], true) })).toEqual([]);
  });

  it("the app opens chapter 5 of a class's competition with no stars, and not chapter 4", async () => {
    const save = { ...freshSave('en'), classroom: classroom([5]) };
    const actor = createActor(
      appMachine.provide({
        actors: {
          loadChapter: fromPromise(async () => ({ chapter: ch5, level: ch5.loadLevel() })),
        },
      }),
      { input: { save, problem: null, newSeed: () => 7 } },
    ).start();
    actor.send({ type: 'boot.done' });
    actor.send({ type: 'title.play' });
    actor.send({ type: 'chapter.open', chapter: 4 });
    expect(actor.getSnapshot().context.chapter).toBeNull();
    actor.send({ type: 'chapter.open', chapter: 5 });
    await waitFor(actor, (s) => s.matches({ screen: { chapter: 'playing' } }));
    expect(actor.getSnapshot().context.run?.chapter.number).toBe(5);
    actor.stop();
  });
});
