// Chapter 1's rules as a pure model: a plain-data state and functions that return a new state.
// Bit's behaviour is the engine's PolicyLearner (softmax over per-command preferences, trained by
// the gradient-bandit rule); every draw uses a generator seeded from (attempt seed, purpose,
// index), so replaying the same input events from the same seed gives the same result.
import { PolicyLearner, createRng, type PolicySnapshot } from '../../engine';
import { deriveSeed } from '../shared/seeds';
import type { SitLevel } from './sitLevel';

export type Feedback = 'treat' | 'scold' | 'ignore';

export interface Trial {
  command: string;
  action: string;
}

export interface ShowRound {
  command: string;
  action: string;
  correct: boolean;
}

export interface ShowResult {
  rounds: ShowRound[];
  correct: number;
  passed: boolean;
}

export interface SitResult {
  passed: boolean;
  stars: 0 | 1 | 2 | 3;
  trainingTrials: number;
  showCorrect: number;
  showSize: number;
  showAttempts: number;
}

export interface SitState {
  seed: number;
  policy: PolicySnapshot;
  /** Bit's last action, waiting for the trainer's feedback. */
  pending: Trial | null;
  /** Every action Bit took so far (training and shows): indexes the random draws. */
  draws: number;
  /** Feedback given outside the guided twist: what the stars count. */
  trainingTrials: number;
  twistTrials: number;
  /** Twist trials in which Bit did the wrong action: the chances the sloppy trainer was given. */
  twistChances: number;
  /** Of those, how many the trainer rewarded (as the experiment asks). */
  twistWrongTreats: number;
  lastFeedback: { trial: Trial; feedback: Feedback } | null;
  shows: ShowResult[];
}

export function createSitState(level: SitLevel, seed: number): SitState {
  const learner = new PolicyLearner({
    contexts: level.commands.map((c) => c.id),
    actions: level.actions.map((a) => a.id),
    learningRate: level.learning.learningRate,
    temperature: level.learning.temperature,
    useBaseline: level.learning.useBaseline,
  });
  return {
    seed: seed >>> 0,
    policy: learner.toJSON(),
    pending: null,
    draws: 0,
    trainingTrials: 0,
    twistTrials: 0,
    twistChances: 0,
    twistWrongTreats: 0,
    lastFeedback: null,
    shows: [],
  };
}

function learnerOf(state: SitState): PolicyLearner {
  return PolicyLearner.fromJSON(state.policy);
}

export function targetOf(level: SitLevel, command: string): string {
  const c = level.commands.find((x) => x.id === command);
  if (!c) throw new Error(`Unknown command "${command}"`);
  return c.target;
}

export function probabilities(state: SitState, command: string): number[] {
  return learnerOf(state).probabilities(command);
}

export function probabilityOf(state: SitState, command: string, action: string): number {
  const i = state.policy.actions.indexOf(action);
  if (i < 0) throw new Error(`Unknown action "${action}"`);
  return probabilities(state, command)[i];
}

export function isLearned(level: SitLevel, state: SitState, command: string): boolean {
  return probabilityOf(state, command, targetOf(level, command)) >= level.learnedProbability;
}

/** The trainer gives a command; Bit answers by sampling its policy. */
export function giveCommand(state: SitState, command: string): SitState {
  if (state.pending) throw new Error('Bit is waiting for feedback on the last command');
  const rng = createRng(deriveSeed(state.seed, 'act', state.draws));
  const action = learnerOf(state).sample(command, rng);
  return { ...state, pending: { command, action }, draws: state.draws + 1 };
}

/** Treat, scold or ignore: the reward goes into the gradient-bandit update. */
export function giveFeedback(level: SitLevel, state: SitState, feedback: Feedback, inTwist: boolean): SitState {
  const trial = state.pending;
  if (!trial) throw new Error('There is no action to give feedback on');
  const chance = inTwist && trial.action === level.twist.wrongAction;
  const learner = learnerOf(state);
  learner.update(trial.command, trial.action, level.rewards[feedback]);
  return {
    ...state,
    policy: learner.toJSON(),
    pending: null,
    trainingTrials: state.trainingTrials + (inTwist ? 0 : 1),
    twistTrials: state.twistTrials + (inTwist ? 1 : 0),
    twistChances: state.twistChances + (chance ? 1 : 0),
    twistWrongTreats: state.twistWrongTreats + (chance && feedback === 'treat' ? 1 : 0),
    lastFeedback: { trial, feedback },
  };
}

/** Show time: the judge calls `size` random commands; Bit answers each by sampling, no feedback. */
export function runShow(level: SitLevel, state: SitState): SitState {
  if (state.pending) throw new Error('Finish the current trial before show time');
  const attempt = state.shows.length;
  const judge = createRng(deriveSeed(state.seed, 'judge', attempt));
  const commandIds = level.commands.map((c) => c.id);
  const learner = learnerOf(state);
  const rounds: ShowRound[] = [];
  let draws = state.draws;
  for (let i = 0; i < level.challenge.size; i++) {
    const command = judge.choice(commandIds);
    const action = learner.sample(command, createRng(deriveSeed(state.seed, 'act', draws)));
    draws += 1;
    rounds.push({ command, action, correct: action === targetOf(level, command) });
  }
  const correct = rounds.filter((r) => r.correct).length;
  return { ...state, draws, shows: [...state.shows, { rounds, correct, passed: correct >= level.challenge.passAt }] };
}

/**
 * The twist may end without a habit only once the trainer had a fair go: `twist.maxTrials`
 * trials of which `twist.minChances` were the wrong action (the one the experiment asks them to
 * reward), or one such chance they chose not to reward; or at the hard stop
 * (`twist.giveUpAfter` trials).
 */
export function twistOver(level: SitLevel, state: SitState): boolean {
  const { maxTrials, minChances, giveUpAfter } = level.twist;
  if (state.twistTrials >= giveUpAfter) return true;
  const declined = state.twistChances - state.twistWrongTreats;
  return state.twistTrials >= maxTrials && (state.twistChances >= minChances || declined > 0);
}

/**
 * After `maxTrials` (and each further `maxTrials` the trainer asks for), a twist that gave too few
 * chances pauses: the trainer keeps experimenting or moves on.
 */
export function twistShort(level: SitLevel, state: SitState, extensions: number): boolean {
  return state.twistTrials >= level.twist.maxTrials * (1 + extensions);
}

export function lastShow(state: SitState): ShowResult | null {
  return state.shows.length ? state.shows[state.shows.length - 1] : null;
}

export function starsFor(level: SitLevel, trainingTrials: number): 1 | 2 | 3 {
  let best: 1 | 2 | 3 = 1;
  for (const s of level.stars) {
    if (trainingTrials <= s.maxTrials && s.stars > best) best = s.stars as 1 | 2 | 3;
  }
  return best;
}

export function resultOf(level: SitLevel, state: SitState): SitResult {
  const show = lastShow(state);
  const passed = show?.passed ?? false;
  return {
    passed,
    stars: passed ? starsFor(level, state.trainingTrials) : 0,
    trainingTrials: state.trainingTrials,
    showCorrect: show?.correct ?? 0,
    showSize: level.challenge.size,
    showAttempts: state.shows.length,
  };
}
