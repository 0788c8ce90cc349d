// The title before the game engine: Phaser is most of the first download and takes the page a
// good tenth of a second to start, so the page draws the title's words and controls as HTML
// first, on a cream stage where the canvas will be, and the engine loads behind them. A player can
// read the title, pick a language, open the settings or press Play at once; whatever the app
// machine is then showing, the engine draws it once it is up, and the shell hands over at its
// first frame. No Phaser here: this runs before its chunk is evaluated.
import { translate, type MessageKey } from '../i18n/i18n';
import type { AppActor } from './services';
import type { HtmlLayer } from './ui/htmlLayer';
import { renderTitle } from './views/titleView';
import { renderMapControls } from './views/mapView';

export interface Shell {
  /** Whether the player pressed Play before the engine was up (the music then starts with it). */
  readonly pressedPlay: boolean;
  /** The engine is up and shows the app's screen from now on: the shell stops drawing. */
  handOver(): void;
  /** The engine has drawn its first frame: the cream stage under the shell goes. */
  reveal(): void;
}

export function startShell(app: AppActor, ui: HtmlLayer, parent: HTMLElement): Shell {
  let pressedPlay = false;
  const stage = ui.element('shell-stage', 'div', 'bbd-shell-stage');
  ui.root.prepend(stage);
  const heading = stage.appendChild(document.createElement('p'));
  heading.className = 'heading';
  const line = stage.appendChild(document.createElement('p'));
  // A screen reader hears "Starting the game…" too, when Play is pressed before the engine is up.
  line.setAttribute('role', 'status');
  const fit = () => ui.fitParent(parent);
  fit();
  addEventListener('resize', fit);

  const render = () => {
    const snap = app.getSnapshot();
    const { screen } = snap.value as { screen: unknown };
    const t = (key: MessageKey) => translate(snap.context.save.settings.locale, key);
    if (screen !== 'title') {
      ui.clearGroup('title');
      ui.removeElement('title-words');
    }
    if (screen !== 'map') ui.clearGroup('map');
    // The map before the engine: its controls (the same the map scene draws) on its backdrop, a
    // light picture (a few KB), so Play opens a map whose chapters answer at once.
    stage.classList.toggle('map', screen === 'map');
    heading.textContent = screen === 'map' ? t('map.title') : '';
    if (screen === 'title') renderTitle(ui, app, { play: () => (pressedPlay = true) });
    else if (screen === 'map') renderMapControls(ui, app, { press: () => {} });
    line.textContent = screen === 'title' || screen === 'map' ? '' : t('app.starting');
  };
  // A full address: a relative one in a custom property resolves against the stylesheet's folder.
  const backdrop = new URL(`${import.meta.env.BASE_URL}art/bg-map.svg`, document.baseURI).href;
  stage.style.setProperty('--map-backdrop', `url("${backdrop}")`);
  // The machine leaves its boot screen for the title now: the shell is the title until the
  // engine's title scene takes over the same words and controls.
  app.send({ type: 'boot.done' });
  const sub = app.subscribe(render);
  render();

  return {
    get pressedPlay() {
      return pressedPlay;
    },
    handOver() {
      sub.unsubscribe();
      removeEventListener('resize', fit);
    },
    reveal() {
      ui.removeElement('shell-stage');
    },
  };
}

/**
 * Resolves once the page has painted what is on it (a frame, then a task), or after 100 ms in a
 * tab the browser does not paint (hidden), so nothing waits forever.
 */
export function afterPaint(): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      clearTimeout(fallback);
      resolve();
    };
    const fallback = setTimeout(done, 100);
    requestAnimationFrame(() => setTimeout(done, 0));
  });
}
