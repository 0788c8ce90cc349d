// Chapter 1's command panel as button specs: the commands (each tagged with how sure Bit is, and
// whether that is enough for the show), the three answers (treat, scold, ignore), and the tools
// (open the box, start the show, back to the map; on stage, Continue once the show is over).
import type { Feedback } from '../../../levels/ch1/sitModel';
import type { SitView } from '../../../levels/ch1/sitView';
import type { MessageKey, Params } from '../../../i18n/i18n';
import { artUrl, type ArtKey } from '../../keys';
import type { ButtonSpec } from '../../ui/htmlLayer';
import { isPhone } from '../../ui/phoneLayout';
import { PANEL_X, panelRows } from './sitLayout';

/** Text lookups: `t` for the game's own keys, `dt` for keys from the level file. */
export interface ControlText {
  t: (key: MessageKey, params?: Params) => string;
  dt: (key: string) => string;
}

export function commandSpecs(view: SitView, text: ControlText, onCommand: (id: string) => void): ButtonSpec[] {
  const { t, dt } = text;
  const rows = panelRows(isPhone());
  return view.commands
    .filter((c) => c.visible)
    .map((c, i) => ({
      id: c.id,
      x: PANEL_X + (i % 2) * 276,
      y: rows.commandsY + Math.floor(i / 2) * rows.commandsStep,
      w: 262,
      h: 60,
      label: dt(c.labelKey),
      // How sure Bit is, and whether that is enough for the show (by the show's real odds).
      tag: c.ready
        ? t('ch1.readyTag', { percent: Math.round(c.sure * 100) })
        : t('ch1.shakyTag', { percent: Math.round(c.sure * 100) }),
      tagKind: c.ready ? undefined : 'warn',
      ariaLabel: t(c.ready ? 'ch1.aria.ready' : 'ch1.aria.shaky', {
        command: dt(c.labelKey),
        percent: Math.round(c.sure * 100),
      }),
      disabled: !c.enabled,
      onPress: () => onCommand(c.id),
    }));
}

export function feedbackSpecs(view: SitView, text: ControlText, onFeedback: (id: Feedback) => void): ButtonSpec[] {
  const feedback = (id: Feedback, x: number, variant: ButtonSpec['variant'], icon: ArtKey): ButtonSpec => ({
    id,
    x,
    y: panelRows(isPhone()).feedbackY,
    w: 176,
    h: 80,
    label: text.t(`ch1.btn.${id}`),
    icon: artUrl(icon),
    variant,
    disabled: !view.canFeedback,
    onPress: () => onFeedback(id),
  });
  return [
    feedback('treat', PANEL_X, 'good', 'treat'),
    feedback('scold', PANEL_X + 188, 'bad', 'scold'),
    feedback('ignore', PANEL_X + 376, 'quiet', 'ignore'),
  ];
}

export interface ToolHandlers {
  toggleBox(): void;
  startShow(): void;
  finishShow(): void;
  moreTwist(): void;
  map(): void;
}

function mapButton(text: ControlText, on: ToolHandlers, y = panelRows(isPhone()).showToolsY): ButtonSpec {
  return {
    id: 'map',
    x: PANEL_X + 376,
    y,
    w: 176,
    h: 56,
    label: text.t('ch1.btn.quit'),
    variant: 'quiet',
    onPress: () => on.map(),
  };
}

/** The tools in the yard: open or close the box, start the show, back to the map. */
export function toolSpecs(view: SitView, boxOpen: boolean, text: ControlText, on: ToolHandlers): ButtonSpec[] {
  const phone = isPhone();
  const rows = panelRows(phone);
  return [
    {
      id: 'box',
      x: PANEL_X,
      y: rows.toolsY,
      w: rows.toolW,
      h: 60,
      label: text.t(boxOpen ? 'ch1.btn.closeBox' : 'ch1.btn.openBox'),
      icon: artUrl('bit-brain-open'),
      pressed: boxOpen,
      onPress: () => on.toggleBox(),
    },
    // The show's place holds "Keep experimenting" while a twist with too few chances waits.
    view.canMoreTwist
      ? {
          id: 'more',
          x: PANEL_X + rows.toolW + 12,
          y: rows.toolsY,
          w: rows.toolW,
          h: 60,
          label: text.t('ch1.btn.moreTwist'),
          icon: artUrl('treat'),
          variant: 'primary',
          onPress: () => on.moreTwist(),
        }
      : {
          id: 'show',
          x: PANEL_X + rows.toolW + 12,
          y: rows.toolsY,
          w: rows.toolW,
          h: 60,
          label: text.t('ch1.btn.show'),
          icon: artUrl('whistle'),
          variant: view.canStartShow ? 'primary' : undefined,
          disabled: !view.canStartShow,
          onPress: () => on.startShow(),
        },
    mapButton(text, on, phone ? rows.toolsY : rows.showToolsY),
  ];
}

/** The tools on stage: back to the map, and Continue once every round of the show is out. */
export function showToolSpecs(showOver: boolean, text: ControlText, on: ToolHandlers): ButtonSpec[] {
  return [
    mapButton(text, on),
    ...(showOver
      ? [
          {
            id: 'finish',
            x: PANEL_X,
            y: panelRows(isPhone()).showToolsY,
            w: 360,
            h: 56,
            label: text.t('ch1.btn.finishShow'),
            variant: 'primary' as const,
            onPress: () => on.finishShow(),
          },
        ]
      : []),
  ];
}
