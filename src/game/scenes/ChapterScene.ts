// What every chapter scene shares: it takes the chapter run the app machine started (contract,
// level, seed and running machine), draws the view-model the chapter's contract computes from
// each snapshot, and sends the player's input events to that machine. It creates no actor, reads
// no machine context and decides nothing: when the machine finishes, the app machine records the
// outcome and moves on to the results.
import Phaser from 'phaser';
import type { ChapterRun } from '../../app/appMachine';
import { chapterRunOf } from '../services';
import { useCanvasQuotes } from '../ui/canvasFont';
import { renderChartTexts, type ChartText } from '../views/chartText';
import { momentOf } from '../ui/moment';
import { renderFunctionStrip } from '../ui/functionStrip';
import { functionStripOf } from '../../levels/chapters';
import { BaseScene } from './BaseScene';

export abstract class ChapterScene<V extends object, E extends { type: string }, L> extends BaseScene {
  protected run!: ChapterRun;
  protected level!: L;

  create(): void {
    const run = chapterRunOf(this.services.app);
    if (!run) return;
    this.run = run;
    this.level = run.level as L;
    this.resetPresentation();
    this.moment = null;
    this.buildStage();
    const sub = run.ref.subscribe(() => this.refresh());
    this.events.once(Phaser.Scenes.Events.SHUTDOWN, () => {
      sub.unsubscribe();
      this.services.ui.removeElement('function-strip');
      this.onShutdown();
    });
    // The app changes under a chapter for the settings (language, motion), the leave dialog and
    // the chapter's progress in the save; only the first two change what this scene draws.
    this.followApp(
      () => this.refresh(),
      (snap) => `${JSON.stringify(snap.value)}|${JSON.stringify(snap.context.save.settings)}`,
    );
    this.focusDialogueNext();
  }

  private viewOf: { snapshot: unknown; view: V } | null = null;
  /** The step the last render showed (see momentOf). */
  private moment: string | null = null;

  /**
   * The view-model of the machine's current snapshot. A snapshot never changes, so its view is
   * computed once: a render, the input handlers after it and the timers that follow all ask for
   * the same snapshot's view.
   */
  protected get view(): V {
    const snapshot = this.run.ref.getSnapshot();
    const known = this.viewOf;
    if (known && known.snapshot === snapshot) return known.view;
    const view = this.run.chapter.view(snapshot) as V;
    this.viewOf = { snapshot, view };
    return view;
  }

  protected send(event: E): void {
    this.run.ref.send(event);
  }

  /** Whether the machine would take this input now (its guards decide, e.g. an edit that fits). */
  protected accepts(event: E): boolean {
    return (this.run.ref.getSnapshot() as { can(event: E): boolean }).can(event);
  }

  /** Draws the current view and publishes it (with the scene's presentation state) to the test API. */
  protected refresh(): void {
    if (!this.run || this.run.ref.getSnapshot().status === 'stopped') return;
    const view = this.view;
    // Canvas quotes follow the language before any text of this render is drawn.
    useCanvasQuotes(this.services.app.getSnapshot().context.save.settings.locale);
    this.services.setChapterView({
      number: this.run.chapter.number,
      seed: this.run.seed,
      ...this.presentation(),
      ...view,
    });
    // A new step is a new moment: captions and announcements of the last one go.
    const moment = momentOf(view);
    if (moment !== this.moment && this.moment !== null) this.services.endMoment();
    this.moment = moment;
    this.renderView(view);
    renderChartTexts(this.services.ui, this.chartTexts(view));
    // Every chapter's function, input → box → output, in the same place (its view's strip, else
    // the shared table's entry for its number).
    renderFunctionStrip(this.services.ui, functionStripOf(view, this.run.chapter.number), (k) => this.dt(k));
  }

  /** Starts every attempt clean: a scene object is reused when the chapter is played again. */
  protected abstract resetPresentation(): void;
  protected abstract buildStage(): void;
  protected abstract renderView(view: V): void;
  /**
   * Text alternatives for the charts, maps and meters renderView drew on the canvas, computed from
   * the same view (a screen reader cannot read the canvas): each a summary in words at the chart's
   * place, with a table where one fits. Kept up to date after every render.
   */
  protected chartTexts(_view: V): readonly ChartText[] {
    return [];
  }
  /** Presentation state shown to the test API beside the view (e.g. whether the box is open). */
  protected presentation(): Record<string, unknown> {
    return {};
  }
  protected onShutdown(): void {}

  protected quitToMap(): void {
    this.services.app.send({ type: 'chapter.quit' });
  }
}
