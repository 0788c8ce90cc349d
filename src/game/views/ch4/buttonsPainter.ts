// Chapter 4's buttons: each step's actions (let Bit try, step, finish, read the book, add or
// remove a neuron, check, continue, retry or keep) and the lab's controls (point set, activation,
// learning rate, neurons per layer, a second layer, play or pause the training, one epoch, fresh
// weights, the challenge, and one button per first-layer neuron that opens its hand knobs).
// Training plays on the chapter machine's clock: Play and Pause are events like the others.
import type { MinskyEvent } from '../../../levels/ch4/minskyMachine';
import type { LabView, MinskyView } from '../../../levels/ch4/minskyView';
import { CSS } from '../../palette';
import type { ButtonSpec } from '../../ui/htmlLayer';
import type { PainterKit } from '../painterKit';
import { type Board, type Ch4Choice, MID_X, PLANE, RIGHT_X, handButtonWidth } from './board';
import { smallType, type Tip, Tips } from './tips';

type Add = (
  id: string,
  x: number,
  y: number,
  w: number,
  label: string,
  onPress: () => void,
  extra?: Partial<ButtonSpec>,
) => void;

export class ButtonsPainter {
  private readonly tips: Tips;
  private tipList: Tip[] = [];
  private small: string[] = [];

  constructor(
    private readonly kit: PainterKit<MinskyEvent>,
    private readonly board: Board,
    private readonly choice: Ch4Choice,
    /** Draws again after a change only the scene knows of (a hand knob opened or closed). */
    private readonly redraw: () => void,
  ) {
    this.tips = new Tips(kit.ui);
  }

  private tip(id: string, text: string): void {
    this.tipList.push({ target: { group: 'ch4', id }, text });
  }

  private sender(e: MinskyEvent): () => void {
    return () => this.kit.send(e);
  }

  render(view: MinskyView): void {
    const { t } = this.kit;
    const b: ButtonSpec[] = [];
    const btn: Add = (id, x, y, w, label, onPress, extra = {}) =>
      b.push({ id, x, y, w, h: 44, label, onPress, ...extra });
    const send = (e: MinskyEvent) => this.sender(e);
    const y2 = PLANE.y + 420;
    this.tipList = [];
    this.small = [];
    switch (view.step) {
      case 'line':
        btn('bit-try', MID_X, y2, 370, t('ch4.ui.bitTry'), send({ type: 'bit.start' }), {
          variant: 'primary',
          disabled: !view.partA.bitMayTry,
        });
        break;
      case 'bit':
        if (!view.bit?.finished) {
          btn('bit-step', MID_X, y2 - 56, 150, t('ch4.ui.bitStep'), send({ type: 'bit.step' }));
          btn('bit-finish', MID_X + 160, y2 - 56, 210, t('ch4.ui.bitFinish'), send({ type: 'bit.finish' }));
        } else
          btn('bit-done', MID_X, y2, 370, t('ch4.ui.continue'), send({ type: 'bit.done' }), { variant: 'primary' });
        break;
      case 'book':
        btn('book-read', 540, 446, 200, t('ch4.ui.continue'), send({ type: 'book.read' }), { variant: 'primary' });
        break;
      case 'build':
        btn('hidden-add', RIGHT_X, 228, 180, t('ch4.ui.addNeuron'), send({ type: 'hidden.add' }), {
          disabled: !view.build?.canAdd,
        });
        btn('hidden-remove', RIGHT_X + 188, 228, 188, t('ch4.ui.removeNeuron'), send({ type: 'hidden.remove' }), {
          disabled: !view.build?.canRemove,
          variant: 'quiet',
        });
        this.small.push('hidden-add', 'hidden-remove', 'blueprint');
        btn('build-check', MID_X, y2, 370, t('ch4.ui.check'), send({ type: 'build.check' }), { variant: 'primary' });
        // The explainer's way, under the plane: open after a fair try of the player's own.
        btn('blueprint', PLANE.x, y2 + 16, PLANE.size, t('ch4.ui.blueprint'), send({ type: 'blueprint.show' }), {
          h: 38,
          variant: 'quiet',
          disabled: !view.build?.blueprintOpen,
          ariaLabel: view.build?.blueprintOpen ? undefined : t('ch4.ui.blueprintLocked'),
        });
        if (!view.build?.blueprintOpen) this.tip('blueprint', t('ch4.ui.blueprintLocked'));
        break;
      case 'insight':
        btn('insight-done', MID_X, y2, 370, t('ch4.ui.continue'), send({ type: 'insight.done' }), {
          variant: 'primary',
        });
        break;
      case 'lab':
        if (view.lab) this.lab(view.lab, btn);
        break;
      case 'challengeResult':
        btn('challenge-retry', MID_X, y2 - 56, 370, t('ch4.ui.retry'), send({ type: 'challenge.retry' }));
        if (view.run?.passed)
          btn('challenge-accept', MID_X, y2, 370, t('ch4.ui.keep'), send({ type: 'challenge.accept' }), {
            variant: 'primary',
          });
        break;
      case 'history':
        btn('history-done', 540, 500, 200, t('ch4.ui.done'), send({ type: 'history.done' }), { variant: 'primary' });
        break;
    }
    this.kit.ui.sync('ch4', b);
    smallType(this.kit.ui, 'ch4', this.small);
    if (view.step === 'lab' && view.lab)
      this.tipList.push({ target: { owned: 'ch4-loss' }, text: t('ch4.tip.testLoss') });
    if (this.tipList.length) this.tips.render(this.tipList);
    else this.tips.clear();
  }

  private lab(lab: LabView, btn: Add): void {
    const { t } = this.kit;
    const { board, choice } = this;
    const send = (e: MinskyEvent) => this.sender(e);
    let y = PLANE.y + 10;
    board.small(MID_X, y - 14, t('ch4.ui.dataset'), 15, CSS.inkSoft);
    lab.datasets.forEach((d, i) => {
      this.tip(`data-${d}`, t('ch4.tip.dataset'));
      this.small.push(`data-${d}`);
      btn(
        `data-${d}`,
        MID_X + i * 126,
        y + 8,
        120,
        t(`ch4.data.${d}` as 'ch4.data.circle'),
        send({ type: 'data.pick', dataset: d as 'circle' }),
        { pressed: lab.dataset === d },
      );
    });
    y += 72;
    board.small(MID_X, y - 14, t('ch4.ui.activation'), 15, CSS.inkSoft);
    lab.activations.forEach((a, i) => {
      this.tip(`act-${a}`, `${t(`ch4.tip.${a}`)} ${t('ch4.tip.activation')}`);
      btn(`act-${a}`, MID_X + i * 126, y + 8, 120, t(`ch4.act.${a}`), send({ type: 'activation.set', activation: a }), {
        pressed: lab.activation === a,
      });
    });
    y += 72;
    board.small(MID_X, y - 14, t('ch4.ui.rate'), 15, CSS.inkSoft);
    lab.rates.forEach((r, i) => {
      this.tip(`rate-${i}`, t('ch4.tip.rate'));
      btn(
        `rate-${i}`,
        MID_X + (i % 4) * 94,
        y + 8 + Math.floor(i / 4) * 46,
        90,
        String(r),
        send({ type: 'rate.set', rate: r }),
        { pressed: lab.rate === r, ariaLabel: `${t('ch4.ui.rate')} ${r}` },
      );
    });
    y += 112;
    lab.layers.forEach((n, l) => {
      this.tip(`layer-${l}-remove`, t('ch4.tip.layer'));
      this.tip(`layer-${l}-add`, t('ch4.tip.layer'));
      board.small(MID_X, y + l * 48, t('ch4.ui.layer', { n: l + 1, count: n }), 16);
      btn(`layer-${l}-remove`, MID_X + 120, y - 8 + l * 48, 50, '−', send({ type: 'neuron.remove', layer: l }), {
        disabled: !lab.canRemove[l],
        ariaLabel: t('ch4.ui.layerRemove', { n: l + 1 }),
      });
      btn(`layer-${l}-add`, MID_X + 176, y - 8 + l * 48, 50, '+', send({ type: 'neuron.add', layer: l }), {
        disabled: !lab.canAdd[l],
        ariaLabel: t('ch4.ui.layerAdd', { n: l + 1 }),
      });
    });
    if (lab.layers.length < lab.maxLayers)
      btn('layer-add', MID_X + 232, y - 8, 144, t('ch4.ui.addLayer'), send({ type: 'layer.add' }), {
        disabled: !lab.canAddLayer,
        variant: 'quiet',
      });
    else
      btn('layer-remove', MID_X + 232, y - 8 + 48, 144, t('ch4.ui.removeLayer'), send({ type: 'layer.remove' }), {
        variant: 'quiet',
      });
    this.small.push('layer-add', 'layer-remove');
    y = PLANE.y + 356;
    const playing = lab.playing;
    btn(
      'train-play',
      MID_X,
      y,
      110,
      t(playing ? 'ch4.ui.pause' : 'ch4.ui.train'),
      send({ type: playing ? 'train.pause' : 'train.play' }),
      { variant: 'primary', pressed: playing, disabled: !lab.canTrain && !playing },
    );
    btn('train-step', MID_X + 116, y, 130, t('ch4.ui.step'), send({ type: 'train.run', epochs: 1 }), {
      disabled: !lab.canTrain || playing,
    });
    btn('weights-reset', MID_X + 252, y, 124, t('ch4.ui.reset'), send({ type: 'weights.reset' }), { variant: 'quiet' });
    // Running the challenge leaves the lab, and with it the training's clock. Its label names the
    // point set it is scored on: every one counts.
    const dataset = t(`ch4.data.${lab.dataset}` as 'ch4.data.circle');
    btn('challenge-run', MID_X, y + 50, 376, t('ch4.ui.challengeOn', { dataset }), send({ type: 'challenge.run' }));
    this.tip('train-play', t('ch4.tip.train'));
    this.tip('train-step', t('ch4.tip.epoch'));
    this.tip('weights-reset', t('ch4.tip.reset'));
    this.tip('challenge-run', t('ch4.tip.challenge'));
    this.small.push('challenge-run', 'train-step', 'weights-reset');
    // Hand tuning: one button per first-layer neuron (its small map), toggling its knobs.
    const sz = handButtonWidth(lab.layers[0]);
    lab.hand.forEach((_, u) => {
      this.tip(`hand-${u}`, t('ch4.tip.hand', { n: u + 1 }));
      this.small.push(`hand-${u}`);
      btn(
        `hand-${u}`,
        RIGHT_X + u * (sz + 4),
        262,
        sz,
        // Narrow buttons show the neuron's number only; the full words are its name and tip.
        sz >= 70 ? t('ch4.ui.handShort', { n: u + 1 }) : String(u + 1),
        () => {
          choice.handUnit = choice.handUnit === u ? null : u;
          this.redraw();
        },
        {
          variant: 'quiet',
          pressed: choice.handUnit === u,
          ariaLabel: t(choice.handUnit === u ? 'ch4.ui.handOff' : 'ch4.ui.hand', { n: u + 1 }),
        },
      );
    });
  }
}
