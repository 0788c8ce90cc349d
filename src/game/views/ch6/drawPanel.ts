// Chapter 6's phase 2: the player draws a digit on the pad and attacks with it. The pad's strokes
// go to the machine, which preprocesses them into what the net sees and its probabilities; this
// painter shows both, the digit buttons and the level's sample drawings.
import type { DigitDemonView } from '../../../levels/ch6/digitDemonView';
import type { Stroke } from '../../../levels/ch6/digitDrawing';
import type { HtmlLayer } from '../../ui/htmlLayer';
import { DrawingPad, paintDigit } from '../drawingPad';
import { onward, PANEL, part, textPart, type PanelKit } from './kit';

const px = (v: number) => `${v}px`;
const EMPTY = new Array<number>(784).fill(0);

export class DrawPanel {
  private pad: DrawingPad | null = null;
  /** Strokes on the pad and the digit the player says it is (presentation, for the test API). */
  strokes: readonly Stroke[] = [];
  digit = -1;

  constructor(
    private readonly ui: HtmlLayer,
    private readonly refresh: () => void,
  ) {}

  /** Forgets the pad (a new step cleared the panel). */
  drop(): void {
    this.pad = null;
  }

  reset(): void {
    this.pad = null;
    this.strokes = [];
    this.digit = -1;
  }

  paint(kit: PanelKit, view: DigitDemonView): void {
    const { t, send, groups } = kit;
    const f = view.fight;
    if (!f.canDraw) {
      // The drawing parts go: only the results row stays.
      if (kit.root.querySelector('[data-part="count"]')) kit.root.replaceChildren();
      this.ui.removeElement('ch6-pad');
      this.pad = null;
      groups['ch6-d'] = [onward(() => send({ type: 'phase.next' }), t('ch6.fight.next'))];
      textPart(
        kit,
        'draws',
        'div',
        { x: 20, y: 20, w: 820 },
        f.drawings.map((d) => `${d.digit} → ${d.predicted} ${d.hit ? '✓' : '✗'}`).join('   '),
      );
      return;
    }
    if (!this.pad) {
      this.pad = new DrawingPad(224, t('ch6.draw.pad'), (strokes) => {
        this.strokes = strokes;
        send({ type: 'draw.preview', strokes });
      });
      const holder = this.ui.element('ch6-pad', 'div', 'ch6-pad-holder');
      holder.replaceChildren(this.pad.canvas);
      Object.assign(this.pad.canvas.style, {
        left: px(PANEL.x + 20),
        top: px(PANEL.y + 40),
        width: '224px',
        height: '224px',
      });
      this.strokes = [];
      this.digit = -1;
    }
    textPart(
      kit,
      'count',
      'div',
      { x: 20, y: 8, w: 300 },
      t('ch6.draw.count', { n: f.drawings.length + 1, count: f.drawingsTotal }),
    );
    textPart(kit, 'rules', 'div', { x: 20, y: 240, w: 230 }, t('ch6.draw.rules', { damage: f.drawDamage }), 'hint');
    textPart(kit, 'sees-t', 'div', { x: 256, y: 8, w: 170 }, t('ch6.draw.sees'), 'hint');
    const sees = part(kit, 'sees', 'canvas', { x: 270, y: 40 }, 'digit');
    sees.style.width = '112px';
    sees.style.height = '112px';
    paintDigit(sees, view.preview?.pixels ?? EMPTY);
    textPart(kit, 'bars-t', 'div', { x: 440, y: 8, w: 300 }, t('ch6.draw.bars'), 'hint');
    const probs = part(kit, 'probs', 'div', { x: 440, y: 34, w: 400 }, 'probs');
    probs.setAttribute('aria-hidden', 'true');
    const p = view.preview?.probabilities ?? new Array<number>(10).fill(0);
    const best = view.preview ? p.indexOf(Math.max(...p)) : -1;
    const html = p
      .map(
        (v, d) =>
          `<span>${d}</span><div><div class="p${d === best ? ' top' : ''}" style="width:${Math.round(v * 100)}%"></div></div><span>${Math.round(v * 100)}%${d === best ? ' ★' : ''}</span>`,
      )
      .join('');
    if (probs.dataset.html !== html) {
      probs.innerHTML = html;
      probs.dataset.html = html;
    }
    textPart(kit, 'which', 'div', { x: 20, y: 272, w: 400 }, t('ch6.draw.which'));
    groups['ch6-a'] = Array.from({ length: 10 }, (_, d) => ({
      id: `d${d}`,
      x: PANEL.x + 20 + d * 58,
      y: PANEL.y + 298,
      w: 52,
      h: 46,
      label: String(d),
      pressed: this.digit === d,
      onPress: () => {
        this.digit = d;
        this.refresh();
      },
    }));
    groups['ch6-b'] = [
      {
        id: 'undo',
        x: PANEL.x + 604,
        y: PANEL.y + 298,
        w: 124,
        h: 46,
        label: t('ch6.draw.undo'),
        onPress: () => this.pad?.undo(),
      },
      {
        id: 'clear',
        x: PANEL.x + 738,
        y: PANEL.y + 298,
        w: 124,
        h: 46,
        label: t('ch6.draw.clear'),
        onPress: () => this.pad?.clear(),
      },
    ];
    textPart(kit, 'samples-t', 'div', { x: 20, y: 352, w: 500 }, t('ch6.draw.samples'), 'hint');
    groups['ch6-c'] = view.drawSamples.map((s, k) => ({
      id: `s${s.digit}`,
      x: PANEL.x + 20 + k * 58,
      y: PANEL.y + 378,
      w: 52,
      h: 40,
      label: String(s.digit),
      ariaLabel: t('ch6.draw.sample', { digit: s.digit }),
      variant: 'quiet' as const,
      onPress: () => {
        this.digit = s.digit;
        this.pad?.setStrokes(s.strokes);
      },
    }));
    const ready = this.digit >= 0 && view.preview !== null;
    groups['ch6-d'] = [
      {
        id: 'attack',
        x: PANEL.x + 604,
        y: PANEL.y + 410,
        w: 258,
        h: 64,
        label: ready
          ? t('ch6.draw.attack', { digit: this.digit })
          : view.preview
            ? t('ch6.draw.which')
            : t('ch6.draw.empty'),
        variant: 'primary',
        disabled: !ready,
        onPress: () => {
          if (!ready || !view.preview) return;
          send({ type: 'draw.submit', digit: this.digit, pixels: view.preview.pixels });
          this.pad?.clear();
          this.digit = -1;
        },
      },
    ];
  }
}
