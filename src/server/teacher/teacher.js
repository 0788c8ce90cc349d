// The teacher's page: create a competition, then watch it live and manage it. Every name a
// student chose is put on the page with textContent, never as markup. The teacher's key travels
// in the link's #fragment (never sent to the server in a URL) and in an Authorization header.
import { renderFlags } from './flags.js';
import { TEXT } from './text.js';

const main = document.getElementById('main');
let lang = new URLSearchParams(location.search).get('lang') ?? (navigator.language.startsWith('zh') ? 'zh-CN' : 'en');
if (!TEXT[lang]) lang = 'en';

function t(key, params = {}) {
  const template = TEXT[lang][key] ?? TEXT.en[key] ?? key;
  return template.replace(/\{(\w+)\}/g, (whole, name) => (name in params ? String(params[name]) : whole));
}

/** Builds an element: el('button', { class: 'primary', onclick }, 'text' or children). */
function el(tag, attrs = {}, ...children) {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k.startsWith('on')) node.addEventListener(k.slice(2), v);
    else if (k === 'text') node.textContent = String(v);
    else node.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children) node.append(c);
  return node;
}

function secret() {
  const params = new URLSearchParams(location.hash.slice(1));
  const room = params.get('room');
  const key = params.get('key');
  return room && key ? { room, key } : null;
}

async function api(method, path, body) {
  const s = secret();
  const res = await fetch(path, {
    method,
    headers: {
      ...(body ? { 'content-type': 'application/json' } : {}),
      ...(s ? { authorization: `Bearer ${s.key}` } : {}),
    },
    body: body ? JSON.stringify(body) : undefined,
  });
  const data = res.headers.get('content-type')?.includes('json') ? await res.json() : await res.text();
  if (!res.ok) throw new Error(data?.error ?? `HTTP ${res.status}`);
  return data;
}

function renderHeader() {
  document.documentElement.lang = lang;
  for (const node of document.querySelectorAll('[data-text]')) node.textContent = t(node.dataset.text);
  const button = document.getElementById('lang');
  button.textContent = t('otherLanguage');
  button.onclick = () => {
    lang = lang === 'en' ? 'zh-CN' : 'en';
    renderHeader();
    render();
  };
}

// ---- Creating a competition ------------------------------------------------------------------

let chapters = [];

async function renderCreate() {
  if (chapters.length === 0) chapters = (await api('GET', '/api/chapters')).chapters;
  const error = el('p', { class: 'error', role: 'alert' });
  const form = el(
    'form',
    { id: 'create' },
    el('h2', { text: t('createTitle') }),
    el(
      'label',
      {},
      `${t('title')} `,
      el('input', { name: 'title', value: t('titleDefault'), maxlength: 80, required: true }),
    ),
    el(
      'fieldset',
      {},
      el('legend', { text: t('chapters') }),
      ...chapters.map((c) =>
        el(
          'label',
          {},
          el('input', { type: 'checkbox', name: 'chapter', value: c.number, checked: c.number <= 3 }),
          ` ${c.number}. ${c.title[lang]}`,
        ),
      ),
    ),
    el('label', {}, `${t('seed')} `, el('input', { name: 'seed', type: 'number', min: 0, max: 4294967295 })),
    el('br'),
    el('label', {}, el('input', { type: 'checkbox', name: 'board', checked: true }), ` ${t('showBoard')}`),
    el('br'),
    el('label', {}, `${t('password')} `, el('input', { name: 'password', type: 'password', autocomplete: 'off' })),
    el(
      'div',
      { class: 'actions' },
      el('button', { type: 'submit', class: 'primary', id: 'create-button', text: t('create') }),
    ),
    error,
  );
  form.addEventListener('submit', async (e) => {
    e.preventDefault();
    const data = new FormData(form);
    const seed = String(data.get('seed') ?? '').trim();
    try {
      const created = await api('POST', '/api/rooms', {
        title: String(data.get('title')),
        chapters: data.getAll('chapter').map(Number),
        seed: seed === '' ? null : Number(seed),
        leaderboardVisible: data.get('board') === 'on',
        password: String(data.get('password') ?? '') || undefined,
      });
      location.hash = created.teacherPath.split('#')[1];
    } catch (err) {
      error.textContent = err.message;
    }
  });
  main.replaceChildren(form);
}

// ---- Watching and managing ----------------------------------------------------------------

let state = null;
let filter = '';
let streamStatus = 'offline';
// The teacher's link is the key to the competition: hidden unless asked for (the page is often
// projected), with a warning beside it.
let linkShown = false;
let linkNote = '';
// Renames being typed, by player: a live update redraws the table without losing them.
const drafts = new Map();

/** The teacher's link, behind a button, with a warning and a way to change the key. */
function renderTeacherLink() {
  const box = el(
    'section',
    { class: 'secret', 'aria-label': t('showLink') },
    el('button', {
      id: 'show-link',
      'aria-expanded': linkShown ? 'true' : 'false',
      'aria-controls': 'teacher-link-box',
      text: linkShown ? t('hideLink') : t('showLink'),
      onclick: () => {
        linkShown = !linkShown;
        linkNote = '';
        renderDashboard();
      },
    }),
  );
  if (!linkShown) return box;
  box.append(
    el(
      'div',
      { id: 'teacher-link-box' },
      el('p', { class: 'warning', role: 'note' }, el('strong', { text: `⚠ ${t('linkWarning')}` })),
      linkNote ? el('p', { id: 'new-key-note', role: 'status', text: linkNote }) : '',
      el('p', { text: t('keepLink') }),
      el('p', {}, el('code', { id: 'teacher-link', text: location.href })),
      el('button', { id: 'new-key', text: t('newKey'), onclick: newKey }),
    ),
  );
  return box;
}

async function newKey() {
  if (!confirm(t('newKeyConfirm'))) return;
  try {
    const made = await api('POST', `/api/teacher/rooms/${secret().room}/key`);
    history.replaceState(null, '', `#${made.teacherPath.split('#')[1]}`);
    linkShown = true;
    linkNote = t('newKeyDone');
    renderDashboard();
  } catch (err) {
    showError(err);
  }
}

function renderRemoved() {
  const removed = state.removed ?? [];
  if (removed.length === 0) return [];
  return [
    el('h3', { text: t('removedPlayers', { n: removed.length }) }),
    el('p', { class: 'muted', text: t('removedHint') }),
    el(
      'ul',
      { id: 'removed' },
      ...removed.map((p) =>
        el(
          'li',
          {},
          el('span', { class: 'name', text: p.nickname }),
          ' ',
          el('button', {
            id: `let-back-${p.id}`,
            text: t('letBackIn'),
            onclick: () => playerAction('POST', `${p.id}/let-back-in`),
          }),
        ),
      ),
    ),
  ];
}

function renderDashboard() {
  if (!state) return;
  const { room } = state;
  const joinUrl = `${location.origin}/?join=${room.code}`;
  const parts = [];
  parts.push(el('h2', { text: room.title }));
  parts.push(
    el(
      'section',
      { class: 'join' },
      el(
        'div',
        {},
        el('div', { class: 'muted', text: t('joinCode') }),
        el('div', { class: 'code', id: 'join-code', text: room.code }),
      ),
      el('img', { src: `/api/rooms/${encodeURIComponent(room.code)}/qr.svg`, alt: `${t('joinLink')}: ${joinUrl}` }),
      el(
        'div',
        {},
        el('p', { text: t('joinHint') }),
        el('p', {}, `${t('joinLink')}: `, el('code', { id: 'join-link', text: joinUrl })),
      ),
    ),
  );
  parts.push(renderTeacherLink());
  if (room.ended) parts.push(el('p', { class: 'error', id: 'ended', text: t('ended') }));
  parts.push(
    el(
      'div',
      { class: 'actions' },
      el('button', {
        id: 'toggle-board',
        text: room.leaderboardVisible ? t('hideBoard') : t('showBoardButton'),
        onclick: () => change({ leaderboardVisible: !room.leaderboardVisible }),
      }),
      el('button', {
        id: 'end',
        text: t('end'),
        disabled: room.ended,
        onclick: () => {
          if (confirm(t('endConfirm'))) change({ ended: true });
        },
      }),
      el('button', { id: 'csv', class: 'primary', text: t('csv'), onclick: downloadCsv }),
      el('span', {
        class: 'muted',
        id: 'board-state',
        text: room.leaderboardVisible ? t('boardShown') : t('boardHidden'),
      }),
      el('span', { class: 'muted', id: 'live', text: streamStatus === 'live' ? `● ${t('live')}` : t('offline') }),
    ),
  );
  const visible = state.players.filter((p) => p.nickname.toLowerCase().includes(filter.toLowerCase()));
  const filterInput = el('input', {
    id: 'filter',
    type: 'search',
    value: filter,
    'aria-label': t('filter'),
    placeholder: t('filter'),
    oninput: (e) => {
      filter = e.target.value;
      renderDashboard();
    },
  });
  parts.push(el('h3', { text: t('players', { n: state.players.length }) }), filterInput);
  if (state.players.length === 0) parts.push(el('p', { class: 'muted', text: t('noPlayers') }));
  else
    parts.push(
      el(
        'table',
        { id: 'players' },
        el('thead', {}, el('tr', {}, el('th', { text: t('nickname') }), el('th', { text: '' }))),
        el(
          'tbody',
          {},
          ...visible.map((p) => {
            const input = el('input', {
              id: `rename-${p.id}`,
              value: drafts.get(p.id) ?? p.nickname,
              maxlength: 24,
              'aria-label': `${t('nickname')}: ${p.nickname}`,
              oninput: (e) => {
                if (e.target.value === p.nickname) drafts.delete(p.id);
                else drafts.set(p.id, e.target.value);
              },
            });
            return el(
              'tr',
              { 'data-player': p.id },
              el('td', {}, input),
              el(
                'td',
                {},
                el('button', {
                  text: t('rename'),
                  onclick: async () => {
                    if (await playerAction('PATCH', p.id, { nickname: input.value })) {
                      drafts.delete(p.id);
                      renderDashboard();
                    }
                  },
                }),
                ' ',
                el('button', {
                  text: t('remove'),
                  onclick: () => {
                    if (confirm(t('removeConfirm', { name: p.nickname }))) playerAction('DELETE', p.id);
                  },
                }),
              ),
            );
          }),
        ),
      ),
    );
  const standings = state.standings.filter((r) => r.nickname.toLowerCase().includes(filter.toLowerCase()));
  parts.push(
    el('h3', { text: t('leaderboard') }),
    el(
      'table',
      { id: 'leaderboard' },
      el(
        'thead',
        {},
        el(
          'tr',
          {},
          el('th', { text: t('rank') }),
          el('th', { text: t('nickname') }),
          el('th', { text: t('total') }),
          el('th', { text: t('stars') }),
          ...room.chapters.map((n) => el('th', { text: t('chapterShort', { n }) })),
        ),
      ),
      el(
        'tbody',
        {},
        ...standings.map((r) =>
          el(
            'tr',
            { 'data-player': r.playerId },
            el('td', { text: r.rank }),
            el('td', { class: 'name', text: r.nickname }),
            el('td', { class: 'total', text: r.total }),
            el('td', { text: '★'.repeat(r.stars) || '–' }),
            ...r.challenges.map((c) =>
              el('td', {
                text: `${c.score} (${'★'.repeat(c.stars) || '–'}, ${t('attemptsShort', { n: c.attempts })})`,
              }),
            ),
          ),
        ),
      ),
    ),
  );
  parts.push(...renderRemoved());
  parts.push(renderFlags(state.flags, el, t));
  parts.push(el('p', { class: 'error', role: 'alert', id: 'error' }));
  // Redrawing keeps what the teacher is doing: the focused control, and in a text field the
  // caret and selection (renames being typed are kept in drafts).
  const focused = document.activeElement;
  const focusedId = focused?.id;
  const selection =
    focused instanceof HTMLInputElement && focused.type !== 'checkbox'
      ? [focused.selectionStart, focused.selectionEnd]
      : null;
  const errorText = document.getElementById('error')?.textContent ?? '';
  main.replaceChildren(...parts);
  if (errorText) document.getElementById('error').textContent = errorText;
  if (!focusedId) return;
  const again = document.getElementById(focusedId);
  if (!again) return;
  again.focus();
  if (selection && again instanceof HTMLInputElement && selection[0] !== null)
    again.setSelectionRange(selection[0], selection[1]);
}

function clearError() {
  const node = document.getElementById('error');
  if (node) node.textContent = '';
}

function showError(err) {
  const node = document.getElementById('error');
  if (node) node.textContent = err.message;
}

async function change(body) {
  try {
    state = await api('PATCH', `/api/teacher/rooms/${secret().room}`, body);
    clearError();
    renderDashboard();
  } catch (err) {
    showError(err);
  }
}

async function playerAction(method, playerPath, body) {
  try {
    state = await api(method, `/api/teacher/rooms/${secret().room}/players/${playerPath}`, body);
    clearError();
    renderDashboard();
    return true;
  } catch (err) {
    showError(err);
    return false;
  }
}

async function downloadCsv() {
  try {
    const s = secret();
    const res = await fetch(`/api/teacher/rooms/${s.room}/results.csv`, {
      headers: { authorization: `Bearer ${s.key}` },
    });
    if (!res.ok) throw new Error((await res.json()).error);
    const name = /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? 'results.csv';
    const url = URL.createObjectURL(await res.blob());
    const a = el('a', { href: url, download: name });
    document.body.append(a);
    a.click();
    a.remove();
    setTimeout(() => URL.revokeObjectURL(url), 10_000);
  } catch (err) {
    showError(err);
  }
}

/** Reads the room's live stream (fetch, so the key goes in a header); reconnects when it drops. */
async function follow(roomId) {
  const s = secret();
  if (!s || s.room !== roomId) return;
  try {
    const res = await fetch(`/api/teacher/rooms/${roomId}/stream`, { headers: { authorization: `Bearer ${s.key}` } });
    if (!res.ok || !res.body) throw new Error((await res.json()).error);
    streamStatus = 'live';
    const reader = res.body.pipeThrough(new TextDecoderStream()).getReader();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      if (done) break;
      buffer += value;
      let cut = buffer.indexOf('\n\n');
      while (cut >= 0) {
        const chunk = buffer.slice(0, cut);
        buffer = buffer.slice(cut + 2);
        const data = /^data: (.*)$/m.exec(chunk)?.[1];
        if (data && /^event: standings$/m.test(chunk)) {
          const next = JSON.parse(data);
          if (!state || next.seq >= state.seq || next.room) {
            state = { ...state, ...next, roomId };
            renderDashboard();
          }
        }
        cut = buffer.indexOf('\n\n');
      }
    }
  } catch {
    // Dropped or refused: try again shortly.
  }
  streamStatus = 'offline';
  renderDashboard();
  if (secret()?.room === roomId) setTimeout(() => follow(roomId), 3000);
}

async function render() {
  const s = secret();
  if (!s) {
    state = null;
    await renderCreate();
    return;
  }
  if (state?.roomId !== s.room) {
    try {
      state = await api('GET', `/api/teacher/rooms/${s.room}`);
    } catch (err) {
      main.replaceChildren(el('p', { class: 'error', text: `${t('noKey')} (${err.message})` }));
      return;
    }
    void follow(s.room);
  }
  renderDashboard();
}

window.addEventListener('hashchange', () => void render());
renderHeader();
void render();
