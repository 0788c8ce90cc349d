// What a chapter scene hands its painters: the scene to add pictures to, the HTML control layer,
// text in the current language, a canvas label in the game font, a sound, and the way back to the
// chapter's machine. A painter draws one panel from the view-model it is given and sends the
// player's input through `send`; it decides nothing and computes no model numbers.
import type Phaser from 'phaser';
import type { MessageKey, Params } from '../../i18n/i18n';
import type { SoundKey } from '../audio';
import type { HtmlLayer } from '../ui/htmlLayer';

export interface PainterKit<E> {
  scene: Phaser.Scene;
  ui: HtmlLayer;
  t(key: MessageKey, params?: Params): string;
  /** Text from a key the level data names (fruit names, task goals). */
  dt(key: string, params?: Params): string;
  label(x: number, y: number, size: number, color?: string): Phaser.GameObjects.Text;
  play(sound: SoundKey): void;
  send(event: E): void;
}
