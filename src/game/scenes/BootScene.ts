// Starts the game: sets up the art loader and hands over to the title at once. The title draws
// its words and controls straight away and its pictures as soon as they arrive; everything else
// loads behind it (see artLoader.ts). This scene keeps running, unseen, so its loader can.
import Phaser from 'phaser';
import { SCENES, TITLE_ART } from '../keys';
import { BaseScene } from './BaseScene';

export class BootScene extends BaseScene {
  constructor() {
    super(SCENES.boot);
  }

  create(): void {
    const art = this.services.art;
    art.attach(this);
    // It draws nothing from now on: skip it when rendering (with WebGL an active scene costs a
    // pass over the whole screen each frame, even an empty one).
    this.sys.setVisible(false);
    // The page's shell has usually left the boot screen for the title already.
    this.services.app.send({ type: 'boot.done' });
    // Once the title's pictures are in and drawn and the page has a quiet moment (at most a
    // second later), the rest of the art and the sounds load. A screen that needs pictures sooner
    // asks for them itself (BaseScene.withArt, prepareChapter).
    // (A player who left the title before the engine was up never needs its pictures first.)
    let frames = 0;
    const onTitle = () => (this.services.app.getSnapshot().value as { screen: unknown }).screen === 'title';
    const afterTitle = () => {
      if ((onTitle() && !art.has(TITLE_ART)) || ++frames < 3) return;
      this.events.off(Phaser.Scenes.Events.POST_UPDATE, afterTitle);
      const rest = () => {
        art.loadRest();
        this.services.audio.startWhenQuiet();
      };
      if ('requestIdleCallback' in window) requestIdleCallback(rest, { timeout: 1000 });
      else setTimeout(rest, 200);
    };
    this.events.on(Phaser.Scenes.Events.POST_UPDATE, afterTitle);
  }
}
