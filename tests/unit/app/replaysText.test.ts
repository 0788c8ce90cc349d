// The replays screens' words: counts agree with their nouns, a reason shown alone reads as a
// sentence, two series that differ at once say so plainly, and the class link's title ends its
// sentence before the text that follows it. In both languages.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadChapterText } from '../../../src/i18n/i18n';
import { asSentence, partText, presetLine, replaysText } from '../../../src/game/ui/replaysText';

const en = replaysText('en');
const zh = replaysText('zh-CN');

describe('the replays text', () => {
  beforeAll(async () => {
    await loadChapterText(4);
  });

  it('says "1 epoch" and "2 epochs" in a compare fact', () => {
    expect(en.data('ch4.compare.epochs', { n: 1 })).toBe('1 epoch');
    expect(en.data('ch4.compare.epochs', { n: 2 })).toBe('2 epochs');
    expect(zh.data('ch4.compare.epochs', { n: 1 })).toBe('1 轮');
  });

  it("starts a refused link's reason with a capital letter", () => {
    const why = asSentence(en('share.error.damaged'));
    expect(why).toMatch(/^[A-Z]/);
    expect(why.endsWith('.')).toBe(true);
    expect(asSentence(zh('share.error.damaged'))).toBe(zh('share.error.damaged'));
  });

  it('says plainly that two series differ from the start, and names a later step', () => {
    expect(partText(en, 0)).not.toMatch(/step 0/);
    expect(partText(en, 0)).toMatch(/from the start/);
    expect(partText(zh, 0)).not.toMatch(/第 0 步/);
    expect(partText(en, 5)).toMatch(/step 5/);
  });

  it('ends the class link title with a stop before its text', () => {
    expect(presetLine(en, 3, 4).join(' ')).toMatch(/this step\. Students/);
    expect(presetLine(zh, 3, 4).join('')).toMatch(/题目：学生/);
  });

  it("says what the step count counts, beside a chapter's own counts", () => {
    for (const t of [en, zh]) expect(t('compare.steps', { a: 444, b: 30 })).toMatch(/444.*30/);
    expect(en('compare.steps', { a: 444, b: 30 })).toMatch(/press/);
  });
});
