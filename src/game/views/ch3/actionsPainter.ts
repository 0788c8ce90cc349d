// Chapter 3's buttons: the conveyor (◀ ▶), the step's actions in the left column (use the rule or
// start blank, check, Bit's tuning step / play / finish / pace, the challenge's settings and run,
// keep or retry, continue) and the way back to the map. Every press goes to the chapter machine;
// playing the tuning is the machine's own clock, so Play and the pace are events too.
import type { AppleLampEvent } from '../../../levels/ch3/appleLampMachine';
import type { AppleLampView } from '../../../levels/ch3/appleLampView';
import type { ButtonSpec } from '../../ui/htmlLayer';
import type { PainterKit } from '../painterKit';
import { smallType } from '../ch4/tips';

const ACTION_Y = [396, 450, 504];

export class ActionsPainter {
  constructor(
    private readonly kit: PainterKit<AppleLampEvent>,
    private readonly quit: () => void,
  ) {}

  private button(
    id: string,
    label: string,
    slot: number,
    event: AppleLampEvent,
    extra: Partial<ButtonSpec> = {},
  ): ButtonSpec {
    return {
      id,
      x: 24,
      y: ACTION_Y[slot],
      w: 208,
      h: 48,
      label,
      onPress: () => {
        this.kit.play('click');
        this.kit.send(event);
      },
      ...extra,
    };
  }

  render(view: AppleLampView): void {
    const { ui, t, send } = this.kit;
    const step = view.step;
    // No conveyor buttons under the history card: later-appended buttons would sit on top of it.
    // The rigged basket has no conveyor: its main button stands there.
    ui.sync(
      'conveyor',
      step === 'history' || step === 'rigged'
        ? []
        : [
            {
              id: 'prev',
              x: 24,
              y: 306,
              w: 100,
              h: 44,
              label: '◀',
              ariaLabel: t('ch3.btn.prev'),
              disabled: !view.editable,
              onPress: () => send({ type: 'conveyor.prev' }),
            },
            {
              id: 'next',
              x: 132,
              y: 306,
              w: 100,
              h: 44,
              label: '▶',
              ariaLabel: t('ch3.btn.next'),
              disabled: !view.editable,
              onPress: () => send({ type: 'conveyor.next' }),
            },
          ],
    );
    ui.sync('actions', this.actions(view));
    // "To the end" and the pace share one row of the left panel, and "Rigged basket ▶" is long: a
    // smaller type fits their words.
    smallType(ui, 'actions', ['finish', 'speed', 'toRigged'], 20);
    ui.sync('tools', [
      { id: 'map', x: 1134, y: 8, w: 128, h: 48, label: t('ch3.btn.map'), variant: 'quiet', onPress: this.quit },
    ]);
  }

  /** The rigged basket's main button, where the conveyor was: tune, retune, or on to the challenge. */
  private riggedMain(view: AppleLampView): ButtonSpec | null {
    const { t } = this.kit;
    const r = view.rigged;
    if (!r) return null;
    const at = { y: 300, h: 52, variant: 'primary' } as const;
    if (r.fixed) return this.button('riggedDone', t('ch3.btn.toChallenge'), 0, { type: 'rigged.done' }, at);
    const label = t(r.tunes ? 'ch3.btn.riggedRetune' : 'ch3.btn.riggedTune');
    return this.button('riggedTune', label, 0, { type: 'rigged.tune' }, { ...at, disabled: !r.canTune });
  }

  private actions(view: AppleLampView): ButtonSpec[] {
    const { t, send } = this.kit;
    const actions: ButtonSpec[] = [];
    const b = (id: string, label: string, slot: number, event: AppleLampEvent, extra: Partial<ButtonSpec> = {}) =>
      actions.push(this.button(id, label, slot, event, extra));
    switch (view.step) {
      case 'rule': {
        if (view.rule.status === 'ok') {
          const p = view.rule.perceptron;
          const load: AppleLampEvent = {
            type: 'knobs.load',
            source: 'rule',
            weights: [...p.weights],
            threshold: p.threshold,
          };
          b('useRule', t('ch3.btn.useRule'), 0, load, { variant: 'primary' });
        }
        b(
          'startBlank',
          t('ch3.btn.startBlank'),
          actions.length,
          { type: 'rule.skip' },
          view.rule.status === 'ok' ? {} : { variant: 'primary' },
        );
        break;
      }
      case 'task':
        b('check', t('ch3.btn.check'), 0, { type: 'task.check' }, { variant: 'primary', h: 56 });
        break;
      case 'tune': {
        if (!view.tune) break;
        if (view.tune.finished) {
          b('toRigged', t('ch3.btn.toRigged'), 0, { type: 'rigged.start' }, { variant: 'primary' });
          break;
        }
        const { playing, fast } = view.playback;
        b('step', t('ch3.btn.step'), 0, { type: 'tune.step' });
        b(
          'play',
          t(playing ? 'ch3.btn.pause' : 'ch3.btn.play'),
          1,
          { type: playing ? 'tune.pause' : 'tune.play' },
          {
            pressed: playing,
            variant: 'primary',
          },
        );
        b('finish', t('ch3.btn.finish'), 2, { type: 'tune.finish' }, { w: 140 });
        b(
          'speed',
          t(fast ? 'ch3.btn.speedFast' : 'ch3.btn.speedCalm'),
          2,
          { type: 'tune.speed' },
          {
            x: 170,
            w: 62,
            pressed: fast,
            ariaLabel: t('ch3.aria.speed'),
          },
        );
        break;
      }
      case 'rigged': {
        const main = this.riggedMain(view);
        if (main) actions.push(main);
        // The fruit the player may add, once Bit has tuned: pressed (✓) once in the basket.
        if (!view.rigged?.canAdd) break;
        view.rigged.choices.forEach((c, i) => {
          const fruit = this.kit.dt(c.nameKey);
          b(
            `add-${c.fruit}`,
            t(c.added ? 'ch3.btn.riggedAdded' : 'ch3.btn.riggedAdd', { fruit }),
            i,
            {
              type: 'rigged.add',
              fruit: c.fruit,
            },
            {
              pressed: c.added,
              disabled: c.added,
              ariaLabel: t(c.added ? 'ch3.aria.riggedAdded' : 'ch3.aria.riggedAdd', { fruit }),
            },
          );
        });
        break;
      }
      case 'challenge':
        for (const source of ['mine', 'bit'] as const) {
          const s = view[source]?.setting;
          if (!s) continue;
          const load: AppleLampEvent = { type: 'knobs.load', source, weights: [...s.weights], threshold: s.threshold };
          b(
            source === 'mine' ? 'useMine' : 'useBit',
            t(source === 'mine' ? 'ch3.btn.useMine' : 'ch3.btn.useBit'),
            actions.length,
            load,
          );
        }
        b('run', t('ch3.btn.run'), 2, { type: 'challenge.run' }, { variant: 'primary' });
        break;
      case 'challengeResult':
        if (!view.run) break;
        if (view.run.passed) b('keep', t('ch3.btn.keep'), 0, { type: 'challenge.accept' }, { variant: 'primary' });
        b('retry', t('ch3.btn.retry'), actions.length, { type: 'challenge.retry' });
        break;
      case 'history':
        actions.push({
          id: 'continue',
          x: 890,
          y: 422,
          w: 220,
          h: 52,
          label: t('ch3.btn.continue'),
          variant: 'primary',
          onPress: () => send({ type: 'history.done' }),
        });
        break;
    }
    return actions;
  }
}
