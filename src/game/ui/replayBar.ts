// Over a chapter being watched: the replay bar (back, step back, play/pause, step forward, a
// scrubber, speed, and a class link from the current step). The chapter's own controls are inert
// while it plays back; the bar drives the app's replay player, which moves by game time (Phaser's
// step), so a slow machine slows a replay down but never skips a step. Also the one-line notices
// (attempts removed to make room, a deleted attempt, a refused class link).
import type Phaser from 'phaser';
import type { AnyActorRef } from 'xstate';
import { REPLAY_SPEEDS, type ReplayContext } from '../../app/replayPlayer';
import { linkFor, presetLinkHash } from '../../app/share';
import { button, h } from '../views/dom';
import type { AppActor } from '../services';
import type { HtmlLayer } from './htmlLayer';
import './replays.css';
import { presetLine, replaysText, type ReplaysText } from './replaysText';

interface PlayerSnap {
  value: string;
  context: ReplayContext;
}

function noticeText(
  t: ReplaysText,
  notice: NonNullable<ReturnType<AppActor['getSnapshot']>['context']['notice']>,
): string {
  switch (notice.kind) {
    case 'pruned':
      return t('notice.pruned', { n: notice.count });
    case 'deleted':
      return t('notice.deleted');
    case 'preset':
      return t('notice.preset', { reason: t(`share.error.${notice.error.code}` as Parameters<ReplaysText>[0]) });
    case 'replays':
      return notice.error === 'otherLevel' ? t('notice.otherLevel') : t('notice.failed');
  }
}

export function installReplayOverlay(app: AppActor, overlay: HtmlLayer, game: Phaser.Game): void {
  let player: AnyActorRef | null = null;
  let playerSub: { unsubscribe(): void } | null = null;
  let presetLink: string | null = null;
  const bar = h('div', { class: 'bbd-panel bbd-replay-bar', role: 'group' });
  bar.dataset.owned = 'replay-bar';
  // The bar takes the place of the chapter's own top bar while a replay plays: it is drawn over it
  // on purpose (the layout check lets it cover what lies under it).
  bar.dataset.over = 'replay';
  const notice = h('div', { class: 'bbd-panel bbd-notice', role: 'status' });
  notice.dataset.owned = 'notice';

  // Game time: each Phaser step moves a playing replay on by the frame's duration.
  game.events.on('step', (_time: number, delta: number) => {
    if (player && (player.getSnapshot() as PlayerSnap).value === 'playing')
      player.send({ type: 'replay.tick', ms: delta });
  });

  const renderBar = () => {
    const snap = app.getSnapshot();
    const watching = snap.matches({ screen: { watch: 'showing' } });
    const nextPlayer = watching ? snap.context.replayPlayer : null;
    if (nextPlayer !== player) {
      playerSub?.unsubscribe();
      player = nextPlayer;
      presetLink = null;
      playerSub = player?.subscribe(() => renderBar()) ?? null;
    }
    if (!watching || !player) {
      bar.remove();
      return;
    }
    const t = replaysText(snap.context.save.settings.locale);
    const p = player.getSnapshot() as PlayerSnap;
    const { position, length, speedIndex } = p.context;
    const attempt = snap.context.watch?.attempt;
    const playing = p.value === 'playing';
    const send = (e: { type: string; [k: string]: unknown }) => player?.send(e);
    let scrub = bar.querySelector<HTMLInputElement>('input[data-id="watch-scrubber"]');
    if (!bar.isConnected || !scrub) {
      scrub = h('input', { dataId: 'watch-scrubber', class: 'scrub' }) as HTMLInputElement;
      scrub.type = 'range';
      scrub.min = '0';
      scrub.step = '1';
      scrub.addEventListener('input', () => send({ type: 'replay.seek', to: Number(scrub?.value) }));
      bar.replaceChildren(
        h('div', { class: 'controls' }),
        scrub,
        h('div', { class: 'where', 'aria-live': 'off' }, h('span', { class: 'title' }), h('span', { class: 'at' })),
        h('div', { class: 'preset' }),
      );
      overlay.root.append(bar);
    }
    bar.setAttribute('aria-label', t('watch.title', { n: attempt?.chapter ?? 0, date: t.date(attempt?.time ?? '') }));
    (bar.querySelector('.title') as HTMLElement).textContent = t('replays.chapterTab', { n: attempt?.chapter ?? 0 });
    scrub.max = String(length);
    scrub.value = String(position);
    scrub.setAttribute('aria-label', t('watch.scrubber'));
    scrub.setAttribute('aria-valuetext', t('watch.position', { k: position, n: length }));
    const controls = bar.querySelector('.controls') as HTMLElement;
    // The buttons are made once and then only relabelled: a button replaced between a press and
    // its release would lose the click. Their handlers read the player's state when pressed.
    if (!controls.childElementCount) {
      const now = () => (player?.getSnapshot() as PlayerSnap | undefined)?.context;
      controls.append(
        button('watch-close', '', () => app.send({ type: 'watch.close' }), 'quiet'),
        button('watch-back', '', () => send({ type: 'replay.step', by: -1 }), ''),
        button('watch-play', '', () => send({ type: 'replay.toggle' }), 'primary'),
        button('watch-forward', '', () => send({ type: 'replay.step', by: 1 }), ''),
        button(
          'watch-speed',
          '',
          () => send({ type: 'replay.speed', index: ((now()?.speedIndex ?? 0) + 1) % REPLAY_SPEEDS.length }),
          'quiet',
        ),
        button(
          'watch-preset',
          '',
          () => {
            const watched = app.getSnapshot().context.watch?.attempt;
            if (!watched) return;
            presetLink = linkFor(
              window.location.href,
              presetLinkHash({
                chapter: watched.chapter,
                levelVersion: watched.levelVersion,
                seed: watched.seed,
                events: watched.events.slice(0, now()?.position ?? 0),
              }),
            );
            renderBar();
          },
          'quiet',
        ),
      );
    }
    const label = (id: string, text: string, attrs: { pressed?: boolean; disabled?: boolean; name?: string } = {}) => {
      const b = controls.querySelector<HTMLButtonElement>(`[data-id="${id}"]`);
      if (!b) return;
      if (b.textContent !== text) b.textContent = text;
      // A short sign on screen, its name in words for screen readers and as a tooltip.
      if (attrs.name) {
        b.setAttribute('aria-label', attrs.name);
        b.title = attrs.name;
      }
      if (attrs.pressed !== undefined) b.setAttribute('aria-pressed', String(attrs.pressed));
      b.setAttribute('aria-disabled', String(!!attrs.disabled));
    };
    label('watch-close', `← ${t('watch.close')}`);
    label('watch-back', '‹', { disabled: position <= 0, name: t('watch.stepBack') });
    label('watch-play', playing ? t('watch.pause') : t('watch.play'), { pressed: playing });
    label('watch-forward', '›', { disabled: position >= length, name: t('watch.stepForward') });
    label('watch-speed', `×${REPLAY_SPEEDS[speedIndex]}`, {
      name: t('watch.speed', { n: REPLAY_SPEEDS[speedIndex] }),
    });
    label('watch-preset', t('watch.preset'));
    // A step still being computed shows the one before it: the bar says it is busy meanwhile.
    const busy = p.context.ready < position;
    bar.setAttribute('aria-busy', String(busy));
    const at = bar.querySelector('.where .at') as HTMLElement;
    at.textContent = `${position} / ${length}${busy ? ' …' : position >= length ? ' ✓' : ''}`;
    at.title = `${t('watch.position', { k: position, n: length })}${position >= length ? ` ${t('watch.ended')}` : ''}`;
    const preset = bar.querySelector('.preset') as HTMLElement;
    if (presetLink && preset.dataset.link !== presetLink) {
      preset.dataset.link = presetLink;
      const field = h('textarea', { class: 'bbd-link', dataId: 'preset-link', label: t('watch.presetTitle') });
      field.readOnly = true;
      field.rows = 2;
      field.value = presetLink;
      const [lead, text] = presetLine(t, attempt?.chapter ?? 0, position);
      preset.replaceChildren(h('strong', {}, lead), h('span', {}, ` ${text}`), field);
    } else if (!presetLink) {
      preset.replaceChildren();
      delete preset.dataset.link;
    }
  };

  const renderNotice = () => {
    const snap = app.getSnapshot();
    const n = snap.context.notice;
    if (!n) {
      notice.remove();
      return;
    }
    const t = replaysText(snap.context.save.settings.locale);
    const text = noticeText(t, n);
    if (!notice.isConnected) overlay.root.append(notice);
    if (notice.dataset.text !== text) {
      notice.dataset.text = text;
      notice.replaceChildren(
        h('span', {}, `ⓘ ${text}`),
        button('notice-ok', t('notice.ok'), () => app.send({ type: 'notice.dismiss' }), 'quiet'),
      );
    }
  };

  app.subscribe(() => {
    renderBar();
    renderNotice();
  });
  // Keys while watching: Space plays or pauses, arrows step, Home/End jump (unless typing).
  window.addEventListener('keydown', (e) => {
    if (!player || !bar.isConnected) return;
    const target = e.target as HTMLElement | null;
    if (target?.tagName === 'TEXTAREA' || (target?.tagName === 'INPUT' && target !== bar.querySelector('.scrub')))
      return;
    if (target?.tagName === 'BUTTON' && (e.key === ' ' || e.key === 'Enter')) return;
    const ctx = (player.getSnapshot() as PlayerSnap).context;
    const map: Record<string, { type: string; [k: string]: unknown }> = {
      ' ': { type: 'replay.toggle' },
      Home: { type: 'replay.seek', to: 0 },
      End: { type: 'replay.seek', to: ctx.length },
    };
    if (target !== bar.querySelector('.scrub')) {
      map.ArrowLeft = { type: 'replay.step', by: -1 };
      map.ArrowRight = { type: 'replay.step', by: 1 };
    }
    const ev = map[e.key];
    if (!ev) return;
    e.preventDefault();
    player.send(ev);
  });
}
