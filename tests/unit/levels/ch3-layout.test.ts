import { describe, expect, it } from 'vitest';
import {
  dashPattern,
  dashes,
  formatNumber,
  lineWidth,
  meterY,
  LAYOUT,
  signOf,
} from '../../../src/game/views/neuronLayout';

describe('chapter 3 neuron view geometry', () => {
  it('line thickness follows |w|, and sign picks the pattern as well as the colour', () => {
    expect(lineWidth(0)).toBe(2);
    expect(lineWidth(1)).toBe(lineWidth(-1));
    expect(lineWidth(3)).toBeGreaterThan(lineWidth(1.5));
    expect(dashPattern(signOf(2))).toBeNull();
    expect(dashPattern(signOf(-2))).toEqual([16, 10]);
    expect(dashPattern(signOf(0))![0]).toBeLessThan(dashPattern(signOf(-1))![0]);
  });

  it('dashes cover the segment from its start without running past its end', () => {
    const d = dashes(0, 0, 100, 0, [16, 10]);
    expect(d[0]).toEqual([0, 0, 16, 0]);
    expect(d[d.length - 1][2]).toBeLessThanOrEqual(100);
    expect(d.length).toBe(4);
  });

  it('the meter maps its range onto its height (up is more) and clamps beyond it', () => {
    const m = { min: -6, max: 8 };
    expect(meterY(-6, m)).toBe(LAYOUT.meter.y1);
    expect(meterY(8, m)).toBe(LAYOUT.meter.y0);
    expect(meterY(99, m)).toBe(LAYOUT.meter.y0);
    expect(meterY(1, m)).toBeCloseTo((LAYOUT.meter.y0 + LAYOUT.meter.y1) / 2, 9);
  });

  it('numbers read naturally', () => {
    expect(formatNumber(2)).toBe('2');
    expect(formatNumber(-1.5)).toBe('−1.5');
    expect(formatNumber(0.1 + 0.2)).toBe('0.3');
  });
});
