// A shared attempt (a link opened, a file picked or dropped): first "replaying it to check…",
// then verified or not with the reason in the player's words, and Add / Watch / Close. A refused
// file or link says why and offers only Close: nothing reaches the save.
import type { SharedReport, ShareError } from '../../app/share';
import { button, h, replaceKeepingFocus } from './dom';
import { asSentence, starLine, type ReplaysText } from '../ui/replaysText';

export interface SharedSpec {
  t: ReplaysText;
  reading: boolean;
  report: SharedReport | null;
  error: ShareError | null;
  added: boolean;
  statsText: string;
  onAdd(): void;
  onWatch(): void;
  onClose(): void;
}

export function renderShared(root: HTMLElement, spec: SharedSpec): void {
  const { t, report } = spec;
  const reason = (e: ShareError) => t(`share.error.${e.code}` as Parameters<ReplaysText>[0]);
  let body: HTMLElement;
  if (spec.reading) {
    body = h(
      'div',
      { class: 'bbd-replays-body bbd-shared' },
      h('h2', {}, t('replays.title')),
      h('p', { role: 'status' }, t('shared.reading')),
    );
  } else if (!report) {
    body = h(
      'div',
      {
        class: 'bbd-replays-body bbd-shared',
        role: 'alertdialog',
        'aria-labelledby': 'shared-title',
        'aria-describedby': 'shared-why',
      },
      h('h2', { id: 'shared-title' }, `✗ ${t('shared.refused')}`),
      h('p', { id: 'shared-why', role: 'status' }, spec.error ? asSentence(reason(spec.error)) : ''),
      h('div', { class: 'choices' }, button('shared-close', t('shared.close'), spec.onClose, 'primary')),
    );
  } else {
    const a = report.attempt;
    body = h(
      'div',
      {
        class: 'bbd-replays-body bbd-shared',
        role: 'dialog',
        'aria-labelledby': 'shared-title',
        'aria-describedby': 'shared-verdict',
      },
      h('h2', { id: 'shared-title' }, t('shared.title', { n: a.chapter })),
      h('p', { class: 'date' }, `${t.date(a.time)} · ${starLine(t, a.result.stars)}`),
      spec.statsText ? h('p', {}, spec.statsText) : null,
      h(
        'p',
        { id: 'shared-verdict', class: report.verified ? 'ok' : 'bad', role: 'status' },
        report.verified
          ? t('shared.verified')
          : t('shared.notVerified', { reason: report.error ? reason(report.error) : '' }),
      ),
      spec.added ? h('p', { class: 'ok' }, t('shared.added')) : null,
      h(
        'div',
        { class: 'choices' },
        report.verified && !spec.added ? button('shared-add', t('shared.add'), spec.onAdd, 'primary') : null,
        report.error?.code === 'otherLevel' || report.error?.code === 'unknownChapter'
          ? null
          : button('shared-watch', t('shared.watch'), spec.onWatch, report.verified && !spec.added ? '' : 'primary'),
        button('shared-close', t('shared.close'), spec.onClose, 'quiet'),
      ),
    );
  }
  const key = `${spec.reading}|${!!report}|${spec.added}|${spec.error?.code}|${t.locale}|${spec.statsText}`;
  if (root.dataset.shown === key) return;
  root.dataset.shown = key;
  replaceKeepingFocus(root, body);
  if (!root.contains(document.activeElement)) root.querySelector<HTMLElement>('button')?.focus({ preventScroll: true });
}
