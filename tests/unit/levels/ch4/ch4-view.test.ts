// Chapter 4's view carries the plane's shading of parts A and B as a plain grid: what the machine
// on screen (the one line, Bit's line, or part B's network) says at the centre of each block.
import { createActor } from 'xstate';
import { describe, expect, it } from 'vitest';
import chapter from '../../../../src/levels/ch4';
import { loadMinskyLevel } from '../../../../src/levels/ch4/minskyLevel';
import { minskyMachine } from '../../../../src/levels/ch4/minskyMachine';
import type { MinskyView } from '../../../../src/levels/ch4/minskyView';
import { XOR_BY_HAND } from './ch4Player';

const level = loadMinskyLevel();

/** The grid's answer in the block that holds the point (x, y). */
function litAt(view: MinskyView, x: number, y: number): number {
  const { cells, lit } = view.xorGrid;
  const { xMin, xMax, yMin, yMax } = view.plane;
  const c = Math.min(cells - 1, Math.floor(((x - xMin) / (xMax - xMin)) * cells));
  const r = Math.min(cells - 1, Math.floor(((yMax - y) / (yMax - yMin)) * cells));
  return lit[r * cells + c];
}

describe('chapter 4 view: the plane grid', () => {
  const actor = createActor(minskyMachine, { input: { level, seed: 2 } }).start();
  actor.send({ type: 'dialogue.skip' });
  const view = () => chapter.view(actor.getSnapshot()) as MinskyView;

  it('shades where the one line lights: w1 x + w2 y > threshold at each block centre', () => {
    actor.send({ type: 'knob.set', id: 'line.w1', value: 1 });
    actor.send({ type: 'knob.set', id: 'line.w2', value: 0 });
    actor.send({ type: 'knob.set', id: 'line.threshold', value: 0.5 });
    const v = view();
    expect(v.step).toBe('line');
    expect(v.xorGrid.lit).toHaveLength(v.xorGrid.cells ** 2);
    // x > 0.5: the right 10 columns of 20 on a plane from -0.5 to 1.5.
    const row = v.xorGrid.lit.slice(0, v.xorGrid.cells);
    expect(row.join('')).toBe('0'.repeat(10) + '1'.repeat(10));
    expect(v.planeLines.map((n) => n.id)).toEqual(['line']);
  });

  it("shades part B's network: lit around (0,1) and (1,0), dark around (0,0) and (1,1)", () => {
    for (let i = 0; i < level.honestTries; i++)
      actor.send({ type: 'knob.nudge', id: 'line.w2', by: i % 2 ? 0.5 : -0.5 });
    for (const e of ['bit.start', 'bit.finish', 'bit.done', 'book.read'] as const) actor.send({ type: e });
    for (const e of XOR_BY_HAND) actor.send(e);
    const v = view();
    expect(v.step).toBe('build');
    expect(v.showNetwork).toBe(true);
    expect(v.planeLines.map((n) => n.id)).toEqual(['h1', 'h2']);
    for (const pt of v.xor) expect(litAt(v, pt.x[0], pt.x[1])).toBe(pt.label);
  });

  it('leaves the grid empty in the lab, which draws its own maps', () => {
    actor.send({ type: 'build.check' });
    actor.send({ type: 'insight.done' });
    const v = view();
    expect(v.step).toBe('lab');
    expect(v.xorGrid.lit).toEqual([]);
  });
});
