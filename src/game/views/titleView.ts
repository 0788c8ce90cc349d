// The title's words and controls: the game's name, Play / Continue, the languages, sound and
// settings. Plain HTML in the control layer, no Phaser: the page draws them before the game
// engine has loaded (src/game/shell.ts), and the title scene keeps drawing the same ones over
// its pictures once it is up, so nothing moves or loses focus when the engine takes over.
import { LOCALES, translate, type MessageKey } from '../../i18n/i18n';
import type { AppActor } from '../services';
import { artUrl } from '../keys';
import { GAME_WIDTH as W, type HtmlLayer } from '../ui/htmlLayer';
import { isPhone, redrawOnPhoneChange } from '../ui/phoneLayout';

export interface TitleActions {
  /** Play or Continue; the page's shell has no sound yet, the scene clicks and starts the music. */
  play(): void;
}

export function renderTitle(ui: HtmlLayer, app: AppActor, actions: TitleActions): void {
  const { settings, progress } = app.getSnapshot().context.save;
  const t = (key: MessageKey) => translate(settings.locale, key);
  const words = ui.element('title-words', 'div', 'bbd-title-words');
  if (!words.firstChild) words.innerHTML = '<h1></h1><p class="subtitle"></p><p class="credit"></p>';
  const put = (selector: string, text: string) => {
    const el = words.querySelector(selector) as HTMLElement;
    if (el.textContent !== text) el.textContent = text;
  };
  put('h1', t('app.title'));
  put('.subtitle', t('app.subtitle'));
  put('.credit', t('app.credit'));

  const hasProgress = Object.values(progress.stars).some((s) => s > 0);
  // On a phone the buttons under Play are 82 px tall (44 CSS px): each row moves down to fit.
  const phone = isPhone();
  const rowY = phone ? [404, 498, 592] : [412, 484, 556];
  redrawOnPhoneChange('title', () => {
    if (words.isConnected) renderTitle(ui, app, actions);
  });
  ui.sync('title', [
    {
      id: 'play',
      x: W / 2 - 150,
      y: 300,
      w: 300,
      h: 88,
      label: t(hasProgress ? 'title.continue' : 'title.play'),
      variant: 'big',
      onPress: () => {
        actions.play();
        app.send({ type: 'title.play' });
      },
    },
    ...LOCALES.map((id, i) => ({
      id: `lang-${id}`,
      x: W / 2 - 150 + i * 155,
      y: rowY[0],
      w: 145,
      h: 56,
      label: translate(id, `lang.${id}` as MessageKey),
      pressed: settings.locale === id,
      ariaLabel: `${t('title.language')}: ${translate(id, `lang.${id}` as MessageKey)}`,
      onPress: () => app.send({ type: 'settings.change', settings: { locale: id } }),
    })),
    {
      id: 'sound',
      x: W / 2 - 150,
      y: rowY[1],
      w: 300,
      h: 56,
      label: t(settings.muted ? 'title.soundOff' : 'title.soundOn'),
      icon: artUrl(settings.muted ? 'sound-off' : 'sound-on'),
      variant: 'quiet',
      pressed: !settings.muted,
      onPress: () => app.send({ type: 'settings.change', settings: { muted: !settings.muted } }),
    },
    {
      id: 'settings',
      x: W / 2 - 150,
      y: rowY[2],
      w: 300,
      h: 56,
      label: t('title.settings'),
      variant: 'quiet',
      onPress: () => app.send({ type: 'settings.open' }),
    },
  ]);
}
