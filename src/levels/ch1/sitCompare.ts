// Chapter 1's data for the compare screen, a pure function of the final snapshot's context. The
// model keeps only Bit's current policy, so the probability curves are recomputed by running the
// recorded events through the same model functions from the attempt's seed: the draws and updates
// are exactly the ones the attempt made.
import type { CompareData, CompareFact } from '../contract';
import type { SitContext } from './sitMachine';
import { createSitState, giveCommand, giveFeedback, lastShow, probabilityOf, runShow, targetOf } from './sitModel';

/** The value of each piece of feedback in the `feedback` series. */
const FEEDBACK_VALUE = { treat: 1, scold: -1, ignore: 0 } as const;

export function sitCompare(context: SitContext): CompareData {
  const { level, model, events } = context;
  const commands = level.commands.map((c) => c.id);
  let state = createSitState(level, model.seed);
  const curves: Record<string, number[]> = Object.fromEntries(commands.map((c) => [c, []]));
  const feedback: number[] = [];
  const trials: Record<string, number> = Object.fromEntries(commands.map((c) => [c, 0]));
  for (const e of events) {
    if (e.type === 'trial.command') state = giveCommand(state, e.command);
    else if (e.type === 'show.start') state = runShow(level, state);
    else if (e.type === 'trial.feedback') {
      const command = state.pending?.command ?? '';
      // The guided twist counts apart for the stars, but it turns the same knobs.
      state = giveFeedback(level, state, e.feedback, false);
      trials[command] = (trials[command] ?? 0) + 1;
      feedback.push(FEEDBACK_VALUE[e.feedback]);
      for (const c of commands) curves[c].push(probabilityOf(state, c, targetOf(level, c)));
    }
  }
  const show = lastShow(model);
  const facts: CompareFact[] = [
    { key: 'ch1.compare.trials', params: { n: model.trainingTrials } },
    ...commands.map((c) => ({ key: `ch1.compare.cmd.${c}`, params: { n: trials[c] } })),
    { key: 'ch1.compare.show', params: { correct: show?.correct ?? 0, size: level.challenge.size } },
    { key: 'ch1.compare.shows', params: { n: model.shows.length } },
  ];
  return { facts, series: { ...curves, feedback } };
}
