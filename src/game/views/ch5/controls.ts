// Chapter 5's HTML controls: the six knobs of part A, the buttons of each part (step sizes,
// learning rate and momentum, play and step, the gears' turns and predictions, the challenge's
// keep or retry), the map button, and the caption of what the sound carries.
import type { MessageKey, Params } from '../../../i18n/i18n';
import type { FoggyEvent } from '../../../levels/ch5/foggyMachine';
import type { FoggyView } from '../../../levels/ch5/foggyView';
import { CSS } from '../../palette';
import type { ButtonSpec, HtmlLayer } from '../../ui/htmlLayer';
import { removeKnob, renderKnob } from '../../ui/knob';
import { fmt } from './kit';

export interface Controls {
  ui: HtmlLayer;
  t(key: MessageKey, params?: Params): string;
  send(event: FoggyEvent): void;
  /** The click every button makes. */
  click(): void;
  tag(x: number, y: number, text: string, size?: number, color?: string): unknown;
  quitToMap(): void;
  /** Reduced motion: automatic descent plays in calm ticks. */
  calm: boolean;
}

export function renderKnobs(c: Controls, view: FoggyView): void {
  const ui = c.ui;
  for (let i = 0; i < 6; i++) {
    const k = view.hand?.knobs[i];
    if (!k) {
      removeKnob(ui, `k${i}`);
      continue;
    }
    c.tag(600, 118 + i * 62, `K${i}`, 20);
    renderKnob(ui, {
      id: `k${i}`,
      x: 660,
      y: 118 + i * 62,
      w: 420,
      min: k.min,
      max: k.max,
      step: k.step,
      fineStep: k.fineStep,
      value: k.value,
      label: c.t('ch5.knob.aria', { n: i }),
      valueText: fmt(k.value),
      onSet: (value) => {
        if (value !== k.value) c.send({ type: 'knob.set', index: i, value });
      },
      onNudge: (by) => c.send({ type: 'knob.nudge', index: i, by }),
    });
  }
}

function btn(
  c: Controls,
  id: string,
  label: string,
  x: number,
  y: number,
  w: number,
  onPress: () => void,
  extra: Partial<ButtonSpec> = {},
): ButtonSpec {
  return {
    id,
    x,
    y,
    w,
    h: 46,
    label,
    onPress: () => {
      c.click();
      onPress();
    },
    ...extra,
  };
}

export function renderActions(c: Controls, view: FoggyView): void {
  const ui = c.ui;
  const actions: ButtonSpec[] = [];
  const choices: ButtonSpec[] = [];
  const step = view.step;
  if (step === 'hand' && view.hand?.mayEnd) {
    actions.push(
      btn(c, 'toFog', c.t('ch5.btn.toFog'), 1040, 496, 200, () => c.send({ type: 'hand.done' }), {
        variant: 'primary',
      }),
    );
  }
  if (view.walk) {
    const w = view.walk;
    const y = w.kind === 'fog1' ? 496 : 500;
    const x0 = w.kind === 'fog1' ? 560 : 960;
    const across = w.kind === 'fog1' ? 6 : 2;
    // Part B's first steps: the slope is felt before stepping (the step buttons wait for it).
    const mustFeel = w.slopeHidden && w.feel === null && !w.reached;
    if (w.slopeHidden && !w.reached)
      actions.push(
        btn(c, 'feel', c.t('ch5.btn.feel'), 1040, 436, 200, () => c.send({ type: 'fog.feel' }), {
          variant: mustFeel ? 'primary' : undefined,
          disabled: !mustFeel,
          ariaLabel: c.t('ch5.feel.aria'),
        }),
      );
    if (!(w.reached && w.kind !== 'challenge')) {
      view.stepSizes.forEach((size, i) => {
        const col = i % across;
        const row = Math.floor(i / across);
        choices.push(
          btn(
            c,
            `size-${size}`,
            `${size}`,
            x0 + col * (w.kind === 'fog1' ? 104 : 140),
            w.kind === 'fog1' ? y : 300 + row * 54,
            w.kind === 'fog1' ? 96 : 130,
            () => c.send({ type: 'fog.step', size }),
            {
              ariaLabel: c.t('ch5.stepSize.aria', { size }),
              disabled: mustFeel,
            },
          ),
        );
      });
      c.tag(w.kind === 'fog1' ? 610 : 1090, w.kind === 'fog1' ? 480 : 282, c.t('ch5.stepSize'), 15, CSS.inkSoft);
    }
    if (w.reached && w.kind !== 'challenge')
      actions.push(
        btn(c, 'next', c.t('ch5.btn.next'), 1040, 496, 200, () => c.send({ type: 'fog.next' }), {
          variant: 'primary',
        }),
      );
  }
  if (view.auto) {
    const a = view.auto;
    c.tag(640, 330, c.t('ch5.lr'), 15, CSS.inkSoft);
    a.learningRates.forEach((lr, i) =>
      choices.push(
        btn(c, `lr-${lr}`, String(lr), 700 + i * 92, 312, 86, () => c.send({ type: 'auto.set', lr, beta: a.beta }), {
          pressed: lr === a.lr,
          ariaLabel: c.t('ch5.lr.aria', { lr }),
        }),
      ),
    );
    c.tag(640, 388, c.t('ch5.momentum'), 15, CSS.inkSoft);
    a.momenta.forEach((beta, i) =>
      choices.push(
        btn(
          c,
          `beta-${beta}`,
          String(beta),
          700 + i * 92,
          370,
          86,
          () => c.send({ type: 'auto.set', lr: a.lr, beta }),
          { pressed: beta === a.beta, ariaLabel: c.t('ch5.momentum.aria', { beta }) },
        ),
      ),
    );
    if (!a.finished) {
      actions.push(
        btn(
          c,
          'play',
          c.t(a.playing ? 'ch5.btn.pause' : 'ch5.btn.play'),
          560,
          440,
          150,
          () => c.send(a.playing ? { type: 'auto.pause' } : { type: 'auto.play', calm: c.calm }),
          {
            variant: 'primary',
            pressed: a.playing,
          },
        ),
        btn(c, 'step', c.t('ch5.btn.step'), 720, 440, 150, () => c.send({ type: 'auto.step', count: 1 })),
      );
    }
    if (a.mayEnd)
      actions.push(
        btn(c, 'next', c.t('ch5.btn.next'), 1040, 496, 200, () => c.send({ type: 'auto.done' }), {
          variant: 'primary',
        }),
      );
  }
  if (view.valleys) {
    const v = view.valleys;
    v.starts.forEach((s, i) =>
      choices.push(
        btn(
          c,
          `valley-${i}`,
          c.t('ch5.btn.valley', { n: i + 1 }),
          980,
          120 + i * 90,
          240,
          () => c.send({ type: 'valley.run', start: i }),
          { disabled: s.run !== null, pressed: s.run !== null },
        ),
      ),
    );
    if (v.mayEnd)
      actions.push(
        btn(c, 'next', c.t('ch5.btn.next'), 1040, 496, 200, () => c.send({ type: 'valley.done' }), {
          variant: 'primary',
        }),
      );
  }
  if (view.overfit) {
    const o = view.overfit;
    c.tag(600, 372, c.t('ch5.degree'), 15, CSS.inkSoft);
    for (let d = o.min; d <= o.max; d++)
      choices.push(
        btn(
          c,
          `degree-${d}`,
          String(d),
          // Wide enough for "10" and "11" with the buttons' padding.
          554 + (d - o.min) * 63,
          390,
          60,
          () => c.send({ type: 'overfit.degree', degree: d }),
          {
            pressed: d === o.degree,
            ariaLabel: c.t('ch5.degree.aria', { degree: d }),
          },
        ),
      );
    if (o.mayEnd)
      actions.push(
        btn(c, 'next', c.t('ch5.btn.next'), 1040, 496, 200, () => c.send({ type: 'overfit.done' }), {
          variant: 'primary',
        }),
      );
  }
  if (view.gears) {
    const gv = view.gears;
    const by = gv.turnStep;
    actions.push(
      btn(c, 'turnLess', c.t('ch5.btn.turnLess', { by }), 548, 340, 176, () => c.send({ type: 'gears.turn', by: -by })),
      btn(c, 'turnMore', c.t('ch5.btn.turnMore', { by }), 736, 340, 176, () => c.send({ type: 'gears.turn', by })),
    );
    if (gv.right !== true)
      gv.choices.forEach((value, i) =>
        choices.push(
          btn(
            c,
            `choice-${i}`,
            String(value),
            590 + i * 150,
            474,
            140,
            () => c.send({ type: 'gears.predict', value }),
            {
              ariaLabel: c.t('ch5.gears.choiceAria', { value }),
              disabled: gv.turned === 0,
              pressed: gv.predicted === value,
            },
          ),
        ),
      );
    else if (!gv.done)
      actions.push(
        btn(c, 'back', c.t('ch5.btn.back'), 820, 474, 220, () => c.send({ type: 'gears.back' }), {
          variant: 'primary',
        }),
      );
    else
      actions.push(
        btn(c, 'next', c.t('ch5.btn.next'), 1040, 496, 200, () => c.send({ type: 'gears.done' }), {
          variant: 'primary',
        }),
      );
  }
  if (view.run) {
    if (view.run.reached)
      actions.push(
        btn(c, 'keep', c.t('ch5.btn.keep'), 1000, 300, 220, () => c.send({ type: 'challenge.accept' }), {
          variant: 'primary',
        }),
      );
    actions.push(btn(c, 'retry', c.t('ch5.btn.retry'), 1000, 360, 220, () => c.send({ type: 'challenge.retry' })));
  }
  if (view.history)
    actions.push(
      btn(c, 'continue', c.t('ch5.btn.continue'), 890, 422, 220, () => c.send({ type: 'history.done' }), {
        variant: 'primary',
      }),
    );
  ui.sync('choices', choices);
  ui.sync('actions', actions);
  ui.sync('tools', [
    {
      id: 'map',
      x: 1134,
      y: 8,
      w: 128,
      h: 48,
      label: c.t('ch5.btn.map'),
      variant: 'quiet',
      onPress: () => c.quitToMap(),
    },
  ]);
}

/** The caption of what the sound carries, shown whenever it plays (sound on or off). */
export function renderSoundCaption(c: Controls, view: FoggyView): void {
  const ui = c.ui;
  if (!view.sound) {
    ui.removeElement('ch5-sound');
    return;
  }
  const el = ui.element('ch5-sound', 'div', 'bbd-label');
  Object.assign(el.style, { left: '36px', top: '520px', width: '460px', fontSize: '14px', fontWeight: '700' });
  el.setAttribute('aria-hidden', 'true');
  el.textContent = c.t('ch5.sound.caption', { hz: view.sound.pitch, rate: view.sound.ticksPerSecond });
}
