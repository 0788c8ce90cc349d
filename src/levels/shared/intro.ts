// The mentor's intro, the same in every chapter: "Next" walks through the lines, and "Skip" (or
// "Next" on the last line) moves on to the chapter's first step. A machine using it names the
// guard `introHasMore` and the action `nextIntroLine` (its guard is `introGuard(lines)` below).
export function introState<T extends string>(next: T) {
  return {
    on: {
      'dialogue.next': [{ guard: 'introHasMore' as const, actions: 'nextIntroLine' as const }, { target: next }],
      'dialogue.skip': { target: next },
    },
  };
}

/** Whether the intro has a line after the current one. */
export function introGuard(lines: readonly string[]) {
  return ({ context }: { context: { introLine: number } }) => context.introLine < lines.length - 1;
}
