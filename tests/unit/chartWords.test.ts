import { describe, expect, it } from 'vitest';
import { regionOf, short } from '../../src/game/views/chartWords';

/** A size×size map lit (1) where `lit(x, y)` holds, x and y from -1 to 1, y up; 0 elsewhere. */
function map(size: number, lit: (x: number, y: number) => boolean): Float32Array {
  const m = new Float32Array(size * size);
  for (let r = 0; r < size; r++)
    for (let c = 0; c < size; c++) {
      const x = ((c + 0.5) / size) * 2 - 1;
      const y = 1 - ((r + 0.5) / size) * 2;
      m[r * size + c] = lit(x, y) ? 1 : 0;
    }
  return m;
}

describe('regionOf: where a map is lit, in words a summary can use', () => {
  it('names a disc in the middle, a ring around it, sides, corners and patches', () => {
    expect(
      regionOf(
        map(40, (x, y) => x * x + y * y < 0.3),
        40,
      ).where,
    ).toBe('middle');
    expect(
      regionOf(
        map(40, (x, y) => x * x + y * y > 0.5),
        40,
      ).where,
    ).toBe('ring');
    expect(
      regionOf(
        map(40, (x) => x < 0),
        40,
      ).where,
    ).toBe('left');
    expect(
      regionOf(
        map(40, (_, y) => y > 0),
        40,
      ).where,
    ).toBe('top');
    expect(
      regionOf(
        map(40, (x, y) => x > 0 && y < 0),
        40,
      ).where,
    ).toBe('bottomRight');
    expect(
      regionOf(
        map(40, (x, y) => x * y > 0),
        40,
      ).where,
    ).toBe('patches');
  });

  it('says when nothing or everything is lit, and how much is unsure', () => {
    expect(
      regionOf(
        map(20, () => false),
        20,
      ),
    ).toEqual({ where: 'none', lit: 0, unsure: 0 });
    expect(
      regionOf(
        map(20, () => true),
        20,
      ).where,
    ).toBe('all');
    const half = regionOf(new Float32Array(100).fill(0.55), 10);
    expect(half.unsure).toBe(1);
    expect(half.lit).toBe(1);
  });

  it('prints numbers with three significant digits', () => {
    expect(short(4.2371)).toBe('4.24');
    expect(short(-1.3)).toBe('-1.3');
    expect(short(Number.NaN)).toBe('—');
  });
});
