// Chapter 4's data for the compare screen, a pure function of the final snapshot's context: the
// scored network's shape and training settings as facts, its decision boundary as a grid with the
// point set on it, and the loss curves the lab keeps (per epoch since the network's last reshape).
import { layerGrids, outputGrid } from '../../engine';
import type { CompareData, CompareFact } from '../contract';
import { hiddenLayers, labData } from './minskyLab';
import type { MinskyContext } from './minskyMachine';

const unit = (v: number) => Math.min(1, Math.max(0, v));

const ACTIVATION_NAMES = { sigmoid: 'sigmoid', tanh: 'tanh', relu: 'ReLU' } as const;

/** Cells per side of the boundary picture. */
export const BOUNDARY_GRID = 24;

export function minskyCompare(context: MinskyContext): CompareData {
  const { level, seed, lab } = context;
  const run = context.runs.length ? context.runs[context.runs.length - 1] : null;
  const facts: CompareFact[] = [
    { key: 'ch4.compare.neurons', params: { n: run?.neurons ?? 0 } },
    { key: 'ch4.compare.layers', params: { layers: hiddenLayers(lab.net).join(' · ') } },
    // One key per point set: a set's name is a text key of its own, and params are not translated.
    { key: `ch4.compare.dataset.${lab.dataset}`, params: {} },
    // Written as the lab's buttons write it (ReLU, not relu).
    { key: 'ch4.compare.activation', params: { name: ACTIVATION_NAMES[lab.net.activation] } },
    // How part B's XOR network was made: by the player's hand, or the explainer's way shown.
    { key: context.parts.blueprint ? 'ch4.compare.xor.blueprint' : 'ch4.compare.xor.hand', params: {} },
    { key: 'ch4.compare.rate', params: { rate: lab.rate } },
    { key: 'ch4.compare.epochs', params: { n: lab.epochs } },
    { key: 'ch4.compare.accuracy', params: { correct: run?.correct ?? 0, size: run?.size ?? 0 } },
  ];
  // The output's P(label 1) per cell, row 0 at the top (largest y); points use the same frame:
  // x from the left, y from the top, both in [0, 1] (a noisy point just outside the box is drawn
  // on its edge).
  const box = level.lab.box;
  const values = Array.from(outputGrid(layerGrids(lab.net, box, BOUNDARY_GRID)), unit);
  const { train, test } = labData(level, seed, lab.dataset);
  const points = [train, test].flatMap((set) =>
    set.x.map(([x, y], i) => ({
      x: unit((x - box.xMin) / (box.xMax - box.xMin)),
      y: unit((box.yMax - y) / (box.yMax - box.yMin)),
      label: set.t[i],
    })),
  );
  return {
    facts,
    series: { trainLoss: [...lab.trainLoss], testLoss: [...lab.testLoss] },
    grids: [{ name: 'boundary', rows: BOUNDARY_GRID, cols: BOUNDARY_GRID, values, points }],
  };
}
