// On a phone held upright the 16:9 game would shrink to a thin strip with unreadable text and
// finger-sized controls of a few pixels, so instead a card asks to turn the phone, in words and
// a picture. CSS decides when it shows (anywhere.css: narrow portrait screens); this only builds it
// in the player's language.
import { translate, type Locale } from '../../i18n/i18n';

// A phone upright, an arrow turning, the same phone on its side.
const PICTURE = `<svg viewBox="0 0 200 120" width="200" height="120" aria-hidden="true" focusable="false">
<rect x="14" y="14" width="52" height="92" rx="9" fill="#fff8e7" stroke="#2b2d42" stroke-width="5"/>
<circle cx="40" cy="96" r="4" fill="#2b2d42"/>
<path d="M82 44C100 22 128 24 138 44" fill="none" stroke="#e69f00" stroke-width="7" stroke-linecap="round"/>
<path d="M128 40L140 48L144 34" fill="none" stroke="#e69f00" stroke-width="7" stroke-linecap="round" stroke-linejoin="round"/>
<rect x="96" y="62" width="92" height="52" rx="9" fill="#fff8e7" stroke="#2b2d42" stroke-width="5"/>
<circle cx="178" cy="88" r="4" fill="#2b2d42"/></svg>`;

export function renderRotateHint(locale: Locale): void {
  let el = document.getElementById('bbd-rotate');
  if (!el) {
    el = document.createElement('div');
    el.id = 'bbd-rotate';
    el.className = 'bbd-rotate';
    el.setAttribute('role', 'status');
    el.innerHTML = `${PICTURE}<h2></h2><p></p>`;
    document.body.append(el);
  }
  if (el.dataset.locale === locale) return;
  el.dataset.locale = locale;
  el.lang = locale;
  (el.querySelector('h2') as HTMLElement).textContent = translate(locale, 'rotate.title');
  (el.querySelector('p') as HTMLElement).textContent = translate(locale, 'rotate.body');
}
