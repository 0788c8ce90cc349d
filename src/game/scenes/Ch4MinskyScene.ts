// Chapter 4 "Minsky's Riddle": wires the painters of src/game/views/ch4 to the Minsky machine's
// view-model and forwards the player's input. Every number on screen comes from minskyView(); the
// lab's training plays on the machine's own clock. The scene keeps only presentation state: which
// neuron's hand knobs are open and which sound played last.
import type { MinskyLevel } from '../../levels/ch4/minskyLevel';
import type { MinskyEvent } from '../../levels/ch4/minskyMachine';
import type { MinskyView } from '../../levels/ch4/minskyView';
import { chapterSceneKey } from '../keys';
import type { ChartText } from '../views/chartText';
import { Board, type Ch4Choice } from '../views/ch4/board';
import { ButtonsPainter } from '../views/ch4/buttonsPainter';
import { KnobsPainter } from '../views/ch4/knobsPainter';
import { LabPainter } from '../views/ch4/labPainter';
import { NetworkPainter } from '../views/ch4/networkPainter';
import { PlanePainter } from '../views/ch4/planePainter';
import { renderHistoryCard } from '../views/historyCard';
import type { PainterKit } from '../views/painterKit';
import { ChapterScene } from './ChapterScene';

export default class MinskyScene extends ChapterScene<MinskyView, MinskyEvent, MinskyLevel> {
  private lastCue = '';
  private choice: Ch4Choice = { handUnit: null };
  private board!: Board;
  private plane!: PlanePainter;
  private network!: NetworkPainter;
  private lab!: LabPainter;
  private knobs!: KnobsPainter;
  private buttons!: ButtonsPainter;

  constructor() {
    super(chapterSceneKey(4));
  }

  protected resetPresentation(): void {
    this.lastCue = '';
    this.choice = { handUnit: null };
  }

  protected override presentation(): Record<string, unknown> {
    return { playing: this.view.lab?.playing ?? false, handUnit: this.choice.handUnit };
  }

  protected buildStage(): void {
    const kit: PainterKit<MinskyEvent> = {
      scene: this,
      ui: this.services.ui,
      t: (key, params) => this.t(key, params),
      dt: (key, params) => this.dt(key, params),
      label: (x, y, size, color) => this.label(x, y, size, color),
      play: (sound) => this.services.audio.play(sound),
      send: (event) => this.send(event),
    };
    this.board = new Board(kit, this.level.lab.grid);
    this.plane = new PlanePainter(kit, this.board);
    this.network = new NetworkPainter(kit, this.board);
    this.lab = new LabPainter(kit, this.board, this.choice);
    this.knobs = new KnobsPainter(kit, this.board, this.choice);
    this.buttons = new ButtonsPainter(kit, this.board, this.choice, () => this.refresh());
  }

  protected renderView(view: MinskyView): void {
    const { board } = this;
    const g = board.begin();
    board.texts.title.setText(this.t('ch4.title'));
    const inLab = view.lab !== null && view.step !== 'history' && view.step !== 'done';
    this.lab.show(inLab);
    board.book.setVisible(view.step === 'book');
    for (const name of ['midTag', 'rightTag', 'loss', 'planeTag'] as const) board.texts[name].setText('');
    if (inLab && view.lab) this.lab.render(g, view.lab);
    else {
      this.plane.render(g, view);
      this.network.render(g, view);
    }
    if (view.step === 'book') this.network.frost(g);
    this.knobs.render(view);
    this.buttons.render(view);
    renderHistoryCard(
      this.services.ui,
      view.history
        ? {
            title: this.t('ch4.history.title'),
            items: view.history.map((h) => ({ year: h.year, text: this.dt(h.textKey) })),
          }
        : null,
    );
    this.renderMentor(this.dtKeys(view.line.key, view.line.params), view.line.notice, view.step === 'intro', (e) =>
      this.send(e),
    );
    if (view.cue && view.cue.id !== this.lastCue) {
      this.lastCue = view.cue.id;
      // The training's tick sounds only while it plays.
      if (view.cue.sound !== 'tick' || view.lab?.playing) this.services.audio.play(view.cue.sound);
    }
    board.end();
  }

  protected override chartTexts(view: MinskyView): readonly ChartText[] {
    if (view.step === 'history' || view.step === 'done') return [];
    if (view.lab) return this.lab.chartTexts(view.lab);
    const network = this.network.chartText(view);
    return network ? [this.plane.chartText(view), network] : [this.plane.chartText(view)];
  }
}
