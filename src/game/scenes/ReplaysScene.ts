// The replays, compare and sharing screens: a quiet stage behind an HTML panel (see
// views/replaysList.ts, compareView.ts, sharedDialog.ts). It reads the app's snapshot and sends
// the app's events; the attempts, their comparison and a shared attempt's verdict come from the
// app machine (replayed there), never from this scene.
import { MAX_ATTEMPTS } from '../../app/saveStore';
import { replayRows, type ReplayRow } from '../../app/replaysList';
import { attemptFileName, attemptFileText, attemptLinkHash, linkFor } from '../../app/share';
import { CHAPTERS } from '../../levels/chapters';
import { SCENES } from '../keys';
import { replaysText } from '../ui/replaysText';
import { renderCompare } from '../views/compareView';
import { downloadText, screenPanel } from '../views/dom';
import { ReplaysList } from '../views/replaysList';
import { renderShared } from '../views/sharedDialog';
import { BaseScene, H, W } from './BaseScene';

export class ReplaysScene extends BaseScene {
  private list: ReplaysList | null = null;

  constructor() {
    super(SCENES.replays);
  }

  create(): void {
    this.withArt(['bg-stage'], () => this.build());
  }

  private build(): void {
    this.add.image(W / 2, H / 2, 'bg-stage').setDisplaySize(W, H);
    this.add.rectangle(W / 2, H / 2, W, H, 0x2b2d42, 0.35);
    const root = this.services.ui.root;
    const panel = screenPanel(root, 'replays-screen', 'bbd-panel bbd-replays');
    this.list = new ReplaysList(panel);
    this.followApp(() => this.draw(panel));
    requestAnimationFrame(() => panel.querySelector<HTMLElement>('[aria-pressed="true"], button')?.focus());
  }

  private draw(panel: HTMLElement): void {
    const app = this.services.app;
    const snap = app.getSnapshot();
    const ctx = snap.context;
    const t = replaysText(ctx.save.settings.locale);
    const screen = (snap.value as { screen: unknown }).screen;
    const at = typeof screen === 'object' && screen ? Object.keys(screen)[0] : String(screen);
    const sub = typeof screen === 'object' && screen ? Object.values(screen)[0] : '';
    const statsText = (chapter: number, stats: Record<string, number>) =>
      Object.keys(stats).length ? this.dt(`results.ch${chapter}.stats`, stats) : '';
    if (at === 'compare') {
      panel.dataset.view = 'compare';
      renderCompare(panel, {
        t,
        report: sub === 'showing' ? ctx.compare : null,
        onBack: () => app.send({ type: 'compare.close' }),
      });
      return;
    }
    if (at === 'shared') {
      panel.dataset.view = 'shared';
      const shared = ctx.shared;
      const report = shared?.report ?? null;
      renderShared(panel, {
        t,
        reading: sub !== 'showing',
        report,
        error: shared?.error ?? null,
        added: !!shared?.added,
        statsText: report?.stats ? statsText(report.attempt.chapter, report.stats) : '',
        onAdd: () => app.send({ type: 'shared.add' }),
        onWatch: () => app.send({ type: 'shared.watch' }),
        onClose: () => app.send({ type: 'shared.close' }),
      });
      return;
    }
    if (panel.dataset.view !== 'list') {
      panel.dataset.view = 'list';
      delete panel.dataset.shown;
    }
    const chapter = ctx.replaysChapter;
    const contract = ctx.replaysContract;
    this.list?.render({
      t,
      chapter,
      chapters: CHAPTERS.filter((c) => c.load).map((c) => ({ number: c.number, playable: true })),
      rows: replayRows(ctx.save, chapter, contract),
      statsText: (row: ReplayRow) => statsText(chapter, row.stats),
      hasReference: !!contract?.reference,
      maxAttempts: MAX_ATTEMPTS,
      linkOf: (row) => linkFor(window.location.href, attemptLinkHash(row.attempt)),
      onChapter: (n) => app.send({ type: 'replays.open', chapter: n }),
      onWatch: (index) => app.send({ type: 'replays.watch', index }),
      onDelete: (index) => app.send({ type: 'replays.delete', index }),
      onCompare: (a, b) =>
        app.send({
          type: 'replays.compare',
          a: { index: a },
          b: b === 'reference' ? { reference: true } : { index: b },
        }),
      onFile: (row) => downloadText(attemptFileName(row.attempt), attemptFileText(row.attempt)),
      onImport: (file) => void file.text().then((text) => app.send({ type: 'shared.open', source: 'file', text })),
      onBack: () => app.send({ type: 'replays.close' }),
    });
  }

  /** What the test API shows of the screen beside the app's state. */
  get screenState(): unknown {
    return this.list?.state ?? null;
  }
}
