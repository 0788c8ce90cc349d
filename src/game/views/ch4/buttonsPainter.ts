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
import { type Board, type Ch4Choice, MID_X, PLANE, RIGHT_X, miniSize } from './board';

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
  constructor(
    private readonly kit: PainterKit<MinskyEvent>,
    private readonly board: Board,
    private readonly choice: Ch4Choice,
    /** Draws again after a change only the scene knows of (a hand knob opened or closed). */
    private readonly redraw: () => void,
  ) {}

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
    switch (view.step) {
      case 'line':
        btn('bit-try', MID_X, y2, 370, t('ch4.ui.bitTry'), send({ type: 'bit.start' }), {
          variant: 'primary',
          disabled: !view.partA.bitMayTry,
        });
        break;
      case 'bit':
        if (!view.bit?.finished) {
          btn('bit-step', MID_X, y2 - 56, 180, t('ch4.ui.bitStep'), send({ type: 'bit.step' }));
          btn('bit-finish', MID_X + 190, y2 - 56, 180, t('ch4.ui.bitFinish'), send({ type: 'bit.finish' }));
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
        btn('hidden-remove', RIGHT_X + 190, 228, 180, t('ch4.ui.removeNeuron'), send({ type: 'hidden.remove' }), {
          disabled: !view.build?.canRemove,
          variant: 'quiet',
        });
        btn('build-check', MID_X, y2, 370, t('ch4.ui.check'), send({ type: 'build.check' }), { variant: 'primary' });
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
  }

  private lab(lab: LabView, btn: Add): void {
    const { t } = this.kit;
    const { board, choice } = this;
    const send = (e: MinskyEvent) => this.sender(e);
    let y = PLANE.y + 10;
    board.small(MID_X, y - 14, t('ch4.ui.dataset'), 15, CSS.inkSoft);
    lab.datasets.forEach((d, i) =>
      btn(
        `data-${d}`,
        MID_X + i * 126,
        y + 8,
        120,
        t(`ch4.data.${d}` as 'ch4.data.circle'),
        send({ type: 'data.pick', dataset: d as 'circle' }),
        { pressed: lab.dataset === d },
      ),
    );
    y += 72;
    board.small(MID_X, y - 14, t('ch4.ui.activation'), 15, CSS.inkSoft);
    lab.activations.forEach((a, i) =>
      btn(`act-${a}`, MID_X + i * 126, y + 8, 120, t(`ch4.act.${a}`), send({ type: 'activation.set', activation: a }), {
        pressed: lab.activation === a,
      }),
    );
    y += 72;
    board.small(MID_X, y - 14, t('ch4.ui.rate'), 15, CSS.inkSoft);
    lab.rates.forEach((r, i) =>
      btn(
        `rate-${i}`,
        MID_X + (i % 4) * 94,
        y + 8 + Math.floor(i / 4) * 46,
        90,
        String(r),
        send({ type: 'rate.set', rate: r }),
        { pressed: lab.rate === r, ariaLabel: `${t('ch4.ui.rate')} ${r}` },
      ),
    );
    y += 112;
    lab.layers.forEach((n, l) => {
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
    // Running the challenge leaves the lab, and with it the training's clock.
    btn('challenge-run', MID_X, y + 50, 376, t('ch4.ui.challenge'), send({ type: 'challenge.run' }));
    // Hand tuning: one button per first-layer neuron (its small map), toggling its knobs.
    lab.hand.forEach((_, u) =>
      btn(
        `hand-${u}`,
        RIGHT_X + u * (miniSize(lab.layers[0]) + 4),
        262,
        miniSize(lab.layers[0]),
        t('ch4.ui.handShort', { n: u + 1 }),
        () => {
          choice.handUnit = choice.handUnit === u ? null : u;
          this.redraw();
        },
        {
          variant: 'quiet',
          pressed: choice.handUnit === u,
          ariaLabel: t(choice.handUnit === u ? 'ch4.ui.handOff' : 'ch4.ui.hand', { n: u + 1 }),
        },
      ),
    );
  }
}
