// Chapter 3's stage: the yard, the panels, the conveyor belt with the fruit in front of the lamp,
// and the words around it (title, the goal or tuning progress, the fruit's name and place, how
// many knobs are in use).
import type Phaser from 'phaser';
import type { AppleLampEvent } from '../../../levels/ch3/appleLampMachine';
import type { AppleLampView } from '../../../levels/ch3/appleLampView';
import type { ArtKey } from '../../keys';
import { COLORS, CSS } from '../../palette';
import { GAME_HEIGHT as H, GAME_WIDTH as W } from '../../ui/htmlLayer';
import { LAYOUT } from '../neuronLayout';
import type { PainterKit } from '../painterKit';

type Text = Phaser.GameObjects.Text;

export class StagePainter {
  private readonly fruit: Phaser.GameObjects.Image;
  private texts!: Record<'title' | 'goal' | 'name' | 'count' | 'inUse', Text>;

  constructor(private readonly kit: PainterKit<AppleLampEvent>) {
    const { scene } = kit;
    scene.add.image(W / 2, H / 2, 'bg-yard').setDisplaySize(W, H);
    const g = scene.add.graphics();
    const panel = (x: number, y: number, w: number, h: number) =>
      g
        .fillStyle(COLORS.cream, 0.93)
        .fillRoundedRect(x, y, w, h, 18)
        .lineStyle(4, COLORS.ink)
        .strokeRoundedRect(x, y, w, h, 18);
    panel(16, 8, 980, 50);
    panel(LAYOUT.conveyor.x - 4, LAYOUT.conveyor.y, LAYOUT.conveyor.w + 8, LAYOUT.conveyor.h);
    panel(248, LAYOUT.conveyor.y, 770, LAYOUT.conveyor.h);
    panel(LAYOUT.basket.x, LAYOUT.basket.y, LAYOUT.basket.w, LAYOUT.basket.h);
    // The belt under the fruit: a band with rollers.
    const { fruitX, fruitY } = LAYOUT.conveyor;
    g.fillStyle(COLORS.inkSoft, 1).fillRoundedRect(fruitX - 100, fruitY + 70, 200, 22, 11);
    g.fillStyle(COLORS.stone, 1);
    for (let k = 0; k < 6; k++) g.fillCircle(fruitX - 80 + k * 32, fruitY + 81, 7);
    this.fruit = scene.add
      .image(fruitX, fruitY, 'fruit-apple')
      .setDisplaySize(LAYOUT.conveyor.fruitSize, LAYOUT.conveyor.fruitSize);
  }

  /** The stage's words, added once the other panels' pictures are in (so they draw on top). */
  addLabels(): void {
    const { fruitX, fruitY } = LAYOUT.conveyor;
    const L = (x: number, y: number, size: number, color: string = CSS.ink) => this.kit.label(x, y, size, color);
    this.texts = {
      title: L(30, 12, 26),
      goal: L(982, 16, 21, CSS.blue).setOrigin(1, 0),
      name: L(fruitX, fruitY + 116, 24).setOrigin(0.5),
      count: L(fruitX, fruitY + 142, 17, CSS.inkSoft).setOrigin(0.5),
      inUse: L(fruitX, 370, 18, CSS.inkSoft).setOrigin(0.5),
    };
  }

  render(view: AppleLampView): void {
    const { t, dt } = this.kit;
    const step = view.step;
    this.texts.title.setText(t('ch3.title'));
    this.texts.goal.setText(this.goalText(view));
    this.fruit.setTexture(view.fruit.art as ArtKey);
    this.texts.name.setText(dt(view.fruit.nameKey));
    // The hidden basket's fruits are not the training basket's: no "n / 12" there.
    const hidden = step === 'challenge' || step === 'challengeResult';
    const count = view.rigged
      ? view.rigged.shownIsNew
        ? t('ch3.rigged.newFruit')
        : t('ch3.basket')
      : t('ch3.fruitOf', { n: view.fruit.index + 1, count: view.fruit.count });
    this.texts.count.setText(hidden ? '' : count);
    this.texts.inUse.setText(t('ch3.knobsInUse', { n: view.knobsInUse }));
  }

  private goalText(view: AppleLampView): string {
    const { t, dt } = this.kit;
    if (view.task)
      return `${t('ch3.fruitOf', { n: view.task.index + 1, count: view.task.count })} · ${dt(`ch3.goal.${view.task.id}`)}`;
    if (view.step === 'tune' && view.tune)
      return t('ch3.tune.progress', { steps: view.tune.steps, mistakes: view.tune.mistakes });
    if (view.step === 'challenge' || view.step === 'challengeResult') return t('ch3.challenge.hidden');
    if (view.rigged) return t('ch3.rigged.goal', { feature: dt(view.rigged.featureLabelKey) });
    return '';
  }
}
