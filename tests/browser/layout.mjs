// The layout check: at a state a browser test has reached, no text may overlap another text or a
// control, leave its panel or be cut. HTML texts are read from the page (their line boxes, and
// scrollWidth > clientWidth for a cut), canvas texts from the game's test API
// (window.blackBoxDog.canvasTexts(), src/game/ui/layoutProbe.ts): their bounds against each other,
// against the HTML controls and panels, against their container, and against the pictures drawn
// over them. The state is looked at in the page's three sizes (1280×720, 1024×768 and a phone
// held in landscape, 844×390) by resizing the viewport, then the viewport is put back.
import assert from 'node:assert/strict';

export const LAYOUT_SIZES = [
  { width: 1280, height: 720 },
  { width: 1024, height: 768 },
  { width: 844, height: 390 },
];

// Known findings, by screen (the label's start) and a text the finding names, each with why it
// is still there: listed when met, not failed. Chapter 6 is being reworked (its boss and its
// handwriting moments); these wait for that work.
export const KNOWN = [];

/** Finds the layout problems of the state shown now, at the current viewport, in page pixels. */
function collect(page) {
  return page.evaluate(() => {
    const SLACK = 2; // CSS px of overlap or spill that is only anti-aliasing and borders
    const rectOf = (r) => ({ x: r.left ?? r.x, y: r.top ?? r.y, w: r.width ?? r.w, h: r.height ?? r.h });
    const overlap = (a, b) =>
      Math.min(a.x + a.w, b.x + b.w) - Math.max(a.x, b.x) > SLACK &&
      Math.min(a.y + a.h, b.y + b.h) - Math.max(a.y, b.y) > SLACK;
    const inside = (a, box) =>
      a.x >= box.x - SLACK &&
      a.y >= box.y - SLACK &&
      a.x + a.w <= box.x + box.w + SLACK &&
      a.y + a.h <= box.y + box.h + SLACK;
    const short = (s) => s.replace(/\s+/g, ' ').trim().slice(0, 60);
    const shown = (el) =>
      el.checkVisibility({ opacityProperty: true, visibilityProperty: true }) &&
      !el.closest('[hidden], [inert] .bbd-sr');
    const roots = [...document.querySelectorAll('#ui, #overlay')];
    const modal = document.querySelector(
      '#overlay [role="dialog"], #overlay [role="alertdialog"], #overlay .bbd-confirm, #overlay .bbd-settings',
    );
    // With a dialog open, only the dialog is looked at (the screen behind waits, covered).
    const scopes = modal && shown(modal) ? [modal] : roots;
    const boxed = (el) => {
      // The panel a text must stay in: the nearest element that paints a background or border.
      for (let p = el.parentElement; p && !roots.includes(p); p = p.parentElement) {
        const s = getComputedStyle(p);
        const bg = s.backgroundColor !== 'rgba(0, 0, 0, 0)' && s.backgroundColor !== 'transparent';
        if (bg || parseFloat(s.borderTopWidth) > 0 || s.backgroundImage !== 'none') return p;
      }
      return null;
    };
    const scrollerOf = (el) => {
      for (let p = el.parentElement; p && !roots.includes(p); p = p.parentElement) {
        const o = getComputedStyle(p).overflowY;
        if (o === 'auto' || o === 'scroll') return p;
      }
      return null;
    };
    const name = (el) =>
      el.dataset?.group
        ? `${el.dataset.group}/${el.dataset.id}`
        : `${el.tagName.toLowerCase()}${el.className && typeof el.className === 'string' ? `.${el.className.split(' ')[0]}` : ''}`;

    const texts = [];
    const controls = [];
    const panels = [];
    for (const scope of scopes) {
      const walker = document.createTreeWalker(scope, NodeFilter.SHOW_TEXT);
      for (let n = walker.nextNode(); n; n = walker.nextNode()) {
        const el = n.parentElement;
        if (!n.textContent.trim() || !el || !shown(el)) continue;
        const range = document.createRange();
        range.selectNodeContents(n);
        // A line's box is the font's whole ascent and descent, taller than its line height (and
        // than the letters): a fifth off its top and bottom leaves the letters.
        const lines = [...range.getClientRects()]
          .map(rectOf)
          .filter((r) => r.w > 1 && r.h > 1)
          .map((r) => ({ ...r, y: r.y + r.h / 5, h: (r.h * 3) / 5 }));
        // A list that scrolls (the replays' comparison) shows the lines inside its box; the
        // others are scrolled out of sight.
        const scroller = scrollerOf(el);
        if (scroller) {
          const b = rectOf(scroller.getBoundingClientRect());
          for (let i = lines.length - 1; i >= 0; i--) {
            const l = lines[i];
            const x = Math.max(l.x, b.x);
            const y = Math.max(l.y, b.y);
            const w = Math.min(l.x + l.w, b.x + b.w) - x;
            const h = Math.min(l.y + l.h, b.y + b.h) - y;
            if (w <= 1 || h <= 1) lines.splice(i, 1);
            else lines[i] = { x, y, w, h };
          }
        }
        // Screen-reader-only text is clipped to a pixel.
        if (!lines.length || getComputedStyle(el).clipPath.startsWith('inset') || el.closest('.bbd-sr, .sr-only'))
          continue;
        texts.push({
          kind: 'html',
          text: short(n.textContent),
          el,
          lines,
          control: el.closest('button, input, label'),
        });
      }
      for (const el of scope.querySelectorAll('button, input, select, textarea')) {
        if (!shown(el)) continue;
        const r = rectOf(el.getBoundingClientRect());
        if (r.w > 1 && r.h > 1) controls.push({ el, rect: r, name: name(el) });
      }
      for (const el of scope.querySelectorAll('div, section, aside, p, ul, ol, li, figure')) {
        if (!shown(el) || el.closest('button')) continue;
        const s = getComputedStyle(el);
        const bg = s.backgroundColor !== 'rgba(0, 0, 0, 0)' && s.backgroundColor !== 'transparent';
        if (!bg) continue;
        const r = rectOf(el.getBoundingClientRect());
        if (r.w > 1 && r.h > 1 && r.w * r.h < 0.8 * innerWidth * innerHeight) panels.push({ el, rect: r });
      }
    }
    const canvas = modal && shown(modal) ? [] : (window.blackBoxDog?.canvasTexts() ?? []);
    const findings = [];
    const add = (kind, text, detail) => findings.push({ kind, text, detail });

    // HTML: cut texts and texts out of their control or panel.
    const seen = new Set();
    for (const t of texts) {
      for (const el of [t.el, t.control].filter(Boolean)) {
        if (seen.has(el)) continue;
        seen.add(el);
        const s = getComputedStyle(el);
        if (s.display === 'inline' || el.tagName === 'INPUT') continue;
        if (el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
          add('cut', t.text, `${name(el)} is ${el.scrollWidth} px wide inside ${el.clientWidth}`);
        else if (el.scrollHeight > el.clientHeight + 1 && el.clientHeight > 0 && s.overflowY !== 'visible')
          add('cut', t.text, `${name(el)} is ${el.scrollHeight} px tall inside ${el.clientHeight}`);
      }
      const box = t.control ?? boxed(t.el);
      if (box) {
        const b = rectOf(box.getBoundingClientRect());
        if (t.lines.some((l) => !inside(l, b))) add('leaves its panel', t.text, `outside ${name(box)}`);
      }
    }
    // HTML texts against each other and against controls they are not part of.
    // A dialog, card or tip shown over the screen (chapter 2's "why?" panel, the history cards,
    // chapter 4's tips, captions, the replay bar: role dialog or tooltip, or data-over) covers what
    // lies under it on purpose: where it is on top, what it covers is hidden, not run into. A canvas
    // text wholly under one is hidden; one it covers only in part is cut by its edge, and reported.
    // (Which is on top is asked of the page, with the tips' and captions' pointer-events on.)
    const OVER = '[role="dialog"], [role="alertdialog"], [role="tooltip"], [data-over]';
    const dialogOf = (el) => el?.closest?.(OVER) ?? null;
    const MOMENT = '[role="tooltip"], [data-over="tip"], [data-over="caption"]';
    const overs = scopes.flatMap((sc) => [...sc.querySelectorAll(OVER)]).filter(shown);
    const overRects = overs.map((el) => rectOf(el.getBoundingClientRect()));
    const saved = overs.map((el) => el.style.pointerEvents);
    for (const el of overs) el.style.pointerEvents = 'auto';
    const hidden = (aEl, bEl, p, q) => {
      const da = dialogOf(aEl);
      const db = dialogOf(bEl);
      if (da === db) return false;
      const x = (Math.max(p.x, q.x) + Math.min(p.x + p.w, q.x + q.w)) / 2;
      const y = (Math.max(p.y, q.y) + Math.min(p.y + p.h, q.y + q.h)) / 2;
      const top = document.elementFromPoint(x, y);
      const over = dialogOf(top);
      return !!over && (over === da || over === db);
    };
    const clash = (a, aEl, b, bEl) => a.some((p) => b.some((q) => overlap(p, q) && !hidden(aEl, bEl, p, q)));
    const underOver = (c) => overRects.some((r) => inside(c.rect, r));
    const inSight = canvas.filter((c) => !underOver(c));
    const all = [...texts, ...inSight.map((c) => ({ kind: 'canvas', text: short(c.text), lines: [c.rect], c }))];
    for (let i = 0; i < all.length; i++) {
      const a = all[i];
      for (let j = i + 1; j < all.length; j++) {
        const b = all[j];
        if (clash(a.lines, a.el, b.lines, b.el)) add('overlaps a text', a.text, `"${b.text}"`);
      }
      for (const c of controls) {
        if (a.el && (c.el.contains(a.el) || a.control === c.el || (c.el.id && a.el.closest(`label[for="${c.el.id}"]`))))
          continue;
        if (clash(a.lines, a.el, [c.rect], c.el)) add('overlaps a control', a.text, c.name);
      }
    }
    // Canvas texts: inside their container, not under a picture or an HTML panel drawn over them.
    for (const c of inSight) {
      const text = short(c.text);
      if (!inside(c.rect, c.box)) add('leaves its panel', text, `outside ${c.scene}'s box`);
      for (const p of c.coveredBy) if (overlap(c.rect, p.rect)) add('is covered', text, p.what);
      for (const p of panels) {
        if (!overlap(c.rect, p.rect)) continue;
        if (!dialogOf(p.el)) add('is covered', text, `HTML ${name(p.el)}`);
        // A tip or a sound caption shows for a moment (on hover, for a few seconds): it may lie
        // across anything.
        else if (!inside(c.rect, p.rect) && !p.el.closest(MOMENT))
          add('is cut by the edge of', text, `HTML ${name(p.el)}`);
      }
    }
    // Controls against each other.
    for (let i = 0; i < controls.length; i++)
      for (let j = i + 1; j < controls.length; j++)
        if (clash([controls[i].rect], controls[i].el, [controls[j].rect], controls[j].el))
          add('control overlaps a control', controls[i].name, controls[j].name);
    overs.forEach((el, i) => {
      el.style.pointerEvents = saved[i];
    });
    return findings;
  });
}

async function settle(page) {
  // The HTML layer follows the canvas a frame after a resize (startGame.ts's fit): wait until the
  // layer's box matches the canvas'.
  await page.waitForFunction(
    () => {
      const c = document.querySelector('#game canvas');
      const ui = document.getElementById('ui');
      if (!c || !ui) return true;
      const a = c.getBoundingClientRect();
      const b = ui.getBoundingClientRect();
      return Math.abs(a.left - b.left) < 1 && Math.abs(a.width - b.width) < 1;
    },
    null,
    // Generous: on the title the engine may still be starting (its canvas takes its size then).
    { timeout: 90_000, polling: 'raf' },
  );
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r))));
}

const coarse = (page) => page.evaluate(() => matchMedia('(pointer: coarse)').matches);

/**
 * Turns the page's touch screen on (Chromium's touch emulation, which lasts as long as its DevTools
 * session) and lets the page redraw; the function it returns turns it off again.
 */
async function touchOn(page) {
  const cdp = await page.context().newCDPSession(page);
  const want = (on) =>
    page.waitForFunction((w) => matchMedia('(pointer: coarse)').matches === w, on, { timeout: 90_000 });
  await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: true, maxTouchPoints: 5 });
  await want(true);
  await settle(page);
  return async () => {
    await cdp.send('Emulation.setTouchEmulationEnabled', { enabled: false });
    await cdp.detach();
    await want(false);
    await settle(page);
  };
}

/**
 * The screens laid out for a phone (src/game/ui/phoneLayout.ts: the title, the map and chapter 1)
 * are looked at with a touch screen at the phone's size. The others have no phone layout yet (a
 * phone grows their controls to 44 CSS px over their neighbours): they are looked at as a small
 * window there, their 1280×720 layout made smaller.
 */
const PHONE_READY = (where) => where.screen === 'title' || where.screen === 'map' || where.chapter === 1;

const known = (screen, f) =>
  KNOWN.some((k) => screen.startsWith(k.screen) && (f.text.includes(k.text) || f.detail.includes(k.text)));

/**
 * Fails when the state shown now has a text that overlaps another text or a control, leaves its
 * panel or is cut, at any of the three sizes. `screen` names the state in the failure (and for the
 * known findings, e.g. 'ch4 lab').
 */
export async function checkLayout(page, screen, { sizes = LAYOUT_SIZES } = {}) {
  sizes ??= LAYOUT_SIZES;
  const original = page.viewportSize();
  const { lang, ...where } = await page.evaluate(() => {
    const s = window.blackBoxDog?.snapshot();
    return { lang: document.documentElement.lang, screen: s?.screen, chapter: s?.chapter?.number ?? null };
  });
  const found = new Map();
  // The engine draws the canvas texts: on the title it may still be starting.
  await page.waitForFunction(() => document.querySelector('#game canvas'), null, { timeout: 90_000 });
  await settle(page);
  try {
    for (const size of sizes) {
      if (original.width !== size.width || original.height !== size.height) {
        await page.setViewportSize(size);
        await settle(page);
      }
      // A window as small as a phone's is a phone's in the game's eyes only with a touch screen
      // (src/game/ui/phoneLayout.ts): with a mouse the layer is the 1280×720 one, only smaller.
      // So the phone size is looked at with touch turned on, the phone layout a player sees.
      const touch = size.height <= 500 && PHONE_READY(where) && !(await coarse(page));
      const touchOff = touch ? await touchOn(page) : null;
      try {
        const now = await collect(page);
        // LAYOUT_SHOTS=dir saves a picture of each size where something was found.
        if (process.env.LAYOUT_SHOTS && now.length)
          await page.screenshot({
            path: `${process.env.LAYOUT_SHOTS}/${screen}-${size.width}x${size.height}.png`.replace(/\s+/g, '_'),
          });
        for (const f of now) {
          const key = `${f.kind}|${f.text}|${f.detail}`;
          const entry = found.get(key) ?? { ...f, sizes: [] };
          entry.sizes.push(`${size.width}×${size.height}${touch ? ' touch' : ''}`);
          found.set(key, entry);
        }
      } finally {
        await touchOff?.();
      }
    }
  } finally {
    const now = page.viewportSize();
    if (now.width !== original.width || now.height !== original.height) {
      await page.setViewportSize(original);
      await settle(page);
    }
  }
  const findings = [...found.values()];
  const unexpected = findings.filter((f) => !known(screen, f));
  const line = (f) => `  [${lang} ${screen}] "${f.text}" ${f.kind}: ${f.detail} (${f.sizes.join(', ')})`;
  if (findings.length > unexpected.length)
    console.log(
      `known layout findings:\n${findings
        .filter((f) => known(screen, f))
        .map(line)
        .join('\n')}`,
    );
  // LAYOUT_REPORT=1 lists every finding and goes on (to see them all at once); otherwise the
  // first state with a problem fails its test.
  if (process.env.LAYOUT_REPORT && unexpected.length) {
    console.log(`LAYOUT\n${unexpected.map(line).join('\n')}`);
    return;
  }
  assert.equal(unexpected.length, 0, `layout problems:\n${unexpected.map(line).join('\n')}`);
}

// The check at every state a browser test reaches (its screenshots, tests/browser/harness.mjs).
// With a mouse the HTML layer and the canvas are drawn at 1280×720 and scaled to the window (a CSS
// transform), so 1024×768, and 844×390 without touch, are that layout made smaller; a state looked
// at in three sizes costs about three times one. Each state is looked at in the three sizes the
// first time the file's tests reach it (a screen and step, in a language) and at its current size
// after that. LAYOUT_ALL=1 looks at every state in the three sizes. What it cost is written out
// when the file's tests end.
const checked = new Set();
const cost = { states: 0, full: 0, ms: 0 };

/** The layout check at a state a test has reached (`name`, e.g. a screenshot's name). */
export async function checkpoint(page, name) {
  const start = Date.now();
  const state = await page.evaluate(() => {
    // A page that is not the game's (the classroom's teacher page), or the page's own title
    // before the engine has come (anywhere.test.mjs), has no game layers to look at.
    if (!document.querySelector('#game canvas')) return null;
    const s = window.blackBoxDog?.snapshot() ?? {};
    const dialog = !!document.querySelector('#overlay [role="dialog"], #overlay [role="alertdialog"]');
    return {
      key: [
        document.documentElement.lang,
        s.screen,
        s.chapterState,
        s.chapter?.number,
        JSON.stringify(s.chapter?.step ?? s.chapter?.part ?? null),
        dialog,
      ].join('|'),
      coarse: matchMedia('(pointer: coarse)').matches,
    };
  });
  if (!state) return;
  const full = !state.coarse && (process.env.LAYOUT_ALL === '1' || !checked.has(state.key));
  checked.add(state.key);
  try {
    await checkLayout(page, name, { sizes: full ? LAYOUT_SIZES : [page.viewportSize()] });
  } finally {
    cost.states++;
    if (full) cost.full++;
    cost.ms += Date.now() - start;
  }
}

process.on('exit', () => {
  if (cost.states)
    process.stderr.write(
      `layout check: ${cost.states} states (${cost.full} in three sizes) in ${(cost.ms / 1000).toFixed(1)} s\n`,
    );
});
