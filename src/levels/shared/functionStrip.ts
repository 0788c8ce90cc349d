// The function strip: what every chapter's box does, as input → box → output (text keys of the
// shell's text files), so each chapter reads as the same game: learning a function from examples.
// Chapters 1-3 put theirs in their view-model (`functionStrip`); the others are drawn from this table by
// chapter number until their view-model carries one.
export interface FunctionStrip {
  input: string;
  box: string;
  output: string;
}

const strip = (n: number): FunctionStrip => ({
  input: `strip.ch${n}.input`,
  box: `strip.ch${n}.box`,
  output: `strip.ch${n}.output`,
});

export const FUNCTION_STRIPS: Readonly<Record<number, FunctionStrip>> = {
  1: strip(1),
  2: strip(2),
  3: strip(3),
  4: strip(4),
  5: strip(5),
  6: strip(6),
};

/** The strip a chapter's view carries, else the table's entry for its number (null: none). */
export function functionStripOf(view: unknown, chapter: number): FunctionStrip | null {
  const own = (view as { functionStrip?: FunctionStrip } | null)?.functionStrip;
  return own ?? FUNCTION_STRIPS[chapter] ?? null;
}
