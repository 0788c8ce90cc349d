// Chapter 2: not built yet; the map shows it as "coming soon", so this scene only offers the way back.
import { SCENES } from '../keys';
import { BaseScene, H, W } from './BaseScene';

export class RulebookScene extends BaseScene {
  constructor() {
    super(SCENES.rulebook);
  }

  create(): void {
    this.add.image(W / 2, H / 2, 'bg-yard').setDisplaySize(W, H);
    this.followApp(() => {
      this.services.ui.sync('tools', [
        { id: 'map', x: W / 2 - 100, y: H / 2 - 30, w: 200, h: 60, label: this.t('ch1.btn.quit'), onPress: () => this.services.app.send({ type: 'chapter.quit' }) },
      ]);
    });
  }
}
