// Nicknames are plain text: shown with textContent everywhere, written to CSV escaped. Here they
// are also tidied so that nothing invisible or confusing gets in: normalised (NFC), control and
// bidirectional-override characters removed, white space collapsed, at most 24 characters as a
// reader counts them (graphemes: a joined emoji such as a family or a flag is one, kept whole).
// A name that would look blank (only fillers such as U+3164 or the blank braille cell U+2800,
// spaces or marks) is refused. Two players of one room may not share a name: nameKey() is what
// "the same name" means (NFKC, so full-width and compatibility forms match, any case, no spaces).
export const NICKNAME_MAX = 24;

/** Characters drawn as nothing (or as a space) that are not white space or format characters. */
const FILLERS =
  /[\u115F\u1160\u3164\uFFA0\u2800\u180E]|\u17B4|\u17B5|\u034F|\u180B|\u180C|\u180D|\u180F|[\uFE00-\uFE0F]|[\u{E0100}-\u{E01EF}]/gu;
const FORMAT = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;
const EMOJI = /\p{Extended_Pictographic}|\p{Regional_Indicator}/u;
const VISIBLE = /[\p{L}\p{N}\p{P}\p{S}]/u;
/** Marks stacked on one letter beyond this are dropped (Vietnamese needs two; "Zalgo" text has dozens). */
const MAX_MARKS = 3;

const segmenter = new Intl.Segmenter(undefined, { granularity: 'grapheme' });

export function graphemes(text: string): string[] {
  return Array.from(segmenter.segment(text), (s) => s.segment);
}

function tidyGrapheme(g: string): string {
  // An emoji sequence keeps its joiners, variation selectors and tags: taking them out breaks
  // 👩‍👩‍👧 into three people and a flag into letters.
  if (EMOJI.test(g)) return g.replace(/[\p{Cc}\u2028\u2029]/gu, '');
  const plain = g.replace(FORMAT, '').replace(FILLERS, '');
  let marks = 0;
  return Array.from(plain)
    .filter((ch) => !/\p{M}/u.test(ch) || ++marks <= MAX_MARKS)
    .join('');
}

export function cleanNickname(input: unknown): { ok: true; nickname: string } | { ok: false; reason: string } {
  if (typeof input !== 'string') return { ok: false, reason: 'The nickname must be text.' };
  const spaced = input.normalize('NFC').replace(/\s+/gu, ' ');
  const cleaned = graphemes(spaced).map(tidyGrapheme).join('').replace(/\s+/gu, ' ').trim();
  if (cleaned.length === 0) return { ok: false, reason: 'The nickname is empty.' };
  if (!graphemes(cleaned).some((g) => EMOJI.test(g) || VISIBLE.test(g)))
    return { ok: false, reason: 'The nickname looks blank; choose one with letters, digits or emoji.' };
  if (graphemes(cleaned).length > NICKNAME_MAX)
    return { ok: false, reason: `The nickname is longer than ${NICKNAME_MAX} characters.` };
  return { ok: true, nickname: cleaned };
}

/** Two nicknames are the same name when their keys are equal ("Ann", "ANN", "Ａｎｎ", "A nn"). */
export function nameKey(nickname: string): string {
  return nickname.normalize('NFKC').toLowerCase().normalize('NFKC').replace(/\s+/gu, '');
}
