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

// Known findings, by screen (the label's start) and a text the finding names. Empty: every
// screen the checks visit is clean.
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
    const all = [...texts, ...canvas.map((c) => ({ kind: 'canvas', text: short(c.text), lines: [c.rect], c }))];
    for (let i = 0; i < all.length; i++) {
      const a = all[i];
      for (let j = i + 1; j < all.length; j++) {
        const b = all[j];
        if (a.lines.some((la) => b.lines.some((lb) => overlap(la, lb)))) add('overlaps a text', a.text, `"${b.text}"`);
      }
      for (const c of controls) {
        if (a.el && (c.el.contains(a.el) || a.control === c.el || (c.el.id && a.el.closest(`label[for="${c.el.id}"]`))))
          continue;
        if (a.lines.some((l) => overlap(l, c.rect))) add('overlaps a control', a.text, c.name);
      }
    }
    // Canvas texts: inside their container, not under a picture or an HTML panel drawn over them.
    for (const c of canvas) {
      const text = short(c.text);
      if (!inside(c.rect, c.box)) add('leaves its panel', text, `outside ${c.scene}'s box`);
      for (const p of c.coveredBy) if (overlap(c.rect, p.rect)) add('is covered', text, p.what);
      for (const p of panels) if (overlap(c.rect, p.rect)) add('is covered', text, `HTML ${name(p.el)}`);
    }
    // Controls against each other.
    for (let i = 0; i < controls.length; i++)
      for (let j = i + 1; j < controls.length; j++)
        if (overlap(controls[i].rect, controls[j].rect))
          add('control overlaps a control', controls[i].name, controls[j].name);
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
      for (const f of await collect(page)) {
        const key = `${f.kind}|${f.text}|${f.detail}`;
        const entry = found.get(key) ?? { ...f, sizes: [] };
        entry.sizes.push(`${size.width}×${size.height}`);
        found.set(key, entry);
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
  const lang = await page.evaluate(() => document.documentElement.lang);
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
