// What the screen shows of the rigged basket (see appleLampRigged.ts), derived from the machine's
// context: the knobs Bit learned there, the basket with its lamps, the new fruit and the fruit the
// player may add, and the mentor's line. Pure, like appleLampView, which folds it in.
import type { Perceptron } from '../../engine';
import type { AppleLampContext } from './appleLampMachine';
import { startSetting } from './appleLampModel';
import { canTuneRigged, latestTune, riggedBasket, riggedFixed, type RiggedState } from './appleLampRigged';

export interface RiggedFruitView {
  fruit: string;
  nameKey: string;
  art: string;
}

export interface RiggedView {
  feature: string;
  featureLabelKey: string;
  /** How many times Bit has tuned on the basket (0: not yet). */
  tunes: number;
  steps: number;
  converged: boolean;
  basketRight: number;
  basketSize: number;
  /** The new fruit, with the lamp's answer once Bit has tuned (lit null before). */
  tests: (RiggedFruitView & { apple: boolean; lit: boolean | null; correct: boolean | null })[];
  testRight: number;
  choices: (RiggedFruitView & { added: boolean })[];
  canTune: boolean;
  /** Fruit may be added once Bit has tuned once. */
  canAdd: boolean;
  fixed: boolean;
  /** The fruit in front of the lamp: the first new fruit the lamp gets wrong (else the first). */
  shown: string;
  /** Whether the shown fruit is a new fruit (else the basket's first). */
  shownIsNew: boolean;
}

export interface RiggedLine {
  key: string;
  params: Record<string, string>;
  notice: boolean;
}

/** The knobs on screen in the rigged step: what Bit learned there, or the blank setting. */
export function riggedSetting(context: AppleLampContext): Perceptron {
  const { level } = context;
  return (
    latestTune(context.model.rigged)?.perceptron ??
    startSetting(level, level.tuning.start.weight, level.tuning.start.threshold)
  );
}

const fruitView = (context: AppleLampContext, fruit: string): RiggedFruitView => ({
  fruit,
  nameKey: context.level.fruits[fruit].nameKey,
  art: context.level.fruits[fruit].art,
});

export function riggedView(context: AppleLampContext, rigged: RiggedState): RiggedView {
  const { level } = context;
  const last = latestTune(rigged);
  const tests = level.rigged.test.map((fruit, i) => {
    const check = last?.tests[i];
    return {
      ...fruitView(context, fruit),
      apple: level.fruits[fruit].isApple,
      lit: check ? check.lit : null,
      correct: check ? check.correct : null,
    };
  });
  const wrong = tests.find((t) => t.correct === false);
  const shown = last ? (wrong ?? tests[0]).fruit : level.rigged.basket[0];
  return {
    feature: level.rigged.feature,
    featureLabelKey: level.featureLabels[level.features.indexOf(level.rigged.feature)],
    tunes: rigged.tunes.length,
    steps: last?.steps ?? 0,
    converged: last?.converged ?? false,
    basketRight: last?.basketRight ?? 0,
    basketSize: riggedBasket(level, rigged).length,
    tests,
    testRight: last?.testRight ?? 0,
    choices: level.rigged.choices.map((fruit) => ({
      ...fruitView(context, fruit),
      added: rigged.added.includes(fruit),
    })),
    canTune: canTuneRigged(rigged),
    canAdd: rigged.tunes.length > 0,
    fixed: riggedFixed(rigged),
    shown,
    shownIsNew: last !== null,
  };
}

/** The mentor's line: the basket, the perfect score and the fooled lamp, each fruit added, the fix. */
export function riggedLine(context: AppleLampContext, view: RiggedView): RiggedLine {
  const rigged = context.model.rigged!;
  const feature = view.featureLabelKey;
  const say = (key: string, params: Record<string, string> = {}, notice = true): RiggedLine => ({
    key,
    params: { feature, ...params },
    notice,
  });
  const last = latestTune(rigged);
  if (context.notice === 'ch3.rigged.added' && rigged.added.length) {
    const fruit = context.level.fruits[rigged.added[rigged.added.length - 1]].nameKey;
    return say('ch3.rigged.added', { fruit });
  }
  if (!last) return say('ch3.rigged.intro', {}, false);
  const counts = {
    steps: String(last.steps),
    right: String(last.basketRight),
    size: String(last.basket.length),
    wrong: String(last.tests.length - last.testRight),
    tests: String(last.tests.length),
  };
  if (view.fixed) return say(view.tunes > 1 ? 'ch3.rigged.fixed' : 'ch3.rigged.fine', counts);
  if (view.tunes > 1) return say('ch3.rigged.still', counts);
  const wrong = view.tests.find((t) => t.correct === false)!;
  return say(wrong.lit ? 'ch3.rigged.fooledOn' : 'ch3.rigged.fooledOff', { ...counts, fruit: wrong.nameKey });
}
