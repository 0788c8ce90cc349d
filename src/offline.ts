/// <reference types="vite-plugin-pwa/client" />
// Offline play: registers the service worker that vite-plugin-pwa builds (Workbox precaches the
// whole game, see vite.config.ts). Two things reach the player:
//   - the first time everything is stored, the live region says the game now works offline;
//   - when a newer version has been downloaded, a banner in the player's language offers to
//     update now or later. Updating reloads the page under the new version; the save lives in
//     localStorage, which a service worker swap never touches.
import { registerSW } from 'virtual:pwa-register';
import { translate, type Locale } from './i18n/i18n';

// Its own polite live region, so these messages never overwrite what the game is announcing.
function announce(text: string): void {
  let live = document.getElementById('live-offline');
  if (!live) {
    live = document.createElement('div');
    live.id = 'live-offline';
    live.className = 'sr-only';
    live.setAttribute('aria-live', 'polite');
    document.body.append(live);
  }
  live.textContent = text;
}

function showUpdateBanner(locale: Locale, update: () => void): void {
  if (document.getElementById('bbd-update')) return;
  const t = (key: 'offline.update' | 'offline.updateNow' | 'offline.later') => translate(locale, key);
  const banner = document.createElement('div');
  banner.id = 'bbd-update';
  banner.className = 'bbd-update';
  banner.setAttribute('role', 'region');
  banner.setAttribute('aria-label', t('offline.update'));
  const text = document.createElement('p');
  text.textContent = t('offline.update');
  const now = document.createElement('button');
  now.type = 'button';
  now.className = 'bbd-btn primary';
  now.dataset.id = 'update-now';
  now.textContent = t('offline.updateNow');
  now.onclick = () => {
    now.disabled = true;
    update();
  };
  const later = document.createElement('button');
  later.type = 'button';
  later.className = 'bbd-btn quiet';
  later.dataset.id = 'update-later';
  later.textContent = t('offline.later');
  later.onclick = () => banner.remove();
  banner.append(text, now, later);
  document.body.append(banner);
  announce(t('offline.update'));
}

/** Registers the service worker where the browser has one; `locale` is read when a message shows. */
export function registerOffline(locale: () => Locale): void {
  if (!('serviceWorker' in navigator)) return;
  const updateSW = registerSW({
    onNeedRefresh: () => showUpdateBanner(locale(), () => void updateSW(true)),
    onOfflineReady: () => announce(translate(locale(), 'offline.ready')),
    onRegisterError: (err) => console.warn('Offline play is unavailable:', err),
  });
}
