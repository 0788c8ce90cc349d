// The teacher's list of copies: players who sent the same moves for one chapter (the server
// flags them, see src/server/copyFlags.ts). Names go on the page as text, never as markup.

/** A section listing each flag, or nothing when there is none. `el` and `t` are the page's own. */
export function renderFlags(flags, el, t) {
  if (!Array.isArray(flags) || flags.length === 0) return '';
  return el(
    'section',
    { class: 'flags', 'aria-labelledby': 'flags-title' },
    el('h3', { id: 'flags-title', text: t('flagsTitle') }),
    el('p', { text: t('flagsHint') }),
    el(
      'ul',
      {},
      ...flags.map((f) =>
        el(
          'li',
          {},
          t('flagChapter', { chapter: f.chapter }),
          ' ',
          f.players
            .map((p) => `${p.nickname} (${t(p.status === 'verified' ? 'flagVerified' : 'flagRefused')})`)
            .join(', '),
        ),
      ),
    ),
  );
}
