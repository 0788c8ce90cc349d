// The accessible control layer. Scenes describe their controls (buttons, panels, labels) in game
// coordinates (1280×720); this layer keeps real HTML elements for them over the canvas, so every
// control is reachable by Tab, works with Enter/Space (and arrow keys within a group), shows a
// focus ring, and is read by screen readers. Rendering is idempotent: `sync` creates, updates or
// removes elements by id, so calling it on every snapshot keeps focus where the player left it.
export const GAME_WIDTH = 1280;
export const GAME_HEIGHT = 720;

export interface ButtonSpec {
  id: string;
  x: number;
  y: number;
  w: number;
  h: number;
  label: string;
  onPress: () => void;
  variant?: 'primary' | 'good' | 'bad' | 'quiet' | 'big' | 'card' | 'card primary';
  icon?: string;
  /** Toggle buttons: announced as pressed / not pressed. */
  pressed?: boolean;
  disabled?: boolean;
  ariaLabel?: string;
  /** A small badge after the label, e.g. "learned". */
  tag?: string;
  /**
   * The badge's look besides its words: 'warn' (e.g. "shaky", "locked") is outlined and dashed,
   * 'soon' (not built yet) is a plain grey pill in italics; shape differs, not colour alone.
   */
  tagKind?: 'warn' | 'soon';
}

export class HtmlLayer {
  private readonly groups = new Map<string, Map<string, HTMLButtonElement>>();
  private readonly handlers = new WeakMap<HTMLButtonElement, () => void>();
  private readonly specs = new WeakMap<HTMLButtonElement, ButtonSpec>();
  /** The groups synced since the DOM order was last put right, in sync order. */
  private pass: string[] = [];
  private orderQueued = false;
  /** Whether the press being handled now came from a pointer (see focus). */
  private pointerPress = false;
  /**
   * The button under a pointer that is down now. The browser makes a click only of a press and
   * release on the same element left in place: moving the button, or rebuilding what is inside
   * it, between the two loses the click. So while a button is held, the layer neither moves it
   * nor rebuilds it; what it would have done waits for the release (`afterRelease`).
   */
  private held: HTMLButtonElement | null = null;
  private afterRelease: (() => void)[] = [];

  constructor(readonly root: HTMLElement) {
    root.addEventListener(
      'pointerdown',
      (e) => {
        const button = e.target instanceof Element ? e.target.closest('button') : null;
        if (button && root.contains(button)) this.held = button;
      },
      true,
    );
    // The click follows the release within the same task: the held button is let go just after.
    const release = () => {
      if (!this.held) return;
      setTimeout(() => {
        this.held = null;
        const waiting = this.afterRelease;
        this.afterRelease = [];
        for (const run of waiting) run();
      }, 0);
    };
    addEventListener('pointerup', release, true);
    addEventListener('pointercancel', release, true);
    addEventListener('blur', release);
  }

  /** Matches the layer to the canvas' on-screen rectangle. */
  fit(canvas: HTMLCanvasElement): void {
    this.fitRect(canvas.getBoundingClientRect());
  }

  /**
   * Matches the layer to where the game will be drawn in `parent` before there is a canvas: the
   * largest 16:9 rectangle that fits, centred (the game's FIT scaling).
   */
  fitParent(parent: HTMLElement): void {
    const box = parent.getBoundingClientRect();
    const scale = Math.min(box.width / GAME_WIDTH, box.height / GAME_HEIGHT);
    const width = GAME_WIDTH * scale;
    this.fitRect({
      left: box.left + (box.width - width) / 2,
      top: box.top + (box.height - GAME_HEIGHT * scale) / 2,
      width,
    });
  }

  private fitRect(rect: { left: number; top: number; width: number }): void {
    if (rect.width === 0) return;
    const scale = rect.width / GAME_WIDTH;
    const transform = `translate(${rect.left}px, ${rect.top}px) scale(${scale})`;
    if (this.root.style.transform !== transform) this.root.style.transform = transform;
    // The layer's scale, for sizes that must hold in CSS pixels (a phone's 44 px touch targets,
    // layout.css).
    const ui = String(Math.round(scale * 1000) / 1000);
    if (this.root.style.getPropertyValue('--ui-scale') !== ui) this.root.style.setProperty('--ui-scale', ui);
  }

  /** Makes the group's buttons exactly `specs` (in Tab order). */
  sync(group: string, specs: readonly ButtonSpec[]): void {
    let buttons = this.groups.get(group);
    if (!buttons) {
      buttons = new Map();
      this.groups.set(group, buttons);
    }
    const wanted = new Set(specs.map((s) => s.id));
    for (const [id, el] of buttons) {
      if (!wanted.has(id)) {
        el.remove();
        buttons.delete(id);
      }
    }
    const ordered = specs.map((spec) => {
      let el = buttons!.get(spec.id);
      if (!el) {
        el = this.createButton(group);
        buttons!.set(spec.id, el);
      }
      this.updateButton(el, spec);
      return el;
    });
    // The map's order is the arrow-key order: keep it the spec order, so a button added in the
    // middle of a group (a tile placed in a rule) is reached where it is shown, not last.
    buttons.clear();
    specs.forEach((spec, i) => buttons!.set(spec.id, ordered[i]));
    // A new button goes in at once (a test or a focus call may look for it right away).
    for (const el of ordered) if (!el.isConnected) this.root.appendChild(el);
    // DOM order is Tab order and stacking order: the groups synced in one go (one scene render)
    // end up last, in the order they were synced, above any panel drawn earlier. That order is
    // put right once the render is over, and only if it is not right already: moving a node
    // costs the page style and layout work and drops its keyboard focus.
    this.pass = [...this.pass.filter((g) => g !== group), group];
    if (!this.orderQueued) {
      this.orderQueued = true;
      queueMicrotask(() => this.putInOrder());
    }
  }

  private putInOrder(): void {
    if (this.held?.isConnected) {
      this.afterRelease.push(() => this.putInOrder());
      return;
    }
    const ordered = this.pass.flatMap((g) => [...(this.groups.get(g)?.values() ?? [])]);
    this.pass = [];
    this.orderQueued = false;
    const tail = [...this.root.children].slice(-ordered.length);
    if (ordered.length === 0 || (tail.length === ordered.length && tail.every((el, i) => el === ordered[i]))) return;
    const focused = document.activeElement;
    for (const el of ordered) this.root.appendChild(el);
    if (
      focused instanceof HTMLElement &&
      ordered.includes(focused as HTMLButtonElement) &&
      document.activeElement !== focused
    ) {
      focused.focus({ preventScroll: true });
    }
  }

  clearGroup(group: string): void {
    const buttons = this.groups.get(group);
    if (!buttons) return;
    for (const el of buttons.values()) el.remove();
    this.groups.delete(group);
  }

  /** Removes every control: called when a scene shuts down. */
  clearAll(): void {
    for (const group of [...this.groups.keys()]) this.clearGroup(group);
    for (const el of [...this.root.querySelectorAll('[data-owned]')]) el.remove();
  }

  /** A free element (panel, dialogue, label) owned by the layer, created once per id. */
  element<K extends keyof HTMLElementTagNameMap>(id: string, tag: K, className: string): HTMLElementTagNameMap[K] {
    const existing = this.root.querySelector<HTMLElement>(`[data-owned="${id}"]`);
    if (existing) return existing as HTMLElementTagNameMap[K];
    const el = document.createElement(tag);
    el.dataset.owned = id;
    el.className = className;
    this.root.appendChild(el);
    return el;
  }

  removeElement(id: string): void {
    this.root.querySelector(`[data-owned="${id}"]`)?.remove();
  }

  /**
   * Moves keyboard focus to a control, as a scene does after a press to lead on to the next step
   * (a command, then the feedback). Focus follows the keyboard: during a press made with a mouse,
   * pen or finger the pressed control keeps it (the browser gives it), since moving it helps no
   * one there and makes a slow machine restyle the page in the middle of the press.
   */
  focus(group: string, id: string): void {
    if (this.pointerPress) return;
    const button =
      this.groups.get(group)?.get(id) ??
      this.root.querySelector<HTMLButtonElement>(`button[data-group="${group}"][data-id="${id}"]`);
    button?.focus();
  }

  /** Focuses the first element matching `selector` inside an owned element (e.g. a panel's button). */
  focusElement(id: string, selector: string): void {
    this.root.querySelector<HTMLElement>(`[data-owned="${id}"] ${selector}`)?.focus();
  }

  private createButton(group: string): HTMLButtonElement {
    const el = document.createElement('button');
    el.type = 'button';
    el.dataset.group = group;
    el.addEventListener('click', (e) => {
      if (el.getAttribute('aria-disabled') === 'true') return;
      // A click from a mouse, pen or finger counts its clicks (detail ≥ 1); one from the keyboard
      // (Enter, Space) or a screen reader's activation does not (0).
      this.pointerPress = e.detail > 0;
      try {
        this.handlers.get(el)?.();
      } finally {
        this.pointerPress = false;
      }
    });
    el.addEventListener('keydown', (e) => this.arrowKeys(e, group, el));
    return el;
  }

  private updateButton(el: HTMLButtonElement, spec: ButtonSpec): void {
    // Scenes sync on every snapshot (several a second while a chapter trains): only what changed
    // is written, so an unchanged button costs the page no style, layout or mutation work.
    const set = (name: string, value: string | null) => {
      if (value === null) {
        if (el.hasAttribute(name)) el.removeAttribute(name);
      } else if (el.getAttribute(name) !== value) el.setAttribute(name, value);
    };
    set('data-id', spec.id);
    set('class', `bbd-btn${spec.variant ? ` ${spec.variant}` : ''}`);
    const style = el.style;
    const px = (n: number) => `${n}px`;
    if (style.left !== px(spec.x)) style.left = px(spec.x);
    if (style.top !== px(spec.y)) style.top = px(spec.y);
    if (style.width !== px(spec.w)) style.width = px(spec.w);
    if (style.height !== px(spec.h)) style.height = px(spec.h);
    set('aria-label', spec.ariaLabel || null);
    set('aria-pressed', spec.pressed === undefined ? null : String(spec.pressed));
    // aria-disabled (not `disabled`) keeps the button focusable, so keyboard focus is never lost.
    set('aria-disabled', String(!!spec.disabled));
    this.handlers.set(el, spec.onPress);
    this.specs.set(el, spec);
    const content = `${spec.icon ? `<img alt="" src="${spec.icon}">` : ''}<span class="label"></span>${spec.tag ? '<span class="tag"></span>' : ''}`;
    if (el.dataset.content !== content) {
      if (el === this.held) {
        // Rebuilt once the press is over, as the latest redraw asked (its words with it).
        this.afterRelease.push(() => {
          const latest = this.specs.get(el);
          if (latest && el.isConnected) this.updateButton(el, latest);
        });
        return;
      }
      el.innerHTML = content;
      el.dataset.content = content;
    }
    const label = el.querySelector('.label') as HTMLElement;
    if (label.textContent !== spec.label) label.textContent = spec.label;
    if (spec.tag) {
      const tag = el.querySelector('.tag') as HTMLElement;
      if (tag.textContent !== spec.tag) tag.textContent = spec.tag;
      tag.classList.toggle('warn', spec.tagKind === 'warn');
      tag.classList.toggle('soon', spec.tagKind === 'soon');
    }
  }

  private arrowKeys(e: KeyboardEvent, group: string, el: HTMLButtonElement): void {
    const step =
      e.key === 'ArrowRight' || e.key === 'ArrowDown' ? 1 : e.key === 'ArrowLeft' || e.key === 'ArrowUp' ? -1 : 0;
    if (!step) return;
    const buttons = [...(this.groups.get(group)?.values() ?? [])];
    const i = buttons.indexOf(el);
    if (i < 0 || buttons.length < 2) return;
    e.preventDefault();
    buttons[(i + step + buttons.length) % buttons.length].focus();
  }
}
