// Chapter 6's view-model: everything the scene draws, computed from the machine's snapshot,
// digit images and learning curves included (digitDemonPictures.ts), so the painters only paint.
import type { ViewCue } from '../contract';
import type { BossChoices, TrainProgress } from './bossTraining';
import type { Stroke } from './digitDrawing';
import {
  digitImage,
  introDigits,
  learningCurves,
  sampleDigits,
  visibleNoise,
  type Curves,
  type SampleDigit,
} from './digitDemonPictures';
import {
  drawingsLeft,
  fightOver,
  maxEpochs,
  nextThrow,
  resultOf,
  throwsLeft,
  type DigitDemonResult,
  type Throw,
  type TrickResult,
  type TrickSource,
} from './digitDemonModel';
import type { NetReport } from './reportCard';
import { EPILOGUE_PAGES, INTRO_LINES, type DigitDemonContext, type DigitDemonStep } from './digitDemonMachine';
import { headView, sampleView, type HeadView, type SampleView } from './headView';
import { teachLineOf, teachViewOf, type TeachView } from './teachView';

export interface DigitDemonView {
  step: DigitDemonStep;
  /** The mentor's line as a text key, with params. */
  line: { key: string; params: Record<string, string | number> };
  intro: boolean;
  build: {
    choices: BossChoices;
    hidden: { units: number; hintKey: string; selected: boolean; fits: boolean }[];
    rates: { rate: number; hintKey: string; selected: boolean }[];
    epochs: { value: number; min: number; max: number; hintKey: string };
    budget: { used: number; total: number; hintKey: string };
    /** Trainings this attempt may still finish, counting the next one. */
    trainingsLeft: number;
    /** The knobs of the network these choices build: 784 × h + h weights and biases in, 10 × h + 10 out. */
    knobs: number;
  };
  /** The current training run: its progress reports (from the trainBoss actor), curves and samples. */
  training: {
    run: number;
    reports: number;
    last: TrainProgress | null;
    /** The first report with a loss (the curves' starting loss), or null. */
    firstLoss: number | null;
    ms: number;
    error: string | null;
    /** Seconds left, estimated from the time so far (null until a little is done). */
    secondsLeft: number | null;
    curves: Curves;
    /** The held-out digits the reports read, with the net's latest answer for each (null: none yet). */
    samples: (SampleDigit & { predicted: number | null })[];
  };
  /** The training digits shown in the intro. */
  introDigits: SampleDigit[];
  report: NetReport | null;
  /** The report card's most confident mistakes, as images. */
  worst: { bytes: number[]; label: number; predicted: number; confidence: number }[];
  fight: {
    demonHealth: number;
    demonMax: number;
    playerHealth: number;
    playerMax: number;
    throws: Throw[];
    /** The last thrown digit's image (784 bytes), or null before the first throw. */
    thrown: number[] | null;
    /** The digit the Demon holds up for the next throw (784 bytes), or null when none is left. */
    holding: number[] | null;
    throwsTotal: number;
    canThrow: boolean;
    /** Throws whose call was right, and how many the third star asks. */
    callsRight: number;
    callsForStar: number;
    /** The Demon's health the throws cannot take (only drawings can). */
    throwsFloor: number;
    drawDamage: number;
    drawings: { digit: number; predicted: number; hit: boolean; confidence: number; demonLoss: number }[];
    drawingsTotal: number;
    canDraw: boolean;
    over: boolean;
    demonDown: boolean;
    /** The last throw's or drawing's damage, for the hit reaction (id changes with each). */
    lastHit: { id: string; demon: number; player: number } | null;
  };
  preview: { pixels: number[]; probabilities: number[] } | null;
  /** The level's sample drawings, which the pad can load. */
  drawSamples: { digit: number; strokes: readonly Stroke[] }[];
  trick: {
    epsilons: number[];
    epsilon: number;
    pick: TrickSource;
    digits: number[];
    drawings: number;
    result: TrickResult | null;
    /** The result's noise made visible (ten times stronger), or null. */
    noise: number[] | null;
    invisibleBound: number;
  };
  epilogue: { page: (typeof EPILOGUE_PAGES)[number]; index: number; count: number };
  result: DigitDemonResult | null;
  /** The three stars, what each asks and whether it is earned (the ending and results card). */
  stars: { key: string; params: Record<string, number>; earned: boolean }[];
  /** Bit's pose on stage beside the player. */
  bit: 'idle' | 'happy' | 'confused';
  cue: ViewCue | null;
  /** Inside Bit's head (the trained step): units' weight pictures and the digits that excite them. */
  head: HeadView;
  /** The level's sample digit: its ten probabilities and its loss, while training and after. */
  sample: SampleView | null;
  /** Teaching Bit the player's drawings (after the drawings), or null until it opens. */
  teach: TeachView | null;
}

/** English says "an 8" and "a 7": keys ending in `An` carry the "an". */
const an = (key: string, n: number) => (n === 8 ? `${key}An` : key);

function lineOf(step: DigitDemonStep, c: DigitDemonContext): DigitDemonView['line'] {
  const m = c.model;
  const pct = (v: number) => Math.round(v * 1000) / 10;
  switch (step) {
    case 'intro':
      return { key: INTRO_LINES[c.introLine], params: {} };
    case 'build':
      return { key: 'ch6.line.build', params: {} };
    case 'training':
      return { key: 'ch6.line.training', params: {} };
    case 'trained':
      if (c.head.open) return { key: 'ch6.line.head', params: {} };
      return {
        key: m.report && m.report.accuracy >= c.level.stars.two ? 'ch6.line.trainedGood' : 'ch6.line.trained',
        params: { percent: pct(m.report?.accuracy ?? 0) },
      };
    case 'phase1': {
      const last = m.throws[m.throws.length - 1];
      if (!throwsLeft(c.level, m))
        return { key: m.playerHealth <= 0 ? 'ch6.line.phase1Down' : 'ch6.line.phase1Done', params: {} };
      if (!last) return { key: 'ch6.line.phase1', params: { floor: c.level.fight.throwsFloor } };
      const kind = last.hit ? (last.called ? 'HitCalled' : 'Hit') : last.called ? 'Dodge' : 'Miss';
      return {
        key: an(`ch6.line.throw${kind}`, last.label),
        params: { label: last.label, predicted: last.predicted, loss: last.demonLoss },
      };
    }
    case 'phase2': {
      const last = m.drawings[m.drawings.length - 1];
      if (!drawingsLeft(c.level, m))
        return { key: m.demonHealth <= 0 ? 'ch6.line.phase2Won' : 'ch6.line.phase2Lost', params: {} };
      if (!last) return { key: 'ch6.line.phase2', params: { n: c.level.fight.drawings } };
      return {
        key: an(
          last.hit ? (m.demonHealth <= 0 ? 'ch6.line.drawDown' : 'ch6.line.drawHit') : 'ch6.line.drawMiss',
          last.digit,
        ),
        params: { digit: last.digit, predicted: last.predicted, left: c.level.fight.drawings - m.drawings.length },
      };
    }
    case 'trick': {
      const t = m.trick;
      if (!t) return { key: 'ch6.line.trick', params: {} };
      if (t.before !== t.label) return { key: 'ch6.line.trickAlreadyWrong', params: { label: t.label } };
      return t.after !== t.before
        ? { key: 'ch6.line.trickFooled', params: { label: t.label, after: t.after } }
        : { key: 'ch6.line.trickHeld', params: { label: t.label } };
    }
    case 'teach':
    case 'teaching':
    case 'taught':
      return teachLineOf(step, c);
    case 'epilogue':
      return { key: `ch6.epilogue.${EPILOGUE_PAGES[c.epiloguePage]}.mentor`, params: {} };
    default:
      return { key: 'ch6.line.ending', params: {} };
  }
}

function cueOf(step: DigitDemonStep, c: DigitDemonContext): ViewCue | null {
  const m = c.model;
  if (step === 'phase1' && m.throws.length > 0) {
    const last = m.throws[m.throws.length - 1];
    return { sound: last.hit ? 'success' : 'scold', id: `throw-${m.throws.length}` };
  }
  if (step === 'phase2' && m.drawings.length > 0) {
    const last = m.drawings[m.drawings.length - 1];
    return { sound: last.hit ? 'success' : 'scold', id: `draw-${m.drawings.length}` };
  }
  if (step === 'trained') return { sound: 'complete', id: `trained-${c.trainRuns}` };
  if (step === 'trick' && m.trick) return { sound: 'tick', id: `trick-${c.events.length}` };
  if (step === 'ending') return { sound: 'complete', id: 'ending' };
  return null;
}

function trainingOf(c: DigitDemonContext): DigitDemonView['training'] {
  const { progress, ms, error } = c.training;
  const last = progress[progress.length - 1] ?? null;
  const first = progress.find((p, i) => i > 0 && Number.isFinite(p.loss));
  const fraction = last?.fraction ?? 0;
  return {
    run: c.trainRuns,
    reports: progress.length,
    last,
    firstLoss: first?.loss ?? null,
    ms,
    error,
    secondsLeft: fraction > 0.02 ? Math.max(0, Math.round(((ms / fraction) * (1 - fraction)) / 1000)) : null,
    curves: learningCurves(progress),
    samples: sampleDigits(c.level, c.digits, c.seed).map((d, k) => ({
      ...d,
      predicted: last?.samplePredictions[k] ?? null,
    })),
  };
}

function holdingOf(c: DigitDemonContext): number[] | null {
  const index = nextThrow(c.level, c.model);
  return index === null ? null : digitImage(c.digits.data.test.pixels, index);
}

/** The three stars with what each asks (ch6.star.N) and whether the run so far earns it. */
export function starsOf(c: DigitDemonContext): DigitDemonView['stars'] {
  const r = resultOf(c.level, c.model);
  const { pass, two, calls } = c.level.stars;
  return [
    { key: 'ch6.star.1', params: { percent: Math.round(pass * 100) }, earned: r.starWon },
    {
      key: 'ch6.star.2',
      params: { percent: Math.round(two * 100), now: Math.round(r.accuracy * 1000) / 10 },
      earned: r.starRead,
    },
    { key: 'ch6.star.3', params: { calls, right: r.calls, throws: c.level.fight.throws }, earned: r.starCalls },
  ];
}

function lastHitOf(step: DigitDemonStep, c: DigitDemonContext): DigitDemonView['fight']['lastHit'] {
  const m = c.model;
  if (step === 'phase1' && m.throws.length) {
    const t = m.throws[m.throws.length - 1];
    return { id: `throw-${m.throws.length}`, demon: t.demonLoss, player: t.playerLoss };
  }
  if (step === 'phase2' && m.drawings.length) {
    const d = m.drawings[m.drawings.length - 1];
    return { id: `draw-${m.drawings.length}`, demon: d.demonLoss, player: d.hit ? 0 : 1 };
  }
  return null;
}

function bitOf(step: DigitDemonStep, c: DigitDemonContext): DigitDemonView['bit'] {
  const m = c.model;
  const last =
    step === 'phase2' ? m.drawings[m.drawings.length - 1] : step === 'phase1' ? m.throws[m.throws.length - 1] : null;
  if (last) return last.hit ? 'happy' : 'confused';
  if (step === 'epilogue' || step === 'ending' || step === 'done') return m.demonHealth <= 0 ? 'happy' : 'idle';
  return 'idle';
}

export function digitDemonView(top: string, c: DigitDemonContext): DigitDemonView {
  const step = top as DigitDemonStep;
  const { level, model: m } = c;
  const b = level.build;
  const maxE = maxEpochs(level, m.choices.hidden);
  return {
    step,
    line: lineOf(step, c),
    intro: step === 'intro',
    build: {
      choices: m.choices,
      hidden: b.hidden.map((h) => ({
        units: h.units,
        hintKey: h.hintKey,
        selected: h.units === m.choices.hidden,
        fits: h.units * b.epochs.min <= b.budget,
      })),
      rates: b.learningRates.map((r) => ({ rate: r.rate, hintKey: r.hintKey, selected: r.rate === m.choices.rate })),
      epochs: { value: m.choices.epochs, min: b.epochs.min, max: maxE, hintKey: b.epochs.hintKey },
      budget: { used: m.choices.hidden * m.choices.epochs, total: b.budget, hintKey: b.budgetHintKey },
      trainingsLeft: Math.max(0, b.trainings - c.trainingsDone),
      knobs: knobCount(m.choices.hidden),
    },
    training: trainingOf(c),
    introDigits: introDigits(c.digits),
    report: m.report,
    worst: (m.report?.worst ?? []).map((w) => ({
      bytes: digitImage(c.digits.data.test.pixels, w.index),
      label: w.label,
      predicted: w.predicted,
      confidence: w.confidence,
    })),
    fight: {
      demonHealth: Math.max(0, m.demonHealth),
      demonMax: level.fight.demonHealth,
      playerHealth: Math.max(0, m.playerHealth),
      playerMax: level.fight.playerHealth,
      throws: m.throws,
      thrown: m.throws.length ? digitImage(c.digits.data.test.pixels, m.throws[m.throws.length - 1].index) : null,
      holding: holdingOf(c),
      throwsTotal: level.fight.throws,
      canThrow: throwsLeft(level, m),
      callsRight: m.throws.filter((t) => t.called).length,
      callsForStar: level.stars.calls,
      throwsFloor: level.fight.throwsFloor,
      drawDamage: level.fight.drawDamage,
      drawings: m.drawings.map((d) => ({
        digit: d.digit,
        predicted: d.predicted,
        hit: d.hit,
        confidence: d.probabilities[d.predicted],
        demonLoss: d.demonLoss,
      })),
      drawingsTotal: level.fight.drawings,
      canDraw: drawingsLeft(level, m),
      over: fightOver(level, m),
      demonDown: m.demonHealth <= 0,
      lastHit: lastHitOf(step, c),
    },
    preview: c.preview,
    drawSamples: level.samples,
    trick: {
      epsilons: level.trick.epsilons,
      epsilon: m.epsilon,
      pick: m.trickPick,
      digits: m.trickDigits,
      drawings: m.drawings.length,
      result: m.trick,
      noise: m.trick ? visibleNoise(m.trick) : null,
      invisibleBound: level.trick.invisibleBound,
    },
    epilogue: { page: EPILOGUE_PAGES[c.epiloguePage], index: c.epiloguePage, count: EPILOGUE_PAGES.length },
    result: step === 'ending' || step === 'done' ? resultOf(level, m) : null,
    stars: starsOf(c),
    bit: bitOf(step, c),
    cue: cueOf(step, c),
    head: headView(step, c),
    sample: sampleView(step, c),
    teach: teachViewOf(c),
  };
}

/** The weights and biases of a 784 → h → 10 network: every one of them a knob training turns. */
export function knobCount(hidden: number): number {
  return 784 * hidden + hidden + hidden * 10 + 10;
}
