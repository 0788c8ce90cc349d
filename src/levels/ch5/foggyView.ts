// What chapter 5's screen shows, derived from the machine snapshot: the mentor's line, the points
// and the curve, the loss, the fog walks, automatic descent, the gears and the challenge. Pure, so
// it is tested without a browser; the scene only draws what this returns. Every number is finite:
// the model refuses steps that would not be.
import { polyValue, type Point } from '../../engine';
import { autoChart, barFraction, bowlPicture, curvePoints, type AutoChart, type BowlPicture } from './foggyPictures';
import type { ViewCue } from '../contract';
import { gearChain, gearChoices, rightChoice, GEAR_NAMES, type GearName } from './foggyGears';
import { INTRO_LINES, type FoggyContext } from './foggyMachine';
import {
  autoFinished,
  autoMayEnd,
  gradient,
  handMayEnd,
  loss,
  scoreOf,
  targetOf,
  type ChallengeRun,
  type FogWalk,
  type StepNews,
  type WalkKind,
} from './foggyModel';
import { fogCells, profile } from './foggyMap';
import {
  overfitView,
  valleysView,
  walkExtras,
  type OverfitView,
  type ValleysView,
  type WalkExtras,
} from './foggyLabView';
import { BAD, fmt, GOOD, overfitLine, stepLine, valleysLine, type FoggyLine } from './foggyLines';

export type { FoggyLine };

export interface WalkView extends WalkExtras {
  kind: WalkKind;
  /** Knob numbers that move (1 → K1). */
  knobs: number[];
  ranges: [number, number][];
  position: number[];
  loss: number;
  /** dL/dK of each moving knob where the walker stands. */
  slope: number[];
  trail: { at: number[]; loss: number }[];
  target: number;
  reached: boolean;
  steps: number;
  overshoots: number;
  score: number;
  maxSteps: number | null;
  last: StepNews | null;
  /** Part B: the loss profile's samples that are uncovered, as runs of [k, loss]. */
  seen: [number, number][][] | null;
  /** Parts C and challenge: for each grid cell, whether it is still under fog. */
  fog: boolean[] | null;
  /** The whole bowl shows once part C's target is reached. */
  bowlShown: boolean;
}

export interface TrackView {
  losses: number[];
  loss: number;
  knobs: number[];
  path: [number, number][];
  diverged: boolean;
}

export interface FoggyView {
  step: string;
  line: FoggyLine;
  intro: boolean;
  points: Point[];
  plot: { xMin: number; xMax: number; yMin: number; yMax: number };
  /** The curve(s) on the points plot, sampled as [x, f(x)]: id 'main' is the one being tuned. */
  curves: { id: 'main' | 'hand' | 'momentum'; knobs: number[]; points: [number, number][] }[];
  /** The main curve's error at each point (f(x) − y), drawn as a line to the curve. */
  residuals: number[];
  /** The main curve's loss (sum of squared gaps). */
  loss: number;
  /** Loss at all knobs zero: the bar's full length. */
  lossScale: number;
  bestLoss: number;
  /**
   * The loss bar on its log scale: the loss's fraction and the target's (null: no target). Null
   * where the part is about another loss (the gears, the two valleys, overfitting): one loss at a time.
   */
  bar: { fraction: number; target: number | null } | null;
  /** The walk drawn on the map: the current one, or the finished challenge on its result. */
  mapWalk: WalkView | null;
  valleys: ValleysView | null;
  overfit: OverfitView | null;
  /** What the live region says now (null: it is cleared). */
  live: FoggyLine | null;
  /** The two-knob map's bowl (shading and contours), while a map is shown. */
  map: BowlPicture | null;
  hand: {
    knobs: { index: number; value: number; min: number; max: number; step: number; fineStep: number }[];
    moves: number;
    mayEnd: boolean;
    loss: number;
  } | null;
  walk: WalkView | null;
  stepSizes: number[];
  auto: {
    lr: number;
    beta: number;
    learningRates: number[];
    momenta: number[];
    steps: number;
    minSteps: number;
    maxSteps: number;
    target: number;
    mayEnd: boolean;
    finished: boolean;
    plain: TrackView;
    heavy: TrackView;
    handLoss: number;
    /** Whether automatic descent is playing (ticking on the machine's clock). */
    playing: boolean;
    /** The losses chart and the K1, K2 paths, in unit coordinates. */
    chart: AutoChart;
    /** The valley floor's K1, K2. */
    best: [number, number];
  } | null;
  gears: {
    gears: { name: GearName; value: number; turn: number; grad: number | null }[];
    ratios: number[];
    product: number;
    finiteDifference: number;
    turned: number;
    turnStep: number;
    choices: number[];
    predicted: number | null;
    right: boolean | null;
    filled: number;
    /** The last gear's turn stays hidden until the prediction is right. */
    hideLast: boolean;
    done: boolean;
  } | null;
  run: ChallengeRun | null;
  history: { year: string; textKey: string }[] | null;
  /** What the sound carries while walking or descending: loss as pitch, slope as footstep rate. */
  sound: { pitch: number; ticksPerSecond: number } | null;
  cue: ViewCue | null;
}

/** Loss as pitch: 220 Hz at the valley floor up to 880 Hz at 1000× the floor, on a log scale. */
export function pitchOf(lossValue: number, floor: number): number {
  const t = Math.min(1, Math.max(0, Math.log10(Math.max(lossValue, floor) / floor) / 3));
  return Math.round(220 * 4 ** t);
}

/** Slope as footsteps: 1 tick a second on the flat up to 8 on the steepest ground. */
export function ticksOf(slope: number): number {
  return Math.round(Math.min(8, 1 + Math.log2(1 + Math.abs(slope))) * 10) / 10;
}

function walkOf(context: FoggyContext, kind: WalkKind, walk: FogWalk): WalkView {
  const { level } = context;
  const g = gradient(level, walk.knobs);
  const ranges: [number, number][] = kind === 'fog1' ? [level.fog1.range] : [level.fog2.range[0], level.fog2.range[1]];
  const trail = walk.trail.map((at) => {
    const k = [...level.best];
    walk.free.forEach((j, i) => {
      k[j] = at[i];
    });
    return { at, loss: loss(level, k) };
  });
  let seen: [number, number][][] | null = null;
  if (kind === 'fog1') {
    const p = profile(level);
    seen = [];
    let run: [number, number][] = [];
    p.k.forEach((k, i) => {
      if (walk.trail.some(([t]) => Math.abs(t - k) <= level.fog1.reveal)) run.push([k, p.loss[i]]);
      else if (run.length) {
        seen!.push(run);
        run = [];
      }
    });
    if (run.length) seen.push(run);
  }
  const bowlShown = kind === 'fog2' && walk.reached;
  return {
    kind,
    knobs: [...walk.free],
    ranges,
    position: walk.free.map((j) => walk.knobs[j]),
    loss: loss(level, walk.knobs),
    slope: walk.free.map((j) => g[j]),
    trail,
    target: targetOf(level, kind),
    reached: walk.reached,
    steps: walk.steps,
    overshoots: walk.overshoots,
    score: scoreOf(walk),
    maxSteps: kind === 'challenge' ? level.challenge.maxSteps : null,
    last: walk.last,
    seen,
    fog: kind === 'fog1' ? null : bowlShown ? fogCells(level, []).map(() => false) : fogCells(level, walk.trail),
    bowlShown,
    ...walkExtras(level, kind, walk),
  };
}

function lineFor(step: string, context: FoggyContext, view: Partial<FoggyView>): FoggyLine {
  const { level, model } = context;
  const say = (key: string, params: Record<string, string | number> = {}, notice = false): FoggyLine => ({
    key,
    params,
    notice,
  });
  switch (step) {
    case 'intro':
      return say(INTRO_LINES[context.introLine]);
    case 'hand':
      if (handMayEnd(level, model))
        return say('ch5.hand.offer', { loss: fmt(loss(level, model.hand)) }, context.notice === 'ch5.hand.offer');
      return say('ch5.hand.guide', { count: level.points.list.length });
    case 'fog1':
    case 'fog2':
    case 'challenge':
      return stepLine(step, view.walk!);
    case 'valleys':
      return valleysLine(view.valleys!);
    case 'overfit':
      return overfitLine(view.overfit!);
    case 'auto': {
      const a = view.auto!;
      if (a.plain.diverged && a.heavy.diverged) return say('ch5.auto.diverged', { lr: a.lr }, true);
      if (a.plain.diverged) return say('ch5.auto.plainDiverged', { lr: a.lr }, true);
      if (a.steps === 0) return say('ch5.auto.guide');
      // At momentum 0 both walkers are the same one: no word about momentum then.
      return say(a.beta > 0 ? 'ch5.auto.running' : 'ch5.auto.runningPlain', {
        steps: a.steps,
        plain: fmt(a.plain.loss),
        heavy: fmt(a.heavy.loss),
        hand: fmt(a.handLoss),
      });
    }
    case 'gears': {
      const g = view.gears!;
      if (g.done) return say('ch5.gears.check', { product: fmt(g.product, 4), fd: fmt(g.finiteDifference, 4) }, true);
      // The loss gear is where backprop starts: its slope is 1, there is no gear after it.
      if (g.filled === 1) return say('ch5.gears.backLoss');
      if (g.filled > 0) return say('ch5.gears.back', { name: GEAR_NAMES[3 - g.filled + 1] });
      if (g.predicted !== null)
        return g.right ? say('ch5.gears.right', {}, true) : say('ch5.gears.wrong', { value: g.predicted }, true);
      if (g.turned !== 0) return say('ch5.gears.predict');
      return say('ch5.gears.guide');
    }
    case 'challengeResult': {
      const run = model.runs[model.runs.length - 1];
      const params = { steps: run.steps, overshoots: run.overshoots, score: run.score, stars: run.stars };
      if (!run.reached) return say('ch5.challenge.failed', { max: level.challenge.maxSteps }, true);
      return say(run.stars === 3 ? 'ch5.challenge.best' : 'ch5.challenge.passed', params, true);
    }
    case 'done':
      return say('chapter.done');
    default:
      return say('ch5.history.line');
  }
}

function track(t: { losses: number[]; knobs: number[]; path: [number, number][]; diverged: boolean }): TrackView {
  return { losses: t.losses, loss: t.losses[t.losses.length - 1], knobs: t.knobs, path: t.path, diverged: t.diverged };
}

export function foggyView(step: string, context: FoggyContext, playing = false): FoggyView {
  const { level, model } = context;
  const walkKind: WalkKind | null = step === 'fog1' || step === 'fog2' || step === 'challenge' ? step : null;
  const walk = walkKind ? walkOf(context, walkKind, model[walkKind]) : null;
  const handLoss = loss(level, model.hand);
  const a = model.auto;
  const auto =
    step === 'auto'
      ? {
          lr: a.lr,
          beta: a.beta,
          learningRates: level.auto.learningRates,
          momenta: level.auto.momenta,
          steps: a.steps,
          minSteps: level.auto.minSteps,
          maxSteps: level.auto.maxSteps,
          target: level.auto.target,
          mayEnd: autoMayEnd(level, a),
          finished: autoFinished(level, a),
          plain: track(a.plain),
          heavy: track(a.heavy),
          handLoss,
          playing,
          chart: autoChart(level, a.plain, a.heavy, a.steps),
          best: [level.best[1], level.best[2]] as [number, number],
        }
      : null;
  let gears: FoggyView['gears'] = null;
  if (step === 'gears') {
    const g = model.gears;
    const base = gearChain(level, level.gears.w);
    const moved = gearChain(level, level.gears.w + g.turned);
    const right = g.predicted === null ? null : g.predicted === rightChoice(level);
    gears = {
      gears: base.gears.map((gear, i) => ({
        name: gear.name,
        value: gear.value,
        turn: moved.gears[i].value - gear.value,
        // Backprop fills from the loss (index 3) back to w (index 0).
        grad: i >= 4 - g.filled ? gear.grad : null,
      })),
      ratios: base.ratios,
      product: base.product,
      finiteDifference: base.finiteDifference,
      turned: g.turned,
      turnStep: level.gears.turn,
      choices: gearChoices(level, model.seed),
      predicted: g.predicted,
      right,
      filled: g.filled,
      hideLast: right !== true,
      done: g.filled >= 4,
    };
  }
  const valleys = step === 'valleys' ? valleysView(level, model) : null;
  const overfit = step === 'overfit' ? overfitView(level, model) : null;
  const ended = step === 'challengeResult' || step === 'history';
  const mainKnobs = walk
    ? model[walkKind!].knobs
    : auto
      ? a.plain.knobs
      : overfit
        ? overfit.knobs
        : ended
          ? model.challenge.knobs
          : model.hand;
  const curve = (id: 'main' | 'hand' | 'momentum', knobs: number[]) => ({
    id,
    knobs,
    points: curvePoints(level, knobs),
  });
  const curves: FoggyView['curves'] = [curve('main', mainKnobs)];
  if (auto) curves.push(curve('momentum', a.heavy.knobs), curve('hand', model.hand));
  const partial: Partial<FoggyView> = { walk, auto, gears, valleys, overfit };
  const line = lineFor(step, context, partial);
  const residuals = level.data.map((p) => polyValue(mainKnobs, p.x) - p.y);
  const lossNow = residuals.reduce((sum, r) => sum + r * r, 0);
  const cue: ViewCue | null = !line.notice
    ? null
    : {
        sound: GOOD.has(line.key) ? 'success' : BAD.has(line.key) ? 'failure' : 'click',
        id: `${line.key}|${context.events.length}`,
      };
  const lossScale = loss(level, [0, 0, 0, 0, 0, 0]);
  const target = walk?.target ?? auto?.target ?? null;
  // While part B's slope is hidden, the footsteps do not give it away either.
  const slope = walk
    ? walk.slopeHidden
      ? 0
      : Math.hypot(...walk.slope)
    : auto
      ? Math.hypot(...gradient(level, a.plain.knobs))
      : 0;
  return {
    step,
    line,
    intro: step === 'intro',
    points: level.data,
    plot: level.plot,
    curves,
    residuals,
    loss: lossNow,
    lossScale,
    bestLoss: level.bestLoss,
    bar:
      gears || valleys || overfit || step === 'history'
        ? null
        : {
            fraction: barFraction(lossNow, level.bestLoss, lossScale),
            target: target === null ? null : barFraction(target, level.bestLoss, lossScale),
          },
    map: (walk && walk.kind !== 'fog1') || step === 'challengeResult' ? bowlPicture(level) : null,
    mapWalk: walk ?? (step === 'challengeResult' ? walkOf(context, 'challenge', model.challenge) : null),
    valleys,
    overfit,
    live: walk
      ? walk.slopeHidden
        ? { key: 'ch5.live.fog', params: { loss: fmt(walk.loss) }, notice: false }
        : {
            key: 'ch5.live.walk',
            params: { loss: fmt(walk.loss), slope: walk.slope.map((v) => fmt(v)).join(', ') },
            notice: false,
          }
      : null,
    hand:
      step === 'hand'
        ? {
            knobs: model.hand.map((value, index) => ({
              index,
              value,
              min: level.hand.min,
              max: level.hand.max,
              step: level.hand.step,
              fineStep: level.hand.fineStep,
            })),
            moves: model.handMoves,
            mayEnd: handMayEnd(level, model),
            loss: handLoss,
          }
        : null,
    walk,
    stepSizes: level.stepSizes,
    auto,
    gears,
    run: step === 'challengeResult' ? model.runs[model.runs.length - 1] : null,
    history: step === 'history' ? level.history : null,
    sound: walk || auto ? { pitch: pitchOf(lossNow, level.bestLoss), ticksPerSecond: ticksOf(slope) } : null,
    cue,
  };
}

/** The compare screen's data: the last challenge walk's losses step by step, and its score. */
export function foggyCompare(context: FoggyContext): {
  facts: { key: string; params: Record<string, string | number> }[];
  series: Record<string, number[]>;
} {
  const { level, model } = context;
  const run = model.runs[model.runs.length - 1];
  const walk = walkOf(context, 'challenge', model.challenge);
  return {
    facts: [
      { key: 'ch5.compare.steps', params: { steps: run?.steps ?? 0, overshoots: run?.overshoots ?? 0 } },
      { key: 'ch5.compare.hand', params: { loss: fmt(loss(level, model.hand)) } },
    ],
    series: {
      loss: walk.trail.map((t) => t.loss),
      k1: walk.trail.map((t) => t.at[0]),
      k2: walk.trail.map((t) => t.at[1]),
    },
  };
}
