// A button that clicks: the click sound plays as it is pressed, before what the button does.
import type { GameAudio } from '../audio';
import type { ButtonSpec } from './htmlLayer';

export function soundButton(audio: Pick<GameAudio, 'play'>, spec: ButtonSpec): ButtonSpec {
  return {
    ...spec,
    onPress: () => {
      audio.play('click');
      spec.onPress();
    },
  };
}
