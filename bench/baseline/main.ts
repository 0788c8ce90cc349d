// The floor bench:web measures the game against: a bare Phaser 4 page with the game's own config
// (renderer switch, FIT scaling to 1280×720, no Phaser audio) and one moving sprite, built by Vite
// and served the same way. window.__ready is the time its first scene is up.
import Phaser from 'phaser';

declare global {
  interface Window {
    __ready?: number;
  }
}

class Floor extends Phaser.Scene {
  private dot!: Phaser.GameObjects.Image;

  create(): void {
    this.add.graphics().fillStyle(0xe69f00).fillCircle(40, 40, 40).generateTexture('dot', 80, 80).destroy();
    this.dot = this.add.image(100, 360, 'dot');
    window.__ready = performance.now();
  }

  override update(time: number): void {
    this.dot.x = 640 + 500 * Math.sin(time / 700);
  }
}

const params = new URLSearchParams(location.search);
new Phaser.Game({
  type: params.get('renderer') === 'canvas' ? Phaser.CANVAS : Phaser.AUTO,
  parent: 'game',
  backgroundColor: '#fff8e7',
  scale: { mode: Phaser.Scale.FIT, autoCenter: Phaser.Scale.CENTER_BOTH, width: 1280, height: 720 },
  audio: { noAudio: true },
  banner: false,
  scene: [Floor],
});
