// Sharing attempts by link and file: every chapter's attempts round-trip, the reader replays what
// it reads, and anything malformed, truncated, tampered, oversized or of another version is
// refused with a reason, leaving the save byte for byte as it was.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { deflateSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { appMachine } from '../../../src/app/appMachine';
import { freshSave, type Attempt } from '../../../src/app/saveSchema';
import {
  attemptFileName,
  attemptFileText,
  attemptLinkHash,
  decodeAttemptLink,
  decodePresetLink,
  MAX_SHARED_BYTES,
  presetLinkHash,
  readAttemptFile,
  readHash,
  readShared,
  SHARE_FORMAT,
} from '../../../src/app/share';
import { loadFoggyLevel } from '../../../src/levels/ch5/foggyLevel';
import { playAll } from '../levels/ch5/ch5-player';

const FIXTURE = JSON.parse(
  readFileSync(join(import.meta.dirname, '../../fixtures/save-v2-2026-12-01.json'), 'utf8'),
) as { attempts: Attempt[] };

function chapterFive(): Attempt {
  const events = playAll(7) as unknown as { type: string }[];
  const level = loadFoggyLevel();
  // The result is not checked by a round trip; the link carries it as it is.
  return {
    chapter: 5,
    levelVersion: level.version,
    seed: 7,
    events: JSON.parse(JSON.stringify(events)),
    result: { passed: true, stars: 0 },
    time: '2026-12-01T10:00:00.000Z',
  };
}

const codeOf = (hash: string) => hash.slice(hash.indexOf('=') + 1);

describe('links and files', () => {
  it('round-trips every recorded attempt through a link and a file, exactly', () => {
    for (const attempt of [...FIXTURE.attempts, chapterFive()]) {
      const hash = attemptLinkHash(attempt);
      expect(hash).toMatch(/^replay=1\.[A-Za-z0-9_-]+$/);
      expect(readHash(`#${hash}`)).toEqual({ kind: 'attempt', code: codeOf(hash) });
      const back = decodeAttemptLink(codeOf(hash));
      expect(back).toEqual({ ok: true, value: attempt });
      expect(readAttemptFile(attemptFileText(attempt))).toEqual({ ok: true, value: attempt });
    }
    // A bare attempt (as `npm run verify` reads them) is a file too.
    expect(readAttemptFile(JSON.stringify(FIXTURE.attempts[0]))).toEqual({ ok: true, value: FIXTURE.attempts[0] });
    expect(attemptFileName(FIXTURE.attempts[0])).toMatch(/^black-box-dog-ch1-\d{4}-\d\d-\d\d-\d{4}\.json$/);
  });

  it("round-trips every chapter's reference attempt, and keeps links short (the README's figures)", () => {
    for (let n = 1; n <= 6; n++) {
      const attempt = JSON.parse(
        readFileSync(join(import.meta.dirname, `../../../levels/reference/ch${n}.json`), 'utf8'),
      ) as Attempt;
      const hash = attemptLinkHash(attempt);
      expect(decodeAttemptLink(codeOf(hash))).toEqual({ ok: true, value: attempt });
      expect(hash.length, `chapter ${n}`).toBeLessThan(n === 6 ? 1600 : 1200);
    }
    for (const attempt of FIXTURE.attempts) expect(attemptLinkHash(attempt).length).toBeLessThan(1200);
  });

  it('round-trips a preset and refuses an attempt read as a preset', () => {
    const preset = { chapter: 3, levelVersion: 1, seed: 42, events: [{ type: 'knob.set', id: 'w1', value: 1 }] };
    const hash = presetLinkHash(preset);
    expect(readHash(`#${hash}`)?.kind).toBe('preset');
    expect(decodePresetLink(codeOf(hash))).toEqual({ ok: true, value: preset });
    const attemptCode = codeOf(attemptLinkHash(FIXTURE.attempts[0]));
    expect(decodePresetLink(attemptCode)).toMatchObject({ ok: false, error: { code: 'notAttempt' } });
  });
});

describe('refusing what is broken', () => {
  const good = codeOf(attemptLinkHash(FIXTURE.attempts[4]));
  const pack = (text: string) => `1.${Buffer.from(deflateSync(strToU8(text))).toString('base64url')}`;

  it('names the problem of each kind of bad link', () => {
    const cases: [string, string][] = [
      ['', 'empty'],
      [good.slice(0, Math.floor(good.length / 2)), 'damaged'],
      [`${good.slice(0, -6)}AAAAAA`, 'damaged'],
      ['1.***', 'damaged'],
      ['banana', 'damaged'],
      [`9.${good.slice(2)}`, 'newerFormat'],
      [pack('not json'), 'damaged'],
      [pack('{"blackBoxDog":"attempt","format":1,"attempt":{"chapter":9}}'), 'notAttempt'],
      [pack(JSON.stringify({ blackBoxDog: 'attempt', format: 7, attempt: FIXTURE.attempts[0] })), 'newerFormat'],
      [`1.${'A'.repeat(500_000)}`, 'tooLarge'],
    ];
    for (const [code, expected] of cases) {
      const out = decodeAttemptLink(code);
      expect(out, code.slice(0, 40)).toMatchObject({ ok: false, error: { code: expected } });
    }
  });

  it('refuses a link that unpacks into more than the limit (a zip bomb)', () => {
    const bomb = `1.${Buffer.from(deflateSync(new Uint8Array(MAX_SHARED_BYTES + 10))).toString('base64url')}`;
    expect(bomb.length).toBeLessThan(20_000);
    expect(decodeAttemptLink(bomb)).toMatchObject({ ok: false, error: { code: 'tooLarge' } });
  });

  it('survives bit flips and truncations anywhere: each is read or refused, never thrown', () => {
    const bytes = Buffer.from(good.slice(2), 'base64url');
    for (let i = 0; i < bytes.length; i += 3) {
      const flipped = Buffer.from(bytes);
      flipped[i] ^= 1 << (i % 8);
      const out = decodeAttemptLink(`1.${flipped.toString('base64url')}`);
      if (out.ok) expect(out.value.chapter).toBeGreaterThan(0);
      else expect(out.error.code).toMatch(/damaged|notAttempt|tooLarge/);
      const cut = decodeAttemptLink(`1.${bytes.subarray(0, i).toString('base64url')}`);
      expect(cut.ok).toBe(false);
    }
  });

  it('replays what it reads: tampered results, other chapters and other versions are not verified', async () => {
    const attempt = FIXTURE.attempts[4];
    const honest = await readShared('link', codeOf(attemptLinkHash(attempt)));
    expect(honest).toMatchObject({ ok: true, value: { verified: true } });
    const forged = { ...attempt, result: { ...attempt.result, stars: 3 } };
    expect(await readShared('link', codeOf(attemptLinkHash(forged)))).toMatchObject({
      ok: true,
      value: { verified: false, error: { code: 'notVerified' } },
    });
    const otherVersion = { ...attempt, levelVersion: 99 };
    expect(await readShared('file', attemptFileText(otherVersion))).toMatchObject({
      value: { verified: false, error: { code: 'otherLevel' } },
    });
    const wrongChapter = { ...attempt, chapter: 2 };
    expect((await readShared('file', attemptFileText(wrongChapter))).ok).toBe(true);
    expect(
      ((await readShared('file', attemptFileText(wrongChapter))) as { value: { verified: boolean } }).value.verified,
    ).toBe(false);
    // Script in a string is only data: the attempt does not verify and nothing runs.
    const scripted = {
      ...attempt,
      time: '<script>alert(1)</script>',
      events: [...attempt.events, { type: '<img src=x onerror=alert(1)>' }],
    };
    const out = await readShared('file', attemptFileText(scripted));
    expect(out).toMatchObject({ ok: true, value: { verified: false } });
  });

  it('leaves the save byte for byte unchanged when a shared attempt is refused or not added', async () => {
    const save = { ...freshSave('en'), attempts: FIXTURE.attempts.slice(0, 2) };
    const before = JSON.stringify(save);
    const bad = [
      { source: 'link' as const, text: good.slice(0, 40) },
      { source: 'link' as const, text: `9.${good.slice(2)}` },
      { source: 'file' as const, text: '{"blackBoxDog":"attempt","format":1}' },
      { source: 'file' as const, text: 'x'.repeat(MAX_SHARED_BYTES + 1) },
      {
        source: 'file' as const,
        text: attemptFileText({ ...FIXTURE.attempts[4], result: { ...FIXTURE.attempts[4].result, stars: 3 } }),
      },
    ];
    for (const item of bad) {
      const writes: string[] = [];
      const app = createActor(
        appMachine.provide({ actions: { persist: ({ context }) => void writes.push(JSON.stringify(context.save)) } }),
        { input: { save: JSON.parse(before), problem: null } },
      ).start();
      app.send({ type: 'boot.done' });
      app.send({ type: 'shared.open', ...item });
      await waitFor(app, (s) => s.matches({ screen: { shared: 'showing' } }), { timeout: 20_000 });
      app.send({ type: 'shared.add' });
      app.send({ type: 'shared.close' });
      expect(writes).toEqual([]);
      expect(JSON.stringify(app.getSnapshot().context.save)).toBe(before);
      app.stop();
    }
    expect(SHARE_FORMAT).toBe(1);
  });
});
