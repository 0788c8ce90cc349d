// The classroom controls over the game: a "Join a class" button on the map, the join dialog (code
// and nickname), the class panel (the server's verdicts, what waits to be sent, the live
// leaderboard) and a badge on each chapter of the competition. Every name from the server is set
// with textContent. Its text lives in locales/classroom.<locale>.json (same keys in both).
import type { ClassroomClient } from '../../app/classroomClient';
import type { ClassroomVerdict } from '../../app/saveSchema';
import { CHAPTERS } from '../../levels/chapters';
import { translate, type Locale, type MessageKey } from '../../i18n/i18n';
import en from '../../i18n/locales/classroom.en.json';
import zh from '../../i18n/locales/classroom.zh-CN.json';
import type { AppActor } from '../services';

const TEXT: Record<Locale, Record<string, string>> = { en, 'zh-CN': zh };

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className = '', text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

export function installClassroomPanel(app: AppActor, client: ClassroomClient, root: HTMLElement): void {
  const locale = () => app.getSnapshot().context.save.settings.locale;
  const t = (key: string, params: Record<string, string | number> = {}) =>
    (TEXT[locale()][key] ?? TEXT.en[key] ?? key).replace(/\{(\w+)\}/g, (w, n: string) =>
      n in params ? String(params[n]) : w,
    );
  const joinParam = new URLSearchParams(location.search).get('join');
  let open = joinParam !== null && !client.state;
  let error = '';
  let lastShownVerdict = client.state?.verdicts.at(-1)?.id ?? null;
  let toast: ClassroomVerdict | null = null;
  let toastTimer: ReturnType<typeof setTimeout> | null = null;

  const button = el('button', 'bbd-btn quiet bbd-class-open');
  button.type = 'button';
  button.dataset.id = 'classroom';
  button.addEventListener('click', () => {
    open = true;
    error = '';
    render(true);
  });
  const panel = el('div', 'bbd-panel bbd-class');
  panel.addEventListener('keydown', (e) => {
    if (e.key === 'Escape') close();
  });
  const toastEl = el('div', 'bbd-panel bbd-class-toast');
  toastEl.setAttribute('role', 'status');
  const badges = el('div', 'bbd-class-badges');
  root.append(badges, button, toastEl, panel);

  function close(): void {
    open = false;
    render();
    button.focus();
  }

  function reasonText(v: ClassroomVerdict): string {
    const key = `reason.${v.reasonCode}`;
    return key in TEXT.en ? t(key) : v.reason;
  }

  function verdictText(v: ClassroomVerdict): string {
    return v.status === 'verified'
      ? t('verified', { stars: v.stars, score: v.score })
      : t('refused', { reason: reasonText(v) });
  }

  function joinForm(): HTMLElement[] {
    const form = el('form', 'bbd-class-form');
    const code = el('input');
    code.name = 'code';
    code.id = 'class-code';
    code.autocomplete = 'off';
    code.maxLength = 16;
    code.value = joinParam ?? '';
    const nick = el('input');
    nick.name = 'nickname';
    nick.id = 'class-nickname';
    nick.maxLength = 24;
    nick.setAttribute('autocomplete', 'nickname');
    const codeLabel = el('label', '', t('code'));
    codeLabel.htmlFor = code.id;
    const nickLabel = el('label', '', t('nickname'));
    nickLabel.htmlFor = nick.id;
    const submit = el('button', 'bbd-btn primary', t('join'));
    submit.type = 'submit';
    submit.dataset.id = 'class-join';
    const err = el('p', 'bbd-class-error', error);
    err.setAttribute('role', 'alert');
    form.append(codeLabel, code, nickLabel, nick, submit, err);
    form.addEventListener('submit', async (e) => {
      e.preventDefault();
      submit.disabled = true;
      const result = await client.join(code.value, nick.value);
      submit.disabled = false;
      if (result.ok) {
        error = '';
        render(true);
        return;
      }
      const key = `error.${result.code}`;
      error = key in TEXT.en ? t(key) : t('error.other', { message: result.message });
      err.textContent = error;
    });
    return [form];
  }

  function classView(): HTMLElement[] {
    const c = client.state!;
    const live = client.live;
    const parts: HTMLElement[] = [el('p', 'bbd-class-who', t('joined', { title: c.title, nickname: c.nickname }))];
    const titles = c.chapters.map((n) => {
      const info = CHAPTERS.find((x) => x.number === n);
      return info ? `${n}. ${translate(locale(), info.titleKey as MessageKey)}` : String(n);
    });
    parts.push(el('p', '', t('challenges', { list: titles.join(' · ') })));
    if (c.ended) parts.push(el('p', 'bbd-class-error', t('ended')));
    const status = el(
      'p',
      'bbd-class-status',
      c.queue.length > 0
        ? `${t('pending', { n: c.queue.length })}${live.offline ? ` ${t('offline')}` : ''}`
        : t('allSent'),
    );
    status.dataset.pending = String(c.queue.length);
    parts.push(status);
    const verdicts = el('ul', 'bbd-class-verdicts');
    for (const v of c.verdicts.slice(-4).reverse()) {
      const li = el('li', v.status, `${v.chapter}: ${verdictText(v)}`);
      verdicts.append(li);
    }
    parts.push(verdicts);
    parts.push(el('h3', '', t('leaderboard')));
    if (!c.leaderboardVisible) parts.push(el('p', '', t('hidden')));
    else {
      const list = el('ol', 'bbd-class-board');
      for (const s of live.standings.slice(0, 10)) {
        const li = el('li', s.playerId === c.playerId ? 'me' : '');
        li.append(el('span', 'name', s.nickname), el('span', 'score', ` ${s.total}`));
        list.append(li);
      }
      parts.push(list);
    }
    const leave = el('button', 'bbd-btn quiet', t('leave'));
    leave.type = 'button';
    leave.dataset.id = 'class-leave';
    leave.addEventListener('click', () => client.leave());
    parts.push(leave);
    return parts;
  }

  /** Badges on the chapters of the competition, placed by the map's own buttons. */
  function drawBadges(): void {
    const screen = (app.getSnapshot().value as { screen: unknown }).screen;
    const c = client.state;
    if (!(screen === 'map' && c)) {
      if (badges.childElementCount) badges.replaceChildren();
      return;
    }
    badges.replaceChildren();
    for (const n of c.chapters) {
      const target = document.querySelector<HTMLElement>(`button[data-group="map"][data-id="chapter-${n}"]`);
      if (!target) continue;
      const badge = el('span', 'bbd-class-badge', `🏫 ${t('badge')}`);
      badge.dataset.chapter = String(n);
      badge.style.left = target.style.left;
      badge.style.top = `${Number.parseFloat(target.style.top) - 30}px`;
      badges.append(badge);
    }
  }

  function render(focus = false): void {
    const snap = app.getSnapshot();
    const screen = (snap.value as { screen: unknown }).screen;
    const onMap = screen === 'map';
    const c = client.state;
    // The panel renders on every app snapshot (several a second while a chapter trains): only
    // what changed is written, so a closed panel costs the page no style or layout work.
    setHidden(button, !onMap);
    setText(button, c ? t('openJoined', { code: c.code }) : t('open'));
    drawBadges();
    // A new verdict is shown for a few seconds wherever the player is.
    const latest = c?.verdicts.at(-1) ?? null;
    if (latest && latest.id !== lastShownVerdict) {
      lastShownVerdict = latest.id;
      toast = latest;
      if (toastTimer) clearTimeout(toastTimer);
      toastTimer = setTimeout(() => {
        toast = null;
        render();
      }, 8000);
    }
    setHidden(toastEl, !toast);
    setText(toastEl, toast ? `${t('openJoined', { code: c?.code ?? '' })} · ${verdictText(toast)}` : '');
    const toastClass = `bbd-panel bbd-class-toast ${toast?.status ?? ''}`;
    if (toastEl.className !== toastClass) toastEl.className = toastClass;

    setHidden(panel, !open);
    // A dialog only while open: the game's focus keeper moves focus into any open dialog.
    if (!open) {
      panel.removeAttribute('role');
      panel.removeAttribute('aria-modal');
      return;
    }
    panel.setAttribute('role', 'dialog');
    panel.setAttribute('aria-modal', 'true');
    const heading = el('h2', '', c ? t('openJoined', { code: c.code }) : t('title'));
    heading.id = 'class-title';
    panel.setAttribute('aria-labelledby', heading.id);
    const closeButton = el('button', 'bbd-btn quiet bbd-class-close', t('close'));
    closeButton.type = 'button';
    closeButton.dataset.id = 'class-close';
    closeButton.addEventListener('click', close);
    const had = document.activeElement instanceof HTMLElement && panel.contains(document.activeElement);
    const focusedId = had ? (document.activeElement as HTMLElement).id : '';
    const values = [...panel.querySelectorAll('input')].map((i) => [i.id, i.value] as const);
    panel.replaceChildren(heading, ...(c ? classView() : joinForm()), closeButton);
    for (const [id, value] of values) {
      const input = panel.querySelector<HTMLInputElement>(`#${id}`);
      if (input && value) input.value = value;
    }
    if (focusedId) panel.querySelector<HTMLElement>(`#${focusedId}`)?.focus();
    else if (focus || !had) (panel.querySelector<HTMLElement>('input') ?? closeButton).focus();
  }

  app.subscribe(() => render());
  // The map draws its buttons a moment after the app says the map is shown (its pictures may
  // still be loading): badges follow the buttons as they come and go.
  const uiLayer = document.getElementById('ui');
  if (uiLayer) new MutationObserver(drawBadges).observe(uiLayer, { childList: true });
  client.onChange(() => render());
  window.addEventListener('online', () => client.retryNow());
  render(open);
}

function setHidden(el: HTMLElement, hidden: boolean): void {
  if (el.hidden !== hidden) el.hidden = hidden;
}

/** Sets an element's text if it differs (setting textContent always replaces the text node). */
function setText(el: HTMLElement, text: string): void {
  if (el.textContent !== text) el.textContent = text;
}
