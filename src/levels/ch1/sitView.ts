// What chapter 1's screen shows, derived from the machine snapshot: the mentor's line, which
// controls are live, and the probabilities for the "open the box" view. Pure, so it is tested
// without a browser and the scene only draws what this returns.
import { allowedCommands, INTRO_LINES, type SitContext } from './sitMachine';
import { isLearned, lastShow, probabilities, type Feedback, type ShowResult } from './sitModel';

export interface SitLine {
  key: string;
  params: Record<string, string>;
  notice: boolean;
}

export interface SitView {
  step: string;
  line: SitLine;
  /** Commands in level order with whether they can be pressed now and whether Bit knows them. */
  commands: { id: string; labelKey: string; visible: boolean; enabled: boolean; learned: boolean }[];
  canFeedback: boolean;
  canStartShow: boolean;
  pending: { command: string; action: string } | null;
  trainingTrials: number;
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
  if (context.notice && !model.pending) {
    const show = lastShow(model);
    const params: Record<string, string> = show
      ? { correct: String(show.correct), size: String(level.challenge.size) }
      : {};
    return { key: context.notice, params, notice: true };
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
        params: { command: twistCmd, wrong: labelOf(context, 'actions', level.twist.wrongAction) },
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
    case 'show': {
      const show = lastShow(model)!;
      return show.passed
        ? {
            key: 'ch1.show.passed',
            params: { correct: String(show.correct), size: String(level.challenge.size) },
            notice: true,
          }
        : {
            key: 'ch1.guide.show',
            params: { size: String(level.challenge.size), passAt: String(level.challenge.passAt) },
            notice: false,
          };
    }
    default:
      return { key: 'ch1.guide.free', params: {}, notice: false };
  }
}

export function sitView(step: string, context: SitContext): SitView {
  const { level, model } = context;
  const allowed = allowedCommands(step, context);
  const visibleUpTo = step === 'intro' ? 0 : step === 'teach' ? context.teachIndex + 1 : level.commands.length;
  const visible = new Set(
    step === 'teach' || step === 'intro' ? level.teachOrder.slice(0, visibleUpTo) : level.commands.map((c) => c.id),
  );
  return {
    step,
    line: lineFor(step, context),
    commands: level.commands.map((c) => ({
      id: c.id,
      labelKey: c.labelKey,
      visible: visible.has(c.id),
      enabled: allowed.includes(c.id) && !model.pending,
      learned: isLearned(level, model, c.id),
    })),
    canFeedback: model.pending !== null && step !== 'show',
    canStartShow: step === 'free' && !model.pending,
    pending: model.pending,
    trainingTrials: model.trainingTrials,
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
