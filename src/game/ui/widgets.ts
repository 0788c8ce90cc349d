// Composite HTML widgets drawn on a layer: the mentor's dialogue box, sound captions, the settings
// panel and the plain-words problem notice.
import { momentary, type Moment } from './moment';
import { artUrl } from '../keys';
import type { HtmlLayer } from './htmlLayer';

export interface DialogueSpec {
  name: string;
  text: string;
  /** News from the mentor is shown in a warmer colour and with a leading sign, not colour alone. */
  notice?: boolean;
  next?: { label: string; onPress: () => void };
  skip?: { label: string; onPress: () => void };
}

export function renderDialogue(layer: HtmlLayer, spec: DialogueSpec, box = { x: 24, y: 566, w: 1232, h: 140 }): void {
  const el = layer.element('dialogue', 'div', 'bbd-dialogue');
  Object.assign(el.style, { left: `${box.x}px`, top: `${box.y}px`, width: `${box.w}px`, height: `${box.h}px` });
  if (!el.dataset.ready) {
    el.innerHTML = `<img alt="" src="${artUrl('mentor')}"><div><div class="who"></div><div class="say" role="status"></div></div><div class="actions"></div>`;
    el.dataset.ready = '1';
  }
  const who = el.querySelector('.who') as HTMLElement;
  if (who.textContent !== spec.name) who.textContent = spec.name;
  const say = el.querySelector('.say') as HTMLElement;
  const text = spec.notice ? `★ ${spec.text}` : spec.text;
  if (say.textContent !== text) {
    say.textContent = text;
    fitSay(el, say);
  }
  say.classList.toggle('notice', !!spec.notice);
  const actions = el.querySelector('.actions') as HTMLElement;
  actions.style.display = spec.next || spec.skip ? '' : 'none';
  const buttons = [spec.next && { id: 'next', ...spec.next }, spec.skip && { id: 'skip', ...spec.skip }].filter(
    (b): b is { id: string; label: string; onPress: () => void } => !!b,
  );
  const existing = [...actions.querySelectorAll('button')];
  if (existing.map((b) => b.dataset.id).join() !== buttons.map((b) => b.id).join()) {
    actions.replaceChildren(
      ...buttons.map((b) => {
        const btn = document.createElement('button');
        btn.type = 'button';
        btn.className = `bbd-btn${b.id === 'next' ? ' primary' : ' quiet'}`;
        btn.dataset.id = b.id;
        btn.dataset.group = 'dialogue';
        return btn;
      }),
    );
  }
  for (const b of buttons) {
    const btn = actions.querySelector<HTMLButtonElement>(`button[data-id="${b.id}"]`)!;
    if (btn.textContent !== b.label) btn.textContent = b.label;
    btn.onclick = b.onPress;
  }
}

/** A line too long for the box at the usual size is set smaller, step by step, until it fits. */
function fitSay(box: HTMLElement, say: HTMLElement): void {
  say.style.fontSize = '';
  say.style.lineHeight = '';
  for (const [px, lh] of [
    [19, 1.3],
    [17, 1.25],
    [16, 1.2],
  ]) {
    if (box.scrollHeight <= box.clientHeight) return;
    say.style.fontSize = `${px}px`;
    say.style.lineHeight = String(lh);
  }
}

let caption: Moment | null = null;
/** How long a caption stays: long enough to read at a relaxed pace (about 3 s plus 60 ms a character). */
export function captionMs(text: string): number {
  return Math.min(6000, 3000 + 60 * [...text].length);
}
/**
 * A sound caption, drawn in the middle of the stage above the dialogue (near the action, not in a
 * corner), large and on a solid background.
 */
export function showCaption(layer: HtmlLayer, text: string): void {
  const el = layer.element('caption', 'div', 'bbd-caption');
  el.setAttribute('aria-hidden', 'true');
  // A sign of a moment, shown over the stage on purpose for a few seconds (the layout check lets
  // it cover what lies under it).
  el.dataset.over = 'caption';
  caption ??= momentary(
    (t) => {
      const now = layer.element('caption', 'div', 'bbd-caption');
      now.textContent = t;
      now.style.display = '';
    },
    () => {
      const now = layer.root.querySelector<HTMLElement>('[data-owned="caption"]');
      if (now) now.style.display = 'none';
    },
    captionMs,
  );
  caption.show(text);
}

/** The caption's moment passed (the step or the screen changed): it goes now. */
export function endCaption(): void {
  caption?.end();
}

export interface ConfirmView {
  title: string;
  text: string;
  stay: string;
  go: string;
  restart: string;
  onStay(): void;
  onGo(): void;
  onRestart(): void;
}

// The control that had focus when the question opened gets it back when the player stays.
let confirmOpener: HTMLElement | null = null;

/** "Leave this chapter?": a modal question; Escape means stay; focus starts on "Keep playing". */
export function renderConfirm(layer: HtmlLayer, view: ConfirmView | null): void {
  if (!view) {
    const wasOpen = layer.root.querySelector('[data-owned="confirm"]') !== null;
    layer.removeElement('confirm');
    layer.removeElement('confirm-scrim');
    if (wasOpen && confirmOpener?.isConnected) confirmOpener.focus();
    confirmOpener = null;
    return;
  }
  layer.element('confirm-scrim', 'div', 'bbd-scrim');
  const el = layer.element('confirm', 'div', 'bbd-panel bbd-confirm');
  const fresh = !el.dataset.ready;
  if (fresh) {
    confirmOpener =
      document.activeElement instanceof HTMLElement && document.activeElement !== document.body
        ? document.activeElement
        : null;
    el.setAttribute('role', 'alertdialog');
    el.setAttribute('aria-modal', 'true');
    el.setAttribute('aria-labelledby', 'confirm-title');
    el.setAttribute('aria-describedby', 'confirm-text');
    el.innerHTML = `<h2 id="confirm-title"></h2><p id="confirm-text"></p><div class="choices">
      <button type="button" class="bbd-btn primary" data-group="confirm" data-id="stay"></button>
      <button type="button" class="bbd-btn" data-group="confirm" data-id="go"></button>
      <button type="button" class="bbd-btn quiet" data-group="confirm" data-id="restart"></button></div>`;
    el.dataset.ready = '1';
  }
  el.onkeydown = (e) => {
    if (e.key === 'Escape') {
      e.preventDefault();
      view.onStay();
    }
  };
  (el.querySelector('h2') as HTMLElement).textContent = view.title;
  (el.querySelector('p') as HTMLElement).textContent = view.text;
  const b = (id: string) => el.querySelector(`button[data-id="${id}"]`) as HTMLButtonElement;
  b('stay').textContent = view.stay;
  b('stay').onclick = view.onStay;
  b('go').textContent = view.go;
  b('go').onclick = view.onGo;
  b('restart').textContent = view.restart;
  b('restart').onclick = view.onRestart;
  if (fresh) b('stay').focus();
}

export interface SettingsView {
  title: string;
  volumeLabel: string;
  volume: number;
  volumeText: string;
  soundLabel: string;
  muted: boolean;
  onOff: { on: string; off: string };
  languageLabel: string;
  languages: { id: string; label: string; selected: boolean }[];
  motionLabel: string;
  reducedMotion: boolean;
  closeLabel: string;
  onVolume(v: number): void;
  onMuted(m: boolean): void;
  onLanguage(id: string): void;
  onMotion(r: boolean): void;
  onClose(): void;
}

// The control that had focus when the settings opened gets it back when they close.
let settingsOpener: HTMLElement | null = null;

export function renderSettings(layer: HtmlLayer, view: SettingsView | null): void {
  if (!view) {
    const wasOpen = layer.root.querySelector('[data-owned="settings"]') !== null;
    layer.removeElement('settings');
    layer.removeElement('settings-scrim');
    if (wasOpen && settingsOpener?.isConnected) settingsOpener.focus();
    settingsOpener = null;
    return;
  }
  const scrim = layer.element('settings-scrim', 'div', 'bbd-scrim');
  scrim.onclick = view.onClose;
  const el = layer.element('settings', 'div', 'bbd-panel bbd-settings');
  const fresh = !el.dataset.ready;
  if (fresh) {
    settingsOpener =
      document.activeElement instanceof HTMLElement && document.activeElement !== document.body
        ? document.activeElement
        : null;
    el.setAttribute('role', 'dialog');
    el.setAttribute('aria-modal', 'true');
    el.innerHTML = `
      <h2 id="settings-title"></h2>
      <div class="row"><label for="settings-volume" class="volume-label"></label><input id="settings-volume" type="range" min="0" max="100" step="5"><span class="volume-text"></span></div>
      <div class="row"><span class="sound-label"></span><div class="choices sound"></div></div>
      <div class="row"><span class="language-label"></span><div class="choices language"></div></div>
      <div class="row"><span class="motion-label"></span><div class="choices motion"></div></div>
      <div class="row"><span></span><button type="button" class="bbd-btn primary close"></button></div>`;
    el.setAttribute('aria-labelledby', 'settings-title');
    el.dataset.ready = '1';
  }
  // Set on every render, so Escape calls this render's handler, not the first one's.
  el.onkeydown = (e) => {
    if (e.key === 'Escape') view.onClose();
  };
  const q = <T extends HTMLElement>(sel: string) => el.querySelector(sel) as T;
  q('h2').textContent = view.title;
  q('.volume-label').textContent = view.volumeLabel;
  q('.volume-text').textContent = view.volumeText;
  const range = q<HTMLInputElement>('#settings-volume');
  range.value = String(Math.round(view.volume * 100));
  range.setAttribute('aria-valuetext', view.volumeText);
  range.oninput = () => view.onVolume(Number(range.value) / 100);
  q('.sound-label').textContent = view.soundLabel;
  q('.language-label').textContent = view.languageLabel;
  q('.motion-label').textContent = view.motionLabel;
  const choices = (
    container: HTMLElement,
    items: { id: string; label: string; selected: boolean; press: () => void }[],
  ) => {
    if (container.children.length !== items.length) {
      container.replaceChildren(
        ...items.map(() => Object.assign(document.createElement('button'), { type: 'button', className: 'bbd-btn' })),
      );
    }
    items.forEach((item, i) => {
      const b = container.children[i] as HTMLButtonElement;
      b.textContent = item.label;
      b.setAttribute('aria-pressed', String(item.selected));
      b.onclick = item.press;
    });
  };
  choices(q('.sound'), [
    { id: 'on', label: view.onOff.on, selected: !view.muted, press: () => view.onMuted(false) },
    { id: 'off', label: view.onOff.off, selected: view.muted, press: () => view.onMuted(true) },
  ]);
  choices(
    q('.language'),
    view.languages.map((l) => ({ ...l, press: () => view.onLanguage(l.id) })),
  );
  choices(q('.motion'), [
    { id: 'on', label: view.onOff.on, selected: view.reducedMotion, press: () => view.onMotion(true) },
    { id: 'off', label: view.onOff.off, selected: !view.reducedMotion, press: () => view.onMotion(false) },
  ]);
  const close = q<HTMLButtonElement>('.close');
  close.textContent = view.closeLabel;
  close.onclick = view.onClose;
  if (fresh) range.focus();
}

export function renderProblem(
  layer: HtmlLayer,
  problem: { text: string; dismiss: string; onDismiss(): void } | null,
): void {
  if (!problem) {
    layer.removeElement('problem');
    return;
  }
  const el = layer.element('problem', 'div', 'bbd-panel bbd-problem');
  if (!el.dataset.ready) {
    el.setAttribute('role', 'alertdialog');
    el.innerHTML = '<p class="msg" style="margin:0"></p><button type="button" class="bbd-btn primary"></button>';
    el.dataset.ready = '1';
    queueMicrotask(() => el.querySelector('button')?.focus());
  }
  (el.querySelector('.msg') as HTMLElement).textContent = `⚠ ${problem.text}`;
  const b = el.querySelector('button') as HTMLButtonElement;
  b.textContent = problem.dismiss;
  b.onclick = problem.onDismiss;
}

/** A chapter's large download (chapter 6's digits): a labelled progress bar over the map. */
export function renderDownload(layer: HtmlLayer, spec: { text: string; percent: number | null } | null): void {
  if (!spec) {
    layer.removeElement('download');
    return;
  }
  const el = layer.element('download', 'div', 'bbd-panel bbd-download');
  if (!el.dataset.ready) {
    el.setAttribute('role', 'progressbar');
    el.innerHTML = '<p class="msg"></p><div class="track"><div class="fill"></div></div>';
    el.dataset.ready = '1';
  }
  (el.querySelector('.msg') as HTMLElement).textContent = spec.text;
  el.setAttribute('aria-valuetext', spec.text);
  if (spec.percent === null) el.removeAttribute('aria-valuenow');
  else el.setAttribute('aria-valuenow', String(spec.percent));
  // Without a known size the bar runs as a gentle sweep (a class), never as a false number.
  el.classList.toggle('unknown', spec.percent === null);
  (el.querySelector('.fill') as HTMLElement).style.width = `${spec.percent ?? 30}%`;
}
