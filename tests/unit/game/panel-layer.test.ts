// Chapter 6's drawing layer paints a render's regions on one canvas: a region whose key is
// unchanged is left alone, a changed one is cleared and painted again in its own rectangle, and
// when a region moves, goes or comes the whole layer is painted anew (a moved region's old pixels
// must not stay behind). Checked on a canvas whose context records what is drawn.
import { describe, expect, it } from 'vitest';
import { PanelLayer, type LayerRegion } from '../../../src/game/views/demonPanel';

function recordingCanvas() {
  const calls: string[] = [];
  let at = [0, 0];
  const g = {
    fillStyle: '',
    save: () => calls.push('save'),
    restore: () => {
      calls.push('restore');
      at = [0, 0];
    },
    translate: (x: number, y: number) => {
      at = [at[0] + x, at[1] + y];
    },
    clearRect: (x: number, y: number, w: number, h: number) => calls.push(`clear ${x + at[0]},${y + at[1]} ${w}x${h}`),
    fillRect: () => calls.push('fill'),
    beginPath: () => {},
    rect: () => {},
    clip: () => {},
  };
  const canvas = { width: 0, height: 0, setAttribute: () => {}, getContext: () => g };
  return { canvas: canvas as unknown as HTMLCanvasElement, calls };
}

const region = (id: string, x: number, key: string, painted: string[]): LayerRegion => ({
  id,
  x,
  y: 10,
  w: 50,
  h: 40,
  key,
  paint: () => painted.push(id),
});

describe("chapter 6's drawing layer", () => {
  function render(layer: PanelLayer, regions: LayerRegion[]) {
    layer.begin();
    for (const r of regions) layer.region(r);
    layer.end();
  }

  it('paints only the regions whose key changed, each cleared in its own rectangle', () => {
    const { canvas, calls } = recordingCanvas();
    const layer = new PanelLayer(canvas, 800, 400);
    expect([canvas.width, canvas.height]).toEqual([800, 400]);
    const painted: string[] = [];
    render(layer, [region('a', 0, '1', painted), region('b', 100, '1', painted)]);
    expect(painted).toEqual(['a', 'b']);
    calls.length = 0;
    painted.length = 0;
    render(layer, [region('a', 0, '1', painted), region('b', 100, '1', painted)]);
    expect(painted).toEqual([]);
    expect(calls).toEqual([]);
    render(layer, [region('a', 0, '1', painted), region('b', 100, '2', painted)]);
    expect(painted).toEqual(['b']);
    expect(calls).toEqual(['save', 'clear 100,10 50x40', 'restore']);
    expect([...layer.regions.keys()]).toEqual(['a', 'b']);
  });

  it('paints the whole layer anew when a region moves, goes or comes', () => {
    const { canvas, calls } = recordingCanvas();
    const layer = new PanelLayer(canvas, 800, 400);
    const painted: string[] = [];
    render(layer, [region('a', 0, '1', painted), region('b', 100, '1', painted)]);
    for (const next of [
      [region('a', 0, '1', painted), region('b', 120, '1', painted)],
      [region('a', 0, '1', painted)],
      [region('a', 0, '1', painted), region('c', 300, '1', painted)],
    ]) {
      calls.length = 0;
      painted.length = 0;
      render(layer, next);
      expect(calls[0]).toBe('clear 0,0 800x400');
      expect(painted).toEqual(next.map((r) => r.id));
    }
    calls.length = 0;
    render(layer, []);
    expect(calls).toEqual(['clear 0,0 800x400']);
    expect(layer.regions.size).toBe(0);
    // An empty layer is not cleared again, and end without begin draws nothing.
    calls.length = 0;
    render(layer, []);
    layer.end();
    expect(calls).toEqual([]);
  });
});
