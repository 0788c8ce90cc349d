// What chapter 1's screen shows, derived from the machine snapshot: the mentor's line, which
// controls are live, and the probabilities for the "open the box" view. Pure, so it is tested
// without a browser and the scene only draws what this returns.
import { FUNCTION_STRIPS, type FunctionStrip } from '../shared/functionStrip';
import { allowedCommands, canExtendTwist, INTRO_LINES, type SitContext } from './sitMachine';
import {
  isLearned,
  lastShow,
  probabilities,
  probabilityOf,
  targetOf,
  type Feedback,
  type ShowResult,
} from './sitModel';
import type { SitLevel } from './sitLevel';

/** How likely the show must be before the view calls a command "ready" (and the show "likely"). */
export const LIKELY = 0.8;

/** P(at least `need` successes in `n` independent tries that each succeed with probability `p`). */
export function atLeast(n: number, need: number, p: number): number {
  let sum = 0;
  let choose = 1; // C(n, k), built up as k grows
  for (let k = 0; k <= n; k++) {
    if (k > 0) choose = (choose * (n - k + 1)) / k;
    if (k >= need) sum += choose * p ** k * (1 - p) ** (n - k);
  }
  return Math.min(1, Math.max(0, sum));
}

/**
 * The chance Bit passes the show now. The judge draws each of the `size` commands uniformly from
 * the level's commands and Bit answers each by one independent draw from its policy, so every
 * round is right with probability q = the mean over commands of P(target | command), and the
 * number right is Binomial(size, q).
 */
export function showPassChance(level: SitLevel, sure: readonly number[]): number {
  const q = sure.reduce((a, b) => a + b, 0) / Math.max(1, sure.length);
  return atLeast(level.challenge.size, level.challenge.passAt, q);
}

/**
 * The smallest probability a command needs so that, were every command this sure, the show would
 * be passed with probability LIKELY (e.g. about 0.92 for 9 of 10). Found by bisection: atLeast
 * grows with p.
 */
export function readyProbability(level: SitLevel): number {
  let ready = readyAtOf.get(level);
  if (ready === undefined) {
    ready = bisectReady(level);
    readyAtOf.set(level, ready);
  }
  return ready;
}

/** A level never changes: its ready probability is found once (the view asks on every snapshot). */
const readyAtOf = new WeakMap<SitLevel, number>();

function bisectReady(level: SitLevel): number {
  let lo = 0;
  let hi = 1;
  for (let i = 0; i < 40; i++) {
    const mid = (lo + hi) / 2;
    if (atLeast(level.challenge.size, level.challenge.passAt, mid) >= LIKELY) hi = mid;
    else lo = mid;
  }
  return hi;
}

export interface SitLine {
  key: string;
  params: Record<string, string>;
  notice: boolean;
}

export interface SitView {
  step: string;
  /** The chapter's function, input → box → output (the shared strip's words). */
  functionStrip: FunctionStrip;
  line: SitLine;
  /**
   * Commands in level order: whether they can be pressed now, whether the teaching step counts
   * them learned (`learned`, the machine's rule), how sure Bit is of the right action (`sure`),
   * and whether that is sure enough for the show (`ready`: see readyProbability).
   */
  commands: {
    id: string;
    labelKey: string;
    visible: boolean;
    enabled: boolean;
    learned: boolean;
    sure: number;
    ready: boolean;
  }[];
  /** The chance of passing the show if it started now (10 random commands, 9 needed). */
  passChance: number;
  /** What a command needs to count as ready for the show. */
  readyAt: number;
  /** What the mentor says once the show's last round is revealed (the scene waits for it). */
  showVerdict: SitLine | null;
  canFeedback: boolean;
  canStartShow: boolean;
  /** The twist paused for too few chances and may go on ("Keep experimenting"). */
  canMoreTwist: boolean;
  pending: { command: string; action: string } | null;
  trainingTrials: number;
  /**
   * The trial counter's line: training trials (what the stars count) and, once the twist began,
   * the experiment's trials beside them (counted, but not against the stars).
   */
  trials: SitLine;
  /** probabilities[command][action] in level order. */
  box: { command: string; target: string; probs: { action: string; p: number }[] }[];
  show: ShowResult | null;
  /** How many shows have been run: a new number means a new show to reveal. */
  showsRun: number;
  /** Bit's actions so far: a new number means Bit just acted. */
  draws: number;
  /** The latest feedback and the trial it answered (a new object means new feedback). */
  lastFeedback: { trial: { command: string; action: string }; feedback: Feedback; serial: number } | null;
}

function labelOf(context: SitContext, kind: 'commands' | 'actions', id: string): string {
  const list = context.level[kind] as { id: string; labelKey: string }[];
  return list.find((x) => x.id === id)?.labelKey ?? id;
}

/** Line params hold text keys (resolved by the view) for commands and actions. */
function lineFor(step: string, context: SitContext): SitLine {
  const { level, model } = context;
  if (step === 'intro') return { key: INTRO_LINES[context.introLine], params: {}, notice: false };
  if (context.notice && !model.pending && step !== 'show') {
    const show = lastShow(model);
    const params: Record<string, string> =
      context.notice === 'ch1.notice.fewChances'
        ? {
            n: String(model.twistTrials),
            chances: String(model.twistChances),
            command: labelOf(context, 'commands', level.twist.command),
            wrong: labelOf(context, 'actions', level.twist.wrongAction),
          }
        : show
          ? { correct: String(show.correct), size: String(level.challenge.size) }
          : {};
    return { key: honestNotice(context), params, notice: true };
  }
  if (model.pending && step !== 'show') {
    return {
      key: 'ch1.guide.feedback',
      params: {
        command: labelOf(context, 'commands', model.pending.command),
        action: labelOf(context, 'actions', model.pending.action),
      },
      notice: false,
    };
  }
  const twistCmd = labelOf(context, 'commands', level.twist.command);
  switch (step) {
    case 'teach':
      return {
        key: 'ch1.guide.teach',
        params: { command: labelOf(context, 'commands', level.teachOrder[context.teachIndex]) },
        notice: false,
      };
    case 'twist':
      return {
        key: 'ch1.guide.twist',
        params: {
          command: twistCmd,
          wrong: labelOf(context, 'actions', level.twist.wrongAction),
          percent: String(Math.round(100 * probabilityOf(model, level.twist.command, level.twist.wrongAction))),
          habit: String(Math.round(100 * level.twist.habitProbability)),
        },
        notice: false,
      };
    case 'fix': {
      const target = level.commands.find((c) => c.id === level.twist.command)!.target;
      return {
        key: 'ch1.guide.fix',
        params: { command: twistCmd, right: labelOf(context, 'actions', target) },
        notice: false,
      };
    }
    case 'show':
      // The outcome waits for the reveal: see showVerdict.
      return {
        key: 'ch1.guide.show',
        params: { size: String(level.challenge.size), passAt: String(level.challenge.passAt) },
        notice: false,
      };
    case 'done':
      // Seen only at a replay's last frame: the chapter is over, nothing is asked.
      return { key: 'chapter.done', params: {}, notice: false };
    default:
      return {
        key: 'ch1.guide.free',
        params: { chance: String(Math.round(100 * showPassChance(level, sureOf(context)))) },
        notice: false,
      };
  }
}

/** The verdict of the show just run, for the mentor to say once every round has been shown. */
function verdictOf(context: SitContext): SitLine | null {
  const show = lastShow(context.model);
  if (!show) return null;
  const params = { correct: String(show.correct), size: String(context.level.challenge.size) };
  return { key: show.passed ? 'ch1.show.passed' : 'ch1.notice.showFailed', params, notice: true };
}

function sureOf(context: SitContext): number[] {
  return context.level.commands.map((c) => probabilityOf(context.model, c.id, targetOf(context.level, c.id)));
}

/**
 * The machine ends a twist that formed no habit with "stubborn" (see twistOver). What the mentor
 * says then follows what the trainer was given and did: Bit never did the wrong action (no
 * chance to be sloppy), every chance went unrewarded (honest feedback), or some were rewarded
 * (mixed feedback). A twist that ended without a habit also makes the later "fixed" news untrue,
 * so that news is worded for it.
 */
function honestNotice(context: SitContext): string {
  const { model, notice } = context;
  const noHabit = !context.twistHabit;
  if (notice === 'ch1.notice.fewChances' && !canExtendTwist(context)) return 'ch1.notice.fewChancesLast';
  if (notice === 'ch1.notice.stubborn') {
    if (model.twistChances === 0) return 'ch1.notice.noChance';
    return model.twistWrongTreats === 0 ? 'ch1.notice.honest' : notice;
  }
  if (notice === 'ch1.notice.fixed' && noHabit) return 'ch1.notice.fixedNoHabit';
  return notice ?? '';
}

export function sitView(step: string, context: SitContext): SitView {
  const { level, model } = context;
  const sure = sureOf(context);
  const readyAt = readyProbability(level);
  const allowed = allowedCommands(step, context);
  const visibleUpTo = step === 'intro' ? 0 : step === 'teach' ? context.teachIndex + 1 : level.commands.length;
  const visible = new Set(
    step === 'teach' || step === 'intro' ? level.teachOrder.slice(0, visibleUpTo) : level.commands.map((c) => c.id),
  );
  return {
    step,
    functionStrip: FUNCTION_STRIPS[1],
    line: lineFor(step, context),
    commands: level.commands.map((c, i) => ({
      id: c.id,
      labelKey: c.labelKey,
      visible: visible.has(c.id),
      enabled: allowed.includes(c.id) && !model.pending,
      learned: isLearned(level, model, c.id),
      sure: sure[i],
      ready: sure[i] >= readyAt,
    })),
    passChance: showPassChance(level, sure),
    readyAt,
    showVerdict: step === 'show' ? verdictOf(context) : null,
    canFeedback: model.pending !== null && step !== 'show',
    canStartShow: step === 'free' && !model.pending,
    canMoreTwist: step === 'twistShort' && canExtendTwist(context),
    pending: model.pending,
    trainingTrials: model.trainingTrials,
    trials:
      model.twistTrials > 0 || step === 'twist'
        ? {
            key: 'ch1.trialsTwist',
            params: { n: String(model.trainingTrials), m: String(model.twistTrials) },
            notice: false,
          }
        : { key: 'ch1.trials', params: { n: String(model.trainingTrials) }, notice: false },
    box: level.commands.map((c) => {
      const p = probabilities(model, c.id);
      return { command: c.id, target: c.target, probs: level.actions.map((a, i) => ({ action: a.id, p: p[i] })) };
    }),
    show: step === 'show' ? lastShow(model) : null,
    showsRun: model.shows.length,
    draws: model.draws,
    // Every feedback counts one trial (training or twist), so the count tells feedbacks apart.
    lastFeedback: model.lastFeedback
      ? { ...model.lastFeedback, serial: model.trainingTrials + model.twistTrials }
      : null,
  };
}
