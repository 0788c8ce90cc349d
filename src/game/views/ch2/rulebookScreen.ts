// The chapter's panels for the current step: the sellers' clash with the pick buttons, the chosen
// side, the expert ceiling, the hidden basket and the verdict's score. Pure drawing from the view.
import type { RulebookData } from '../../../levels/ch2/rulebookLevel';
import type { RulebookView, StripCard } from '../../../levels/ch2/rulebookView';
import type { HtmlLayer } from '../../ui/htmlLayer';
import { artUrl } from '../../keys';
import { EDITOR } from './ruleEditor';
import { STRIP } from './rulebookStrip';
import { conditionWords, type Tr } from './ruleText';
import { renderCeiling, renderConflict, renderNote } from './rulebookPanels';

/** The part of the chapter each step belongs to, as said in the top bar. */
export const PART_KEY: Record<string, string> = {
  weather: 'ch2.part.weather',
  stall: 'ch2.part.stall',
  conflict: 'ch2.part.conflict',
  season: 'ch2.part.season',
  challenge: 'ch2.part.challenge',
  verdict: 'ch2.part.challenge',
};

export interface PanelContext {
  ui: HtmlLayer;
  tr: Tr;
  data: RulebookData;
  conflictOpen: boolean;
  revealed: number;
  /** Where the tools tray ends: a note in the tools row shows only where the tray leaves room. */
  toolsRight: number;
}

export function renderRulebookPanels(
  ctx: PanelContext,
  view: RulebookView,
  onPick: (seller: string, nameKey: string) => void,
): void {
  const ui = ctx.ui;
  const fruitOf = (id: string) => ctx.data.fruits.fruits.find((f) => f.id === id)!;
  const sellerName = (id: string) => ctx.tr(ctx.data.fruits.sellers.find((s) => s.id === id)?.nameKey ?? id);
  const feature = (f: string) => ctx.tr(ctx.data.fruits.features.find((x) => x.id === f)?.labelKey ?? f);
  const rules = ctx.data.level.stall.sellerRules;
  if (view.conflicts && ctx.conflictOpen) {
    renderConflict(ui, { x: 16, y: 66, w: 1000, h: 334 }, view.conflicts, {
      title: ctx.tr('ch2.conflict.title'),
      fruitName: (id) => ctx.tr(fruitOf(id).nameKey),
      fruitArt: (id) => fruitOf(id).art,
      claim: (cl) => {
        const rule = rules[cl.seller].find((r) => r.id === cl.ruleId)!;
        const what = ctx.tr(cl.value === true ? 'ch2.say.apple' : 'ch2.say.notApple');
        return ctx.tr('ch2.conflict.claim', {
          seller: sellerName(cl.seller),
          when: conditionWords(ctx.tr, rule.when, feature),
          what,
        });
      },
    });
    ui.sync(
      'ch2-pick',
      view.sellers.map((s, i) => ({
        id: s.id,
        x: 1030,
        y: 80 + i * 100,
        w: 234,
        h: 84,
        label: ctx.tr('ch2.btn.pick', { seller: s.nameKey }),
        icon: artUrl(s.id === 'wang' ? 'seller-wang' : 'seller-li'),
        pressed: s.picked,
        variant: 'card',
        onPress: () => onPick(s.id, s.nameKey),
      })),
    );
  } else {
    ui.removeElement('ch2-conflict');
    ui.clearGroup('ch2-pick');
  }
  const side = view.sellers.find((s) => s.picked);
  const SIDE = { x: 720, y: EDITOR.toolsY + 2, w: 310, h: 48 };
  const BASKET = { x: 700, y: EDITOR.toolsY + 2, w: 330, h: 48 };
  if (
    side &&
    (view.step === 'conflict' || view.step === 'season') &&
    !ctx.conflictOpen &&
    ctx.toolsRight < SIDE.x - 6
  ) {
    renderNote(
      ui,
      'ch2-side',
      SIDE,
      ctx.tr('ch2.conflict.picked', { seller: side.nameKey }),
      artUrl(side.id === 'wang' ? 'seller-wang' : 'seller-li'),
    );
  } else ui.removeElement('ch2-side');
  if (view.ceiling) {
    renderCeiling(
      ui,
      { x: 630, y: STRIP.y, w: 634, h: STRIP.h },
      view.ceiling,
      {
        title: ctx.tr('ch2.ceiling.title'),
        expert: ctx.tr('ch2.ceiling.expert', {
          seller: sellerName(view.ceiling.side),
          n: view.ceiling.expertCorrect,
          total: view.ceiling.total,
        }),
        rulebook: ctx.tr('ch2.ceiling.rulebook', {
          seller: sellerName(view.ceiling.side),
          n: view.ceiling.rulebookCorrect,
          total: view.ceiling.total,
        }),
        note: ctx.tr('ch2.ceiling.note'),
      },
      view.ceiling.side,
    );
  } else ui.removeElement('ch2-ceiling');
  if (view.step === 'challenge' && ctx.toolsRight < BASKET.x - 6) {
    renderNote(ui, 'ch2-basket', BASKET, ctx.tr('ch2.basket.hidden', { n: ctx.data.level.challenge.basket.length }));
  } else ui.removeElement('ch2-basket');
  if (view.step === 'verdict' && view.challenge && ctx.revealed >= view.challenge.size) {
    const c = view.challenge;
    renderNote(
      ui,
      'ch2-score',
      { x: 330, y: 300, w: 620, h: 60 },
      `${ctx.tr('ch2.basket.title')}: ${ctx.tr('ch2.basket.score', { correct: c.correct, size: c.size, rules: c.rules })} · ${'★'.repeat(c.stars)}${'☆'.repeat(3 - c.stars)} ${ctx.tr('ch2.basket.stars', { n: c.stars })}`,
    );
  } else ui.removeElement('ch2-score');
}

/** A card in words for screen readers: name, prediction and mark. */
export function cardWords(tr: Tr, c: StripCard, say: (yes: boolean) => string): string {
  const mark = c.correct === null ? 'ch2.mark.disputed' : c.correct ? 'ch2.mark.right' : 'ch2.mark.wrong';
  return tr('ch2.aria.card', { name: c.labelKey, predicted: say(c.predicted), mark });
}
