// The schema of chapter 6's level file (levels/06-digit-demon.json): the choices offered when
// building the boss network (hidden sizes, learning rates, epochs and their budget), how training
// reports progress, the fight's health and rounds, the trick's epsilons, the star thresholds and
// the sample drawings offered to keyboard players (strokes in a unit square, y down).
import { z } from 'zod';
import { checkReplaysVersions, replaysVersionsSchema } from '../shared/levelVersions';
import raw from '../../../levels/06-digit-demon.json';
import { parseLevelFile } from '../shared/levelFile';
import { TEACH_BUDGET } from './digitDemonEvents';

/** The training digits (assets/data/mnist.bin.gz): a cost unit is one pass of one hidden unit over them. */
export const TRAIN_DIGITS = 8000;

/** The cost of the level's retrain at its largest net with every drawing taught, in cost units. */
export function teachCost(l: {
  build: { hidden: { units: number }[] };
  teach: { mix: number; copies: number; epochs: number };
  fight: { drawings: number };
}): number {
  const hidden = Math.max(...l.build.hidden.map((h) => h.units));
  const rows = Math.min(l.teach.mix, TRAIN_DIGITS) + l.teach.copies * l.fight.drawings;
  // Scoring the 2,000 held-out digits afterwards (forward passes only) takes about an eighth of
  // an epoch's time (measured: 270-560 ms for the whole retrain at 128 units, 1.4-2.6 s an epoch).
  return hidden * ((l.teach.epochs * rows) / TRAIN_DIGITS + 1 / 8);
}

export const DIGIT_DEMON_LEVEL_FILE = 'levels/06-digit-demon.json';

const textKey = z.string().min(3, 'must be a text key like "ch6.title"');
const unit = z.number().min(0).max(1);

export const digitDemonLevelSchema = z
  .object({
    chapter: z.literal(6),
    id: z.literal('ch6-digit-demon'),
    version: z.number().int().positive(),
    replaysVersions: replaysVersionsSchema,
    network: z.object({
      input: z.literal(784),
      outputActivation: z.literal('softmax'),
      hiddenActivation: z.enum(['relu', 'sigmoid', 'tanh']),
      batchSize: z.number().int().min(1).max(512),
    }),
    build: z.object({
      hidden: z.array(z.object({ units: z.number().int().min(2).max(512), hintKey: textKey })).min(2),
      learningRates: z.array(z.object({ rate: z.number().positive().max(5), hintKey: textKey })).min(2),
      epochs: z.object({ min: z.number().int().min(1), max: z.number().int().max(100), hintKey: textKey }),
      /** hidden units × epochs may not exceed this. */
      budget: z.number().int().positive(),
      budgetHintKey: textKey,
      /** Trainings one attempt may finish (each is retrained when the attempt is replayed). */
      trainings: z.number().int().min(1).max(3),
      start: z.object({ hidden: z.number().int(), rate: z.number(), epochs: z.number().int() }),
    }),
    training: z.object({
      reportsPerEpoch: z.number().int().min(1).max(100),
      curveTrainSample: z.number().int().min(1).max(8000),
      curveTestSample: z.number().int().min(1).max(2000),
      sampleDigits: z.number().int().min(1).max(40),
    }),
    fight: z.object({
      demonHealth: z.number().int().min(1),
      playerHealth: z.number().int().min(1),
      throws: z.number().int().min(1).max(100),
      /** Extra damage when the player called Bit's reading right. */
      callBonus: z.number().int().min(0).max(10),
      /** The Demon's health that throws cannot take: only the player's drawings finish it. */
      throwsFloor: z.number().int().min(0),
      drawings: z.number().int().min(3).max(20),
      /** Damage of a drawing Bit reads right. */
      drawDamage: z.number().int().min(1).max(10),
      drawMinInk: z.number().int().min(1).max(784),
    }),
    /**
     * Teaching Bit the player's drawings (once, after the drawings): `epochs` of SGD at `rate`
     * from the trained net, on `mix` seeded training digits plus each drawing `copies` times.
     */
    teach: z.object({
      mix: z.number().int().min(0).max(8000),
      copies: z.number().int().min(1).max(100),
      epochs: z.number().int().min(1).max(5),
      rate: z.number().positive().max(1),
      reportsPerEpoch: z.number().int().min(1).max(50),
    }),
    trick: z.object({
      epsilons: z.array(unit).min(2),
      start: unit,
      digits: z.number().int().min(1).max(20),
      invisibleBound: unit,
    }),
    /**
     * The three stars: beating the Demon (or, without it, Bit reading `pass` of the unseen
     * digits); Bit reading `two` of them; beating the Demon with at least `calls` right calls.
     */
    stars: z.object({ pass: unit, two: unit, calls: z.number().int().min(1) }),
    samples: z
      .array(
        z.object({
          digit: z.number().int().min(0).max(9),
          strokes: z.array(z.array(z.tuple([unit, unit])).min(2)).min(1),
        }),
      )
      .min(1),
    history: z.object({ year: z.number().int() }),
    /**
     * Inside Bit's head: the held-out digit whose probabilities and loss move while training, how
     * many most-exciting digits are shown for a hidden unit, and how many units a page shows.
     */
    head: z.object({
      sampleDigit: z.number().int().min(0).max(9999),
      topDigits: z.number().int().min(1).max(12),
      unitsPerPage: z.number().int().min(1).max(32),
    }),
  })
  .superRefine((l, ctx) => {
    checkReplaysVersions(l, ctx);
    const b = l.build;
    if (!b.hidden.some((h) => h.units === b.start.hidden))
      ctx.addIssue({ code: 'custom', path: ['build', 'start', 'hidden'], message: 'must be one of build.hidden' });
    if (!b.learningRates.some((r) => r.rate === b.start.rate))
      ctx.addIssue({ code: 'custom', path: ['build', 'start', 'rate'], message: 'must be one of build.learningRates' });
    if (b.start.epochs < b.epochs.min || b.start.epochs > b.epochs.max || b.start.hidden * b.start.epochs > b.budget)
      ctx.addIssue({
        code: 'custom',
        path: ['build', 'start', 'epochs'],
        message: 'must be in range and fit the budget',
      });
    if (b.epochs.min > b.epochs.max)
      ctx.addIssue({ code: 'custom', path: ['build', 'epochs', 'max'], message: 'must not be below min' });
    if (!l.trick.epsilons.includes(l.trick.start))
      ctx.addIssue({ code: 'custom', path: ['trick', 'start'], message: 'must be one of trick.epsilons' });
    if (!(l.stars.pass <= l.stars.two))
      ctx.addIssue({ code: 'custom', path: ['stars'], message: 'thresholds must rise: pass <= two' });
    if (l.stars.calls > l.fight.throws)
      ctx.addIssue({ code: 'custom', path: ['stars', 'calls'], message: 'must not exceed fight.throws' });
    if (teachCost(l) > TEACH_BUDGET)
      ctx.addIssue({
        code: 'custom',
        path: ['teach'],
        message: `costs ${teachCost(l).toFixed(1)} units to replay; at most ${TEACH_BUDGET}`,
      });
    if (l.fight.throwsFloor >= l.fight.demonHealth)
      ctx.addIssue({ code: 'custom', path: ['fight', 'throwsFloor'], message: 'must be below demonHealth' });
  });

export type DigitDemonLevel = z.output<typeof digitDemonLevelSchema>;

export function parseDigitDemonLevel(data: unknown): DigitDemonLevel {
  return parseLevelFile(DIGIT_DEMON_LEVEL_FILE, digitDemonLevelSchema, data);
}

export function loadDigitDemonLevel(): DigitDemonLevel {
  return parseDigitDemonLevel(raw);
}
