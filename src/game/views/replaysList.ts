// The replays screen: a chapter's attempts, newest first (date, stars, numbers, best), with
// Watch / Choose / Link / File / Delete on each; compare two chosen (or one with Bit's own run);
// open a replay file. Deleting asks first. The screen keeps only what is on it (which rows are
// chosen, an open question or link); everything else comes from the app's snapshot.
import type { ReplayRow } from '../../app/replaysList';
import { button, h, replaceKeepingFocus } from './dom';
import { starLine, type ReplaysText } from '../ui/replaysText';

export interface ReplaysListSpec {
  t: ReplaysText;
  chapter: number;
  chapters: { number: number; playable: boolean }[];
  rows: ReplayRow[];
  /** Text of an attempt's numbers (the results card's line), or '' while the chapter loads. */
  statsText(row: ReplayRow): string;
  hasReference: boolean;
  maxAttempts: number;
  /** The link of an attempt, for the share dialog. */
  linkOf(row: ReplayRow): string;
  onChapter(n: number): void;
  onWatch(index: number): void;
  onDelete(index: number): void;
  onCompare(a: number, b: number | 'reference'): void;
  onFile(row: ReplayRow): void;
  onImport(file: File): void;
  onBack(): void;
}

export class ReplaysList {
  private chosen: number[] = [];
  private asking: ReplayRow | null = null;
  private sharing: ReplayRow | null = null;
  private copied = false;
  private spec: ReplaysListSpec | null = null;

  constructor(private readonly root: HTMLElement) {
    root.addEventListener('keydown', (e) => {
      if (e.key !== 'Escape' || (!this.asking && !this.sharing)) return;
      e.preventDefault();
      this.closeDialogs();
    });
  }

  /** What the test API reports about the screen. */
  get state(): { chosen: number[]; asking: number | null; sharing: string | null } {
    return {
      chosen: [...this.chosen],
      asking: this.asking?.index ?? null,
      sharing: this.sharing && this.spec ? this.spec.linkOf(this.sharing) : null,
    };
  }

  render(spec: ReplaysListSpec): void {
    if (this.spec && this.spec.chapter !== spec.chapter) this.chosen = [];
    this.spec = spec;
    const present = new Set(spec.rows.map((r) => r.index));
    this.chosen = this.chosen.filter((i) => present.has(i));
    if (this.asking && !present.has(this.asking.index)) this.asking = null;
    const { t } = spec;
    const tabs = h(
      'div',
      { class: 'bbd-replays-tabs', role: 'group', 'aria-label': t('replays.title') },
      ...spec.chapters.map((c) =>
        button(`tab-${c.number}`, t('replays.chapterTab', { n: c.number }), () => spec.onChapter(c.number), 'quiet', {
          pressed: c.number === spec.chapter,
        }),
      ),
    );
    const list = spec.rows.length
      ? h('ul', { class: 'bbd-replays-list', 'aria-label': t('replays.title') }, ...spec.rows.map((r) => this.row(r)))
      : h('p', { class: 'bbd-replays-empty' }, t('replays.empty'));
    const pick = this.chosen;
    const file = h('input', {
      class: 'sr-only',
      dataId: 'import-input',
      label: t('replays.import'),
    }) as HTMLInputElement;
    file.type = 'file';
    file.accept = '.json,application/json';
    file.tabIndex = -1;
    file.addEventListener('change', () => {
      const f = file.files?.[0];
      if (f) spec.onImport(f);
      file.value = '';
    });
    const footer = h(
      'div',
      { class: 'bbd-replays-actions' },
      button('compare', t('replays.compare'), () => spec.onCompare(pick[0], pick[1]), 'primary', {
        disabled: pick.length !== 2,
      }),
      spec.hasReference
        ? button('compare-reference', t('replays.compareReference'), () => spec.onCompare(pick[0], 'reference'), '', {
            disabled: pick.length !== 1,
          })
        : null,
      button('import', t('replays.import'), () => file.click(), 'quiet'),
      file,
    );
    const panel = h(
      'div',
      { class: 'bbd-replays-body' },
      h('h2', { id: 'replays-title' }, t('replays.title')),
      tabs,
      h('p', { class: 'bbd-replays-hint' }, t('replays.compareHint')),
      list,
      footer,
      h('p', { class: 'bbd-replays-note' }, `${t('replays.limit', { max: spec.maxAttempts })} ${t('replays.drop')}`),
      button('back', t('replays.back'), spec.onBack, 'quiet bbd-replays-back'),
      this.asking ? this.deleteDialog(this.asking) : null,
      this.sharing ? this.linkDialog(this.sharing) : null,
    );
    replaceKeepingFocus(this.root, panel);
    if (this.asking || this.sharing) {
      const first = this.root.querySelector<HTMLElement>('[role="dialog"] button, [role="alertdialog"] button');
      if (!this.root.querySelector('[role="dialog"], [role="alertdialog"]')?.contains(document.activeElement))
        first?.focus({ preventScroll: true });
    }
  }

  private rerender(): void {
    if (this.spec) this.render(this.spec);
  }

  private closeDialogs(): void {
    const back = this.asking ?? this.sharing;
    this.asking = null;
    this.sharing = null;
    this.copied = false;
    this.rerender();
    if (back) this.root.querySelector<HTMLElement>(`[data-id="watch-${back.index}"]`)?.focus();
  }

  private row(r: ReplayRow): HTMLElement {
    const spec = this.spec as ReplaysListSpec;
    const { t } = spec;
    const date = t.date(r.attempt.time);
    const chosen = this.chosen.includes(r.index);
    const toggle = () => {
      this.chosen = chosen ? this.chosen.filter((i) => i !== r.index) : [...this.chosen, r.index].slice(-2);
      this.rerender();
    };
    return h(
      'li',
      { class: `bbd-replays-row${chosen ? ' chosen' : ''}`, dataId: `row-${r.index}` },
      h(
        'div',
        { class: 'what' },
        h('span', { class: 'date' }, date),
        h('span', { class: 'stars' }, starLine(t, r.attempt.result.stars)),
        r.best ? h('span', { class: 'tag' }, t('replays.best')) : null,
        h('span', { class: 'stats' }, spec.statsText(r)),
      ),
      h(
        'div',
        { class: 'do' },
        button(`choose-${r.index}`, `${chosen ? '☑' : '☐'} ${t('replays.choose')}`, toggle, 'quiet', {
          pressed: chosen,
          label: t('replays.chooseLabel', { date }),
        }),
        button(`watch-${r.index}`, t('replays.watch'), () => spec.onWatch(r.index), 'primary'),
        button(`link-${r.index}`, t('replays.link'), () => {
          this.sharing = r;
          this.copied = false;
          this.rerender();
        }),
        button(`file-${r.index}`, t('replays.file'), () => spec.onFile(r)),
        button(
          `delete-${r.index}`,
          t('replays.delete'),
          () => {
            this.asking = r;
            this.rerender();
          },
          'bad',
        ),
      ),
    );
  }

  private deleteDialog(r: ReplayRow): HTMLElement {
    const spec = this.spec as ReplaysListSpec;
    const { t } = spec;
    return h(
      'div',
      { class: 'bbd-panel bbd-replays-dialog', role: 'alertdialog', 'aria-modal': 'true', 'aria-labelledby': 'del-q' },
      h('h3', { id: 'del-q' }, t('replays.deleteAsk', { date: t.date(r.attempt.time) })),
      h('p', {}, t('replays.deleteText')),
      h(
        'div',
        { class: 'choices' },
        button('delete-no', t('replays.deleteNo'), () => this.closeDialogs(), 'primary'),
        button(
          'delete-yes',
          t('replays.deleteYes'),
          () => {
            this.asking = null;
            spec.onDelete(r.index);
          },
          'bad',
        ),
      ),
    );
  }

  private linkDialog(r: ReplayRow): HTMLElement {
    const spec = this.spec as ReplaysListSpec;
    const { t } = spec;
    const link = spec.linkOf(r);
    const field = h('textarea', { class: 'bbd-link', dataId: 'link-text', label: t('replays.linkTitle') });
    field.readOnly = true;
    field.value = link;
    field.rows = 3;
    field.addEventListener('focus', () => field.select());
    return h(
      'div',
      { class: 'bbd-panel bbd-replays-dialog', role: 'dialog', 'aria-modal': 'true', 'aria-labelledby': 'link-q' },
      h('h3', { id: 'link-q' }, t('replays.linkTitle')),
      h('p', {}, t('replays.linkText')),
      field,
      h('p', { class: 'small' }, t('replays.linkLength', { n: link.length })),
      h(
        'div',
        { class: 'choices' },
        button(
          'copy',
          this.copied ? `✓ ${t('replays.copied')}` : t('replays.copy'),
          () => {
            field.select();
            const done = () => {
              this.copied = true;
              this.rerender();
            };
            navigator.clipboard?.writeText(link).then(done, () => document.execCommand?.('copy') && done());
          },
          'primary',
        ),
        button('link-close', t('replays.close'), () => this.closeDialogs(), 'quiet'),
      ),
    );
  }
}
