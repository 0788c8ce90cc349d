// Decision boundaries as pictures: a network's outputs sampled on a square grid over a box, for
// every unit of every layer, so a view can paint the output's heatmap and one small heatmap per
// hidden neuron from a single pass. Cells are sampled at their centres, row 0 at the TOP (largest y),
// so a grid paints straight onto a screen.

import { forwardLayers, type BinaryClassifier } from './nn/binaryClassifier';
import type { Box2D } from './perceptron';

export interface LayerGrids {
  /** Cells per side. */
  size: number;
  box: Box2D;
  /**
   * layers[l][u] is unit u of layer l + 1 (hidden layers first, the output last) as size * size
   * values in row-major order: cell (row r, column c) at index r * size + c.
   */
  layers: Float32Array[][];
}

/** The centre of cell (row, col) in data coordinates. */
export function cellCentre(box: Box2D, size: number, row: number, col: number): [number, number] {
  return [
    box.xMin + ((col + 0.5) / size) * (box.xMax - box.xMin),
    box.yMax - ((row + 0.5) / size) * (box.yMax - box.yMin),
  ];
}

/** Every unit's activation over a size x size grid on the box. */
export function layerGrids(net: BinaryClassifier, box: Box2D, size: number): LayerGrids {
  if (!Number.isInteger(size) || size < 1) throw new Error(`grid size must be a whole number >= 1, got ${size}`);
  if (!(box.xMin < box.xMax && box.yMin < box.yMax)) throw new Error('box must have xMin < xMax and yMin < yMax');
  const layers = net.sizes.slice(1).map((n) => Array.from({ length: n }, () => new Float32Array(size * size)));
  const point = [0, 0];
  for (let r = 0; r < size; r++) {
    for (let c = 0; c < size; c++) {
      const [x, y] = cellCentre(box, size, r, c);
      point[0] = x;
      point[1] = y;
      const acts = forwardLayers(net, point);
      for (let l = 1; l < acts.length; l++) {
        const a = acts[l];
        for (let u = 0; u < a.length; u++) layers[l - 1][u][r * size + c] = a[u];
      }
    }
  }
  return { size, box, layers };
}

/** The output layer's grid: P(label = 1) per cell. */
export function outputGrid(grids: LayerGrids): Float32Array {
  return grids.layers[grids.layers.length - 1][0];
}
