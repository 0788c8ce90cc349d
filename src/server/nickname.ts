// Nicknames are plain text: shown with textContent everywhere, written to CSV escaped. Here they
// are also tidied so that nothing invisible or confusing gets in: normalised (NFC), control and
// bidirectional-override characters removed, white space collapsed, at most 24 characters.
export const NICKNAME_MAX = 24;

const INVISIBLE = /[\p{Cc}\p{Cf}\u2028\u2029]/gu;

export function cleanNickname(input: unknown): { ok: true; nickname: string } | { ok: false; reason: string } {
  if (typeof input !== 'string') return { ok: false, reason: 'The nickname must be text.' };
  const cleaned = input.normalize('NFC').replace(/\s+/gu, ' ').replace(INVISIBLE, '').trim();
  if (cleaned.length === 0) return { ok: false, reason: 'The nickname is empty.' };
  if ([...cleaned].length > NICKNAME_MAX)
    return { ok: false, reason: `The nickname is longer than ${NICKNAME_MAX} characters.` };
  return { ok: true, nickname: cleaned };
}
