// What chapter 4's screen shows, derived from the machine snapshot: the mentor's line, the XOR
// plane with each neuron's line, the knobs, Bit's cycling run, the little threshold network of
// part B, and the lab of part C (heatmaps of the output and of every hidden neuron, loss curves,
// the network's shape). Pure, so it is tested without a browser; the scene only draws this.
import { decisionLine, lineInBox, predict, runThresholdNetwork, type Box2D, type Perceptron } from '../../engine';
import type { ViewCue } from '../contract';
import { INTRO_LINES, type MinskyContext } from './minskyMachine';
import { labView, type LabView } from './minskyLabView';
import { litPieces, type Polygon } from './minskyRegion';

export type { LabView } from './minskyLabView';
import {
  bitFinished,
  bitMayTry,
  blueprintOpen,
  buildNetwork,
  knobValue,
  networkRight,
  rangeOf,
  rightCount,
  traceXor,
} from './minskyModel';
import { overfitStart, type ChallengeRun } from './minskyLab';

export interface MinskyLine {
  key: string;
  params: Record<string, string | number>;
  notice: boolean;
}

export interface KnobView {
  id: string;
  value: number;
  min: number;
  max: number;
  step: number;
  fineStep: number;
  /** Shown but not turnable (Bit's knobs while Bit runs the rule). */
  disabled?: boolean;
}

export type Segment = [[number, number], [number, number]] | null;

export interface NeuronLineView {
  /** 'line', 'bit', 'h1', 'h2', ... */
  id: string;
  perceptron: Perceptron;
  /** Where its line crosses the plane (null: no line, all one side). */
  segment: Segment;
  knobs: KnobView[];
}

export interface XorPointView {
  x: [number, number];
  label: 0 | 1;
  /** What the current machine says here, and whether that is right. */
  says: 0 | 1;
  right: boolean;
}

export interface MinskyView {
  step: string;
  /** The history card's entries, in the history step. */
  history: { year: string; textKey: string }[] | null;
  line: MinskyLine;
  cue: ViewCue | null;
  plane: Box2D;
  xor: XorPointView[];
  /**
   * What the current machine says over the plane, in `cells` × `cells` blocks (row 0 at the top,
   * each block judged at its centre): 1 where it lights. Parts A and B shade these.
   */
  xorGrid: { cells: number; lit: (0 | 1)[] };
  /** Where the current machine lights, exactly: convex polygons in plane coordinates (none in the lab). */
  litPolygons: Polygon[];
  /** The neurons whose lines the plane shows now (the one line, Bit's, or part B's hidden ones). */
  planeLines: NeuronLineView[];
  /** Whether part B's little network and its table are shown. */
  showNetwork: boolean;
  partA: {
    neuron: NeuronLineView;
    right: number;
    best: number;
    tries: number;
    honestTries: number;
    bitMayTry: boolean;
  };
  bit: {
    /** Bit's line, and its three knobs as they stand (not turnable: Bit turns them). */
    neuron: NeuronLineView;
    steps: number;
    /** The round on the board: the one in progress, or once Bit stops, the last one finished. */
    pass: number;
    /** Rounds (passes over the four points) finished. */
    rounds: number;
    point: number | null;
    changed: boolean;
    cycle: { from: number; length: number } | null;
    finished: boolean;
    right: number;
  } | null;
  build: {
    hidden: NeuronLineView[];
    output: { perceptron: Perceptron; knobs: KnobView[] };
    right: number;
    maxHidden: number;
    canAdd: boolean;
    canRemove: boolean;
    /** Whether "Show the explainer's way" is open (after a fair try), and whether it was shown. */
    blueprintOpen: boolean;
    blueprint: boolean;
    trace: ReturnType<typeof traceXor>;
  } | null;
  lab: LabView | null;
  run: ChallengeRun | null;
}

function segmentOf(p: Perceptron, box: Box2D): Segment {
  const line = decisionLine(p);
  return line ? lineInBox(line, box) : null;
}

function knobsFor(context: MinskyContext, neuron: string, params: string[]): KnobView[] {
  return params.map((param) => {
    const id = `${neuron}.${param}`;
    const r = rangeOf(context.level, id);
    return { id, value: knobValue(context.parts, id), min: r.min, max: r.max, step: r.step, fineStep: r.fineStep };
  });
}

/** Blocks per side of the XOR plane's shading. */
export const XOR_CELLS = 20;

/** What `says` answers at the centre of each block of the plane, row 0 at the top. */
function planeGrid(plane: Box2D, says: (x: number, y: number) => 0 | 1): (0 | 1)[] {
  const { xMin, xMax, yMin, yMax } = plane;
  const lit: (0 | 1)[] = [];
  for (let r = 0; r < XOR_CELLS; r++)
    for (let c = 0; c < XOR_CELLS; c++) {
      const x = xMin + ((c + 0.5) / XOR_CELLS) * (xMax - xMin);
      const y = yMax - ((r + 0.5) / XOR_CELLS) * (yMax - yMin);
      lit.push(says(x, y));
    }
  return lit;
}

const GOOD = new Set(['ch4.notice.solved', 'ch4.challenge.passed', 'ch4.challenge.best']);
const BAD = new Set(['ch4.notice.notYet', 'ch4.challenge.failed', 'ch4.lab.tooFast']);

function lineFor(step: string, context: MinskyContext): MinskyLine {
  const { level, parts, lab } = context;
  const say = (key: string, params: Record<string, string | number> = {}, notice = false): MinskyLine => ({
    key,
    params,
    notice,
  });
  switch (step) {
    case 'intro':
      return say(INTRO_LINES[context.introLine]);
    case 'line': {
      const right = rightCount(level, parts.line);
      if (right === 4) return say('ch4.line.four', {}, true);
      if (bitMayTry(level, parts)) return say('ch4.line.stuck', { right, best: parts.best }, true);
      return say('ch4.line.goal', { right });
    }
    case 'bit': {
      const bit = parts.bit!;
      if (bit.cycle) {
        const rounds = Math.floor(bit.steps / level.xor.length);
        const from = bit.cycle.from + 1;
        return say('ch4.bit.cycling', { steps: bit.steps, rounds, from, length: bit.cycle.length }, true);
      }
      if (bitFinished(level, bit)) return say('ch4.bit.limit', { steps: bit.steps }, true);
      if (!bit.last) return say('ch4.bit.intro');
      return say(bit.last.changed ? 'ch4.bit.moved' : 'ch4.bit.right', { point: bit.last.point + 1 });
    }
    case 'book':
      return say('ch4.book.line');
    case 'build': {
      if (context.notice === 'ch4.notice.notYet')
        return say(context.notice, { right: networkRight(level, buildNetwork(parts)) }, false);
      if (context.notice === 'ch4.notice.blueprint') return say(context.notice, {}, true);
      if (parts.build.hidden.length < 2) return say('ch4.build.goal');
      return say('ch4.build.hint');
    }
    case 'insight':
      return say('ch4.insight.line', {}, true);
    case 'lab': {
      if (lab.warning) return say(`ch4.lab.${lab.warning}`, { rate: lab.rate }, lab.warning !== 'tooFast');
      if (context.notice) return say(context.notice, {}, true);
      if (lab.epochs === 0) return say('ch4.lab.goal', { dataset: `ch4.data.${lab.dataset}` });
      const overfit = overfitStart(lab.trainLoss, lab.testLoss);
      if (overfit !== null) return say('ch4.lab.overfit', { epoch: overfit, epochs: lab.epochs }, true);
      return say('ch4.lab.training', { epochs: lab.epochs });
    }
    case 'challengeResult': {
      const run = context.runs[context.runs.length - 1];
      const d = level.lab.datasets.find((x) => x.id === run.dataset)!;
      const params = {
        correct: run.correct,
        size: run.size,
        neurons: run.neurons,
        percent: Math.round(run.accuracy * 100),
        passAt: Math.round(d.passAt * 100),
      };
      // A failure is not news to celebrate: no ★ before it (the mentor marks news with one).
      if (!run.passed) return say('ch4.challenge.failed', params, false);
      return say(run.stars === 3 ? 'ch4.challenge.best' : 'ch4.challenge.passed', params, true);
    }
    case 'done':
      return say('chapter.done');
    default:
      return say('ch4.history.line');
  }
}

function cueFor(step: string, line: MinskyLine, context: MinskyContext): ViewCue | null {
  const id = `${line.key}|${context.moments}|${context.events.length}`;
  if (step === 'book') return { sound: 'book', id: `book|${context.events.length}` };
  if (step === 'bit' && context.parts.bit?.last)
    return { sound: context.parts.bit.last.changed ? 'scold' : 'click', id: `bit|${context.parts.bit.steps}` };
  if (step === 'lab' && context.lab.epochs > 0 && !line.notice)
    return { sound: 'tick', id: `tick|${Math.floor(context.lab.epochs / 100)}` };
  if (BAD.has(line.key)) return { sound: 'failure', id };
  if (!line.notice) return null;
  if (GOOD.has(line.key)) return { sound: 'success', id };
  return null;
}

/** `playing`: whether the machine is in `lab.playing` (its clock trains the network). */
export function minskyView(step: string, context: MinskyContext, playing = false): MinskyView {
  const { level, parts } = context;
  const plane = level.plane;
  const line = lineFor(step, context);
  const bit = parts.bit;
  const built = parts.build.hidden.length > 0;
  const net = buildNetwork(parts);
  const says = (x: [number, number]): 0 | 1 => {
    if (built && step !== 'line' && step !== 'bit') return traceXor(level, parts).find((t) => t.x === x)!.output;
    const p = step === 'bit' && bit ? bit.perceptron : parts.line;
    return p.weights[0] * x[0] + p.weights[1] * x[1] > p.threshold ? 1 : 0;
  };
  const inLab = step === 'lab' || step === 'challengeResult' || step === 'history' || step === 'done';
  const byNetwork = built && step !== 'line' && step !== 'bit';
  const single = step === 'bit' && bit ? bit.perceptron : parts.line;
  const neuron = (id: string, p: Perceptron, knobs: KnobView[]): NeuronLineView => ({
    id,
    perceptron: p,
    segment: segmentOf(p, plane),
    knobs,
  });
  const lineNeuron = neuron('line', parts.line, knobsFor(context, 'line', ['w1', 'w2', 'threshold']));
  const bitNeuron = bit
    ? neuron(
        'bit',
        bit.perceptron,
        (['w1', 'w2', 'threshold'] as const).map((param, i) => {
          const r = param === 'threshold' ? level.knobs.threshold : level.knobs.weight;
          const value = param === 'threshold' ? bit.perceptron.threshold : bit.perceptron.weights[i];
          return {
            id: `bit.${param}`,
            value,
            min: r.min,
            max: r.max,
            step: r.step,
            fineStep: r.fineStep,
            disabled: true,
          };
        }),
      )
    : null;
  const hidden = parts.build.hidden.map((h, i) =>
    neuron(`h${i + 1}`, h, knobsFor(context, `h${i + 1}`, ['w1', 'w2', 'threshold'])),
  );
  const planeLines =
    step === 'line' ? [lineNeuron] : step === 'bit' && bitNeuron ? [bitNeuron] : built ? hidden : [lineNeuron];
  return {
    step,
    history: step === 'history' ? level.history : null,
    line,
    cue: cueFor(step, line, context),
    plane,
    xor: level.xor.map((pt) => {
      const s = says(pt.x);
      return { x: pt.x, label: pt.label, says: s, right: s === pt.label };
    }),
    xorGrid: {
      cells: XOR_CELLS,
      // The lab draws its own maps; the plane of parts A and B stays behind the history card.
      lit:
        step === 'lab' || step === 'challengeResult'
          ? []
          : planeGrid(plane, (x, y) => (byNetwork ? runThresholdNetwork(net, [x, y]).output : predict(single, [x, y]))),
    },
    litPolygons: step === 'lab' || step === 'challengeResult' ? [] : litPieces(plane, byNetwork ? net : single),
    planeLines,
    showNetwork: built && step !== 'line' && step !== 'bit' && step !== 'book',
    partA: {
      neuron: lineNeuron,
      right: rightCount(level, parts.line),
      best: parts.best,
      tries: parts.tries,
      honestTries: level.honestTries,
      bitMayTry: bitMayTry(level, parts),
    },
    bit: bit
      ? {
          neuron: bitNeuron!,
          steps: bit.steps,
          pass: bitFinished(level, bit)
            ? Math.max(1, Math.floor(bit.steps / level.xor.length))
            : Math.floor(bit.steps / level.xor.length) + 1,
          rounds: Math.floor(bit.steps / level.xor.length),
          point: bit.last ? bit.last.point : null,
          changed: bit.last?.changed ?? false,
          cycle: bit.cycle,
          finished: bitFinished(level, bit),
          right: rightCount(level, bit.perceptron),
        }
      : null,
    build: built
      ? {
          hidden,
          output: {
            perceptron: parts.build.output,
            knobs: knobsFor(context, 'out', [...parts.build.hidden.map((_, i) => `v${i + 1}`), 'threshold']),
          },
          right: networkRight(level, net),
          maxHidden: level.build.maxHidden,
          canAdd: parts.build.hidden.length < level.build.maxHidden,
          canRemove: parts.build.hidden.length > 1,
          blueprintOpen: blueprintOpen(level, parts),
          blueprint: parts.blueprint,
          trace: traceXor(level, parts),
        }
      : null,
    lab: inLab ? labView(context, playing) : null,
    run: step === 'challengeResult' || step === 'history' ? context.runs[context.runs.length - 1] : null,
  };
}
