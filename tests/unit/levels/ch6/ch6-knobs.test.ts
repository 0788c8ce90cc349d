// Chapter 6 tells the player how many knobs their network has (beside a large language model's):
// the count must be the network's own weights and biases, for every size the level offers.
import { describe, expect, it } from 'vitest';
import { buildBossNet } from '../../../../src/levels/ch6/bossTraining';
import { loadDigitDemonLevel } from '../../../../src/levels/ch6/digitDemonLevel';
import { knobCount } from '../../../../src/levels/ch6/digitDemonView';

describe("chapter 6's knob count", () => {
  const level = loadDigitDemonLevel();

  it('is the number of weights and biases of the network each choice builds', () => {
    for (const { units } of level.build.hidden) {
      const net = buildBossNet(level, 7, units);
      const own = net.layers.reduce((n, l) => n + l.weights.length + l.bias.length, 0);
      expect(knobCount(units), `${units} hidden units`).toBe(own);
    }
  });

  it('reads 50,890 for 64 hidden units', () => {
    expect(knobCount(64)).toBe(50_890);
  });
});
