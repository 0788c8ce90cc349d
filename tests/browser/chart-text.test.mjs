// Every chart, map, card strip and meter drawn on the canvas in chapters 1-6 has a text alternative on the
// control layer (role="img" with a summary, or a group labelled by its summary holding a table),
// and its words follow the chart: after a knob moves, a step is walked, the network trains or a
// digit is thrown, the summary says something new. The chapters are reached through their
// reference attempts (levels/reference/chN.json) in the replay player: seeking to a step shows
// the chapter's own scene at that step at once, with no playing through.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { after, before, describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { QUICK, ROOT, WAIT, control, gameUrl, openBrowser, snap, startPreview, waitForScreen } from './harness.mjs';

const CHAPTERS = [1, 2, 3, 4, 5, 6];
const REFERENCE = CHAPTERS.map((n) => JSON.parse(readFileSync(join(ROOT, `levels/reference/ch${n}.json`), 'utf8')));

const save = (locale) =>
  JSON.stringify({
    version: 2,
    progress: { stars: { 1: 3, 2: 3, 3: 3, 4: 3, 5: 3, 6: 3 } },
    settings: { locale, volume: 0.8, muted: true, reducedMotion: true },
    attempts: REFERENCE,
  });

let server;
before(async () => {
  server = await startPreview();
});
after(() => server?.stop());

const waitFor = (page, fn, arg) => page.waitForFunction(fn, arg, { timeout: WAIT, polling: 50 });

/** The chart texts on the layer: { id: { role, label, rows } }. */
function charts(page) {
  return page.$$eval('[data-chart]', (els) =>
    Object.fromEntries(
      els.map((e) => [
        e.dataset.chart,
        {
          role: e.getAttribute('role'),
          label: e.getAttribute('aria-label') ?? '',
          rows: [...e.querySelectorAll('tr')].map((tr) => [...tr.cells].map((c) => c.textContent)),
        },
      ]),
    ),
  );
}

/** Opens the replay of chapter n's reference attempt. */
async function watch(page, n) {
  await page.click(`[data-id="tab-${n}"]`);
  await page.click(`[data-id="watch-${CHAPTERS.indexOf(n)}"]`);
  await waitFor(page, () => {
    const s = window.blackBoxDog.snapshot();
    return s.screen === 'watch' && s.chapter !== null;
  });
}

/** Seeks the replay to step k and waits until the chapter shows it (at `step` when given). */
async function seek(page, k, step) {
  await page.locator('[data-id="watch-scrubber"]').fill(String(k));
  await waitFor(
    page,
    ([k, step]) => {
      const s = window.blackBoxDog.snapshot();
      return s.watch?.position === k && s.watch.ready >= k && s.chapter !== null && (!step || s.chapter.step === step);
    },
    [k, step],
  );
  return charts(page);
}

async function close(page) {
  await page.click('[data-id="watch-close"]');
  await waitFor(page, () => window.blackBoxDog.snapshot().screen === 'replays');
}

/** Each named chart is there, with a label in words (and a table when `tables` names it). */
function present(found, ids, { tables = [], where }) {
  for (const id of ids) {
    const c = found[id];
    if (process.env.BBD_SHOW_CHART_TEXT) console.log(`${where} · ${id}: ${c?.label}`);
    assert.ok(c, `${where}: chart "${id}" has a text alternative (found: ${Object.keys(found).join(', ')})`);
    assert.ok(c.label.trim().length > 20, `${where}: "${id}" says something: ${c.label}`);
    assert.ok(!/undefined|NaN|\{\w+\}/.test(c.label), `${where}: "${id}" is filled in: ${c.label}`);
    if (tables.includes(id)) {
      assert.equal(c.role, 'group', `${where}: "${id}" holds a table`);
      assert.ok(c.rows.length >= 2 && c.rows.every((r) => r.every((cell) => cell.trim())), `${where}: "${id}" table`);
    } else if (!c.rows.length) assert.equal(c.role, 'img', `${where}: "${id}" is an image with a label`);
  }
}

function changed(before, after, ids, where) {
  for (const id of ids)
    assert.notEqual(after[id]?.label, before[id]?.label, `${where}: "${id}" follows the chart: ${after[id]?.label}`);
}

async function chapterOne(page) {
  await watch(page, 1);
  const shut = await seek(page, 20, 'teach');
  assert.equal(shut.box, undefined, 'no box text while the box is shut');
  // The twist opens the box by itself, so the rising habit can be watched.
  const a = await seek(page, 36, 'twist');
  present(a, ['box'], { tables: ['box'], where: 'ch1 open box' });
  const b = await seek(page, 44, 'fix');
  assert.notDeepEqual(b.box.rows, a.box.rows, 'ch1: the box table follows training');
  await close(page);
  return a.box.label;
}

async function chapterTwo(page) {
  await watch(page, 2);
  const a = await seek(page, 6);
  present(a, ['strip'], { tables: ['strip'], where: 'ch2 the week checked' });
  const b = await seek(page, 10);
  present(b, ['strip'], { tables: ['strip'], where: 'ch2 the stall checked' });
  changed(a, b, ['strip'], 'ch2 from the days to the fruit');
  await close(page);
  return b.strip.label;
}

async function chapterThree(page) {
  await watch(page, 3);
  const a = await seek(page, 1, 'task');
  present(a, ['meter', 'basket'], { tables: ['meter', 'basket'], where: 'ch3 task' });
  const b = await seek(page, 2, 'task');
  changed(a, b, ['meter'], 'ch3 after the knobs load');
  const c = await seek(page, 19, 'challengeResult');
  present(c, ['meter', 'basket'], { tables: ['basket'], where: 'ch3 challenge' });
  changed(b, c, ['basket'], 'ch3 challenge');
  await close(page);
  return a.meter.label;
}

async function chapterFour(page) {
  await watch(page, 4);
  const a = await seek(page, 0, 'line');
  present(a, ['plane'], { tables: ['plane'], where: 'ch4 line' });
  const b = await seek(page, 1, 'line');
  changed(a, b, ['plane'], 'ch4 after a knob nudge');
  const c = await seek(page, 14, 'build');
  present(c, ['plane', 'network'], { tables: ['plane', 'network'], where: 'ch4 build' });
  const d = await seek(page, 26, 'lab');
  present(d, ['heatmap', 'neurons', 'loss'], { where: 'ch4 lab' });
  const e = await seek(page, 27, 'lab');
  assert.ok((await snap(page)).chapter.lab.epochs > 0, 'the lab has trained');
  changed(d, e, ['heatmap', 'loss'], 'ch4 after training');
  assert.equal(await page.locator('[data-chart="plane"]').count(), 0, 'the XOR plane text left with the plane');
  await close(page);
  return e.heatmap.label;
}

async function chapterFive(page) {
  await watch(page, 5);
  const a = await seek(page, 0, 'hand');
  present(a, ['plot', 'bar'], { where: 'ch5 hand' });
  const b = await seek(page, 1, 'hand');
  changed(a, b, ['plot', 'bar'], 'ch5 after a knob nudge');
  // Event 9 feels the slope; the first step follows it.
  const c = await seek(page, 10, 'fog1');
  present(c, ['mountain'], { where: 'ch5 fog, one knob' });
  changed(c, await seek(page, 11, 'fog1'), ['mountain'], 'ch5 after a step in the fog');
  const d = await seek(page, 12, 'fog2');
  present(d, ['map'], { where: 'ch5 fog, two knobs' });
  changed(d, await seek(page, 13, 'fog2'), ['map'], 'ch5 after a step on the map');
  const e = await seek(page, 19, 'auto');
  present(e, ['descent', 'paths', 'plot'], { where: 'ch5 automatic descent' });
  changed(e, await seek(page, 20, 'auto'), ['descent', 'paths'], 'ch5 after descent steps');
  const f = await seek(page, 25, 'gears');
  present(f, ['gears'], { tables: ['gears'], where: 'ch5 gears' });
  const g = await seek(page, 26, 'gears');
  assert.notDeepEqual(g.gears.rows, f.gears.rows, 'ch5: the gears table follows a turn');
  await close(page);
  return d.map.label;
}

async function chapterSix(page) {
  await watch(page, 6);
  // Training runs in the worker while the replay shows the training step: the curves' words follow its reports.
  const a = await seek(page, 4, 'training');
  present(a, ['curves', 'samples'], { where: 'ch6 training starts' });
  await waitFor(page, () => (window.blackBoxDog.snapshot().chapter.trainingProgress?.reports ?? 0) >= 3);
  const b = await charts(page);
  changed(a, b, ['curves', 'samples'], 'ch6 after training reports');
  present(b, ['samples'], { tables: ['samples'], where: 'ch6 samples read' });
  const c = await seek(page, 6, 'phase1');
  present(c, ['health'], { where: 'ch6 fight' });
  changed(c, await seek(page, 7, 'phase1'), ['health'], 'ch6 after a throw');
  const d = await seek(page, 17, 'phase2');
  present(d, ['health', 'probs'], { where: 'ch6 drawing' });
  await close(page);
  return b.curves.label;
}

describe('text alternatives of charts', () => {
  it('chapters 1-6 in English: every chart is described in words that follow it', async () => {
    const b = await openBrowser();
    const { page, errors } = b;
    try {
      await page.addInitScript((s) => localStorage.setItem('blackboxdog.save', s), save('en'));
      await page.goto(gameUrl(server, { seed: 7, ...QUICK }));
      await waitForScreen(page, 'title');
      await control(page, 'title', 'play').click();
      await waitForScreen(page, 'map');
      await control(page, 'map', 'replays').click();
      await waitForScreen(page, 'replays');
      assert.match(await chapterOne(page), /^Inside Bit's box: .+ · .+: .+ \d+%/);
      assert.match(await chapterTwo(page), /^The fruit cards: \d+ of \d+ shown, \d+ judged right/);
      const meter = await chapterThree(page);
      assert.match(meter, /^Sum meter, .+ threshold/);
      assert.match(await chapterFour(page), /^Decision map, .+ of .+ training points/);
      assert.match(await chapterFive(page), /^Map of K1 and K2: you stand at/);
      assert.match(await chapterSix(page), /^Training curves after \d+% of training: loss/);
      assert.deepEqual(errors, []);
    } finally {
      await b.close();
    }
  });

  it('in Chinese the words are Chinese', async () => {
    const b = await openBrowser({ locale: 'zh-CN' });
    const { page, errors } = b;
    try {
      await page.addInitScript((s) => localStorage.setItem('blackboxdog.save', s), save('zh-CN'));
      await page.goto(gameUrl(server, { seed: 7, ...QUICK }));
      await waitForScreen(page, 'title');
      await control(page, 'title', 'play').click();
      await waitForScreen(page, 'map');
      await control(page, 'map', 'replays').click();
      await waitForScreen(page, 'replays');
      await watch(page, 3);
      const task = await seek(page, 1, 'task');
      present(task, ['meter', 'basket'], { tables: ['meter', 'basket'], where: 'ch3 task, zh-CN' });
      assert.match(task.meter.label, /^总和表/);
      await close(page);
      await watch(page, 5);
      const hand = await seek(page, 1, 'hand');
      present(hand, ['plot', 'bar'], { where: 'ch5 hand, zh-CN' });
      assert.match(hand.bar.label, /^损失条/);
      // The gears part shows the gear chain's loss only: the curve's loss bar has left.
      const gears = await seek(page, 25, 'gears');
      present(gears, ['gears'], { tables: ['gears'], where: 'ch5 gears, zh-CN' });
      assert.match(gears.gears.label, /^四个齿轮/);
      assert.deepEqual(errors, []);
    } finally {
      await b.close();
    }
  });
});
