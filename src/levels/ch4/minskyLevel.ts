// The schema of chapter 4's level file (levels/04-minsky-riddle.json): the four XOR points and
// the knobs of part A, Bit's perceptron rule, the neuron budget of part B, and the lab of part C
// (point sets, network budget, learning rates, challenge thresholds per point set).
import { z } from 'zod';
import raw from '../../../levels/04-minsky-riddle.json';
import { parseLevelFile } from '../shared/levelFile';

const textKey = z.string().min(3, 'must be a text key like "ch4.title"');

const knobRange = z
  .object({ min: z.number(), max: z.number(), step: z.number().positive(), fineStep: z.number().positive() })
  .superRefine((k, ctx) => {
    if (k.min >= k.max) ctx.addIssue({ code: 'custom', path: ['max'], message: 'must be greater than min' });
    if (k.fineStep > k.step)
      ctx.addIssue({ code: 'custom', path: ['fineStep'], message: 'must not be larger than step' });
  });

const startKnob = knobRange.and(z.object({ start: z.number() }));

const perceptron = z.object({ weights: z.tuple([z.number(), z.number()]), threshold: z.number() });

const box = z
  .object({ xMin: z.number(), xMax: z.number(), yMin: z.number(), yMax: z.number() })
  .refine((b) => b.xMin < b.xMax && b.yMin < b.yMax, 'needs xMin < xMax and yMin < yMax');

const dataset = z
  .object({
    id: z.enum(['circle', 'moons', 'spiral']),
    count: z.number().int().min(20).max(1000),
    noise: z.number().min(0).max(1),
    testFraction: z.number().gt(0).lt(1),
    passAt: z.number().gt(0).max(1),
    stars: z
      .array(
        z.object({
          stars: z.number().int().min(2).max(3),
          minAccuracy: z.number().gt(0).max(1),
          maxNeurons: z.number().int().min(1),
        }),
      )
      .min(1),
  })
  .superRefine((d, ctx) => {
    d.stars.forEach((s, i) => {
      if (s.minAccuracy < d.passAt)
        ctx.addIssue({ code: 'custom', path: ['stars', i, 'minAccuracy'], message: 'must be at least passAt' });
    });
  });

export const minskyLevelSchema = z
  .object({
    chapter: z.literal(4),
    id: z.literal('ch4-minsky-riddle'),
    version: z.number().int().positive(),
    titleKey: textKey,
    insightKey: textKey,
    /** The history card: a year or decade as printed, and the text key of what happened. */
    history: z
      .array(
        z.object({
          year: z.string().regex(/^\d{4}s?$/, 'must be a year like "1969" or a decade like "1970s"'),
          textKey,
        }),
      )
      .min(1),
    xor: z
      .array(z.object({ x: z.tuple([z.number(), z.number()]), label: z.union([z.literal(0), z.literal(1)]) }))
      .length(4, 'XOR has exactly four points'),
    plane: box,
    knobs: z.object({ weight: startKnob, threshold: startKnob }),
    honestTries: z.number().int().min(0).max(50),
    bit: z.object({
      learningRate: z.number().positive().max(5),
      maxEpochs: z.number().int().min(2).max(200),
      start: perceptron,
    }),
    build: z.object({
      maxHidden: z.number().int().min(2).max(6),
      newNeuron: perceptron,
      /** A fair try before the explainer's way is offered: knob settings tried and failed checks. */
      fairTry: z.object({ moves: z.number().int().min(0).max(50), checks: z.number().int().min(0).max(10) }),
      /** The explainer's XOR network: hidden neurons and an output over them. */
      blueprint: z.object({
        hidden: z.array(perceptron).min(2),
        output: z.object({ weights: z.array(z.number()).min(2), threshold: z.number() }),
      }),
    }),
    lab: z.object({
      box,
      grid: z.number().int().min(8).max(96),
      maxNeurons: z.number().int().min(1).max(32),
      maxPerLayer: z.number().int().min(1).max(16),
      maxLayers: z.number().int().min(1).max(2),
      start: z.object({
        dataset: z.enum(['circle', 'moons', 'spiral']),
        layers: z.array(z.number().int().min(1)).min(1),
        activation: z.enum(['sigmoid', 'tanh', 'relu']),
        rate: z.number().positive(),
      }),
      rates: z.array(z.number().positive()).min(2),
      maxEpochsPerStep: z.number().int().min(1).max(500),
      /**
       * Training played by the chapter machine's clock: epochsPerTick epochs every tickMs. The
       * work of a tick is fixed here, never by how fast the player's computer is.
       */
      play: z.object({ tickMs: z.number().int().min(10).max(1000), epochsPerTick: z.number().int().min(1) }),
      maxEpochs: z.number().int().min(10).max(100000),
      handKnob: knobRange,
      datasets: z.array(dataset).min(1),
    }),
  })
  .superRefine((level, ctx) => {
    const { lab } = level;
    if (lab.play.epochsPerTick > lab.maxEpochsPerStep)
      ctx.addIssue({
        code: 'custom',
        path: ['lab', 'play', 'epochsPerTick'],
        message: 'must not be more than lab.maxEpochsPerStep',
      });
    if (!lab.rates.includes(lab.start.rate))
      ctx.addIssue({ code: 'custom', path: ['lab', 'start', 'rate'], message: 'must be one of lab.rates' });
    if (!lab.datasets.some((d) => d.id === lab.start.dataset))
      ctx.addIssue({ code: 'custom', path: ['lab', 'start', 'dataset'], message: 'must be one of lab.datasets' });
    if (lab.start.layers.length > lab.maxLayers)
      ctx.addIssue({ code: 'custom', path: ['lab', 'start', 'layers'], message: 'has more layers than lab.maxLayers' });
    lab.start.layers.forEach((n, i) => {
      if (n > lab.maxPerLayer)
        ctx.addIssue({ code: 'custom', path: ['lab', 'start', 'layers', i], message: 'is more than lab.maxPerLayer' });
    });
    if (lab.start.layers.reduce((s, n) => s + n, 0) > lab.maxNeurons)
      ctx.addIssue({ code: 'custom', path: ['lab', 'start', 'layers'], message: 'uses more than lab.maxNeurons' });
    const bp = level.build.blueprint;
    if (bp.hidden.length > level.build.maxHidden)
      ctx.addIssue({
        code: 'custom',
        path: ['build', 'blueprint', 'hidden'],
        message: 'has more than build.maxHidden',
      });
    if (bp.output.weights.length !== bp.hidden.length)
      ctx.addIssue({
        code: 'custom',
        path: ['build', 'blueprint', 'output', 'weights'],
        message: 'needs one weight per hidden neuron',
      });
    const labels = level.xor
      .map((p) => p.label)
      .sort()
      .join();
    if (labels !== '0,0,1,1')
      ctx.addIssue({ code: 'custom', path: ['xor'], message: 'needs two points of each label' });
  });

export type MinskyLevel = z.output<typeof minskyLevelSchema>;
export type LabDataset = MinskyLevel['lab']['datasets'][number];

export const MINSKY_LEVEL_FILE = 'levels/04-minsky-riddle.json';

export function loadMinskyLevel(data: unknown = raw): MinskyLevel {
  return parseLevelFile(MINSKY_LEVEL_FILE, minskyLevelSchema, data);
}
