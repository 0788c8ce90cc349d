// The shared tables (activations, losses, name lists) are used by every network in the process:
// they must be impossible to change, both for the type checker (readonly) and at run time (frozen).
// Test modules are ES modules, so strict mode: a write to a frozen object throws a TypeError.

import { describe, expect, it } from 'vitest';
import { DATASET_NAMES } from '../../../../src/engine/datasets';
import {
  ACTIVATIONS,
  ACTIVATION_NAMES,
  INIT_NAMES,
  LOSSES,
  LOSS_NAMES,
  getLoss,
  mse,
  softmaxCrossEntropy,
} from '../../../../src/engine/nn';

const replacement = (): number => 42;

describe('shared tables are frozen', () => {
  it('ACTIVATIONS: neither an entry nor a function of one can be replaced', () => {
    expect(Object.isFrozen(ACTIVATIONS)).toBe(true);
    for (const a of Object.values(ACTIVATIONS)) expect(Object.isFrozen(a), a.name).toBe(true);
    expect(() => {
      // @ts-expect-error output is readonly
      ACTIVATIONS.relu.output = replacement;
    }).toThrow(TypeError);
    expect(() => {
      // @ts-expect-error the table is readonly
      ACTIVATIONS.sigmoid = ACTIVATIONS.linear;
    }).toThrow(TypeError);
    expect(() => {
      (ACTIVATIONS as Record<string, unknown>).swish = ACTIVATIONS.linear;
    }).toThrow(TypeError);
    expect(Reflect.set(ACTIVATIONS.tanh, 'derivative', replacement)).toBe(false);
    expect(ACTIVATIONS.relu.output(-2)).toBe(0);
    expect(ACTIVATIONS.sigmoid.output(0)).toBe(0.5);
    expect(ACTIVATIONS.tanh.derivative(0, 0)).toBe(1);
    expect('swish' in ACTIVATIONS).toBe(false);
  });

  it('mse, softmaxCrossEntropy and LOSSES: no function or entry can be replaced', () => {
    for (const loss of [mse, softmaxCrossEntropy]) {
      expect(Object.isFrozen(loss), loss.name).toBe(true);
      expect(() => {
        // @ts-expect-error value is readonly
        loss.value = replacement;
      }).toThrow(TypeError);
      expect(() => {
        // @ts-expect-error gradient is readonly
        loss.gradient = () => undefined;
      }).toThrow(TypeError);
      expect(() => {
        // @ts-expect-error fromLogits is readonly
        loss.fromLogits = !loss.fromLogits;
      }).toThrow(TypeError);
    }
    expect(Object.isFrozen(LOSSES)).toBe(true);
    expect(() => {
      // @ts-expect-error the table is readonly
      LOSSES.mse = softmaxCrossEntropy;
    }).toThrow(TypeError);
    expect(getLoss('mse')).toBe(mse);
    // (0.5 - 1)^2 / 1: the real mse still answers.
    expect(getLoss('mse').value(new Float32Array([0.5]), new Float32Array([1]), 1, 1)).toBe(0.25);
  });

  it('the name lists cannot grow or change', () => {
    for (const names of [ACTIVATION_NAMES, LOSS_NAMES, INIT_NAMES, DATASET_NAMES]) {
      const before = [...names];
      expect(Object.isFrozen(names)).toBe(true);
      expect(() => (names as string[]).push('extra')).toThrow(TypeError);
      expect(() => {
        (names as string[])[0] = 'extra';
      }).toThrow(TypeError);
      expect([...names]).toEqual(before);
    }
  });
});
