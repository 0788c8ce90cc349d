// A chapter that could not be opened: its level file is broken (the file, field and problem in
// plain words), or its code or data could not be downloaded (try again once the network is back).
// Either way the player gets a way back to the map; nothing saved is touched.
import { SCENES } from '../keys';
import { BaseScene, H, W } from './BaseScene';

export class ChapterProblemScene extends BaseScene {
  constructor() {
    super(SCENES.chapterProblem);
  }

  create(): void {
    // The background may be what failed to download: the plain page colour does then.
    if (this.textures.exists('bg-yard')) this.add.image(W / 2, H / 2, 'bg-yard').setDisplaySize(W, H);
    this.followApp(() => {
      const problem = this.services.app.getSnapshot().context.loadProblem;
      if (!problem) return;
      const ui = this.services.ui;
      const el = ui.element('chapter-problem', 'div', 'bbd-panel bbd-problem');
      el.setAttribute('role', 'alert');
      el.style.whiteSpace = 'pre-wrap';
      el.textContent =
        problem.kind === 'level' ? `⚠ ${this.t('problem.level')}\n${problem.message}` : `⚠ ${this.t('problem.load')}`;
      ui.sync('tools', [
        ...(problem.kind === 'load'
          ? [
              {
                id: 'reload',
                x: W / 2 - 230,
                y: 600,
                w: 220,
                h: 56,
                label: this.t('problem.retry'),
                variant: 'primary' as const,
                onPress: () => {
                  if (!this.services.retryDownload()) this.services.announce(this.t('problem.stillOffline'));
                },
              },
            ]
          : []),
        {
          id: 'map',
          x: problem.kind === 'load' ? W / 2 + 10 : W / 2 - 110,
          y: 600,
          w: 220,
          h: 56,
          label: this.t('problem.toMap'),
          onPress: () => this.services.app.send({ type: 'chapter.quit' }),
        },
      ]);
      if (problem.kind === 'load') console.warn(`Chapter ${problem.chapter} could not be loaded: ${problem.message}`);
    });
    requestAnimationFrame(() =>
      this.services.ui.focus(
        'tools',
        this.services.app.getSnapshot().context.loadProblem?.kind === 'load' ? 'reload' : 'map',
      ),
    );
  }
}
