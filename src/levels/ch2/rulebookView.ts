// What chapter 2's screen shows, derived from the machine snapshot: the mentor's line, the rule
// editor's rows, the strip of days or fruits with ✓/✗ and their "why?" traces, the conflict, the
// expert ceiling and the verdict. Pure, so it is tested without a browser; the scene only draws.
import { FUNCTION_STRIPS, type FunctionStrip } from '../shared/functionStrip';
import { editablePart, INTRO_LINES, type RulebookContext } from './rulebookMachine';
import { ruleCount, type Join } from './rulebookEdit';
import {
  expertCeiling,
  expertLabel,
  fruitReport,
  fruitsOfSeason,
  lastChallenge,
  matchesExpert,
  sellerConflicts,
  tilesOf,
  weekReport,
  type Ceiling,
  type ChallengeResult,
  type Part,
  type Prediction,
  type SellerConflict,
} from './rulebookModel';

export interface RulebookLine {
  key: string;
  params: Record<string, string>;
  notice: boolean;
}

export interface EditorTile {
  fact: string;
  labelKey: string;
  art: string;
  not: boolean;
  join: Join;
  op?: string;
  threshold?: number;
  choices?: number[];
}

export interface EditorView {
  part: Part;
  /** False in steps where the rulebook is shown but frozen (the new season, the verdict). */
  editable: boolean;
  palette: { fact: string; labelKey: string; art: string }[];
  rules: { tiles: EditorTile[]; full: boolean }[];
  conclusion: { labelKey: string; art: string };
  canAddRule: boolean;
  /** Rules as scoring counts them: each OR group is one more rule. */
  ruleCount: number;
}

export interface StripCard {
  id: string;
  labelKey: string;
  art: string;
  /** Weather days: the day's facts, for the icons. */
  facts?: Record<string, boolean | number>;
  /** What the card is checked against; null when nobody can say (the sellers disagree). */
  expected: boolean | null;
  predicted: boolean;
  correct: boolean | null;
  prediction: Prediction;
}

export interface RulebookView {
  step: string;
  /** The chapter's function, input → box → output (the shared strip's words). */
  functionStrip: FunctionStrip;
  line: RulebookLine;
  editor: EditorView | null;
  strip: { kind: 'days' | 'fruits'; cards: StripCard[]; correct: number; checked: number } | null;
  canCheck: boolean;
  /** The weather week being run day by day: how many days have run so far; null when not running. */
  week: { reached: number } | null;
  conflicts: SellerConflict[] | null;
  sellers: { id: string; nameKey: string; picked: boolean }[];
  side: string | null;
  ceiling: (Ceiling & { side: string }) | null;
  challenge: ChallengeResult | null;
  /** How many times the challenge basket has been judged: a new number means a new verdict to reveal. */
  challengeRuns: number;
  /** What the mentor says once every fruit of the basket is shown (the scene waits for it). */
  verdictLine: RulebookLine | null;
  /** The verdict's basket as strip cards, in the order they are revealed (empty before a verdict). */
  basket: StripCard[];
  /** The text key of each fact's tile name, for the strip's part: what a "why?" trace reads. */
  factLabels: Record<string, string>;
  /** What "Continue" sends after the verdict and on the history card; null in other steps. */
  finish: { type: 'dialogue.next' } | { type: 'challenge.finish' } | null;
  /** The history card, in the history step: its title and one entry per milestone. */
  history: { titleKey: string; items: { year: string; textKey: string }[] } | null;
}

/** The verdict in words that match its stars: praise grows with them, and a miss says so. */
export function verdictLineOf(challenge: ChallengeResult | null): RulebookLine | null {
  if (!challenge) return null;
  const params = { correct: String(challenge.correct), size: String(challenge.size), rules: String(challenge.rules) };
  const key = challenge.passed ? `ch2.verdict.passed${challenge.stars}` : 'ch2.verdict.failed';
  return { key, params, notice: true };
}

function lineFor(step: string, context: RulebookContext, strip: RulebookView['strip']): RulebookLine {
  if (step === 'intro') return { key: INTRO_LINES[context.introLine], params: {}, notice: false };
  const params: Record<string, string> = {
    correct: String(strip?.correct ?? 0),
    size: String(strip?.checked ?? 0),
    seller: context.data.fruits.sellers.find((s) => s.id === context.model.side)?.nameKey ?? '',
  };
  // The weather's praise arrives with part B already open: say what to do there, too.
  if (context.notice === 'ch2.notice.weatherDone' && step === 'stall')
    return { key: 'ch2.notice.weatherDoneStall', params, notice: true };
  if (context.notice) return { key: context.notice, params, notice: true };
  const challenge = lastChallenge(context.model);
  switch (step) {
    case 'weather':
      return { key: 'ch2.guide.weather', params, notice: false };
    case 'stall':
      return { key: 'ch2.guide.stall', params, notice: false };
    case 'conflict':
      return { key: context.model.side ? 'ch2.guide.side' : 'ch2.guide.conflict', params, notice: false };
    case 'season':
      return { key: 'ch2.guide.season', params, notice: false };
    case 'challenge':
      return { key: 'ch2.guide.challenge', params, notice: false };
    case 'verdict':
      // The score waits for the reveal: see verdictLine.
      return { key: 'ch2.guide.verdict', params: { size: String(challenge?.size ?? 0) }, notice: false };
    case 'history':
      return { key: 'ch2.history.line', params, notice: false };
    default:
      return { key: 'ch2.guide.done', params, notice: false };
  }
}

function editorFor(step: string, context: RulebookContext): EditorView | null {
  const part = editablePart(step) ?? (step === 'season' || step === 'verdict' ? 'apple' : null);
  if (!part) return null;
  const { data, model } = context;
  const defs = tilesOf(data, part);
  const book = model[part];
  const conclusion = part === 'weather' ? data.level.weather.conclusion : data.level.stall.conclusion;
  const { maxRules, maxTiles } = data.level.limits;
  const editable = editablePart(step) !== null;
  return {
    part,
    editable,
    palette: defs.map((d) => ({ fact: d.fact, labelKey: d.labelKey, art: d.art })),
    rules: book.map((r) => ({
      full: r.tiles.length >= maxTiles,
      tiles: r.tiles.map((t): EditorTile => {
        const d = defs.find((x) => x.fact === t.fact)!;
        return {
          fact: t.fact,
          labelKey: d.labelKey,
          art: d.art,
          not: t.not,
          join: t.join,
          ...(d.op !== undefined ? { op: d.op, threshold: t.threshold, choices: d.choices } : {}),
        };
      }),
    })),
    conclusion: { labelKey: conclusion.labelKey, art: conclusion.art },
    canAddRule: editable && book.length < maxRules,
    ruleCount: ruleCount(book),
  };
}

function stripFor(step: string, context: RulebookContext): RulebookView['strip'] {
  const { data, model } = context;
  if (step === 'weather') {
    const week = weekReport(data, model.weather);
    const cards = week.days.map((d, i): StripCard => {
      const day = data.level.weather.days[i];
      return {
        id: day.id,
        labelKey: day.labelKey,
        art: d.actual ? 'weather-rain' : 'weather-dry',
        facts: day.facts,
        expected: d.actual,
        predicted: d.prediction.predicted,
        correct: d.correct,
        prediction: d.prediction,
      };
    });
    return { kind: 'days', cards, correct: week.correct, checked: cards.length };
  }
  let fruits: ReturnType<typeof fruitsOfSeason>;
  let side: string | null = model.side;
  if (step === 'stall' || step === 'conflict') {
    fruits = fruitsOfSeason(data, data.level.stall.season);
    if (step === 'stall') side = null;
  } else if (step === 'season') {
    fruits = fruitsOfSeason(data, data.level.stall.newSeason);
  } else if (step === 'challenge') {
    fruits = [...fruitsOfSeason(data, data.level.stall.season), ...fruitsOfSeason(data, data.level.stall.newSeason)];
  } else {
    return null;
  }
  const report = fruitReport(data, model.apple, fruits, (f) => expertLabel(f, side));
  const cards = report.rows.map(
    (r, i): StripCard => ({
      id: r.fruit,
      labelKey: fruits[i].nameKey,
      art: fruits[i].art,
      expected: r.expected,
      predicted: r.prediction.predicted,
      correct: r.correct,
      prediction: r.prediction,
    }),
  );
  return { kind: 'fruits', cards, correct: report.correct, checked: report.checked };
}

export function rulebookView(step: string, context: RulebookContext): RulebookView {
  const { data, model } = context;
  const strip = stripFor(step, context);
  const s1 = fruitsOfSeason(data, data.level.stall.season);
  const all = [...s1, ...fruitsOfSeason(data, data.level.stall.newSeason)];
  const ceiling =
    step === 'season' && model.side ? { ...expertCeiling(data, model.apple, all, model.side), side: model.side } : null;
  return {
    step,
    functionStrip: FUNCTION_STRIPS[2],
    line: lineFor(step, context, strip),
    editor: editorFor(step, context),
    strip,
    canCheck: step === 'weather' || step === 'stall' || step === 'conflict',
    week: step === 'weather' ? context.week : null,
    conflicts: step === 'conflict' ? sellerConflicts(data, s1) : null,
    sellers: data.fruits.sellers.map((s) => ({ id: s.id, nameKey: s.nameKey, picked: s.id === model.side })),
    side: model.side,
    ceiling,
    challenge: step === 'verdict' ? lastChallenge(model) : null,
    challengeRuns: model.challenges.length,
    verdictLine: step === 'verdict' ? verdictLineOf(lastChallenge(model)) : null,
    basket: step === 'verdict' ? basketCards(context) : [],
    factLabels: Object.fromEntries(
      tilesOf(data, strip?.kind === 'days' ? 'weather' : 'apple').map((d) => [d.fact, d.labelKey]),
    ),
    finish: finishOf(step, context),
    history: step === 'history' ? { titleKey: 'ch2.history.title', items: data.level.history } : null,
  };
}

/** The verdict's basket as strip cards (the basket has no "why?": it is judged, not explained). */
function basketCards(context: RulebookContext): StripCard[] {
  const none = { predicted: false, because: [], rules: [] };
  return (lastChallenge(context.model)?.fruits ?? []).map((f) => {
    const fruit = context.data.fruits.fruits.find((x) => x.id === f.fruit)!;
    return {
      id: f.fruit,
      labelKey: fruit.nameKey,
      art: fruit.art,
      expected: f.truth,
      predicted: f.predicted,
      correct: f.correct,
      prediction: none,
    };
  });
}

/** A passed verdict goes on to the history card; a failed one back to the rules; the card ends the chapter. */
function finishOf(step: string, context: RulebookContext): RulebookView['finish'] {
  if (step === 'history') return { type: 'challenge.finish' };
  if (step !== 'verdict') return null;
  return lastChallenge(context.model)?.passed ? { type: 'dialogue.next' } : { type: 'challenge.finish' };
}

/** Whether the current rulebook would pass the step's check (for a hint, never a shortcut). */
export function readyToCheck(step: string, context: RulebookContext): boolean {
  const { data, model } = context;
  if (step === 'weather') return weekReport(data, model.weather).correct === data.level.weather.days.length;
  const s1 = fruitsOfSeason(data, data.level.stall.season);
  if (step === 'stall') return matchesExpert(data, model.apple, s1, null);
  if (step === 'conflict') return model.side !== null && matchesExpert(data, model.apple, s1, model.side);
  return false;
}
