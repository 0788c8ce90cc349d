// The step's big buttons at the right of the tools row: check the week or the stall (or the week
// running, day n of 7), change side, the new season's Next, Judge, Finish, and the map button.
import type { RulebookView } from '../../../levels/ch2/rulebookView';
import type { ButtonSpec } from '../../ui/htmlLayer';
import { EDITOR } from './ruleEditor';
import type { Tr } from './ruleText';

const ACTION = { x: 1040, y: EDITOR.toolsY, w: 224, h: 52 };

export interface ActionState {
  tr: Tr;
  /** The weather week being run day by day, if it is. */
  week: { reached: number } | null;
  /** Whether the sellers' clash is open (the player is choosing a side). */
  conflictOpen: boolean;
  /** How many of the verdict's basket fruits are out. */
  revealed: number;
}

export interface ActionHandlers {
  runWeek(): void;
  check(): void;
  changeSide(): void;
  seasonNext(): void;
  judge(): void;
  finish(event: NonNullable<RulebookView['finish']>): void;
  map(): void;
}

export function actionSpecs(view: RulebookView, s: ActionState, on: ActionHandlers): ButtonSpec[] {
  const { tr } = s;
  const specs: ButtonSpec[] = [];
  const action = (
    id: string,
    label: string,
    onPress: () => void,
    variant: ButtonSpec['variant'] = 'primary',
  ): ButtonSpec => ({ id, ...ACTION, label, variant, onPress });
  if (view.step === 'weather' && s.week) {
    const size = view.strip?.cards.length ?? 0;
    specs.push({
      ...action('check', tr('ch2.btn.weekRunning', { n: Math.max(1, Math.min(s.week.reached, size)), size }), () => {}),
      disabled: true,
    });
  } else if (view.canCheck && !(view.step === 'conflict' && s.conflictOpen)) {
    specs.push(
      action('check', tr(view.step === 'weather' ? 'ch2.btn.checkWeek' : 'ch2.btn.checkStall'), () =>
        view.step === 'weather' ? on.runWeek() : on.check(),
      ),
    );
  }
  if (view.step === 'conflict' && !s.conflictOpen) {
    specs.push({
      id: 'side',
      x: ACTION.x,
      y: 280,
      w: ACTION.w,
      h: 52,
      label: tr('ch2.btn.changeSide'),
      variant: 'quiet',
      onPress: () => on.changeSide(),
    });
  }
  if (view.step === 'season') specs.push(action('next', tr('ch2.btn.seasonNext'), () => on.seasonNext()));
  if (view.step === 'challenge') specs.push(action('judge', tr('ch2.btn.judge'), () => on.judge()));
  const finish = view.finish;
  if (finish && (view.history || (view.challenge && s.revealed >= view.challenge.size))) {
    specs.push({ ...action('finish', tr('ch2.btn.finish'), () => on.finish(finish)), y: view.history ? 510 : 330 });
  }
  specs.push({
    id: 'map',
    x: 1124,
    y: 8,
    w: 140,
    h: 50,
    label: tr('ch2.btn.map'),
    variant: 'quiet',
    onPress: () => on.map(),
  });
  return specs;
}
