// The shared button that clicks (src/game/ui/soundButton.ts): a press plays the click, then does
// what the button does; everything else about the button is left as it was described.
import { describe, expect, it } from 'vitest';
import { soundButton } from '../../src/game/ui/soundButton';

describe('soundButton', () => {
  it('plays the click, then runs the press, once per press', () => {
    const calls: string[] = [];
    const audio = { play: (key: string) => calls.push(`play:${key}`) };
    const spec = soundButton(audio, {
      id: 'go',
      x: 1,
      y: 2,
      w: 3,
      h: 4,
      label: 'Go',
      variant: 'primary',
      onPress: () => calls.push('press'),
    });
    expect(calls).toEqual([]);
    spec.onPress();
    spec.onPress();
    expect(calls).toEqual(['play:click', 'press', 'play:click', 'press']);
    expect({ ...spec, onPress: null }).toEqual({
      id: 'go',
      x: 1,
      y: 2,
      w: 3,
      h: 4,
      label: 'Go',
      variant: 'primary',
      onPress: null,
    });
  });
});
